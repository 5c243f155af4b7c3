import type { EntityManager } from 'typeorm';
import { notHeld } from '../legal-holds/held-sql';
import type { PastCount } from './source-retention';

export { notHeld };

/**
 * The SQL the sweepers share. A batch picks its records along the source's date (or id) index
 * from where the previous batch stopped (a keyset, so that no batch walks again over what
 * earlier ones deleted), then deletes or anonymises them re-checking the conditions, so that a
 * record restricted meanwhile is left alone. Records a legal hold keeps (Art. 17(3)) are left
 * alone the same way: each sweeper adds `notHeld(source, id)` where it has `restricted_at IS NULL`.
 * Index rows go in the same transaction as their records.
 */

export const FIRST_INSTANT = '-infinity';
export const FIRST_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * `count`, `FILTER` by restriction and by legal hold, oldest date: one statement per source.
 * `held`: the source's name and the SQL of a row's id, when its records can be held.
 */
export async function countPast(
  m: EntityManager,
  from: string,
  date: string,
  where: string,
  cutoff: Date,
  held?: { source: string; id: string },
): Promise<PastCount> {
  const free = held ? notHeld(held.source, held.id) : 'true';
  const [row]: Array<{ past: number; restricted: number; held: number; oldest: Date | string | null }> = await m.query(
    `SELECT count(*) FILTER (WHERE restricted_at IS NULL AND ${free})::int AS past,
              count(*) FILTER (WHERE restricted_at IS NOT NULL)::int AS restricted,
              count(*) FILTER (WHERE restricted_at IS NULL AND NOT (${free}))::int AS held,
              min(${date}) FILTER (WHERE restricted_at IS NULL AND ${free}) AS oldest
       FROM ${from} WHERE ${where}`,
    [cutoff],
  );
  return {
    past: row.past,
    restricted: row.restricted,
    held: row.held,
    oldest: row.oldest ? new Date(row.oldest) : null,
  };
}

/** Rows of the personal-data index of these records; answers how many went. */
export async function removeIndexRows(m: EntityManager, source: string, ids: string[], kind?: string): Promise<number> {
  if (!ids.length) return 0;
  const result: unknown = await m.query(
    `DELETE FROM subject_identifiers WHERE source = $1 AND record_id = ANY($2::text[])${kind ? ' AND kind = $3' : ''}`,
    kind ? [source, ids, kind] : [source, ids],
  );
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}

export async function pick(
  m: EntityManager,
  sql: string,
  params: unknown[],
  from: string,
): Promise<{ ids: string[]; next: string }> {
  const rows: Array<{ id: string; key: string }> = await m.query(sql, params);
  return { ids: rows.map((r) => r.id), next: rows.length ? rows[rows.length - 1].key : from };
}
