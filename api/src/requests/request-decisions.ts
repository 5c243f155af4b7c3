import type { Refusal } from '../common/errors/domain.error';
import { normaliseEmail, normalisePhone } from '../subjects/identifiers';

/**
 * The rules of the officer's decisions on a request, as plain functions (unit tests beside them,
 * `request-decisions.spec.ts`): when a verified identity no longer holds, when a refusal for
 * unverified identity may be given, how long the identity clock pause is, when a restriction may
 * be lifted, and what in a message says that the person may be a minor.
 */

export interface SubjectIdentifiers {
  subjectEmail: string | null;
  subjectPhone: string | null;
}

export interface IdentifierChange {
  field: 'subjectEmail' | 'subjectPhone';
  from: string | null;
  to: string | null;
}

/**
 * The identifiers the verification did not cover: an e-mail or phone added or replaced after
 * the identity was verified. The data found, exported, erased and suppressed is looked up by
 * them (Art. 12(2) and (6), Art. 15(4) GDPR: the data must be the verified person's), so such a
 * change puts the identity back to be verified. Removing one, or writing the same one
 * differently (`Mario@X.it`, `347 123 4567` for `+393471234567`), does not. The name does not
 * either: nothing is located by it, and correcting its spelling adds no one.
 */
export function identifiersBeyondVerification(
  before: SubjectIdentifiers,
  after: SubjectIdentifiers,
): IdentifierChange[] {
  const changes: IdentifierChange[] = [];
  const same = {
    subjectEmail: (a: string, b: string) =>
      (normaliseEmail(a) ?? a.trim().toLowerCase()) === (normaliseEmail(b) ?? b.trim().toLowerCase()),
    subjectPhone: (a: string, b: string) =>
      (normalisePhone(a) ?? a.replace(/\D/g, '')) === (normalisePhone(b) ?? b.replace(/\D/g, '')),
  };
  for (const field of ['subjectEmail', 'subjectPhone'] as const) {
    const from = before[field];
    const to = after[field];
    if (!to) continue;
    if (from && same[field](from, to)) continue;
    changes.push({ field, from, to });
  }
  return changes;
}

/** The timeline's sentence for such a change: "subject changed from X to Y: identity to be verified again". */
export function identityResetMessage(changes: IdentifierChange[]): string {
  const parts = changes.map((c) => `${c.from ?? '(none)'} to ${c.to}`);
  return `subject changed from ${parts.join(', and from ')}: identity to be verified again`;
}

/** Dates as YYYY-MM-DD (Rome) for the sentences below. */
function day(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Rome',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

export interface IdentityInfoState {
  identityInfoRequestedAt: Date | null;
  identityInfoRespondBy: string | null;
  identityInfoReceivedAt: Date | null;
}

/**
 * Art. 12(2): the controller may not refuse to act unless it shows it cannot identify the
 * subject; Art. 12(6): it may ask for the information needed to confirm the identity. So a
 * refusal for unverified identity comes only after that information was asked and not received
 * within the time given: null when it may be given today (`YYYY-MM-DD`, Rome), else why not.
 */
export function identityRefusalProblem(r: IdentityInfoState, today: string): string | null {
  return identityRefusal(r, today)?.message ?? null;
}

/** `identityRefusalProblem` with its stable reason and the dates it names. */
export function identityRefusal(r: IdentityInfoState, today: string): Refusal | null {
  if (!r.identityInfoRequestedAt || !r.identityInfoRespondBy) {
    return {
      reason: 'identity_info_not_asked',
      message:
        'A refusal for unverified identity needs the information to identify the subject to have been asked first (GDPR Art. 12(2) and (6)): record what was asked, how and by when (identity-info-requested)',
    };
  }
  const askedOn = day(r.identityInfoRequestedAt);
  if (r.identityInfoReceivedAt) {
    const receivedOn = day(r.identityInfoReceivedAt);
    return {
      reason: 'identity_info_received',
      message: `The identity information asked on ${askedOn} was received on ${receivedOn}: verify the identity with it, or ask for more`,
      args: { askedOn, receivedOn },
    };
  }
  if (today <= r.identityInfoRespondBy) {
    return {
      reason: 'identity_info_time_not_passed',
      message: `The subject has until ${r.identityInfoRespondBy} to send the identity information asked on ${askedOn}: a refusal for unverified identity can only follow once that time has passed`,
      args: { askedOn, respondBy: r.identityInfoRespondBy },
    };
  }
  return null;
}

/** The sentence a refusal for unverified identity adds: what was asked, when, by when. */
export function identityRefusalFacts(
  r: IdentityInfoState & { identityInfoRequested: string | null },
  language: 'it' | 'en',
): string {
  const asked = r.identityInfoRequestedAt ? day(r.identityInfoRequestedAt) : '';
  return language === 'it'
    ? `Il ${asked} le abbiamo chiesto ${r.identityInfoRequested ?? 'informazioni per identificarla'} e non abbiamo ricevuto risposta entro il ${r.identityInfoRespondBy}`
    : `On ${asked} we asked you for ${r.identityInfoRequested ?? 'information to identify you'} and received no answer by ${r.identityInfoRespondBy}`;
}

/** Whole days between two `YYYY-MM-DD` dates. */
function daysFrom(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * The days a wait for identity information lasted: from the day it was asked to the day it
 * arrived (or today while it is awaited), in Rome; never negative.
 */
export function identityWaitDays(askedAt: Date, until: Date): number {
  return Math.max(0, daysFrom(day(askedAt), day(until)));
}

/**
 * The identity clock pause (IDENTITY_PAUSE=on; EDPB Guidelines 01/2022 on data subject rights -
 * Right of access): the working deadline moved by the days identity information was awaited, the
 * completed waits (`pauseDays`) and the one still running (`waitingDays`). Null when nothing
 * moves it, so that the request shows one date.
 */
export function pausedDueDate(
  withoutPause: string,
  pauseDays: number,
  waitingDays: number,
  pauseOn: boolean,
): string | null {
  const days = pauseDays + waitingDays;
  if (!pauseOn || days <= 0) return null;
  const [y, m, d] = withoutPause.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** At most this much clock skew for a date said to be now. */
const SKEW_MS = 5 * 60_000;

/**
 * An instant the officer says something happened (information asked or received, the subject
 * told): not in the future, not before `notBefore` (the receipt, or the ask). Null when it
 * holds, else the problem, for a 400 naming the field.
 */
export function instantProblem(at: Date, notBefore: { at: Date; what: string }, now: Date): string | null {
  return instantRefusal(at, notBefore, now)?.message ?? null;
}

/** `instantProblem` with its stable reason (`before` names what it may not precede). */
export function instantRefusal(at: Date, notBefore: { at: Date; what: string }, now: Date): Refusal | null {
  if (Number.isNaN(at.getTime())) return { reason: 'invalid_instant', message: 'must be an ISO 8601 instant' };
  if (at.getTime() > now.getTime() + SKEW_MS) return { reason: 'in_future', message: 'must not be in the future' };
  if (at.getTime() < notBefore.at.getTime())
    return {
      reason: 'before_earlier_step',
      message: `must not be before ${notBefore.what} (${notBefore.at.toISOString()})`,
      args: { before: notBefore.at.toISOString() },
    };
  return null;
}

/**
 * Art. 18(3) GDPR: a subject who obtained a restriction is informed before it is lifted. Null
 * when `subjectToldAt` (when they were told) says so, else the problem for a 400 naming it.
 */
export function liftProblem(
  subjectToldAt: string | null | undefined,
  restrictedSince: Date | null,
  now: Date,
): string | null {
  return liftRefusal(subjectToldAt, restrictedSince, now)?.message ?? null;
}

/** `liftProblem` with its stable reason. */
export function liftRefusal(
  subjectToldAt: string | null | undefined,
  restrictedSince: Date | null,
  now: Date,
): Refusal | null {
  if (!subjectToldAt)
    return {
      reason: 'subject_not_told',
      message: 'is required: the subject must be told before the restriction is lifted (GDPR Art. 18(3))',
    };
  const at = new Date(subjectToldAt);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(subjectToldAt) || Number.isNaN(at.getTime()))
    return { reason: 'invalid_instant', message: 'must be an ISO 8601 instant, e.g. 2026-11-22T10:15:00Z' };
  if (at.getTime() > now.getTime() + SKEW_MS)
    return {
      reason: 'in_future',
      message: 'must not be in the future: the subject is told before the restriction is lifted (GDPR Art. 18(3))',
    };
  if (restrictedSince && at.getTime() < restrictedSince.getTime())
    return {
      reason: 'before_earlier_step',
      message: `must not be before the restriction was put (${restrictedSince.toISOString()})`,
      args: { before: restrictedSince.toISOString() },
    };
  return null;
}

const NUMBER_WORDS: Record<string, number> = {
  // Italian and English number words a child might write, up to 17.
  uno: 1,
  due: 2,
  tre: 3,
  quattro: 4,
  cinque: 5,
  sei: 6,
  sette: 7,
  otto: 8,
  nove: 9,
  dieci: 10,
  undici: 11,
  dodici: 12,
  tredici: 13,
  quattordici: 14,
  quindici: 15,
  sedici: 16,
  diciassette: 17,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
};
const NUMBER = `(\\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')})`;
const AGE_STATEMENTS = [
  new RegExp(`\\bho\\s+(?:solo\\s+|soltanto\\s+)?${NUMBER}\\s+anni\\b`, 'iu'),
  new RegExp(
    `\\b(?:sono\\s+(?:un|una)\\s+(?:ragazz[oa]|bambin[oa]|studente(?:ssa)?)\\s+di)\\s+${NUMBER}\\s+anni\\b`,
    'iu',
  ),
  new RegExp(
    `\\bI(?:'m|’m|\\s+am)\\s+(?:only\\s+)?${NUMBER}(?:\\s+years?\\s+old|\\s*y\\.?o\\b|\\s*(?=[.,!;]|$))`,
    'imu',
  ),
  new RegExp(`\\b${NUMBER}[- ]years?[- ]old\\b`, 'iu'),
];
const MINOR_WORDS =
  /\b(sono\s+(?:ancora\s+)?minorenne|non\s+sono\s+maggiorenne|I(?:'m|’m|\s+am)\s+(?:still\s+)?(?:a\s+)?minor|I(?:'m|’m|\s+am)\s+under\s*(?:18|eighteen)|sono\s+(?:un\s+)?minore\b)/iu;
const BIRTH =
  /\b(?:nat[oa]\s+il|data\s+di\s+nascita|date\s+of\s+birth|born\s+on|born|DOB|d\.o\.b\.)\s*[:-]?\s*(\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+\p{L}+\s+\d{4})/iu;
const MONTHS: Record<string, number> = {
  gennaio: 1,
  febbraio: 2,
  marzo: 3,
  aprile: 4,
  maggio: 5,
  giugno: 6,
  luglio: 7,
  agosto: 8,
  settembre: 9,
  ottobre: 10,
  novembre: 11,
  dicembre: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

function birthDate(text: string): [number, number, number] | null {
  const [y, m, d] =
    text.includes('-') && /^\d{4}/.test(text)
      ? text.split('-').map(Number)
      : /\p{L}/u.test(text)
        ? (() => {
            const [dd, month, yyyy] = text.split(/\s+/);
            return [Number(yyyy), MONTHS[month.toLowerCase()] ?? NaN, Number(dd)];
          })()
        : (() => {
            const [dd, mm, yyyy] = text.split(/[./-]/).map(Number);
            return [yyyy, mm, dd];
          })();
  if (!y || !m || !d || m > 12 || d > 31) return null;
  return [y, m, d];
}

/** Age in whole years on `today` (YYYY-MM-DD) of someone born on y-m-d. */
function ageOn(today: string, [y, m, d]: [number, number, number]): number {
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

export interface MinorSignal {
  /** The words that raised it, as written. */
  evidence: string;
  /** The age they give, when they give one. */
  age: number | null;
}

/**
 * What in a message says its writer may be under 18 (Art. 8 GDPR; in Italy 14 for information
 * society services, Art. 2-quinquies Codice privacy): a stated age ("ho 16 anni", "I am 15 years
 * old"), "sono minorenne" / "I am a minor", or a date of birth giving an age under 18 on `today`.
 * A flag for the officer to confirm or dismiss, never a decision: null when nothing says so.
 */
export function minorSignal(text: string | null | undefined, today: string): MinorSignal | null {
  if (!text) return null;
  for (const pattern of AGE_STATEMENTS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const word = match[1].toLowerCase();
    const age = /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word];
    if (age !== undefined && age < 18 && age >= 1) return { evidence: match[0].trim(), age };
  }
  const words = MINOR_WORDS.exec(text);
  if (words) return { evidence: words[0].trim(), age: null };
  const birth = BIRTH.exec(text);
  if (birth) {
    const date = birthDate(birth[1]);
    if (date) {
      const age = ageOn(today, date);
      if (age >= 0 && age < 18) return { evidence: birth[0].trim(), age };
    }
  }
  return null;
}
