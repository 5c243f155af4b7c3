import type { EntityManager } from 'typeorm';
import type { HoldGround } from './legal-hold-rules';

/*
 * Whether a record is held, in SQL, declared once: the retention sweepers add `notHeld(source, id)`
 * to the conditions that pick and change their records, the erasure asks `heldRecords`.
 */

/** A hold keeps its records while not lifted and before its end date (the twin of `inForce`). */
export const HOLD_IN_FORCE = `h.lifted_at IS NULL AND (h.ends_at IS NULL OR h.ends_at > now())`;

/** True for a record no hold in force keeps. `id` is the SQL expression of the record's id. */
export const notHeld = (source: string, id: string): string =>
  `NOT EXISTS (SELECT 1 FROM legal_hold_records hr JOIN legal_holds h ON h.id = hr.hold_id
     WHERE hr.source = '${source.replace(/'/g, "''")}' AND hr.record_id = (${id})::text AND ${HOLD_IN_FORCE})`;

export interface HeldRecord {
  source: string;
  recordId: string;
  holdId: string;
  ground: HoldGround;
  legalReference: string | null;
  endsAt: Date | null;
  reviewAt: Date | null;
}

/** The records among `ids` (any source) a hold in force keeps; a record held twice is answered once. */
export async function heldRecords(m: EntityManager, ids: string[]): Promise<Map<string, HeldRecord>> {
  if (!ids.length) return new Map();
  const rows: Array<{
    source: string;
    record_id: string;
    hold_id: string;
    ground: HoldGround;
    legal_reference: string | null;
    ends_at: Date | null;
    review_at: Date | null;
  }> = await m.query(
    `SELECT hr.source, hr.record_id, h.id::text AS hold_id, h.ground, h.legal_reference, h.ends_at, h.review_at
     FROM legal_hold_records hr JOIN legal_holds h ON h.id = hr.hold_id
     WHERE hr.record_id = ANY($1::text[]) AND ${HOLD_IN_FORCE} ORDER BY h.placed_at`,
    [ids],
  );
  const out = new Map<string, HeldRecord>();
  for (const r of rows) {
    const key = `${r.source}:${r.record_id}`;
    if (out.has(key)) continue;
    out.set(key, {
      source: r.source,
      recordId: r.record_id,
      holdId: r.hold_id,
      ground: r.ground,
      legalReference: r.legal_reference,
      endsAt: r.ends_at ? new Date(r.ends_at) : null,
      reviewAt: r.review_at ? new Date(r.review_at) : null,
    });
  }
  return out;
}
