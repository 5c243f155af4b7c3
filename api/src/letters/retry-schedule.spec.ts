import { describe, expect, it } from 'vitest';
import { nextAttemptAfter } from './retry-schedule';

const now = new Date('2026-12-01T10:00:00Z');
const after = (attempts: number, max = 8) => {
  const next = nextAttemptAfter(attempts, now, 60, max);
  return next && (next.getTime() - now.getTime()) / 1000;
};

describe('nextAttemptAfter', () => {
  it('waits the retry time, then twice as long after each failure', () => {
    expect([1, 2, 3, 4].map((n) => after(n))).toEqual([60, 120, 240, 480]);
  });

  it('never waits more than six hours', () => {
    expect(after(20, 50)).toBe(6 * 3600);
  });

  it('schedules nothing after the last attempt: the officer retries by hand', () => {
    expect(after(8)).toBeNull();
    expect(after(9)).toBeNull();
  });
});
