import type { SourceName } from '../sources/source-registry';

/**
 * Who a breach affects, found through the personal-data index (`subject_identifiers`): the
 * records of the breach's sources dated within its window, then the identifiers the index holds
 * for them. SQL text built from the fixed table below only (never from input); the values are
 * parameters.
 *
 * A person is counted once per contact identifier: each e-mail address found in the records;
 * a phone number where its record holds no e-mail; otherwise one account, consent id or name per
 * record (in that order). So two people in one calendar event are two, and a lead with an e-mail
 * and a phone is one; the same person known only by two unlinked identifiers counts twice (the
 * count is an upper bound, as Art. 33(3)(a)'s "approximate number" allows). People mentioned in
 * a record (an e-mail address written in a chat message) are counted: their data was in it too.
 * The company's own addresses (CONTROLLER_DOMAINS) are not people affected.
 */

/** Which column dates a record of each source: when the data came to be held. */
export const SOURCE_DATES: Record<SourceName, { table: string; column: string }> = {
  leads: { table: 'leads', column: 'submitted_at' },
  'chat-conversations': { table: 'chat_conversations', column: 'started_at' },
  'chat-messages': { table: 'chat_messages', column: 'sent_at' },
  'calendar-connections': { table: 'calendar_connections', column: 'connected_at' },
  'calendar-events': { table: 'calendar_events', column: 'ingested_at' },
  consents: { table: 'consent_records', column: 'recorded_at' },
  'access-logs': { table: 'access_logs', column: 'at' },
};

export const AFFECTED_SOURCES = Object.keys(SOURCE_DATES) as SourceName[];

/**
 * The common part: `scoped` (the records), `ids` (their identifiers), `people` (one row per
 * person and record). Parameters: $1 from (timestamptz or null), $2 until, $3 the company's
 * e-mail domains.
 */
export function affectedCte(sources: readonly string[]): string {
  const known = sources.filter((s): s is SourceName => Object.hasOwn(SOURCE_DATES, s));
  const scoped = known.length
    ? known
        .map((s) => {
          const { table, column } = SOURCE_DATES[s];
          return `SELECT '${s}'::text AS source, id::text AS record_id FROM "${table}" WHERE "${column}" <= $2 AND ($1::timestamptz IS NULL OR "${column}" >= $1)`;
        })
        .join('\n      UNION ALL ')
    : `SELECT NULL::text AS source, NULL::text AS record_id WHERE false`;
  return `WITH scoped AS (
      ${scoped}
    ), ids AS (
      SELECT si.kind, si.value, si.source, si.record_id, si.field
      FROM subject_identifiers si JOIN scoped s ON s.source = si.source AND s.record_id = si.record_id
      WHERE NOT (si.kind = 'email' AND split_part(si.value, '@', 2) = ANY($3::text[]))
    ), rec AS (
      SELECT source, record_id, bool_or(kind = 'email') AS has_email, bool_or(kind = 'phone') AS has_phone FROM ids GROUP BY source, record_id
    ), people AS (
      SELECT DISTINCT i.kind, i.value, i.source, i.record_id FROM ids i JOIN rec r USING (source, record_id)
      WHERE i.kind = 'email' OR (i.kind = 'phone' AND NOT r.has_email)
      UNION
      SELECT kind, value, source, record_id FROM (
        SELECT DISTINCT ON (i.source, i.record_id) i.kind, i.value, i.source, i.record_id
        FROM ids i JOIN rec r USING (source, record_id)
        WHERE NOT r.has_email AND NOT r.has_phone AND i.kind IN ('account', 'consent_id', 'name')
        ORDER BY i.source, i.record_id, CASE i.kind WHEN 'account' THEN 0 WHEN 'consent_id' THEN 1 ELSE 2 END, i.value
      ) other
    )`;
}

/** Counts: people, by kind of identifier, records concerned per source. Same parameters. */
export function affectedCountSql(sources: readonly string[]): string {
  return `${affectedCte(sources)}
    SELECT
      (SELECT count(*)::int FROM (SELECT DISTINCT kind, value FROM people) p) AS people,
      (SELECT coalesce(json_object_agg(kind, n), '{}') FROM (SELECT kind, count(DISTINCT value)::int AS n FROM people GROUP BY kind) k) AS by_kind,
      (SELECT coalesce(json_object_agg(source, n), '{}') FROM (SELECT source, count(*)::int AS n FROM scoped GROUP BY source) s) AS records_by_source,
      (SELECT count(*)::int FROM scoped) AS records`;
}

/**
 * One page of the people: identifier, sources, records, the categories (index fields) of their
 * records, their language where a request of theirs tells it, and whether they were told.
 * $4 the breach's id, $5 limit, $6 offset.
 */
export function affectedPageSql(sources: readonly string[]): string {
  return `${affectedCte(sources)}, page AS (
      SELECT p.kind, p.value, array_agg(DISTINCT p.source ORDER BY p.source) AS sources, count(*)::int AS records,
        CASE p.kind WHEN 'email' THEN 0 WHEN 'phone' THEN 1 WHEN 'account' THEN 2 WHEN 'consent_id' THEN 3 ELSE 4 END AS rank
      FROM people p GROUP BY p.kind, p.value
      ORDER BY rank, p.value LIMIT $5 OFFSET $6
    )
    SELECT pg.kind, pg.value, pg.sources, pg.records,
      (SELECT array_agg(DISTINCT f.field ORDER BY f.field) FROM people pp JOIN ids f ON f.source = pp.source AND f.record_id = pp.record_id WHERE pp.kind = pg.kind AND pp.value = pg.value) AS fields,
      (SELECT r.language FROM requests r WHERE pg.kind = 'email' AND lower(r.subject_email) = pg.value ORDER BY r.received_at DESC LIMIT 1) AS language,
      bc.channel, bc.sent_at
    FROM page pg LEFT JOIN breach_communications bc ON bc.breach_id = $4 AND bc.kind = pg.kind AND bc.value = pg.value
    ORDER BY pg.rank, pg.value`;
}
