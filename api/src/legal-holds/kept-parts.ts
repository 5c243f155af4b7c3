import type { EntityManager } from 'typeorm';
import { romeDate } from '../requests/deadlines';
import { sourceNamed } from '../sources/source-registry';
import { HOLD_IN_FORCE } from './held-sql';
import type { HoldGround, KeptPart } from './legal-hold-rules';

/**
 * What the holds in force of a request keep, per hold, as the person reads it (the closing letter,
 * the access package): the source's label in their language, how many records, the ground, and the
 * end date or, failing one, the review date (Rome's day).
 */
export async function keptParts(m: EntityManager, requestId: string, language: 'it' | 'en'): Promise<KeptPart[]> {
  const rows: Array<{
    source: string;
    ground: HoldGround;
    legal_reference: string | null;
    ends_at: Date | null;
    review_at: Date | null;
    records: number;
  }> = await m.query(
    `SELECT h.source, h.ground, h.legal_reference, h.ends_at, h.review_at, count(hr.record_id)::int AS records
     FROM legal_holds h JOIN legal_hold_records hr ON hr.hold_id = h.id
     WHERE h.request_id = $1 AND hr.erased_at IS NULL AND ${HOLD_IN_FORCE}
     GROUP BY h.id ORDER BY h.placed_at`,
    [requestId],
  );
  return rows.map((r) => {
    const packages = sourceNamed(r.source).packages;
    const until = r.ends_at ?? r.review_at!;
    return {
      what: packages.kind === 'file' ? packages.label[language] : r.source,
      records: r.records,
      ground: r.ground,
      legalReference: r.legal_reference,
      until: romeDate(new Date(until)),
      untilIsReview: !r.ends_at,
    };
  });
}
