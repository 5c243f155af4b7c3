import { flaggedOnRow, notFlagged } from '../../erasure/source-restriction';

export const chatConversationsRestriction = flaggedOnRow('chat_conversations');

// Ingestion notes the request on a message only for its conversation (IngestionGate).
export const chatMessagesRestriction = notFlagged(
  'A message is restricted with its conversation: the flag is on the conversation',
);
