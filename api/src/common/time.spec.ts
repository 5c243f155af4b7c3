import { describe, expect, it } from 'vitest';
import { addMonthsUtc } from './time';

describe('addMonthsUtc', () => {
  it.each([
    ['2026-11-22T10:15:00.000Z', 12, '2027-11-22T10:15:00.000Z'],
    ['2026-01-31T08:00:00.000Z', 1, '2026-02-28T08:00:00.000Z'],
    ['2028-01-31T08:00:00.000Z', 1, '2028-02-29T08:00:00.000Z'],
    ['2028-02-29T00:00:00.000Z', 12, '2029-02-28T00:00:00.000Z'],
    ['2026-03-31T23:59:59.999Z', -1, '2026-02-28T23:59:59.999Z'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonthsUtc(new Date(from), months).toISOString()).toBe(expected);
  });
});
