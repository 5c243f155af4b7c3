/** As i18n's intlLocale (not imported: that module loads the whole of react-admin). */
const intlLocale = (locale: string): string => (locale === 'it' ? 'it-IT' : 'en-GB');

/** The value of a date field in words, in the console's language; `YYYY-MM-DD` read as a calendar day. */
export function dateInWords(value: unknown, locale: string, time: boolean): string | null {
  if (typeof value !== 'string' && !(value instanceof Date)) return null;
  const day = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = day ? new Date(`${value}T12:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(time && !day ? { hour: '2-digit', minute: '2-digit' } : {}),
    timeZone: day ? 'UTC' : 'Europe/Rome',
  }).format(date);
}
