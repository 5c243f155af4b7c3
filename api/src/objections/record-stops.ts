import { Raw, type DataSource, type FindOperator } from 'typeorm';
import { InvalidQueryError } from '../common/errors/domain.error';
import { queryRows, type RunsSql } from '../common/sql-rows';
import { preparedQuery, type PreparedStatement } from '../database/prepared-query';
import type { StopReason } from './stop-rules';

/**
 * A stop (objection, Art. 21; withdrawal, Art. 7(3)) a stored record was flagged under at
 * ingestion: the record is not to be used for that activity, and every screen says so.
 */
export interface RecordStop {
  reason: StopReason;
  /** The register's activity; null for a direct-marketing objection to all marketing. */
  activity: string | null;
  requestId: string;
  reference: string | null;
  /** When the stop was put (the officer's decision). */
  since: string;
  /** When the record was stored flagged. */
  flaggedAt: string;
  /** When the person's fresh consent lifted it (a withdrawal only); null while in force. */
  liftedAt: string | null;
}

/**
 * The SQL selecting, as `record_id`, the records of `source` stored under a stop. A chat
 * conversation also counts its messages' flags: the officer reads the messages on its page.
 */
function flaggedRecordsSql(source: string): string {
  const own = `SELECT f.record_id, f.stop_id, f.flagged_at FROM processing_stop_flags f WHERE f.source = '${source}'`;
  if (source !== 'chat-conversations') return own;
  return `${own} UNION ALL
    SELECT m.conversation_id::text, f.stop_id, f.flagged_at FROM processing_stop_flags f
    JOIN chat_messages m ON f.source = 'chat-messages' AND m.id::text = f.record_id`;
}

const SOURCE_NAME = /^[a-z-]+$/;

/**
 * The statement behind `stopsOfRecords` for `source`, named: every list page asks it, and
 * PostgreSQL took longer to plan it than to run it. (bench:load's floor asks it too.)
 */
export function recordStopsStatement(source: string): PreparedStatement {
  return {
    name: `objections.record-stops.${source}`,
    text: `SELECT x.record_id AS "recordId", s.reason, s.activity_name AS activity, s.request_id AS "requestId",
            r.reference, s.created_at AS since, min(x.flagged_at) AS "flaggedAt", s.lifted_at AS "liftedAt"
     FROM (${flaggedRecordsSql(source)}) x
     JOIN processing_stops s ON s.id = x.stop_id LEFT JOIN requests r ON r.id = s.request_id
     WHERE x.record_id = ANY($1::text[])
     GROUP BY x.record_id, s.reason, s.activity_name, s.request_id, r.reference, s.created_at, s.lifted_at
     ORDER BY s.created_at, s.activity_name`,
  };
}

/** The stops each of these records (ids of `source`) was stored under; every id has a list, maybe empty. */
export async function stopsOfRecords(
  dataSource: DataSource,
  source: string,
  ids: string[],
): Promise<Map<string, RecordStop[]>> {
  const out = new Map<string, RecordStop[]>(ids.map((id) => [id, []]));
  if (!ids.length || !SOURCE_NAME.test(source)) return out;
  const rows = await preparedQuery<
    Omit<RecordStop, 'since' | 'flaggedAt' | 'liftedAt'> & {
      recordId: string;
      since: Date | string;
      flaggedAt: Date | string;
      liftedAt: Date | string | null;
    }
  >(dataSource, recordStopsStatement(source), [ids]);
  const iso = (d: Date | string) => new Date(d).toISOString();
  for (const row of rows) {
    const list = out.get(row.recordId);
    // One stop per identifier (e-mail, phone): the officer reads one line per request and activity.
    if (!list || list.some((s) => s.requestId === row.requestId && s.activity === row.activity)) continue;
    list.push({
      reason: row.reason,
      activity: row.activity,
      requestId: row.requestId,
      reference: row.reference,
      since: iso(row.since),
      flaggedAt: iso(row.flaggedAt),
      liftedAt: row.liftedAt ? iso(row.liftedAt) : null,
    });
  }
  return out;
}

/** The list filter `storedUnderStop`, taken out of the ra-data-simple-rest `filter` before the list contract reads it. */
export function takeStopFilter(rawFilter: unknown): { filter: unknown; storedUnderStop: boolean | null } {
  if (typeof rawFilter !== 'string' || !rawFilter.includes('storedUnderStop'))
    return { filter: rawFilter, storedUnderStop: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawFilter);
  } catch {
    return { filter: rawFilter, storedUnderStop: null };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || !('storedUnderStop' in parsed))
    return { filter: rawFilter, storedUnderStop: null };
  const { storedUnderStop, ...rest } = parsed as Record<string, unknown>;
  if (typeof storedUnderStop !== 'boolean')
    throw new InvalidQueryError('filter', 'storedUnderStop must be true or false');
  return { filter: JSON.stringify(rest), storedUnderStop };
}

/** The `id` condition of a list filtered on records stored (or not) under a stop. */
export function storedUnderStopCondition(source: string, storedUnderStop: boolean): FindOperator<string> {
  if (!SOURCE_NAME.test(source)) throw new Error(`Unexpected source name ${source}`);
  const not = storedUnderStop ? '' : 'NOT ';
  // TypeORM's find hands Raw the column unquoted (`Lead.id`), which PostgreSQL would fold to lower case.
  const quoted = (alias: string) =>
    alias
      .split('.')
      .map((part) => `"${part.replace(/"/g, '""')}"`)
      .join('.');
  return Raw(
    (alias) => `${quoted(alias)}::text ${not}IN (SELECT record_id FROM (${flaggedRecordsSql(source)}) flagged)`,
  ) as FindOperator<string>;
}

/** The dashboard's figures on stops: in force (one per request and activity), and the records stored flagged. */
export interface StopStats {
  /** Stops in force: one per request and activity, whatever the number of the person's identifiers. */
  inForce: number;
  /** The objection and withdrawal requests with a stop in force. */
  requests: number;
  /** Records stored flagged under a stop since it was put (kept flagged after a withdrawal is lifted). */
  flaggedRecords: number;
  /** The same, per source (the resource of its list). */
  flaggedBySource: Record<string, number>;
}

export async function stopStats(db: RunsSql): Promise<StopStats> {
  const [inForce] = await queryRows<{ stops: number; requests: number }>(
    db,
    `SELECT count(DISTINCT (request_id, coalesce(activity_id::text, '*')))::int AS stops,
            count(DISTINCT request_id)::int AS requests
     FROM processing_stops WHERE lifted_at IS NULL`,
  );
  const bySource = await queryRows<{ source: string; n: number }>(
    db,
    `SELECT source, count(DISTINCT record_id)::int AS n FROM processing_stop_flags GROUP BY source ORDER BY source`,
  );
  return {
    inForce: inForce?.stops ?? 0,
    requests: inForce?.requests ?? 0,
    flaggedRecords: bySource.reduce((a, r) => a + r.n, 0),
    flaggedBySource: Object.fromEntries(bySource.map((r) => [r.source, r.n])),
  };
}
