import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { rowAsJson } from '../database/load-by-ids';
import type { PreparedStatement } from '../database/prepared-query';
import { suppressionHash } from '../erasure/suppression';
import { activeStopsQuery } from '../objections/active-stops';
import { multiPersonSources, SOURCES } from '../sources/source-registry';
import type { ClassifiedQuery } from './identifiers';

/**
 * The identity graph's steps, shared by the search and by `locate` (exports, erasure, the other
 * rights). $1, $2: the starting kinds and values; $3: at most this many records per step;
 * $4: the kinds followed; $5: the sources holding several people (found, never followed);
 * $6: the company's own domains; $7: at most this many identifiers followed; $8: an identifier in
 * more records than this is shared and not followed.
 */
const GRAPH_STEPS = `
    WITH start AS (
      SELECT k, v FROM unnest($1::text[], $2::text[]) AS t(k, v)
    ), first AS (
      SELECT id, kind, value, source, record_id, field, role FROM subject_identifiers
      WHERE (kind, value) IN (SELECT k, v FROM start)
      LIMIT $3
    ), candidates AS (
      -- Owner to owner: only what a record holds as its owner's, of records the person owns there.
      SELECT DISTINCT kind, value FROM subject_identifiers
      WHERE (source, record_id) IN (SELECT source, record_id FROM first WHERE role = 'owner')
        AND role = 'owner'
        AND kind = ANY($4::text[]) AND source <> ALL($5::text[])
    ), linked AS (
      -- An account is the same person's e-mail: neither is followed if the other was searched,
      -- and the two are followed once (as the e-mail).
      SELECT DISTINCT ON (CASE WHEN kind = 'account' THEN 'email' ELSE kind END, value) kind, value
      FROM candidates c
      WHERE NOT (kind IN ('email', 'account') AND substring(value FROM '[^@]*$') = ANY($6::text[]))
        AND NOT EXISTS (
          SELECT 1 FROM start s
          WHERE s.v = c.value AND (s.k = c.kind OR (s.k IN ('email', 'account') AND c.kind IN ('email', 'account'))))
      ORDER BY CASE WHEN kind = 'account' THEN 'email' ELSE kind END, value, kind DESC
      LIMIT $7
    ), wanted AS (
      SELECT kind, value FROM linked
      UNION SELECT 'account', value FROM linked WHERE kind = 'email'
      UNION SELECT 'email', value FROM linked WHERE kind = 'account'
    ), second AS (
      SELECT id, kind, value, source, record_id, field, role FROM subject_identifiers
      WHERE (kind, value) IN (SELECT kind, value FROM wanted)
      LIMIT $3
    ), shared AS (
      SELECT kind, value FROM second GROUP BY kind, value HAVING count(*) > $8
    ), steps AS (
      SELECT 'first' AS part, f.*, m.conversation_id FROM first f
      LEFT JOIN chat_messages m ON m.id = (CASE WHEN f.source = 'chat-messages' THEN f.record_id END)::uuid
      UNION ALL
      SELECT 'second', s.*, m.conversation_id FROM second s
      LEFT JOIN chat_messages m ON m.id = (CASE WHEN s.source = 'chat-messages' THEN s.record_id END)::uuid
      WHERE (s.kind, s.value) NOT IN (SELECT kind, value FROM shared)
    ), units AS (
      -- A chat message belongs to its conversation: the conversation is the record whose owner counts.
      SELECT DISTINCT
        CASE WHEN source = 'chat-messages' THEN 'chat-conversations' ELSE source END AS source,
        CASE WHEN source = 'chat-messages' THEN coalesce(conversation_id::text, record_id) ELSE record_id END AS record_id
      FROM steps
    ), owners AS (
      SELECT si.kind, si.value, si.source, si.record_id FROM units u
      JOIN subject_identifiers si ON si.source = u.source AND si.record_id = u.record_id AND si.role = 'owner'
      UNION ALL
      SELECT si.kind, si.value, 'chat-conversations', u.record_id FROM units u
      JOIN chat_messages m ON m.conversation_id = (CASE WHEN u.source = 'chat-conversations' THEN u.record_id END)::uuid
      JOIN subject_identifiers si ON si.source = 'chat-messages' AND si.record_id = m.id::text AND si.role = 'owner'
    )`;

/**
 * The steps' index rows (each chat message with its conversation), the identifiers followed, and
 * the owner entries of every record found (a conversation's: its own and all its messages'), so
 * that whose each record is can be decided without another round trip.
 */
const GRAPH_ROWS = `
    SELECT part, id::text AS id, kind, value, source, record_id, field, role, conversation_id::text AS conversation_id FROM steps
    UNION ALL
    SELECT 'followed', NULL, kind, value, NULL, NULL, NULL, NULL, NULL FROM linked WHERE (kind, value) NOT IN (SELECT kind, value FROM shared)
    UNION ALL
    SELECT 'owner', NULL, kind, value, source, record_id, NULL, NULL, NULL FROM owners`;

/** Identifiers worth following to other records; names are too ambiguous to follow. */
const LINKING_KINDS = ['email', 'phone', 'account', 'consent_id'];
const MAX_LINKED = 50;
/**
 * An identifier found in more records than this is shared (a colleague invited to every
 * appointment, an office switchboard) and is not followed: it would pull in other people.
 */
const MAX_SHARED_RECORDS = 25;

/** Records of a source the search shows. */
export const MAX_RECORDS_PER_SOURCE = 200;
/** Records of a source the search statement brings: more than shown, as attribution may leave some out. */
const RECORDS_BROUGHT_PER_SOURCE = 2 * MAX_RECORDS_PER_SOURCE;

/**
 * Where a search for an e-mail, a phone or a name starts: an e-mail is also a calendar account,
 * and what looks like a name may be a consent id, looked up as typed (`typed`).
 */
export function searchStart(kind: ClassifiedQuery['kind'], value: string, typed: string): Array<[string, string]> {
  if (kind === 'email')
    return [
      ['email', value],
      ['account', value],
    ];
  if (kind === 'phone') return [['phone', value]];
  return [
    ['name', value],
    ['consent_id', typed],
  ];
}

/** The graph steps' parameters $1 to $8, from where the search starts (kind and value pairs). */
export function graphParameters(
  start: Array<[string, string]>,
  limit: number,
  controllerDomains: readonly string[],
): unknown[] {
  return [
    start.map((p) => p[0]),
    start.map((p) => p[1]),
    Math.trunc(limit),
    LINKING_KINDS,
    multiPersonSources(),
    controllerDomains,
    MAX_LINKED,
    MAX_SHARED_RECORDS,
  ];
}

/** `subjectSearchStatement`'s parameters $1 to $11. */
export function subjectSearchParameters(
  start: Array<[string, string]>,
  controllerDomains: readonly string[],
  history: { suppressionHash: string | null; email: string | null; recordsPerSource: number },
): unknown[] {
  return [
    ...graphParameters(start, 5000, controllerDomains),
    history.suppressionHash,
    history.email,
    history.recordsPerSource,
  ];
}

/**
 * `subjectSearchStatement`'s parameters for a search of `query` (as `classifyQuery` understood
 * what was `typed`): where it starts, the HMAC of a searched e-mail or phone for its suppression
 * entry (`suppressionKey`, the `suppression` data key, is asked for only then) and the e-mail
 * whose requests are shown.
 */
export async function searchParametersFor(
  query: ClassifiedQuery,
  typed: string,
  controllerDomains: readonly string[],
  suppressionKey: () => Promise<Buffer>,
): Promise<unknown[]> {
  const { kind, value } = query;
  return subjectSearchParameters(searchStart(kind, value, typed), controllerDomains, {
    suppressionHash: kind === 'name' ? null : suppressionHash(await suppressionKey(), kind, value),
    email: kind === 'email' ? value : null,
    recordsPerSource: RECORDS_BROUGHT_PER_SOURCE,
  });
}

export const IDENTITY_GRAPH: PreparedStatement = {
  name: 'subjects.identity-graph.with-owners',
  text: GRAPH_STEPS + GRAPH_ROWS,
};

/**
 * The whole subject search in one statement, its answer built as JSON by PostgreSQL: the graph's
 * rows (`graph`), the records of every unit found (`records`, per source, at most $11 each, as
 * `rowAsJson` builds them), and the searched e-mail's or phone's history: the suppression entry
 * looked up by its HMAC ($9; null for a name), the requests made by the e-mail ($10; null
 * otherwise) and the stops in force. Built once per database from the registered sources (no
 * source is added once the console is loaded), so named by its text.
 */
export function subjectSearchStatement(dataSource: DataSource): PreparedStatement {
  const cached = statements.get(dataSource);
  if (cached) return cached;
  const records = SOURCES.map((source) => {
    const metadata = dataSource.getMetadata(source.entity);
    const idType = dataSource.driver.normalizeType(metadata.primaryColumns[0]);
    return `'${source.resource}', (SELECT coalesce(json_agg(${rowAsJson(dataSource, source.entity, 'r')}), '[]')
        FROM "${metadata.tableName}" r
        WHERE r.id = ANY(ARRAY(SELECT record_id::${idType} FROM found WHERE source = '${source.resource}' LIMIT $11)))`;
  });
  const text = `${GRAPH_STEPS}, found AS (
      SELECT source, record_id FROM steps
      UNION SELECT 'chat-conversations', conversation_id::text FROM steps WHERE conversation_id IS NOT NULL
    )
    SELECT
      (SELECT coalesce(json_agg(g), '[]') FROM (${GRAPH_ROWS}) g) AS graph,
      json_build_object(${records.join(',\n      ')}) AS records,
      (SELECT row_to_json(x) FROM (
         SELECT s.kind, s.request_id, r.reference, s.created_at, p.completed_at, s.refused_count
         FROM suppressed_identifiers s LEFT JOIN requests r ON r.id = s.request_id
         LEFT JOIN erasure_plans p ON p.request_id = s.request_id WHERE s.hash = $9) x) AS erased,
      coalesce((SELECT json_agg(x) FROM (
         SELECT id, reference, type, status FROM requests
         WHERE $10::text IS NOT NULL AND lower(subject_email) = $10::text ORDER BY received_at DESC LIMIT 50) x), '[]') AS requests,
      coalesce((SELECT json_agg(x) FROM (${activeStopsQuery('$9')}) x), '[]') AS stops`;
  const statement = { name: `subjects.search.${createHash('sha256').update(text).digest('hex').slice(0, 16)}`, text };
  statements.set(dataSource, statement);
  return statement;
}

const statements = new WeakMap<DataSource, PreparedStatement>();
