import { createHash, createHmac, hkdfSync, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { normaliseEmail } from '../subjects/identifiers';
import { REQUEST_TYPES, type Language, type RequestType } from '../requests/request.entity';

/**
 * The privacy portal's rules, as plain functions: the e-mail code, the status link's token, the
 * CSRF token, the rate limits, the page's language and the form's checks. Nothing here knows
 * HTTP or SQL.
 */

export const CODE = {
  /** Minutes a code may be entered after it was sent. */
  validMinutes: 10,
  /** Wrong codes before the submission is locked (a new form must be sent). */
  maxTries: 5,
} as const;

/** Requests of the code per hour: a person retyping stays below; a script sending codes to strangers does not. */
export const PORTAL_LIMITS = {
  windowMinutes: 60,
  /** Codes sent to one e-mail address. */
  perEmail: 3,
  /** Forms sent from one network address (an office behind one IP: several people). */
  perAddress: 10,
  /** Messages sent through one status link. */
  perLink: 10,
} as const;

/** The portal's keys, derived from the console's encryption key: never stored, and apart from every other use of it. */
export function portalKey(encryptionKey: Buffer, purpose: 'code' | 'csrf' | 'throttle'): Buffer {
  return Buffer.from(hkdfSync('sha256', encryptionKey, Buffer.alloc(0), `privacy-portal:${purpose}`, 32));
}

/** Six digits, uniformly drawn, leading zeros kept. */
export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** The code as stored: a keyed hash bound to its submission (a stolen table cannot be tried offline). */
export function hashCode(key: Buffer, submissionId: string, code: string): string {
  return createHmac('sha256', key).update(`${submissionId}:${code}`).digest('hex');
}

/** What the subject typed, made a code: digits only (spaces and dashes forgiven), else null. */
export function readCode(typed: string): string | null {
  const digits = typed.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

export interface CodeState {
  codeHash: string;
  sentAt: Date;
  tries: number;
}

export type CodeCheck = 'ok' | 'wrong' | 'expired' | 'locked';

/** The outcome of entering `typed` for a submission, at `now`. A locked or expired code stays so. */
export function checkCode(key: Buffer, submissionId: string, state: CodeState, typed: string, now: Date): CodeCheck {
  if (state.tries >= CODE.maxTries) return 'locked';
  if (now.getTime() - state.sentAt.getTime() > CODE.validMinutes * 60_000) return 'expired';
  const code = readCode(typed);
  if (!code) return 'wrong';
  return safeEqual(hashCode(key, submissionId, code), state.codeHash) ? 'ok' : 'wrong';
}

/** A status link's secret: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The token as stored: SHA-256 (it is random and long; no key needed, as for sessions). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Only a string shaped like a token is looked up. */
export function isTokenShaped(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** The portal's CSRF cookie: a random value the form's token is signed over. */
export function newCsrfSecret(): string {
  return randomBytes(24).toString('base64url');
}

export function csrfToken(key: Buffer, secret: string): string {
  return createHmac('sha256', key).update(`csrf:${secret}`).digest('base64url');
}

/** The form's token matches the cookie's secret. Missing either: no. */
export function csrfValid(key: Buffer, secret: string | undefined, token: string | undefined): boolean {
  if (!secret || !token || !/^[A-Za-z0-9_-]{20,64}$/.test(secret)) return false;
  return safeEqual(csrfToken(key, secret), token);
}

/** A rate limit's key, hashed: the table holds no readable address. A network address counts as its network. */
export function throttleKey(key: Buffer, kind: 'email' | 'ip' | 'link', value: string): string {
  const counted = kind === 'ip' ? throttledNetwork(value) : value;
  return `${kind}:${createHmac('sha256', key).update(`${kind}:${counted}`).digest('hex')}`;
}

/**
 * The network a per-address limit counts: an IPv4 address itself; an IPv6 address's /64, the
 * block one subscriber is usually given, so that its 2^64 addresses are not as many senders.
 */
export function throttledNetwork(ip: string): string {
  const address = ip.replace(/%.*$/, ''); // a zone (fe80::1%eth0) names the interface, not the sender
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (!isIPv6(address)) return address;
  // Eight groups of 16 bits: '::' stands for the zeros, a final dotted quad for two groups.
  const groups = (part: string) =>
    part === ''
      ? []
      : part.split(':').flatMap((g) => {
          if (!g.includes('.')) return [parseInt(g, 16)];
          const [a, b, c, d] = g.split('.').map(Number);
          return [a * 256 + b, c * 256 + d];
        });
  const [head, tail] = address.split('::');
  const before = groups(head);
  const after = tail === undefined ? [] : groups(tail);
  const zeros = tail === undefined ? [] : new Array<number>(8 - before.length - after.length).fill(0);
  const all = [...before, ...zeros, ...after];
  return `${all
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

export interface Counter {
  count: number;
  windowStart: Date;
}

/** The counter after one more attempt at `now` (a fixed window of PORTAL_LIMITS.windowMinutes). */
export function afterAttempt(state: Counter | null, now: Date): Counter {
  const open = state && now.getTime() - state.windowStart.getTime() < PORTAL_LIMITS.windowMinutes * 60_000;
  return open ? { count: state.count + 1, windowStart: state.windowStart } : { count: 1, windowStart: now };
}

/** Over the limit: the attempt that made `count` is refused. */
export function overLimit(counter: Counter, limit: number): boolean {
  return counter.count > limit;
}

/** The page's language: `?lang=` when given, else the first of Accept-Language the portal speaks, else Italian. */
export function pickLanguage(query: unknown, acceptLanguage: string | undefined): Language {
  if (query === 'it' || query === 'en') return query;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((l) => (l.tag === 'it' || l.tag === 'en') && l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked[0]?.tag as Language | undefined) ?? 'it';
}

export const FIELD_LIMITS = { name: 200, email: 254, phone: 40, message: 5000 } as const;

export interface Submission {
  rights: RequestType[];
  name: string;
  email: string;
  phone: string | null;
  message: string;
}

/** A field's problem, as a key of the page texts. */
export type FieldProblem =
  | 'rights_missing'
  | 'rights_unknown'
  | 'name_missing'
  | 'too_long'
  | 'email_invalid'
  | 'phone_invalid'
  | 'message_missing'
  | 'control_characters'
  | 'attachment_type'
  | 'attachment_too_big'
  | 'attachment_too_many'
  | 'challenge_failed';

export type SubmissionCheck =
  | { ok: true; submission: Submission }
  | { ok: false; errors: Partial<Record<keyof Submission, FieldProblem>>; values: Record<keyof Submission, string[]> };

/** Control characters other than tab, line feed and carriage return; and lone surrogates. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const PHONE = /^\+?[0-9 ()./-]{6,40}$/;

/** The form's fields, read from the posted body (each field once; `rights` may repeat), checked. */
export function checkSubmission(form: URLSearchParams): SubmissionCheck {
  const values = {
    rights: form.getAll('rights').slice(0, 20),
    name: [form.get('name') ?? ''],
    email: [form.get('email') ?? ''],
    phone: [form.get('phone') ?? ''],
    message: [form.get('message') ?? ''],
  };
  const errors: Partial<Record<keyof Submission, FieldProblem>> = {};
  const text = (field: 'name' | 'email' | 'phone' | 'message') => {
    const value = values[field][0].replace(/\r\n?/g, '\n').trim();
    if (CONTROL.test(value) || LONE_SURROGATE.test(value)) errors[field] = 'control_characters';
    else if (value.length > FIELD_LIMITS[field]) errors[field] = 'too_long';
    return value;
  };
  const name = text('name');
  const email = text('email');
  const phone = text('phone');
  const message = text('message');
  const known = new Set<string>(REQUEST_TYPES);
  const rights = [...new Set(values.rights)];
  if (!rights.length) errors.rights = 'rights_missing';
  else if (rights.some((r) => !known.has(r))) errors.rights = 'rights_unknown';
  if (!errors.name && !name) errors.name = 'name_missing';
  if (!errors.email && !normaliseEmail(email)) errors.email = 'email_invalid';
  if (!errors.phone && phone && !PHONE.test(phone)) errors.phone = 'phone_invalid';
  if (!errors.message && !message) errors.message = 'message_missing';
  if (Object.keys(errors).length) return { ok: false, errors, values };
  return {
    ok: true,
    submission: {
      // The order the console lists them in, whatever order the browser sent.
      rights: REQUEST_TYPES.filter((t) => rights.includes(t)),
      name,
      email: normaliseEmail(email)!,
      phone: phone || null,
      message,
    },
  };
}

/** A subject's further message through the status link: text, checked like the form's message. */
export function checkMessage(text: string): { ok: true; text: string } | { ok: false; problem: FieldProblem } {
  const value = text.replace(/\r\n?/g, '\n').trim();
  if (CONTROL.test(value) || LONE_SURROGATE.test(value)) return { ok: false, problem: 'control_characters' };
  if (!value) return { ok: false, problem: 'message_missing' };
  if (value.length > FIELD_LIMITS.message) return { ok: false, problem: 'too_long' };
  return { ok: true, text: value };
}

/** The acknowledgement's text with the status link, placed before the regards (or at the end). */
export function withStatusLink(text: string, paragraph: string): string {
  const lines = text.replace(/\s+$/, '').split('\n');
  const regards = lines.findIndex((l) => /^(Cordiali saluti|Kind regards)\b/.test(l.trim()));
  if (regards < 0) return `${lines.join('\n')}\n\n${paragraph}\n`;
  return [...lines.slice(0, regards), paragraph, '', ...lines.slice(regards)].join('\n') + '\n';
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
