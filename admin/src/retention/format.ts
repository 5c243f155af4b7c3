import { intlLocale } from '../i18n';

/** Numbers, dates and durations in the console's language. */
export const formatters = (locale: string) => {
  const tag = intlLocale(locale);
  const number = new Intl.NumberFormat(tag);
  const day = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric' });
  const dateTime = new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Rome',
  });
  const seconds = new Intl.NumberFormat(tag, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  return {
    number: (n: number) => number.format(n),
    day: (iso: string) => day.format(new Date(iso)),
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    // A sweep of a few records takes milliseconds: "0.0 s" would read as nothing done.
    duration: (ms: number) =>
      ms < 1_000
        ? `${number.format(Math.max(1, Math.round(ms)))} ms`
        : ms < 60_000
          ? `${seconds.format(ms / 1000)} s`
          : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`,
  };
};
