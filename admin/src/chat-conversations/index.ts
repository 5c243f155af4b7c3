import type { ChatConversation } from '../api';
import { ChatConversationList } from './ChatConversationList';
import { ChatConversationShow } from './ChatConversationShow';
import { sourceIcon } from '../sources/catalogue';

// Read-only resource: conversations arrive through POST /api/ingest/chat-conversations.
export default {
  list: ChatConversationList,
  show: ChatConversationShow,
  icon: sourceIcon('chat-conversations'),
  recordRepresentation: (record: ChatConversation) => record.externalId ?? `#${record.id.slice(0, 8)}`,
};
