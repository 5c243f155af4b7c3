import ChatBubbleOutlineIcon from '@mui/icons-material/ChatBubbleOutline';

import type { ChatMessage } from '../types';
import { ChatMessageList } from './ChatMessageList';
import { ChatMessageShow } from './ChatMessageShow';

const EXCERPT = 40;

// Read-only resource: messages arrive with their conversation, or through POST /api/ingest/chat-messages.
export default {
  list: ChatMessageList,
  show: ChatMessageShow,
  icon: ChatBubbleOutlineIcon,
  recordRepresentation: (record: ChatMessage) =>
    record.content.length > EXCERPT ? `“${record.content.slice(0, EXCERPT).trimEnd()}…”` : `“${record.content}”`,
};
