import { useLocaleState, useTranslate } from 'react-admin';

import { intlLocale } from '../i18n';
import { explainRefusal } from './refusals';

/** The API's refusals in the UI's language (refusals.ts), for a dialog's notification and inputs. */
export const useExplainRefusal = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (error: unknown) => explainRefusal(translate, intlLocale(locale), error);
};
