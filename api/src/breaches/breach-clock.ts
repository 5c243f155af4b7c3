/**
 * The 72-hour clock of GDPR Art. 33(1): the supervisory authority is notified "without undue
 * delay and, where feasible, not later than 72 hours after having become aware" of a breach.
 * Hours, not days: the clock runs on instants from the moment of awareness and is never moved
 * by a weekend, a holiday or a change of summer time (72 h after 10:00 on the Saturday before
 * the clocks go forward in Rome is 11:00 on the Tuesday, Rome time). The Article 29 Working
 * Party's guidelines (WP250 rev.01, endorsed by the EDPB) read it so, and so does the Garante's
 * notification form. Plain functions on `Date`s.
 */

export const NOTIFICATION_HOURS = 72;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The instant the 72 hours end: exactly 72 × 3,600,000 ms after awareness. */
export function notificationDeadline(awareAt: Date): Date {
  return new Date(awareAt.getTime() + NOTIFICATION_HOURS * HOUR);
}

/** Hours and minutes, e.g. 71 h 59 min; always whole minutes, rounded toward zero. */
export interface HoursMinutes {
  hours: number;
  minutes: number;
  /** The same span in whole minutes (negative: overdue). */
  totalMinutes: number;
}

function span(ms: number): HoursMinutes {
  const totalMinutes = Math.trunc(ms / MINUTE);
  const abs = Math.abs(totalMinutes);
  return { hours: Math.floor(abs / 60), minutes: abs % 60, totalMinutes: totalMinutes === 0 ? 0 : totalMinutes };
}

export type ClockState =
  /** Not yet notified, within the 72 hours. */
  | 'running'
  /** Not yet notified, past the 72 hours. */
  | 'overdue'
  /** Notified within the 72 hours. */
  | 'notified_in_time'
  /** Notified after the 72 hours (the reasons for the delay are then recorded, Art. 33(1)). */
  | 'notified_late'
  /** Decided not to notify: the breach is unlikely to result in a risk (Art. 33(1)). */
  | 'not_required';

export interface BreachClock {
  state: ClockState;
  deadline: Date;
  /** From awareness to now, or to the first notification once notified. */
  elapsed: HoursMinutes;
  /** Left before the deadline (negative totalMinutes: past it by hours/minutes). Null once notified or not required. */
  remaining: HoursMinutes | null;
}

/**
 * Where the clock stands at `now`. `firstNotifiedAt`: the initial notification's instant, if
 * any; `notRequired`: the standing decision is not to notify. A notification at exactly 72 h
 * 00 min 00 s is in time; one millisecond later it is late.
 */
export function breachClock(awareAt: Date, now: Date, firstNotifiedAt: Date | null, notRequired = false): BreachClock {
  const deadline = notificationDeadline(awareAt);
  if (firstNotifiedAt) {
    return {
      state: isLate(awareAt, firstNotifiedAt) ? 'notified_late' : 'notified_in_time',
      deadline,
      elapsed: span(firstNotifiedAt.getTime() - awareAt.getTime()),
      remaining: null,
    };
  }
  const elapsed = span(now.getTime() - awareAt.getTime());
  if (notRequired) return { state: 'not_required', deadline, elapsed, remaining: null };
  const left = deadline.getTime() - now.getTime();
  return { state: left >= 0 ? 'running' : 'overdue', deadline, elapsed, remaining: span(left) };
}

/** A notification made after the 72 hours: it must give the reasons for the delay (Art. 33(1)). */
export function isLate(awareAt: Date, notifiedAt: Date): boolean {
  return notifiedAt.getTime() > notificationDeadline(awareAt).getTime();
}

const ROME = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as Rome's wall clock, `YYYY-MM-DD HH:mm` (for the printable register and the tests). */
export function romeDateTime(instant: Date): string {
  const p = Object.fromEntries(ROME.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
