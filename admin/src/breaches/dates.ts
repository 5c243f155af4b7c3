/** The date-time input gives local "YYYY-MM-DDTHH:mm": the API wants an ISO instant ("" clears). */
export const toInstant = (value: string | null) => {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
};

/** An instant in the console's language, Rome time (the clock's deadline is Rome's). */
export const formatInstant = (iso: string | null | undefined, locale: string) =>
  iso
    ? new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Europe/Rome',
      }).format(new Date(iso))
    : '—';
