import { setImmediate as turn } from 'node:timers/promises';
import { verifyChainSegment, type ChainBreak, type ChainedFields } from './audit-chain';

/** The verifier's batch: events after $1 up to $2, in id order, the fields the hash covers as `hashEvent` takes them. */
export const VERIFY_READ = {
  name: 'audit_verify_read',
  text: `SELECT id::text AS id, at, actor_id AS "actorId", actor_email AS "actorEmail", action, entity,
                entity_id AS "entityId", details, prev_hash AS "prevHash", hash
         FROM audit_events e WHERE e.id > $1 AND e.id <= $2 ORDER BY e.id LIMIT $3`,
};
export const VERIFY_BATCH = 5_000;
/**
 * Events hashed between two turns of the event loop: a verification of a large log takes seconds,
 * and the console's other requests are answered in between instead of waiting for a whole batch.
 */
const VERIFY_SLICE = 500;

export type StoredEvent = ChainedFields & { hash: string };

/** What a stretch of the chain holds, checked on its own: the link into it is the caller's to check. */
export interface SegmentCheck {
  /** Events found intact, in order, before the first broken one. */
  checked: number;
  broken: ChainBreak | null;
  /** Its first event's link to the event before the stretch. */
  first: { id: string; prevHash: string } | null;
  /** Its last intact event. */
  last: { id: string; hash: string } | null;
  /** The event the anchor names, if in the stretch (before a break): its hash and place in the stretch. */
  anchor: { hash: string; index: number } | null;
}

/**
 * Recomputes the events after `after` up to `upTo` (ids), read a batch at a time by `read` (the
 * next batch read while this one is hashed), checking each event's hash and each link inside the
 * stretch. Plain code, run in the console's thread or in a worker (`chain-segment.worker.ts`).
 */
export async function checkSegment(
  read: (after: string, upTo: string, limit: number) => Promise<StoredEvent[]>,
  after: string,
  upTo: string,
  anchorId: string | null,
): Promise<SegmentCheck> {
  const result: SegmentCheck = { checked: 0, broken: null, first: null, last: null, anchor: null };
  const reading = (from: string) => {
    const rows = read(from, upTo, VERIFY_BATCH);
    rows.catch(() => {}); // awaited below, unless a broken link ends the check first
    return rows;
  };
  let next = reading(after);
  for (;;) {
    const batch = await next;
    if (batch.length === 0) return result;
    next = batch.length === VERIFY_BATCH ? reading(batch[batch.length - 1].id) : Promise.resolve([]);
    result.first ??= { id: batch[0].id, prevHash: batch[0].prevHash };
    for (let start = 0; start < batch.length; start += VERIFY_SLICE) {
      const slice = batch.slice(start, start + VERIFY_SLICE);
      const { broken, lastHash } = verifyChainSegment(slice, result.last?.hash ?? slice[0].prevHash);
      if (broken) {
        result.broken = broken;
        result.checked += slice.findIndex((e) => e.id === broken.id);
        return result;
      }
      const at = anchorId === null ? -1 : slice.findIndex((e) => e.id === anchorId);
      if (at >= 0) result.anchor = { hash: slice[at].hash, index: result.checked + at };
      result.checked += slice.length;
      result.last = { id: slice[slice.length - 1].id, hash: lastHash };
      await turn();
    }
  }
}
