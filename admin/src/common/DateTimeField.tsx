import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

import { intlLocale } from '../i18n';

const dateTimeOptions: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  // The company, its deadlines and its auditors are in Rome, whatever the browser's zone.
  timeZone: 'Europe/Rome',
};

/** A DateField that formats in the console's language and Rome's time, not the browser's. */
export const DateTimeField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField showTime locales={intlLocale(locale)} options={dateTimeOptions} {...props} />;
};
