import { normaliseEmail, normalisePhone } from '../subjects/identifiers';

/**
 * Which other requests are the same person's (Art. 12(3) and (5) GDPR: a repeated request is
 * answered knowing the earlier ones; one "manifestly unfounded or excessive" may be refused or
 * charged for). Matched on the request's own identifiers exactly: the same e-mail (case aside) or
 * the same phone number (E.164), never a similar address or a name. Plain functions.
 */

export type MatchedBy = 'email' | 'phone';

export interface RequestIdentifiers {
  subjectEmail: string | null;
  subjectPhone: string | null;
}

/** The request's identifiers as they are compared: null when absent or not one. */
export function identifiersOf(request: RequestIdentifiers): { email: string | null; phone: string | null } {
  return { email: normaliseEmail(request.subjectEmail), phone: normalisePhone(request.subjectPhone) };
}

/** What `other` shares with `request` (empty: another person's). */
export function sharedIdentifiers(request: RequestIdentifiers, other: RequestIdentifiers): MatchedBy[] {
  const mine = identifiersOf(request);
  const theirs = identifiersOf(other);
  const shared: MatchedBy[] = [];
  if (mine.email && mine.email === theirs.email) shared.push('email');
  if (mine.phone && mine.phone === theirs.phone) shared.push('phone');
  return shared;
}

/**
 * The last digits a stored phone must end with to be worth comparing (the database keeps the
 * phone as it was written): a coarse filter, the exact comparison is `sharedIdentifiers`.
 */
export function phoneTail(e164: string): string {
  return e164.replace(/\D/g, '').slice(-8);
}

/**
 * The candidates: other requests whose e-mail ($2, normalised) or phone's last digits ($3,
 * `phoneTail`) are the request's ($1), newest first. Each condition has its expression index
 * (`tests/api/growing-tables.test.ts`): the register is read on every request opened.
 */
export const OTHER_REQUESTS_SQL = `SELECT id, reference, type, status, received_at, closed_at, subject_email, subject_phone
  FROM requests
  WHERE id <> $1 AND ((subject_email IS NOT NULL AND lower(btrim(subject_email)) = $2)
    OR (subject_phone IS NOT NULL AND right(regexp_replace(subject_phone, '[^0-9]', '', 'g'), 8) = $3))
  ORDER BY received_at DESC LIMIT 500`;
