import { intlLocale } from '../i18n';

/** A calendar day from the API (YYYY-MM-DD), formatted without any time-zone shift. */
export const formatDay = (day: string | null | undefined, locale: string, style: 'medium' | 'long' = 'medium') =>
  day
    ? new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: style, timeZone: 'UTC' }).format(
        new Date(`${day}T00:00:00Z`),
      )
    : null;

/** An instant from the API, in Rome's time, where the company and its deadlines are, whatever the browser's zone. */
export const formatInstant = (
  iso: string | null | undefined,
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
) =>
  iso
    ? new Intl.DateTimeFormat(intlLocale(locale), { timeZone: 'Europe/Rome', ...options }).format(new Date(iso))
    : null;

/** The calendar day (YYYY-MM-DD) of an instant in Rome: the API counts deadlines in Europe/Rome. */
export const romeDay = (instant: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Rome',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);

export const todayInRome = () => romeDay(new Date());
