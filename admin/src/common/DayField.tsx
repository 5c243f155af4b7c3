import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

import { intlLocale } from '../i18n';

// A calendar day (YYYY-MM-DD) is read as midnight UTC: formatting it in UTC keeps the same day.
const dayOptions: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' };

/** A calendar day (a DPA's signature, a review date) in the console's language, not the browser's. */
export const DayField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField locales={intlLocale(locale)} options={dayOptions} {...props} />;
};
