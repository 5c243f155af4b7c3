import { describe, expect, it } from 'vitest';
import { breachClock, isLate, notificationDeadline, romeDateTime } from './breach-clock';

const at = (iso: string) => new Date(iso);

describe('notificationDeadline (Art. 33(1), 72 hours)', () => {
  it('is 72 hours of elapsed time after awareness', () => {
    expect(notificationDeadline(at('2026-11-23T09:15:00Z')).toISOString()).toBe('2026-11-26T09:15:00.000Z');
  });

  it('is not moved by a weekend or a holiday', () => {
    // Aware on Thursday 24 December 2026, 18:00 in Rome: due on Sunday 27 December, 18:00.
    expect(romeDateTime(notificationDeadline(at('2026-12-24T18:00:00+01:00')))).toBe('2026-12-27 18:00');
    // Aware on Friday 24 April 2026 (25 April is Liberazione, a Saturday): due on Monday 27 April.
    expect(romeDateTime(notificationDeadline(at('2026-04-24T09:30:00+02:00')))).toBe('2026-04-27 09:30');
  });

  it('counts the hour summer time takes away in Rome (last Sunday of March)', () => {
    // Saturday 28 March 2026, 10:00 CET; the clocks go from 02:00 to 03:00 on the 29th.
    const due = notificationDeadline(at('2026-03-28T10:00:00+01:00'));
    expect(due.toISOString()).toBe('2026-03-31T09:00:00.000Z');
    expect(romeDateTime(due)).toBe('2026-03-31 11:00'); // 11:00 CEST: 72 real hours, 73 on the wall
  });

  it('counts the hour summer time gives back in Rome (last Sunday of October)', () => {
    // Saturday 24 October 2026, 10:00 CEST; the clocks go from 03:00 back to 02:00 on the 25th.
    const due = notificationDeadline(at('2026-10-24T10:00:00+02:00'));
    expect(due.toISOString()).toBe('2026-10-27T08:00:00.000Z');
    expect(romeDateTime(due)).toBe('2026-10-27 09:00'); // 09:00 CET: still 72 real hours
  });
});

describe('isLate', () => {
  const aware = at('2026-11-23T09:15:00Z');
  it('is in time at exactly 72 hours, late one millisecond after', () => {
    expect(isLate(aware, at('2026-11-26T09:15:00.000Z'))).toBe(false);
    expect(isLate(aware, at('2026-11-26T09:15:00.001Z'))).toBe(true);
    expect(isLate(aware, at('2026-11-26T09:14:59.999Z'))).toBe(false);
  });
});

describe('breachClock', () => {
  const aware = at('2026-11-23T09:15:00Z');

  it('shows the time left in hours and minutes while running', () => {
    const clock = breachClock(aware, at('2026-11-23T10:15:30Z'), null);
    expect(clock.state).toBe('running');
    expect(clock.remaining).toEqual({ hours: 70, minutes: 59, totalMinutes: 4259 });
    expect(clock.elapsed).toEqual({ hours: 1, minutes: 0, totalMinutes: 60 });
  });

  it('is still running at exactly 72 hours with nothing left, overdue after', () => {
    expect(breachClock(aware, at('2026-11-26T09:15:00Z'), null)).toMatchObject({
      state: 'running',
      remaining: { hours: 0, minutes: 0, totalMinutes: 0 },
    });
    const late = breachClock(aware, at('2026-11-26T11:45:00Z'), null);
    expect(late.state).toBe('overdue');
    expect(late.remaining).toEqual({ hours: 2, minutes: 30, totalMinutes: -150 });
  });

  it('stops at the first notification, in time or late', () => {
    expect(breachClock(aware, at('2026-12-01T00:00:00Z'), at('2026-11-26T09:15:00Z'))).toMatchObject({
      state: 'notified_in_time',
      remaining: null,
      elapsed: { hours: 72, minutes: 0 },
    });
    expect(breachClock(aware, at('2026-12-01T00:00:00Z'), at('2026-11-26T09:16:00Z'))).toMatchObject({
      state: 'notified_late',
      elapsed: { hours: 72, minutes: 1 },
    });
  });

  it('runs across the change to summer time in real hours', () => {
    const aware = at('2026-03-28T10:00:00+01:00');
    // Sunday 29 March, 10:00 CEST on the wall: only 23 hours have passed.
    const clock = breachClock(aware, at('2026-03-29T10:00:00+02:00'), null);
    expect(clock.elapsed).toEqual({ hours: 23, minutes: 0, totalMinutes: 1380 });
    expect(clock.remaining).toEqual({ hours: 49, minutes: 0, totalMinutes: 2940 });
  });

  it('needs no notification once it was decided not to notify', () => {
    expect(breachClock(aware, at('2026-12-01T00:00:00Z'), null, true)).toMatchObject({
      state: 'not_required',
      remaining: null,
    });
  });
});
