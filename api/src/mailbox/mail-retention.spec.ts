import { describe, expect, it } from 'vitest';
import { otherMailCutoff } from './mail-retention';

describe('how long other mail is kept', () => {
  it('counts whole days back from now', () => {
    expect(otherMailCutoff(new Date('2026-05-31T10:00:00Z'), 90).toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(otherMailCutoff(new Date('2026-05-31T10:00:00Z'), 1).toISOString()).toBe('2026-05-30T10:00:00.000Z');
  });

  it('refuses a period that would delete what just arrived', () => {
    expect(() => otherMailCutoff(new Date(), 0)).toThrow(/1 or more/);
    expect(() => otherMailCutoff(new Date(), 1.5)).toThrow(/whole number/);
  });
});
