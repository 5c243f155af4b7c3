import { describe, expect, it } from 'vitest';
import { REQUEST_STATUSES, REQUEST_TYPES } from '../requests/request.entity';
import { FIELD_PROBLEMS, formatDate, RIGHT_NAMES, STATUS_NAMES, text, textKeys } from './portal-texts';

describe('the portal’s texts', () => {
  it('has every text in Italian and English, different where words are', () => {
    for (const key of textKeys()) {
      expect(text('it', key).length, key).toBeGreaterThan(0);
      expect(text('en', key).length, key).toBeGreaterThan(0);
    }
    const same = textKeys().filter((k) => text('it', k) === text('en', k) && k !== 'footer');
    expect(same).toEqual([]);
    for (const type of REQUEST_TYPES) expect(RIGHT_NAMES.it[type]).not.toBe(RIGHT_NAMES.en[type]);
    for (const status of REQUEST_STATUSES) expect(STATUS_NAMES.it[status]).not.toBe(STATUS_NAMES.en[status]);
    expect(Object.keys(FIELD_PROBLEMS.it).sort()).toEqual(Object.keys(FIELD_PROBLEMS.en).sort());
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(text('en', 'code_wrong', { left: 3 })).toBe('The code is not correct. Tries left: 3.');
    expect(text('it', 'code_wrong')).toContain('{left}');
    expect(text('en', 'code_wrong', { constructor: 'x' })).toContain('{left}');
  });

  it('writes dates as a reader does, in Rome', () => {
    expect(formatDate('it', '2027-01-02')).toBe('2 gennaio 2027');
    expect(formatDate('en', '2027-01-02')).toBe('2 January 2027');
    expect(formatDate('it', new Date('2026-11-30T23:30:00Z'))).toBe('1 dicembre 2026');
  });
});
