import { iso, restriction } from '../present-parts';
import type { ChatConversation } from './chat-conversation.entity';
import type { ChatMessage } from './chat-message.entity';

/** What the API answers for a record: never a token or a secret. */

export function presentChatConversation(c: ChatConversation & { messageCount?: number }) {
  return {
    id: c.id,
    externalId: c.externalId,
    provider: c.provider,
    visitorEmail: c.visitorEmail,
    visitorName: c.visitorName,
    startedAt: iso(c.startedAt),
    ingestedAt: iso(c.ingestedAt),
    anonymisedAt: iso(c.anonymisedAt),
    ...restriction(c),
  };
}

export type ChatConversationView = ReturnType<typeof presentChatConversation>;

export function presentChatMessage(m: ChatMessage) {
  return {
    id: m.id,
    externalId: m.externalId,
    conversationId: m.conversationId,
    role: m.role,
    content: m.content,
    sentAt: iso(m.sentAt),
  };
}

export type ChatMessageView = ReturnType<typeof presentChatMessage>;
