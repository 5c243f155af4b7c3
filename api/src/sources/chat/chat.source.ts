import { chatConversationsDemo } from './chat.demo';
import { defineSource } from '../source-definition';
import { CHAT_PROVIDERS, ChatConversation } from './chat-conversation.entity';
import { CHAT_ROLES, ChatMessage } from './chat-message.entity';
import { chatConversationsExport, chatMessagesExport } from './chat.export';
import { chatConversationsIngestion, chatMessagesIngestion } from './chat.ingestion';
import { presentChatConversation, presentChatMessage } from './chat.presenter';
import { chatConversationsErasure } from './chat-conversations.erasure';
import { chatConversationsRestriction, chatMessagesRestriction } from './chat.restriction';
import { chatConversationsRetention } from './chat-conversations.retention';
import { chatMessagesErasure } from './chat-messages.erasure';
import { chatMessagesRetention } from './chat-messages.retention';
import { chatConversationIdentifiers, chatMessageIdentifiers } from './chat.ingestion';

/** Conversations with the AI assistant on the website. */
export const chatConversationsSource = defineSource({
  resource: 'chat-conversations',
  entity: ChatConversation,
  idType: 'uuid',
  present: presentChatConversation,
  list: {
    resource: 'chat-conversations',
    fields: {
      id: 'uuid',
      externalId: 'text',
      provider: { enum: CHAT_PROVIDERS },
      startedAt: 'datetime',
      ingestedAt: 'datetime',
    },
    searchable: ['externalId'],
    defaultSort: ['startedAt', 'DESC'],
  },
  ingestion: chatConversationsIngestion,
  severalPeoplePerRecord: false,
  registerSystem: 'chat-conversations',
  packages: chatConversationsExport,
  identifiers: { of: chatConversationIdentifiers },
  erasure: chatConversationsErasure,
  restriction: chatConversationsRestriction,
  retention: chatConversationsRetention,
  demo: { of: chatConversationsDemo },
});

/** The messages of a conversation: the visitor's and the assistant's. */
export const chatMessagesSource = defineSource({
  resource: 'chat-messages',
  entity: ChatMessage,
  idType: 'uuid',
  present: presentChatMessage,
  list: {
    resource: 'chat-messages',
    fields: {
      id: 'uuid',
      externalId: 'text',
      conversationId: 'uuid',
      role: { enum: CHAT_ROLES },
      sentAt: 'datetime',
    },
    searchable: ['content'],
    defaultSort: ['sentAt', 'ASC'],
  },
  ingestion: chatMessagesIngestion,
  severalPeoplePerRecord: false,
  // The activity register knows the chat as its conversations.
  registerSystem: 'chat-conversations',
  packages: chatMessagesExport,
  identifiers: { of: chatMessageIdentifiers },
  erasure: chatMessagesErasure,
  restriction: chatMessagesRestriction,
  retention: chatMessagesRetention,
  demo: { none: 'a conversation’s messages are made with it (chat-conversations)' },
});
