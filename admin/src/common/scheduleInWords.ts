/**
 * A cron expression (RETENTION_SWEEP_CRON, REMINDER_CRON) in the officer's words: "every day at
 * 03:00", never `0 3 * * *`. Plain, so that its unit test reads every form it says.
 */
export type Schedule =
  | { every: 'day'; time: string }
  | { every: 'week'; time: string; days: number[] }
  | { every: 'hour'; minute: number }
  | { every: 'minutes'; step: number };

const number = (field: string, min: number, max: number): number | null => {
  if (!/^\d{1,2}$/.test(field)) return null;
  const value = Number(field);
  return value >= min && value <= max ? value : null;
};

/** The schedule a cron expression describes, or null for a form the console does not put in words. */
export function readSchedule(cron: string): Schedule | null {
  let fields = cron.trim().split(/\s+/);
  // A sixth field in front is the seconds; only "at second 0" is read.
  if (fields.length === 6) {
    if (fields[0] !== '0') return null;
    fields = fields.slice(1);
  }
  if (fields.length !== 5) return null;
  const [minuteField, hourField, dayOfMonth, month, dayOfWeek] = fields;
  if (dayOfMonth !== '*' || month !== '*') return null;
  const step = /^\*\/(\d{1,2})$/.exec(minuteField);
  if (step && hourField === '*' && dayOfWeek === '*') {
    const n = Number(step[1]);
    return n >= 1 && n <= 59 ? { every: 'minutes', step: n } : null;
  }
  const minute = number(minuteField, 0, 59);
  if (minute === null) return null;
  if (hourField === '*') return dayOfWeek === '*' ? { every: 'hour', minute } : null;
  const hour = number(hourField, 0, 23);
  if (hour === null) return null;
  const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  if (dayOfWeek === '*') return { every: 'day', time };
  const days = dayOfWeek.split(',').map((d) => number(d, 0, 7));
  if (days.some((d) => d === null)) return null;
  // 7 is Sunday too.
  const unique = [...new Set(days.map((d) => d! % 7))].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
  return { every: 'week', time, days: unique };
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The schedule in words in the UI's language; an unusual expression is shown as it is written. */
export function scheduleInWords(cron: string, translate: Translate, locale: string): string {
  const schedule = readSchedule(cron);
  if (!schedule) return translate('app.schedule.cron', { cron });
  switch (schedule.every) {
    case 'day':
      return translate('app.schedule.daily', { time: schedule.time });
    case 'hour':
      return translate('app.schedule.hourly', { minute: String(schedule.minute).padStart(2, '0') });
    case 'minutes':
      return translate('app.schedule.minutes', { smart_count: schedule.step });
    case 'week': {
      // 5 January 2025 was a Sunday: day d of the week is 5 + d January.
      const name = new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { weekday: 'long', timeZone: 'UTC' });
      const days = schedule.days.map((d) => name.format(new Date(Date.UTC(2025, 0, 5 + d))));
      const list = new Intl.ListFormat(locale === 'it' ? 'it-IT' : 'en-GB', { type: 'conjunction' }).format(days);
      return translate('app.schedule.weekly', { days: list, time: schedule.time });
    }
  }
}

/** A job's schedule in words; its time zone is named only when it is not Rome's, the console's own. */
export const scheduleWhen = (schedule: { cron: string; timeZone: string }, translate: Translate, locale: string) => {
  const words = scheduleInWords(schedule.cron, translate, locale);
  return schedule.timeZone === 'Europe/Rome' ? words : `${words} (${schedule.timeZone})`;
};
