import { describe, expect, it } from 'vitest';
import { dateInWords } from '../../admin/src/common/dateInWords';

/**
 * Under a native date field (which writes the date as the browser's language does), the date it
 * holds in the console's language and Rome's time (issue 23): never 12/02/2026, which an Italian
 * reads as the 12th of February.
 */
describe('a date field in words', () => {
  it('says a calendar day in Italian and in English, the day it is wherever the browser is', () => {
    expect(dateInWords('2026-12-02', 'it', false)).toBe('mer 2 dicembre 2026');
    expect(dateInWords('2026-12-02', 'en', false)).toBe('Wed, 2 December 2026');
  });

  it('says an instant in Rome’s time, with the hour when the field holds one', () => {
    expect(dateInWords('2026-12-02T12:28:00.000Z', 'it', true)).toBe('mer 2 dicembre 2026 alle ore 13:28');
    expect(dateInWords('2026-12-02T12:28:00.000Z', 'en', true)).toBe('Wed, 2 December 2026 at 13:28');
    // A filter's "from", the start of a day in Rome: still that day.
    expect(dateInWords('2026-12-01T23:00:00.000Z', 'it', false)).toBe('mer 2 dicembre 2026');
  });

  it('says nothing for an empty or broken value', () => {
    for (const value of [undefined, null, '', 'yesterday', 42]) expect(dateInWords(value, 'it', true)).toBeNull();
  });
});
