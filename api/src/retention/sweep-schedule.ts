import { CronTime } from 'cron';

/**
 * When the retention sweep runs next, for the texts that promise a deletion "at the next sweep"
 * (a revoked calendar connection's tokens). Set once at start by the scheduler from
 * RETENTION_SWEEP_CRON; null when the sweep runs only by hand.
 */
let schedule: { cron: string; timeZone: string } | null = null;

export function setSweepSchedule(next: { cron: string; timeZone: string } | null): void {
  schedule = next;
}

export function nextSweepAt(now = new Date()): Date | null {
  if (!schedule) return null;
  return new CronTime(schedule.cron, schedule.timeZone).getNextDateFrom(now, schedule.timeZone).toJSDate();
}
