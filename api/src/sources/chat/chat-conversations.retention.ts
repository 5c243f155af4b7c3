import type { EntityManager } from 'typeorm';
import { returnedRows } from '../../common/sql-rows';
import { maskText } from '../../erasure/masking';
import type { SourceSweeper, SweptSource } from '../../retention/source-retention';
import { FIRST_INSTANT, countPast, pick, removeIndexRows, notHeld } from '../../retention/sweep-sql';

// A conversation a legal hold keeps is neither deleted nor anonymised (legal-holds/held-sql.ts).
const FREE = notHeld('chat-conversations', 'c.id');
const FREE_ROW = notHeld('chat-conversations', 'chat_conversations.id');

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
      { source: 'chat-conversations', id: 'c.id' },
    ),
  async batch(m, cutoff, action, from, limit) {
    const { ids, next } = await pick(
      m,
      `SELECT c.id::text AS id, c.started_at::text AS key FROM chat_conversations c
       WHERE c.started_at >= $2::timestamptz AND c.started_at < $1 AND c.restricted_at IS NULL AND ${FREE}
         ${action === 'anonymise' ? 'AND c.anonymised_at IS NULL' : ''} AND ${CONVERSATION_IDLE}
       ORDER BY c.started_at LIMIT $3`,
      [cutoff, from, limit],
      from,
    );
    if (!ids.length) return { picked: 0, next, changed: 0, indexRows: 0 };
    if (action === 'delete') {
      // The messages go in the same statement (rather than by the cascade) to know their ids.
      const [row]: Array<{ conversations: string[]; messages: string[] }> = await m.query(
        `WITH gone AS (
           DELETE FROM chat_conversations c WHERE c.id = ANY($1::uuid[]) AND c.restricted_at IS NULL AND ${FREE} AND ${CONVERSATION_IDLE.replace('$1', '$2')} RETURNING c.id
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
      `UPDATE chat_conversations SET anonymised_at = now() WHERE id = ANY($1::uuid[]) AND restricted_at IS NULL AND ${FREE_ROW} AND anonymised_at IS NULL RETURNING id::text AS id`,
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

export const chatConversationsRetention: SweptSource = {
  kind: 'swept',
  rule: { dateField: 'lastActivity', basis: 'age', actions: ['delete', 'anonymise'] },
  sweeper: chat,
};
