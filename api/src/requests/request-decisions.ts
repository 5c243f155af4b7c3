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
export function identifiersBeyondVerification(before: SubjectIdentifiers, after: SubjectIdentifiers): IdentifierChange[] {
  const changes: IdentifierChange[] = [];
  const same = {
    subjectEmail: (a: string, b: string) => (normaliseEmail(a) ?? a.trim().toLowerCase()) === (normaliseEmail(b) ?? b.trim().toLowerCase()),
    subjectPhone: (a: string, b: string) => (normalisePhone(a) ?? a.replace(/\D/g, '')) === (normalisePhone(b) ?? b.replace(/\D/g, '')),
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
