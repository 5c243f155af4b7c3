import { CronTime } from 'cron';

/**
 * When the retention sweep runs next, for the texts that promise a deletion "at the next sweep"
 * (a revoked calendar connection's tokens). Set once at start by the scheduler from
 * RETENTION_SWEEP_CRON; null when the sweep runs only by hand.
 */
let schedule: { cron: string; timeZone: string } | null = null;

/**
 * The last answer and the instant it was worked out from: until that next sweep comes, the next
 * sweep from any later instant is the same one. Working it out parses the cron expression and
 * walks the calendar in its time zone, which every search that finds a calendar connection asked.
 */
let last: { from: number; next: Date } | null = null;

export function setSweepSchedule(next: { cron: string; timeZone: string } | null): void {
  schedule = next;
  last = null;
}

export function nextSweepAt(now = new Date()): Date | null {
  if (!schedule) return null;
  const at = now.getTime();
  if (last && last.from <= at && at < last.next.getTime()) return new Date(last.next);
  const next = new CronTime(schedule.cron, schedule.timeZone).getNextDateFrom(now, schedule.timeZone).toJSDate();
  last = { from: at, next };
  return new Date(next);
}
