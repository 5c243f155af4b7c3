import { createHmac } from 'node:crypto';

/**
 * The suppression list's keyed hash. The key is the `suppression` data key (a random key sealed
 * under ENCRYPTION_KEY, see DataKeys): the list is useless without it, and rotating
 * ENCRYPTION_KEY keeps the hashes valid. Values must already be normalised (e-mail
 * lower-cased, phone in E.164).
 */
export type SuppressedKind = 'email' | 'phone';

export function suppressionHash(key: Buffer, kind: SuppressedKind, value: string): string {
  return createHmac('sha256', key).update(`${kind}:${value}`).digest('hex');
}

/** An account (the Google e-mail of a calendar connection) is suppressed as the e-mail it is. */
export function suppressedKindOf(identifierKind: string): SuppressedKind | null {
  if (identifierKind === 'email' || identifierKind === 'account') return 'email';
  if (identifierKind === 'phone') return 'phone';
  return null;
}

/**
 * Ingestion holds this advisory lock shared for each batch; adding to the suppression list takes
 * it exclusively. A batch that passed the gate before the person was suppressed has committed by
 * the time the suppression commits, so the erasure's last look finds it.
 */
export const SUPPRESSION_LOCK = 727_003;
