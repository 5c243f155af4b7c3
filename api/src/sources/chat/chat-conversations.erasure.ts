import { In, type EntityManager } from 'typeorm';
import { returnedRows } from '../../common/sql-rows';
import { maskText } from '../../erasure/masking';
import {
  dayOf,
  mentionIdentifiers,
  mentionRecords,
  ownRecords,
  type ErasureInTransaction,
  type ErasurePlan,
  type ErasureTools,
} from '../../erasure/source-erasure';
import { chatMessageIdentifiers } from '../../subjects/record-identifiers';
import { ChatMessage } from './chat-message.entity';

/**
 * The person's conversations are kept for statistics with their identifiers masked (`mask`); a
 * conversation of someone else that names them loses only the person's e-mails and phones.
 * Their messages go with them: a message that mentions the person makes its conversation theirs.
 */
export const chatConversationsErasure: ErasureInTransaction = {
  kind: 'in-transaction',
  runOrder: 30,

  async plan({ manager, own, others }) {
    const conversations = new Set(own('chat-conversations'));
    const messageIds = own('chat-messages');
    if (messageIds.length) {
      const rows: Array<{ conversation_id: string }> = await manager.query(
        `SELECT DISTINCT conversation_id FROM chat_messages WHERE id = ANY($1::uuid[])`,
        [messageIds],
      );
      for (const row of rows) conversations.add(row.conversation_id);
    }
    return {
      records: [...conversations],
      mentions: others('chat-conversations').filter((id) => !conversations.has(id)),
    };
  },

  async summarise(manager, _plan, ids) {
    const rows: Array<{ id: string; provider: string; started_at: Date; messages: number }> = await manager.query(
      `SELECT c.id, c.provider, c.started_at, count(m.id)::int AS messages FROM chat_conversations c LEFT JOIN chat_messages m ON m.conversation_id = c.id
       WHERE c.id = ANY($1::uuid[]) GROUP BY c.id ORDER BY c.started_at`,
      [ids],
    );
    return rows.map((r) => ({
      id: r.id,
      action: 'mask',
      summary: `${dayOf(r.started_at)} · ${r.provider} · ${r.messages} messages`,
    }));
  },

  async apply(manager, plan, tools) {
    const ids = ownRecords(plan, 'chat-conversations');
    const mentions = mentionRecords(plan, 'chat-conversations');
    if (!ids.length && !mentions.length) return 0;
    return (
      (ids.length ? await anonymise(manager, plan, ids, tools) : 0) +
      (await maskMentions(manager, plan, mentions, tools))
    );
  },
};

async function anonymise(
  manager: EntityManager,
  plan: ErasurePlan,
  ids: string[],
  { index }: ErasureTools,
): Promise<number> {
  const messages = await manager.find(ChatMessage, {
    select: { id: true, role: true, content: true },
    where: { conversationId: In(ids) },
  });
  const changed = messages.flatMap((m) => {
    // The visitor's own messages lose every contact detail; the assistant's only the person's.
    const masked = maskText(m.content, plan.identifiers, { allContacts: m.role === 'user' });
    return masked === m.content ? [] : [{ id: m.id, content: masked }];
  });
  if (changed.length) {
    await manager.query(
      `UPDATE chat_messages AS m SET content = t.content FROM unnest($1::uuid[], $2::text[]) AS t(id, content) WHERE m.id = t.id`,
      [changed.map((c) => c.id), changed.map((c) => c.content)],
    );
  }
  await index.remove(
    manager,
    'chat-messages',
    messages.map((m) => m.id),
  );
  // The visitor's identity the widget gave goes with them.
  await manager.query(
    `UPDATE chat_conversations SET visitor_email = NULL, visitor_name = NULL WHERE id = ANY($1::uuid[]) AND (visitor_email IS NOT NULL OR visitor_name IS NOT NULL)`,
    [ids],
  );
  await index.remove(manager, 'chat-conversations', ids);
  // A conversation anonymised before (by retention) keeps its date and still counts: it was planned and is masked.
  const updated: unknown = await manager.query(
    `UPDATE chat_conversations SET anonymised_at = coalesce(anonymised_at, now()) WHERE id = ANY($1::uuid[]) RETURNING id`,
    [ids],
  );
  return returnedRows(updated).length;
}

/** Someone else's conversation that names the person: their identifiers are masked in the messages, the conversation stays its visitor's. */
async function maskMentions(
  manager: EntityManager,
  plan: ErasurePlan,
  ids: string[],
  { index }: ErasureTools,
): Promise<number> {
  if (!ids.length) return 0;
  const messages = await manager.find(ChatMessage, {
    select: { id: true, role: true, content: true, conversationId: true },
    where: { conversationId: In(ids) },
  });
  for (const m of messages) {
    const masked = maskText(m.content, mentionIdentifiers(plan), { allContacts: false });
    if (masked === m.content) continue;
    await manager.update(ChatMessage, { id: m.id }, { content: masked });
    await index.remove(manager, 'chat-messages', [m.id]);
    await index.add(manager, 'chat-messages', [
      { recordId: m.id, identifiers: chatMessageIdentifiers({ role: m.role, content: masked }) },
    ]);
  }
  // Each planned conversation counts once, as the preview listed it (whether or not a message still held an identifier).
  const existing: unknown = await manager.query(`SELECT id FROM chat_conversations WHERE id = ANY($1::uuid[])`, [ids]);
  return returnedRows(existing).length;
}
