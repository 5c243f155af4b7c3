import polyglotI18nProvider from 'ra-i18n-polyglot';
import { resolveBrowserLocale, type I18nProvider } from 'react-admin';

import en from './en';
import it from './it';

const messages = { en, it } as const;
type LocaleCode = keyof typeof messages;

export const locales: { locale: LocaleCode; name: string }[] = [
  { locale: 'en', name: 'English' },
  { locale: 'it', name: 'Italiano' },
];

/**
 * react-admin keeps the chosen locale in its store, but resets the store on
 * logout. The choice is kept here as well so the login screen and the next
 * session open in the language the officer picked.
 */
const LOCALE_KEY = 'privacy-console.locale';

const isLocale = (value: unknown): value is LocaleCode => typeof value === 'string' && Object.hasOwn(messages, value);

const initialLocale = (): LocaleCode => {
  try {
    const stored = localStorage.getItem(LOCALE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage unavailable (private mode): fall back to the browser language
  }
  const browser = resolveBrowserLocale('en');
  return isLocale(browser) ? browser : 'en';
};

const polyglotProvider = polyglotI18nProvider(
  (locale) => (isLocale(locale) ? messages[locale] : messages.en),
  initialLocale(),
  locales,
);

export const i18nProvider: I18nProvider = {
  ...polyglotProvider,
  changeLocale: async (locale, options) => {
    await polyglotProvider.changeLocale(locale, options);
    try {
      localStorage.setItem(LOCALE_KEY, locale);
    } catch {
      // not fatal: the choice simply won't outlive the session
    }
    document.documentElement.lang = locale;
  },
};

document.documentElement.lang = polyglotProvider.getLocale();

/** BCP 47 tag used to format dates and numbers for a react-admin locale. */
export const intlLocale = (locale: string): string => (locale === 'it' ? 'it-IT' : 'en-GB');
