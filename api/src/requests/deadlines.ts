import Holidays from 'date-holidays';

/**
 * The legal deadline of a data-subject request (GDPR Art. 12(3)), computed as Regulation (EEC,
 * Euratom) No 1182/71 says, in Italy: the receipt date in Europe/Rome; one month later on the
 * same date, or that month's last day when there is no such date (Art. 3(2)(c)); moved to the
 * next working day when it falls on a Saturday, a Sunday or an Italian public holiday
 * (Art. 3(4)). An extension makes it three months from receipt. Plain functions on
 * `YYYY-MM-DD` strings: no time zone can slip in after the receipt date is fixed.
 */

export const TIME_ZONE = 'Europe/Rome';
const italy = new Holidays('IT');

// en-CA formats as YYYY-MM-DD. Made once: a formatter with a time zone costs far more to make
// than to use (docs/performance.md, "Small choices"), and every request in a list asks for today's date.
const ROME_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date of an instant in Rome (23:30 UTC on 31 May is 1 June there). */
export function romeDate(instant: Date): string {
  // A list presents every row at the same instant: formatted once, not twice per row.
  const ms = instant.getTime();
  if (ms !== lastRomeDate.ms) lastRomeDate = { ms, date: ROME_DATE.format(instant) };
  return lastRomeDate.date;
}
let lastRomeDate = { ms: NaN, date: '' };

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

function format(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The same day `months` later, or that month's last day when it has no such day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return format(year, month, Math.min(d, lastDay));
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** A Saturday, a Sunday or a national public holiday in Italy. */
/** Days already looked up (the holiday rules are slow to evaluate, and requests share their days). */
const nonWorkingDays = new Map<string, boolean>();

export function isNonWorkingDay(date: string): boolean {
  let known = nonWorkingDays.get(date);
  if (known === undefined) {
    known = computeNonWorkingDay(date);
    // A bound, for a process that runs for years: a few years of days.
    if (nonWorkingDays.size > 5_000) nonWorkingDays.clear();
    nonWorkingDays.set(date, known);
  }
  return known;
}

function computeNonWorkingDay(date: string): boolean {
  const [y, m, d] = parts(date);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  if (weekday === 0 || weekday === 6) return true;
  const holidays = italy.isHoliday(new Date(y, m - 1, d, 12));
  return Array.isArray(holidays) && holidays.some((h) => h.type === 'public');
}

export function nextWorkingDayFrom(date: string): string {
  let day = date;
  while (isNonWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** The statutory deadline: `months` after the receipt date in Rome, moved to a working day. */
export function statutoryDeadline(receivedAt: Date, months = 1): string {
  return nextWorkingDayFrom(addMonths(romeDate(receivedAt), months));
}

/** The company's own promise ("we will respond within 30 days"): calendar days from receipt. */
export function slaDeadline(receivedAt: Date, days: number): string {
  return addDays(romeDate(receivedAt), days);
}

export interface RequestDeadlines {
  /** One month (Art. 12(3)). */
  dueDate: string;
  /** The company's promise (RESPONSE_SLA_DAYS). */
  slaDueDate: string;
  /** Three months, once extended; otherwise null. */
  extendedDueDate: string | null;
  /** The date the officer works to: the earliest that applies. */
  workingDueDate: string;
}

export function requestDeadlines(receivedAt: Date, options: { extended: boolean; slaDays: number }): RequestDeadlines {
  const dueDate = statutoryDeadline(receivedAt, 1);
  const slaDueDate = slaDeadline(receivedAt, options.slaDays);
  const extendedDueDate = options.extended ? statutoryDeadline(receivedAt, 3) : null;
  // An extension moves the legal limit, not the company's promise: work to the earlier.
  const legal = extendedDueDate ?? dueDate;
  return { dueDate, slaDueDate, extendedDueDate, workingDueDate: slaDueDate < legal ? slaDueDate : legal };
}

/** Whole days from `today` to `date` (negative when past). */
export function daysBetween(today: string, date: string): number {
  const [y1, m1, d1] = parts(today);
  const [y2, m2, d2] = parts(date);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}
