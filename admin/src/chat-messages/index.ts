import type { ChatMessage } from '../api';
import { ChatMessageList } from './ChatMessageList';
import { ChatMessageShow } from './ChatMessageShow';
import { sourceIcon } from '../sources/catalogue';

const EXCERPT = 40;

// Read-only resource: messages arrive with their conversation, or through POST /api/ingest/chat-messages.
export default {
  list: ChatMessageList,
  show: ChatMessageShow,
  icon: sourceIcon('chat-messages'),
  recordRepresentation: (record: ChatMessage) =>
    record.content.length > EXCERPT ? `“${record.content.slice(0, EXCERPT).trimEnd()}…”` : `“${record.content}”`,
};
