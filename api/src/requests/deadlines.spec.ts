import { describe, expect, it } from 'vitest';
import {
  addMonths,
  daysBetween,
  isNonWorkingDay,
  requestDeadlines,
  romeDate,
  slaDeadline,
  statutoryDeadline,
} from './deadlines';

const at = (iso: string) => new Date(iso);

describe('romeDate', () => {
  it('takes the calendar date in Rome, not in UTC', () => {
    expect(romeDate(at('2026-05-31T23:30:00Z'))).toBe('2026-06-01'); // summer time: already 01:30 on 1 June
    expect(romeDate(at('2026-01-31T23:30:00Z'))).toBe('2026-02-01'); // winter time: 00:30 on 1 February
    expect(romeDate(at('2026-01-31T22:59:59Z'))).toBe('2026-01-31');
  });

  it('answers each instant for itself, also right after the one before midnight', () => {
    expect(romeDate(at('2026-01-31T22:59:59.999Z'))).toBe('2026-01-31');
    expect(romeDate(at('2026-01-31T22:59:59.999Z'))).toBe('2026-01-31');
    expect(romeDate(at('2026-01-31T23:00:00.000Z'))).toBe('2026-02-01');
    expect(romeDate(at('2026-01-31T22:59:59.999Z'))).toBe('2026-01-31');
    expect(() => romeDate(new Date(NaN))).toThrow(RangeError);
  });
});

describe('addMonths (Reg. 1182/71 Art. 3(2)(c))', () => {
  it.each([
    ['2026-03-15', 1, '2026-04-15'],
    ['2026-03-31', 1, '2026-04-30'], // the 31st before a 30-day month
    ['2026-01-31', 1, '2026-02-28'], // common year
    ['2028-01-31', 1, '2028-02-29'], // leap year
    ['2026-12-31', 1, '2027-01-31'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-10-31', 3, '2027-01-31'],
  ])('%s + %i month(s) = %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });
});

describe('isNonWorkingDay', () => {
  it.each([
    ['2026-04-25', true], // Liberazione (a Saturday in 2026)
    ['2027-04-25', true], // a Sunday
    ['2028-04-25', true], // Liberazione on a Tuesday
    ['2026-06-02', true], // Festa della Repubblica
    ['2026-04-06', true], // Easter Monday
    ['2026-12-08', true],
    ['2026-11-23', false], // a Monday
  ])('%s -> %s', (date, expected) => {
    expect(isNonWorkingDay(date)).toBe(expected);
  });
});

describe('statutoryDeadline', () => {
  it.each([
    // receipt (instant)           months  deadline     why
    ['2026-03-31T10:00:00+02:00', 1, '2026-04-30'], // 31st before a 30-day month; Thursday
    ['2026-01-31T10:00:00+01:00', 1, '2026-03-02'], // 28 Feb 2026 is a Saturday -> Monday 2 March
    ['2028-01-31T10:00:00+01:00', 1, '2028-02-29'], // leap year: Tuesday 29 February
    ['2026-02-14T10:00:00+01:00', 1, '2026-03-16'], // 14 March 2026 is a Saturday -> Monday 16
    ['2026-03-06T10:00:00+01:00', 1, '2026-04-07'], // 6 April 2026 is Easter Monday -> Tuesday 7
    ['2028-03-25T10:00:00+01:00', 1, '2028-04-26'], // 25 April 2028 (Tuesday, Liberazione) -> 26
    ['2027-05-02T10:00:00+02:00', 1, '2027-06-03'], // 2 June 2027 (Wednesday, Repubblica) -> 3
    ['2026-05-31T23:30:00Z', 1, '2026-07-01'], // already 1 June in Rome: 1 July (Wednesday)
    ['2026-04-30T23:30:00Z', 1, '2026-06-01'], // already 1 May in Rome: 1 June 2026 is a Monday
    ['2026-10-31T10:00:00+01:00', 3, '2027-02-01'], // extension from a 31st: 31 Jan 2027 is a Sunday -> 1 Feb
    ['2026-12-31T10:00:00+01:00', 3, '2027-03-31'], // extension from a 31st: 31 March 2027 (Wednesday)
  ])('received %s, %i month(s): %s', (receivedAt, months, expected) => {
    expect(statutoryDeadline(at(receivedAt), months)).toBe(expected);
  });
});

describe('requestDeadlines', () => {
  it('shows the statutory and the promised deadline and works to the earlier', () => {
    expect(requestDeadlines(at('2026-01-31T10:00:00+01:00'), { extended: false, slaDays: 30 })).toEqual({
      dueDate: '2026-03-02',
      slaDueDate: '2026-03-02',
      extendedDueDate: null,
      workingDueDate: '2026-03-02',
    });
    expect(requestDeadlines(at('2026-03-31T10:00:00+02:00'), { extended: false, slaDays: 30 })).toMatchObject({
      dueDate: '2026-04-30',
      slaDueDate: '2026-04-30',
      workingDueDate: '2026-04-30',
    });
    expect(requestDeadlines(at('2026-07-01T10:00:00+02:00'), { extended: false, slaDays: 20 })).toMatchObject({
      dueDate: '2026-08-03', // 1 August 2026 is a Saturday
      slaDueDate: '2026-07-21',
      workingDueDate: '2026-07-21',
    });
  });

  it('adds the extended deadline, three months from receipt', () => {
    expect(requestDeadlines(at('2026-10-31T10:00:00+01:00'), { extended: true, slaDays: 30 })).toMatchObject({
      dueDate: '2026-11-30', // 31 October + 1 month = 30 November, a Monday
      extendedDueDate: '2027-02-01',
    });
  });
});

describe('slaDeadline and daysBetween', () => {
  it('counts calendar days', () => {
    expect(slaDeadline(at('2026-11-22T09:00:00+01:00'), 30)).toBe('2026-12-22');
    expect(daysBetween('2026-11-22', '2026-12-22')).toBe(30);
    expect(daysBetween('2026-11-22', '2026-11-20')).toBe(-2);
  });
});
