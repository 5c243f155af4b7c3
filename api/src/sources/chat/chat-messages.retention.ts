import { notSwept } from '../../retention/source-retention';

/** Deleted or masked with their conversation (chat-conversations.retention.ts). */
export const chatMessagesRetention = notSwept(
  'A message is kept as long as its conversation: policies name the conversations, counted from the last message',
);
