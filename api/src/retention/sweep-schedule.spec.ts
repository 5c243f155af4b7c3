import { afterEach, describe, expect, it } from 'vitest';
import { nextSweepAt, setSweepSchedule } from './sweep-schedule';

describe('nextSweepAt: when the retention sweep runs next', () => {
  afterEach(() => setSweepSchedule(null));

  it('is the next tick of RETENTION_SWEEP_CRON in its time zone', () => {
    setSweepSchedule({ cron: '0 3 * * *', timeZone: 'Europe/Rome' });
    // 03:00 in Rome is 02:00 UTC in winter, 01:00 UTC in summer.
    expect(nextSweepAt(new Date('2026-12-03T06:00:00Z'))).toEqual(new Date('2026-12-04T02:00:00Z'));
    expect(nextSweepAt(new Date('2026-07-01T00:30:00Z'))).toEqual(new Date('2026-07-01T01:00:00Z'));
  });

  it('follows a change of schedule', () => {
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
