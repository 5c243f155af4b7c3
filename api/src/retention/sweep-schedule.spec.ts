import { afterEach, describe, expect, it } from 'vitest';
import { CronTime } from 'cron';
import { nextSweepAt, setSweepSchedule } from './sweep-schedule';

describe('nextSweepAt: when the retention sweep runs next', () => {
  afterEach(() => setSweepSchedule(null));

  it('is the next tick of RETENTION_SWEEP_CRON in its time zone', () => {
    setSweepSchedule({ cron: '0 3 * * *', timeZone: 'Europe/Rome' });
    // 03:00 in Rome is 02:00 UTC in winter, 01:00 UTC in summer.
    expect(nextSweepAt(new Date('2026-12-03T06:00:00Z'))).toEqual(new Date('2026-12-04T02:00:00Z'));
    expect(nextSweepAt(new Date('2026-07-01T00:30:00Z'))).toEqual(new Date('2026-07-01T01:00:00Z'));
  });

  it('answers what the cron expression says from any instant, forwards, backwards and at a tick', () => {
    const cron = '0 3 * * *';
    setSweepSchedule({ cron, timeZone: 'Europe/Rome' });
    const fresh = (at: Date) => new CronTime(cron, 'Europe/Rome').getNextDateFrom(at, 'Europe/Rome').toJSDate();
    const tick = fresh(new Date('2026-12-03T06:00:00Z')).getTime();
    const instants = [
      tick - 86_400_000,
      tick - 1,
      tick - 3_600_000, // back
      tick, // the sweep's own minute: the next one
      tick + 1,
      tick + 86_400_000 - 1,
      tick + 86_400_000,
      tick - 7 * 86_400_000, // a week back
      new Date('2027-03-28T00:30:00Z').getTime(), // the night the clocks go forward
      new Date('2027-03-28T01:30:00Z').getTime(),
    ];
    for (const at of instants)
      expect(nextSweepAt(new Date(at)), new Date(at).toISOString()).toEqual(fresh(new Date(at)));
  });

  it('forgets its last answer when the schedule changes', () => {
    setSweepSchedule({ cron: '0 3 * * *', timeZone: 'Europe/Rome' });
    const now = new Date('2026-12-03T06:00:00Z');
    expect(nextSweepAt(now)).toEqual(new Date('2026-12-04T02:00:00Z'));
    setSweepSchedule({ cron: '30 22 * * *', timeZone: 'Europe/Rome' });
    expect(nextSweepAt(now)).toEqual(new Date('2026-12-03T21:30:00Z'));
  });

  it('is null when the sweep runs only by hand', () => {
    setSweepSchedule(null);
    expect(nextSweepAt(new Date())).toBeNull();
  });
});
