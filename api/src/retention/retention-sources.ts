import type { EntityManager } from 'typeorm';
import { returnedRows } from '../common/sql-rows';
import { maskText } from '../erasure/masking';
import type { SweepableSource } from './retention-rules';

/**
 * The SQL of retention, per source: counting the records past a cutoff, and changing them one
 * batch at a time. A batch picks its records along the source's date (or id) index from where
 * the previous batch stopped (a keyset, so that no batch walks again over what earlier ones
 * deleted), then deletes or anonymises them re-checking the conditions, so that a record
 * restricted meanwhile is left alone. Index rows go in the same transaction as their records.
 */

export interface PastCount {
  /** Past retention and not restricted: what a sweep changes. */
  past: number;
  /** Past retention but restricted: kept. */
  restricted: number;
  oldest: Date | null;
}

export interface BatchOutcome {
  /** Records the batch picked; fewer than asked means it was the last. */
  picked: number;
  /** Where the next batch starts (the keyset), as PostgreSQL text. */
  next: string;
  changed: number;
  indexRows: number;
}

export type SweepAction = 'delete' | 'anonymise';

export interface SourceSweeper {
  /** The keyset's value before the first record. */
  start: string;
  count(m: EntityManager, cutoff: Date, effect: SweepAction | 'keep'): Promise<PastCount>;
  /** One batch, inside the caller's transaction. Never called for records that only lapse. */
  batch(m: EntityManager, cutoff: Date, action: SweepAction, from: string, limit: number): Promise<BatchOutcome>;
}

const FIRST_INSTANT = '-infinity';
const FIRST_UUID = '00000000-0000-0000-0000-000000000000';

/** `count`, `FILTER` by restriction, oldest date: one statement per source. */
async function countPast(
  m: EntityManager,
  from: string,
  date: string,
  where: string,
  cutoff: Date,
): Promise<PastCount> {
  const [row] = await m.query(
    `SELECT count(*) FILTER (WHERE restricted_at IS NULL)::int AS past,
            count(*) FILTER (WHERE restricted_at IS NOT NULL)::int AS restricted,
            min(${date}) FILTER (WHERE restricted_at IS NULL) AS oldest
     FROM ${from} WHERE ${where}`,
    [cutoff],
  );
  return { past: row.past, restricted: row.restricted, oldest: row.oldest ? new Date(row.oldest) : null };
}

/** Rows of the personal-data index of these records; answers how many went. */
async function removeIndexRows(m: EntityManager, source: string, ids: string[], kind?: string): Promise<number> {
  if (!ids.length) return 0;
  const result = await m.query(
    `DELETE FROM subject_identifiers WHERE source = $1 AND record_id = ANY($2::text[])${kind ? ' AND kind = $3' : ''}`,
    kind ? [source, ids, kind] : [source, ids],
  );
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}

async function pick(
  m: EntityManager,
  sql: string,
  params: unknown[],
  from: string,
): Promise<{ ids: string[]; next: string }> {
  const rows: Array<{ id: string; key: string }> = await m.query(sql, params);
  return { ids: rows.map((r) => r.id), next: rows.length ? rows[rows.length - 1].key : from };
}

// Leads: 24 months from collection. Anonymising keeps the campaign data (UTM, landing page,
// referrer, space type, objective) and drops who the person is and what they wrote.
const LEAD_HOLDS_PERSON = 'num_nonnulls(first_name, last_name, email, phone, company, message) > 0';

const leads: SourceSweeper = {
  start: FIRST_INSTANT,
  count: (m, cutoff, effect) =>
    countPast(
      m,
      'leads',
      'submitted_at',
      `submitted_at < $1${effect === 'anonymise' ? ` AND ${LEAD_HOLDS_PERSON}` : ''}`,
      cutoff,
    ),
  async batch(m, cutoff, action, from, limit) {
    const extra = action === 'anonymise' ? ` AND ${LEAD_HOLDS_PERSON}` : '';
    const { ids, next } = await pick(
      m,
      `SELECT id::text AS id, submitted_at::text AS key FROM leads
       WHERE submitted_at >= $2::timestamptz AND submitted_at < $1 AND restricted_at IS NULL${extra}
       ORDER BY submitted_at LIMIT $3`,
      [cutoff, from, limit],
      from,
    );
    if (!ids.length) return { picked: 0, next, changed: 0, indexRows: 0 };
    const changed = returnedRows<{ id: string }>(
      action === 'delete'
        ? await m.query(
            `DELETE FROM leads WHERE id = ANY($1::uuid[]) AND restricted_at IS NULL AND submitted_at < $2 RETURNING id::text AS id`,
            [ids, cutoff],
          )
        : await m.query(
            `UPDATE leads SET first_name = NULL, last_name = NULL, email = NULL, phone = NULL, company = NULL, message = NULL
             WHERE id = ANY($1::uuid[]) AND restricted_at IS NULL AND ${LEAD_HOLDS_PERSON} RETURNING id::text AS id`,
            [ids],
          ),
    ).map((r) => r.id);
    return { picked: ids.length, next, changed: changed.length, indexRows: await removeIndexRows(m, 'leads', changed) };
  },
};

// Chat: 12 months from the conversation's last message (or its start when it has none).
const CONVERSATION_IDLE = `NOT EXISTS (SELECT 1 FROM chat_messages m WHERE m.conversation_id = c.id AND m.sent_at >= $1)`;

const chat: SourceSweeper = {
  start: FIRST_INSTANT,
  count: (m, cutoff, effect) =>
    countPast(
      m,
      `chat_conversations c CROSS JOIN LATERAL (SELECT greatest(c.started_at, max(m.sent_at)) AS last_activity FROM chat_messages m WHERE m.conversation_id = c.id) l`,
      'l.last_activity',
      `c.started_at < $1 AND l.last_activity < $1${effect === 'anonymise' ? ' AND c.anonymised_at IS NULL' : ''}`,
      cutoff,
    ),
  async batch(m, cutoff, action, from, limit) {
    const { ids, next } = await pick(
      m,
      `SELECT c.id::text AS id, c.started_at::text AS key FROM chat_conversations c
       WHERE c.started_at >= $2::timestamptz AND c.started_at < $1 AND c.restricted_at IS NULL
         ${action === 'anonymise' ? 'AND c.anonymised_at IS NULL' : ''} AND ${CONVERSATION_IDLE}
       ORDER BY c.started_at LIMIT $3`,
      [cutoff, from, limit],
      from,
    );
    if (!ids.length) return { picked: 0, next, changed: 0, indexRows: 0 };
    if (action === 'delete') {
      // The messages go in the same statement (rather than by the cascade) to know their ids.
      const [row] = await m.query(
        `WITH gone AS (
           DELETE FROM chat_conversations c WHERE c.id = ANY($1::uuid[]) AND c.restricted_at IS NULL AND ${CONVERSATION_IDLE.replace('$1', '$2')} RETURNING c.id
         ), messages AS (
           DELETE FROM chat_messages WHERE conversation_id = ANY(ARRAY(SELECT id FROM gone)) RETURNING id
         )
         SELECT ARRAY(SELECT id::text FROM gone) AS conversations, ARRAY(SELECT id::text FROM messages) AS messages`,
        [ids, cutoff],
      );
      const indexRows =
        (await removeIndexRows(m, 'chat-messages', row.messages)) +
        (await removeIndexRows(m, 'chat-conversations', row.conversations));
      return { picked: ids.length, next, changed: row.conversations.length, indexRows };
    }
    return { picked: ids.length, next, ...(await anonymiseConversations(m, ids)) };
  },
};

/**
 * Kept for statistics with the visitor's contact details masked: every e-mail and phone number
 * of the visitor's own messages, and in the assistant's replies those the index knows.
 */
async function anonymiseConversations(
  m: EntityManager,
  ids: string[],
): Promise<{ changed: number; indexRows: number }> {
  const marked = returnedRows<{ id: string }>(
    await m.query(
      `UPDATE chat_conversations SET anonymised_at = now() WHERE id = ANY($1::uuid[]) AND restricted_at IS NULL AND anonymised_at IS NULL RETURNING id::text AS id`,
      [ids],
    ),
  ).map((r) => r.id);
  if (!marked.length) return { changed: 0, indexRows: 0 };
  const messages: Array<{ id: string; conversation_id: string; role: string; content: string }> = await m.query(
    `SELECT id::text AS id, conversation_id::text AS conversation_id, role, content FROM chat_messages WHERE conversation_id = ANY($1::uuid[])`,
    [marked],
  );
  const known: Array<{ record_id: string; kind: string; value: string }> = await m.query(
    `SELECT record_id, kind, value FROM subject_identifiers WHERE source = 'chat-messages' AND record_id = ANY($1::text[])`,
    [messages.map((msg) => msg.id)],
  );
  const conversationOf = new Map(messages.map((msg) => [msg.id, msg.conversation_id]));
  const identifiers = new Map<string, { emails: string[]; phones: string[]; names: string[] }>();
  for (const row of known) {
    const conversation = conversationOf.get(row.record_id)!;
    const entry = identifiers.get(conversation) ?? { emails: [], phones: [], names: [] };
    if (row.kind === 'email') entry.emails.push(row.value);
    if (row.kind === 'phone') entry.phones.push(row.value);
    if (row.kind === 'name') entry.names.push(row.value);
    identifiers.set(conversation, entry);
  }
  const none = { emails: [], phones: [], names: [] };
  const changed = messages.flatMap((msg) => {
    const masked = maskText(msg.content, identifiers.get(msg.conversation_id) ?? none, {
      allContacts: msg.role === 'user',
    });
    return masked === msg.content ? [] : [{ id: msg.id, content: masked }];
  });
  if (changed.length) {
    await m.query(
      `UPDATE chat_messages AS m SET content = t.content FROM unnest($1::uuid[], $2::text[]) AS t(id, content) WHERE m.id = t.id`,
      [changed.map((c) => c.id), changed.map((c) => c.content)],
    );
  }
  const indexRows =
    (await removeIndexRows(
      m,
      'chat-messages',
      messages.map((msg) => msg.id),
    )) + (await removeIndexRows(m, 'chat-conversations', marked));
  return { changed: marked.length, indexRows };
}

// Calendar connections: kept until the user disconnects; a period counts from the
// disconnection (revoked_at), and a connection still connected is never past it. Its events
// go with it, unless restricted (they then lose their connection and stay).
const connections: SourceSweeper = {
  start: FIRST_UUID,
  count: (m, cutoff) => countPast(m, 'calendar_connections', 'revoked_at', 'revoked_at < $1', cutoff),
  async batch(m, cutoff, _action, from, limit) {
    const { ids, next } = await pick(
      m,
      `SELECT id::text AS id, id::text AS key FROM calendar_connections
       WHERE id > $2::uuid AND revoked_at < $1 AND restricted_at IS NULL ORDER BY id LIMIT $3`,
      [cutoff, from, limit],
      from,
    );
    if (!ids.length) return { picked: 0, next, changed: 0, indexRows: 0 };
    const [row] = await m.query(
      `WITH gone AS (
         DELETE FROM calendar_connections WHERE id = ANY($1::uuid[]) AND restricted_at IS NULL AND revoked_at < $2 RETURNING id
       ), events AS (
         DELETE FROM calendar_events WHERE connection_id = ANY(ARRAY(SELECT id FROM gone)) AND restricted_at IS NULL RETURNING id
       )
       SELECT ARRAY(SELECT id::text FROM gone) AS connections, ARRAY(SELECT id::text FROM events) AS events`,
      [ids, cutoff],
    );
    const indexRows =
      (await removeIndexRows(m, 'calendar-connections', row.connections)) +
      (await removeIndexRows(m, 'calendar-events', row.events));
    return { picked: ids.length, next, changed: row.connections.length, indexRows };
  },
};

// Calendar events, when a policy names them on their own: past once they have ended.
const events: SourceSweeper = {
  start: FIRST_INSTANT,
  count: (m, cutoff) => countPast(m, 'calendar_events', 'ends_at', 'starts_at < $1 AND ends_at < $1', cutoff),
  async batch(m, cutoff, _action, from, limit) {
    const { ids, next } = await pick(
      m,
      `SELECT id::text AS id, starts_at::text AS key FROM calendar_events
       WHERE starts_at >= $2::timestamptz AND starts_at < $1 AND ends_at < $1 AND restricted_at IS NULL ORDER BY starts_at LIMIT $3`,
      [cutoff, from, limit],
      from,
    );
    if (!ids.length) return { picked: 0, next, changed: 0, indexRows: 0 };
    const gone = returnedRows<{ id: string }>(
      await m.query(
        `DELETE FROM calendar_events WHERE id = ANY($1::uuid[]) AND restricted_at IS NULL AND ends_at < $2 RETURNING id::text AS id`,
        [ids, cutoff],
      ),
    ).map((r) => r.id);
    return {
      picked: ids.length,
      next,
      changed: gone.length,
      indexRows: await removeIndexRows(m, 'calendar-events', gone),
    };
  },
};

// Consents: each carries its own end of validity. They lapse and stay as proof ('expire');
// 'anonymise' drops the e-mail a record may carry and keeps the rest.
const consents: SourceSweeper = {
  start: FIRST_UUID,
  count: (m, cutoff, effect) =>
    countPast(
      m,
      'consent_records',
      'valid_until',
      `valid_until < $1${effect === 'anonymise' ? ' AND email IS NOT NULL' : ''}`,
      cutoff,
    ),
  async batch(m, cutoff, _action, from, limit) {
    const { ids, next } = await pick(
      m,
      `SELECT id::text AS id, id::text AS key FROM consent_records
       WHERE id > $2::uuid AND valid_until < $1 AND email IS NOT NULL AND restricted_at IS NULL ORDER BY id LIMIT $3`,
      [cutoff, from, limit],
      from,
    );
    if (!ids.length) return { picked: 0, next, changed: 0, indexRows: 0 };
    const unlinked = returnedRows<{ id: string }>(
      await m.query(
        `UPDATE consent_records SET email = NULL WHERE id = ANY($1::uuid[]) AND restricted_at IS NULL AND email IS NOT NULL RETURNING id::text AS id`,
        [ids],
      ),
    ).map((r) => r.id);
    return {
      picked: ids.length,
      next,
      changed: unlinked.length,
      indexRows: await removeIndexRows(m, 'consents', unlinked, 'email'),
    };
  },
};

// Access logs: 30 days. The largest source by far: picked by `ctid` along the `at` index and
// changed by a TID scan, in one statement per batch; they have no index rows (the search looks
// IP addresses up in the table itself). Anonymising keeps the network (/24, IPv6 /48), drops
// the host and the browser.
const FULL_HOST = 'masklen(ip) = CASE WHEN family(ip) = 4 THEN 32 ELSE 128 END';

const accessLogs: SourceSweeper = {
  start: FIRST_INSTANT,
  count: (m, cutoff, effect) =>
    countPast(m, 'access_logs', 'at', `at < $1${effect === 'anonymise' ? ` AND ${FULL_HOST}` : ''}`, cutoff),
  async batch(m, cutoff, action, from, limit) {
    const extra = action === 'anonymise' ? ` AND ${FULL_HOST}` : '';
    const change =
      action === 'delete'
        ? `DELETE FROM access_logs WHERE ctid = ANY(ARRAY(SELECT ctid FROM batch)) AND at < $1 AND restricted_at IS NULL RETURNING 1`
        : `UPDATE access_logs SET ip = network(set_masklen(ip, CASE WHEN family(ip) = 4 THEN 24 ELSE 48 END))::inet, user_agent = NULL
           WHERE ctid = ANY(ARRAY(SELECT ctid FROM batch)) AND restricted_at IS NULL${extra} RETURNING 1`;
    const [row] = await m.query(
      `WITH batch AS (
         SELECT ctid, at FROM access_logs WHERE at >= $2::timestamptz AND at < $1 AND restricted_at IS NULL${extra} ORDER BY at LIMIT $3
       ), changed AS (${change})
       SELECT (SELECT count(*) FROM batch)::int AS picked, (SELECT max(at)::text FROM batch) AS next, (SELECT count(*) FROM changed)::int AS changed`,
      [cutoff, from, limit],
    );
    return { picked: row.picked, next: row.next ?? from, changed: row.changed, indexRows: 0 };
  },
};

export const SWEEPERS: Record<SweepableSource, SourceSweeper> = {
  leads,
  'chat-conversations': chat,
  'calendar-connections': connections,
  'calendar-events': events,
  consents,
  'access-logs': accessLogs,
};
