import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

import { intlLocale } from '../i18n';

const dateTimeOptions: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
};

/** A DateField that formats in the console's language, not the browser's. */
export const DateTimeField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField showTime locales={intlLocale(locale)} options={dateTimeOptions} {...props} />;
};
