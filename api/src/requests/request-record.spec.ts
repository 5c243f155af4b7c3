import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLOCK_SKEW_MS,
  EARLIEST_RECEIPT,
  communicatedAtProblem,
  headerFields,
  intakeFingerprint,
  lateness,
  parseMailDate,
  receiptDateOf,
  receivedAtProblem,
  referenceYear,
  senderDateOf,
} from './request-record';

const at = (iso: string) => new Date(iso);
const NOW = at('2026-12-02T14:00:00Z');

describe('parseMailDate (RFC 5322 3.3)', () => {
  it.each([
    ['Tue, 17 Nov 2026 09:12:04 +0100', '2026-11-17T08:12:04.000Z'],
    ['Tue, 17 Nov 2026 09:12:04 +0100 (CET)', '2026-11-17T08:12:04.000Z'],
    ['17 Nov 2026 09:12 -0500', '2026-11-17T14:12:00.000Z'],
    ['Mon, 30 Nov 2026 23:30:00 GMT', '2026-11-30T23:30:00.000Z'],
    ['1 Jan 99 00:00:00 +0000', '1999-01-01T00:00:00.000Z'], // obs-year: 50-99 are the 1900s
    ['1 Jan 26 00:00:00 +0000', '2026-01-01T00:00:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseMailDate(text)?.toISOString()).toBe(iso);
  });

  it.each([
    '',
    'yesterday',
    '1',
    '2030',
    '31 Feb 2026 10:00:00 +0100',
    '17 Nov 2026 25:00:00 +0100',
    '17 Nov 2026 09:12:04 +2400',
    '17 Foo 2026 09:12:04 +0100',
    '17 Nov 10000 09:12:04 +0100',
    '17 Nov 1899 09:12:04 +0100',
    '17 Nov 2026 09:12:04 XYZ',
    'Tue, 17 Nov 2026 09:12:04 +0100 trailing words',
  ])('refuses %j (null, never now)', (text) => {
    expect(parseMailDate(text)).toBeNull();
  });
});

describe('headerFields', () => {
  it('unfolds the header block, in order, and stops at the body', () => {
    const raw =
      'Received: from a by mx.company.it;\r\n\tTue, 17 Nov 2026 09:12:04 +0100\r\nReceived: from b by a; Tue, 17 Nov 2026 09:12:01 +0100\r\nDate: x\r\n\r\nReceived: not a header\r\n';
    expect(headerFields(raw)).toEqual([
      ['received', 'from a by mx.company.it; Tue, 17 Nov 2026 09:12:04 +0100'],
      ['received', 'from b by a; Tue, 17 Nov 2026 09:12:01 +0100'],
      ['date', 'x'],
    ]);
  });
});

describe('receiptDateOf: the company received an e-mail when its own mail server did (Art. 12(3) GDPR: "receipt of the request")', () => {
  const IMPORTED = at('2026-12-02T14:00:00Z');
  const headers = (...lines: string[]) => headerFields(lines.join('\r\n') + '\r\n\r\nbody');

  it("takes the topmost Received: (the company's last hop), not the sender's Date: nor the hops before", () => {
    const h = headers(
      'Received: from mail.example.it by mx.company.it with ESMTPS id 1; Tue, 17 Nov 2026 09:12:04 +0100 (CET)',
      'Received: from laptop by mail.example.it; Tue, 17 Nov 2026 09:00:00 +0100',
      'Date: Sun, 1 Dec 2030 10:00:00 +0100',
    );
    expect(receiptDateOf(h, IMPORTED)).toEqual({ receivedAt: at('2026-11-17T08:12:04Z'), source: 'received_header' });
    expect(senderDateOf(h)).toEqual(at('2030-12-01T09:00:00Z')); // kept as information only
  });

  it('without a Received: header, the import is the receipt', () => {
    expect(receiptDateOf(headers('Date: Sun, 1 Dec 2030 10:00:00 +0100'), IMPORTED)).toEqual({
      receivedAt: IMPORTED,
      source: 'import_time',
    });
  });

  it('a stamp in the future, before 2000 or unreadable is not believed: the import time, with the reason', () => {
    for (const stamp of ['Sun, 1 Dec 2030 10:00:00 +0100', 'Sat, 1 Jan 1999 10:00:00 +0100', 'garbage', '']) {
      const receipt = receiptDateOf(headers(`Received: from x by mx.company.it; ${stamp}`), IMPORTED);
      expect(receipt).toMatchObject({ receivedAt: IMPORTED, source: 'import_time', ignored: expect.any(String) });
    }
  });

  it('a stamp within the clock-skew allowance after the import is the import', () => {
    const receipt = receiptDateOf(headers('Received: from x by y; Wed, 2 Dec 2026 15:02:00 +0100'), IMPORTED);
    expect(receipt).toEqual({ receivedAt: IMPORTED, source: 'received_header' });
  });

  it('a missing or malformed Date: stays missing', () => {
    expect(senderDateOf(headers('From: a@b.it'))).toBeNull();
    expect(senderDateOf(headers('Date: next Tuesday'))).toBeNull();
  });

  it('hostile headers never give a receipt after the import or before 2000, and never throw', () => {
    const stamp = fc.oneof(
      fc.string(),
      fc
        .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toUTCString().replace('GMT', '+0000')),
      fc
        .tuple(
          fc.integer({ min: -5, max: 40 }),
          fc.constantFrom('Jan', 'Feb', 'Nov', 'Xyz'),
          fc.integer({ min: -1, max: 100_000 }),
          fc.integer({ min: -1, max: 30 }),
          fc.string({ maxLength: 6 }),
        )
        .map(([d, m, y, h, z]) => `${d} ${m} ${y} ${h}:00:00 ${z}`),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('Received', 'Date', 'received', 'X-Other'), fc.string(), stamp), {
          maxLength: 5,
        }),
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
        (lines, importedAt) => {
          const h = headerFields(
            lines
              .map(([name, via, s]) => `${name}: ${via.replace(/[\r\n]/g, ' ')}; ${s.replace(/[\r\n]/g, ' ')}`)
              .join('\r\n') + '\r\n\r\n',
          );
          const { receivedAt } = receiptDateOf(h, importedAt);
          expect(receivedAt.getTime()).toBeLessThanOrEqual(importedAt.getTime());
          expect(receivedAt.getTime()).toBeGreaterThanOrEqual(EARLIEST_RECEIPT.getTime());
          const sender = senderDateOf(h);
          if (sender) expect(Number.isNaN(sender.getTime())).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('receivedAtProblem', () => {
  it('accepts the past and the clock-skew allowance, refuses the future and before 2000', () => {
    expect(receivedAtProblem(at('2026-11-17T08:12:04Z'), NOW)).toBeNull();
    expect(receivedAtProblem(new Date(NOW.getTime() + CLOCK_SKEW_MS), NOW)).toBeNull();
    expect(receivedAtProblem(new Date(NOW.getTime() + CLOCK_SKEW_MS + 1), NOW)).toMatch(/future/);
    expect(receivedAtProblem(at('2030-01-01T00:00:00Z'), NOW)).toMatch(/future/);
    expect(receivedAtProblem(EARLIEST_RECEIPT, NOW)).toBeNull();
    expect(receivedAtProblem(new Date(EARLIEST_RECEIPT.getTime() - 1), NOW)).toMatch(/before 2000-01-01/);
    expect(receivedAtProblem(at('9999-12-31T00:00:00Z'), NOW)).toMatch(/future/);
    expect(receivedAtProblem(new Date(NaN), NOW)).toMatch(/ISO 8601/);
  });
});

describe('referenceYear', () => {
  it("is the receipt's year in Rome, never a year not yet begun", () => {
    expect(referenceYear(at('2026-12-31T23:30:00Z'), at('2027-01-02T10:00:00Z'))).toBe('2027'); // 00:30 on 1 January in Rome
    expect(referenceYear(at('2026-06-01T10:00:00Z'), NOW)).toBe('2026');
    // Within the clock-skew allowance, just past midnight of a year that has not begun in Rome yet:
    expect(referenceYear(at('2026-12-31T23:02:00Z'), at('2026-12-31T22:58:00Z'))).toBe('2026');
  });
});

describe('communicatedAtProblem (Art. 12(3) GDPR: the subject is told "within one month of receipt")', () => {
  const request = { receivedAt: at('2026-11-17T08:12:04Z'), dueDate: '2026-12-17' };
  it('accepts between receipt and now, on or before the first deadline', () => {
    expect(communicatedAtProblem(at('2026-11-17T08:12:04Z'), request, NOW)).toBeNull();
    expect(communicatedAtProblem(at('2026-12-01T10:00:00Z'), request, NOW)).toBeNull();
    expect(communicatedAtProblem(at('2026-12-17T22:59:59Z'), request, at('2026-12-20T10:00:00Z'))).toBeNull(); // 23:59:59 in Rome on the deadline
  });
  it('refuses before the receipt, in the future, or after the first deadline', () => {
    expect(communicatedAtProblem(at('2026-11-17T08:12:03Z'), request, NOW)).toMatch(/before the request was received/);
    expect(communicatedAtProblem(new Date(NOW.getTime() + CLOCK_SKEW_MS + 1000), request, NOW)).toMatch(/future/);
    expect(communicatedAtProblem(at('2026-12-17T23:00:00Z'), request, at('2026-12-20T10:00:00Z'))).toMatch(
      /on or before 2026-12-17/,
    ); // already 18 December in Rome
  });
});

describe('lateness (Art. 12(3) GDPR; Reg. 1182/71 Art. 3(2)(c): the last day is still in time)', () => {
  it('is on time up to the end of the deadline day in Rome, late after, by whole days', () => {
    const request = { dueDate: '2026-12-17', extendedDueDate: null };
    expect(lateness(at('2026-12-17T22:59:59Z'), request)).toEqual({ answeredLate: false, lateByDays: null });
    expect(lateness(at('2026-12-17T23:00:00Z'), request)).toEqual({ answeredLate: true, lateByDays: 1 });
    expect(lateness(at('2027-01-10T10:00:00Z'), request)).toEqual({ answeredLate: true, lateByDays: 24 });
  });
  it('uses the extended deadline once extended, and only that', () => {
    const request = { dueDate: '2026-12-17', extendedDueDate: '2027-02-17' };
    expect(lateness(at('2027-01-10T10:00:00Z'), request)).toEqual({ answeredLate: false, lateByDays: null });
    expect(lateness(at('2027-02-18T10:00:00Z'), request)).toEqual({ answeredLate: true, lateByDays: 1 });
  });
});

describe('intakeFingerprint', () => {
  it('one Message-ID from one sender is one e-mail; another sender copying it is another', () => {
    const a = intakeFingerprint({ senderEmail: 'giulia@example.it', messageId: '<1@example.it>', text: 'one' });
    expect(intakeFingerprint({ senderEmail: 'Giulia@Example.it', messageId: '1@example.it', text: 'two' })).toBe(a);
    expect(
      intakeFingerprint({ senderEmail: 'mallory@example.org', messageId: '<1@example.it>', text: 'one' }),
    ).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
  it('without a Message-ID: the sender and the text', () => {
    const a = intakeFingerprint({ senderEmail: 'anna@example.it', messageId: null, text: 'Revoco il consenso\r\n' });
    expect(intakeFingerprint({ senderEmail: 'anna@example.it', messageId: '', text: 'Revoco il consenso' })).toBe(a);
    expect(
      intakeFingerprint({ senderEmail: 'anna@example.it', messageId: null, text: 'Revoco il consenso, grazie' }),
    ).not.toBe(a);
    expect(
      intakeFingerprint({ senderEmail: 'other@example.it', messageId: null, text: 'Revoco il consenso' }),
    ).not.toBe(a);
  });
});
