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
interface HoldRow {
  source: string;
  ground: HoldGround;
  legal_reference: string | null;
  ends_at: Date | null;
  review_at: Date | null;
  records: number;
}

function asKeptPart(r: HoldRow, language: 'it' | 'en'): KeptPart {
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
}

export async function keptParts(m: EntityManager, requestId: string, language: 'it' | 'en'): Promise<KeptPart[]> {
  const rows: HoldRow[] = await m.query(
    `SELECT h.source, h.ground, h.legal_reference, h.ends_at, h.review_at, count(hr.record_id)::int AS records
     FROM legal_holds h JOIN legal_hold_records hr ON hr.hold_id = h.id
     WHERE h.request_id = $1 AND hr.erased_at IS NULL AND ${HOLD_IN_FORCE}
     GROUP BY h.id ORDER BY h.placed_at`,
    [requestId],
  );
  return rows.map((r) => asKeptPart(r, language));
}

/**
 * What holds in force keep of the given records (the person's own, as an access package holds
 * them), whichever request placed them: the package says what is kept, why and until when.
 */
export async function keptPartsOfRecords(
  db: { query<T>(sql: string, params?: unknown[]): Promise<T[]> },
  records: ReadonlyMap<string, Iterable<string>>,
  language: 'it' | 'en',
): Promise<KeptPart[]> {
  const sources: string[] = [];
  const ids: string[] = [];
  for (const [source, recordIds] of records)
    for (const id of recordIds) {
      sources.push(source);
      ids.push(id);
    }
  if (!ids.length) return [];
  const rows = await db.query<HoldRow>(
    `SELECT h.source, h.ground, h.legal_reference, h.ends_at, h.review_at, count(DISTINCT hr.record_id)::int AS records
     FROM legal_holds h JOIN legal_hold_records hr ON hr.hold_id = h.id
     JOIN unnest($1::text[], $2::text[]) AS t(source, record_id) ON t.source = hr.source AND t.record_id = hr.record_id
     WHERE hr.erased_at IS NULL AND ${HOLD_IN_FORCE}
     GROUP BY h.id ORDER BY h.placed_at`,
    [sources, ids],
  );
  return rows.map((r) => asKeptPart(r, language));
}
