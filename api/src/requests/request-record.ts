import { createHash } from 'node:crypto';
import { daysBetween, romeDate } from './deadlines';
import type { Refusal } from '../common/errors/domain.error';

/**
 * What the request's record says about time, as plain functions: when a request was received
 * (the company's date, never the sender's), which receipt dates are believable, when an
 * extension may have been told to the subject, whether an answer came late, and the
 * fingerprint that makes one e-mail one request. The deadlines themselves are in deadlines.ts.
 */

/** How far ahead of the server's clock a date may be (another machine's clock) before it is refused. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** No request of this console was received before this instant: an earlier date is a typing error. */
export const EARLIEST_RECEIPT = new Date('2000-01-01T00:00:00Z');

/**
 * Why `instant` cannot be the receipt of a request, or null when it can: not in the future
 * (beyond the clock-skew allowance), not before EARLIEST_RECEIPT. The deadlines of Art. 12(3)
 * GDPR run from the receipt; a date the company has not reached yet would give a deadline
 * (and a DSR-year) it chose for itself.
 */
export function receivedAtProblem(instant: Date, now: Date): string | null {
  if (Number.isNaN(instant.getTime())) return 'must be an ISO 8601 instant, e.g. 2026-11-22T10:15:00Z';
  if (instant.getTime() > now.getTime() + CLOCK_SKEW_MS)
    return `must not be in the future (now is ${now.toISOString()})`;
  if (instant.getTime() < EARLIEST_RECEIPT.getTime())
    return `must not be before ${EARLIEST_RECEIPT.toISOString().slice(0, 10)}`;
  return null;
}

/** The year of a request's reference: the receipt's year in Rome, never later than the year it is now. */
export function referenceYear(receivedAt: Date, now: Date): string {
  const year = romeDate(receivedAt).slice(0, 4);
  const current = romeDate(now).slice(0, 4);
  return year > current ? current : year;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES: Record<string, number> = {
  ut: 0,
  gmt: 0,
  z: 0,
  edt: -4 * 60,
  est: -5 * 60,
  cdt: -5 * 60,
  cst: -6 * 60,
  mdt: -6 * 60,
  mst: -7 * 60,
  pdt: -7 * 60,
  pst: -8 * 60,
};
const DATE_TIME =
  /^\s*(?:[a-z]{3}\s*,\s*)?(\d{1,2})\s+([a-z]{3})\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+([+-]\d{4}|[a-z]{1,3})\s*(?:\([^()]*\)\s*)*$/i;

/**
 * An RFC 5322 date-time ("Tue, 17 Nov 2026 09:12:04 +0100 (CET)"), read strictly: anything else
 * is null, never "now" and never a guess. Years outside 1900-9999 are null too: no e-mail was
 * written then, and PostgreSQL's timestamps end at year 294276 while ISO strings end at 9999.
 */
export function parseMailDate(text: string | null | undefined): Date | null {
  if (typeof text !== 'string' || text.length > 200) return null;
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [, dd, mon, yy, hh, mi, ss, zone] = m;
  const month = MONTHS.indexOf(mon.toLowerCase());
  if (month < 0) return null;
  // RFC 5322 4.3: two-digit years 00-49 are 2000-2049, 50-99 are 1950-1999.
  const year = yy.length === 2 ? (Number(yy) < 50 ? 2000 : 1900) + Number(yy) : Number(yy);
  const day = Number(dd);
  const hour = Number(hh);
  const minute = Number(mi);
  const second = ss === undefined ? 0 : Number(ss);
  if (year < 1900 || year > 9999) return null;
  if (day < 1 || day > new Date(Date.UTC(year, month + 1, 0)).getUTCDate()) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  let offset: number;
  if (/^[+-]\d{4}$/.test(zone)) {
    const hours = Number(zone.slice(1, 3));
    const minutes = Number(zone.slice(3, 5));
    if (hours > 23 || minutes > 59) return null;
    offset = (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
  } else {
    const known = ZONES[zone.toLowerCase()];
    if (known === undefined) return null;
    offset = known;
  }
  const utc = Date.UTC(year, month, day, hour, minute, Math.min(second, 59)) - offset * 60_000;
  const date = new Date(utc);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The header block of a raw message, unfolded, as [name, value] pairs in order (top first). */
export function headerFields(raw: Buffer | string): Array<[string, string]> {
  const text = typeof raw === 'string' ? raw : raw.subarray(0, 256 * 1024).toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const block = (end < 0 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const fields: Array<[string, string]> = [];
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon);
    if (!/^[\x21-\x39\x3b-\x7e]+$/.test(name)) continue;
    fields.push([name.toLowerCase(), line.slice(colon + 1).trim()]);
  }
  return fields;
}

/** The date a Received: header was stamped with: what follows its last ';' (RFC 5321 4.4). */
export function dateOfReceived(value: string): Date | null {
  const semicolon = value.lastIndexOf(';');
  return semicolon < 0 ? null : parseMailDate(value.slice(semicolon + 1));
}

export type ReceiptSource = 'received_header' | 'import_time';

export interface Receipt {
  receivedAt: Date;
  /** Where the date comes from: the company's mail server's stamp, or the import. */
  source: ReceiptSource;
  /** Why the topmost Received: header was not used, when there was one. */
  ignored?: string;
}

/**
 * When the company received an e-mail: the date its own mail server stamped on the topmost
 * Received: header (the last hop, which delivered the message to the company's mailbox),
 * else the import. Never the sender's Date:, which the sender writes. A stamp after the
 * import (beyond the clock-skew allowance) or before EARLIEST_RECEIPT is not believed: the
 * import time is used and the reason kept; a stamp a few seconds after the import is the
 * import.
 */
export function receiptDateOf(headers: Array<[string, string]>, importedAt: Date): Receipt {
  const top = headers.find(([name]) => name === 'received');
  if (!top) return { receivedAt: importedAt, source: 'import_time' };
  const stamped = dateOfReceived(top[1]);
  if (!stamped)
    return { receivedAt: importedAt, source: 'import_time', ignored: 'the topmost Received: header has no valid date' };
  const problem = receivedAtProblem(stamped, importedAt);
  if (problem)
    return {
      receivedAt: importedAt,
      source: 'import_time',
      ignored: `the topmost Received: header's date ${problem.replace(/^must not be/, 'is')}`,
    };
  return { receivedAt: stamped > importedAt ? importedAt : stamped, source: 'received_header' };
}

/** The sender's Date: header, kept as information; null when missing or malformed. */
export function senderDateOf(headers: Array<[string, string]>): Date | null {
  const date = headers.find(([name]) => name === 'date');
  return date ? parseMailDate(date[1]) : null;
}

/**
 * What makes one e-mail one request. With a Message-ID: the sender and the Message-ID (a
 * stranger who copies someone's Message-ID does not silence their request); without one: the
 * sender and the text. SHA-256, hex.
 */
export function intakeFingerprint(input: {
  senderEmail: string;
  messageId: string | null | undefined;
  text: string;
}): string {
  const messageId = input.messageId?.trim().replace(/^<|>$/g, '');
  const basis = messageId
    ? `message-id\n${input.senderEmail.toLowerCase()}\n${messageId}`
    : `sender-text\n${input.senderEmail.toLowerCase()}\n${input.text.replace(/\r\n?/g, '\n').trim()}`;
  return createHash('sha256').update(basis, 'utf8').digest('hex');
}

/**
 * Why an extension's `communicatedAt` cannot be believed, or null: the subject was told after
 * the request arrived, not in the future (beyond the clock-skew allowance), and within the
 * first month (Art. 12(3) GDPR: "within one month of receipt of the request"), i.e. on or
 * before `dueDate` in Rome.
 */
export function communicatedAtProblem(
  communicatedAt: Date,
  request: { receivedAt: Date; dueDate: string },
  now: Date,
): string | null {
  return communicatedAtRefusal(communicatedAt, request, now)?.message ?? null;
}

/** `communicatedAtProblem` with its stable reason. */
export function communicatedAtRefusal(
  communicatedAt: Date,
  request: { receivedAt: Date; dueDate: string },
  now: Date,
): Refusal | null {
  if (Number.isNaN(communicatedAt.getTime()))
    return { reason: 'invalid_instant', message: 'must be an ISO 8601 instant, e.g. 2026-11-22T10:15:00Z' };
  if (communicatedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    return { reason: 'in_future', message: `must not be in the future (now is ${now.toISOString()})` };
  if (communicatedAt.getTime() < request.receivedAt.getTime())
    return {
      reason: 'before_earlier_step',
      message: `must not be before the request was received (${request.receivedAt.toISOString()})`,
      args: { before: request.receivedAt.toISOString() },
    };
  if (romeDate(communicatedAt) > request.dueDate)
    return {
      reason: 'after_first_deadline',
      message: `must be on or before ${request.dueDate}, the first deadline`,
      args: { dueDate: request.dueDate },
    };
  return null;
}

export interface Lateness {
  answeredLate: boolean;
  /** Whole days after the deadline (Rome), or null when on time. */
  lateByDays: number | null;
}

/**
 * Whether an answer (closing or refusal) came after the legal deadline in force: the extended
 * one once extended, else the first (Art. 12(3) GDPR). The day of the deadline is still on time
 * (Reg. 1182/71 Art. 3(2)(c): a period ends with the expiry of its last day). The company's own
 * promise (the SLA date) is not the law and does not count here.
 */
export function lateness(answeredAt: Date, request: { dueDate: string; extendedDueDate: string | null }): Lateness {
  const deadline = request.extendedDueDate ?? request.dueDate;
  const days = daysBetween(deadline, romeDate(answeredAt));
  return days > 0 ? { answeredLate: true, lateByDays: days } : { answeredLate: false, lateByDays: null };
}
