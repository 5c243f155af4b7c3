import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/**
 * The audit log is a hash chain: each event stores the SHA-256 of the event before it, and its
 * own hash covers that link and every field. Changing, removing or reordering a stored event
 * breaks the chain at that point. Plain functions, shared by the writer and the verifier.
 */

/** The `prevHash` of the very first event. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  id: string;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  details: Record<string, unknown>;
  prevHash: string;
}

/**
 * The fields the hash covers, as the hash writes them, keys in sorted order: the order
 * `canonicalJson` writes an object's keys in, so that `hashEvent` need not sort them.
 */
export function hashedFields(event: ChainedFields) {
  return {
    action: event.action,
    actorEmail: event.actorEmail,
    actorId: event.actorId,
    at: event.at.toISOString(),
    details: event.details ?? {},
    entity: event.entity,
    entityId: event.entityId,
    id: String(event.id),
    prevHash: event.prevHash,
  };
}

export function hashEvent(event: ChainedFields): string {
  // Key order and number formatting must not depend on how jsonb hands the details back: the
  // canonical JSON of the fields, written key by key (the verifier does this for every event of
  // the log, and sorting the same nine keys each time was a third of its work).
  const fields = hashedFields(event);
  let canonical = '';
  for (const field in fields) {
    const json = canonicalJson(fields[field as keyof typeof fields]);
    if (json) canonical += `${canonical ? ',' : '{'}"${field}":${json}`;
  }
  // One-shot: a Hash object per event was a fifth of the verifier's hashing.
  return hash('sha256', canonical ? `${canonical}}` : '{}', 'hex');
}

export type ChainBreakReason = 'prev_hash_mismatch' | 'hash_mismatch';

export interface ChainBreak {
  id: string;
  /** prev_hash_mismatch: an event before it was changed or removed; hash_mismatch: it was changed. */
  reason: ChainBreakReason;
}

export const CHAIN_BREAK_MESSAGES: Record<ChainBreakReason, string> = {
  prev_hash_mismatch: 'its link to the previous event does not match (an event before it was changed or removed)',
  hash_mismatch: 'its content does not match its hash (the event was changed)',
};

/**
 * Checks a run of stored events, in id order, against the hash of the event before the run.
 * Answers the first broken link, or null and the hash to continue from.
 */
export function verifyChainSegment(
  events: Array<ChainedFields & { hash: string }>,
  previousHash: string,
): { broken: ChainBreak | null; lastHash: string } {
  let expectedPrev = previousHash;
  for (const event of events) {
    if (event.prevHash !== expectedPrev) {
      return {
        broken: { id: String(event.id), reason: 'prev_hash_mismatch' },
        lastHash: expectedPrev,
      };
    }
    if (hashEvent(event) !== event.hash) {
      return { broken: { id: String(event.id), reason: 'hash_mismatch' }, lastHash: expectedPrev };
    }
    expectedPrev = event.hash;
  }
  return { broken: null, lastHash: expectedPrev };
}
