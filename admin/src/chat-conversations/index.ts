import ForumOutlinedIcon from '@mui/icons-material/ForumOutlined';

import type { ChatConversation } from '../types';
import { ChatConversationList } from './ChatConversationList';
import { ChatConversationShow } from './ChatConversationShow';

// Read-only resource: conversations arrive through POST /api/ingest/chat-conversations.
export default {
  list: ChatConversationList,
  show: ChatConversationShow,
  icon: ForumOutlinedIcon,
  recordRepresentation: (record: ChatConversation) => record.externalId ?? `#${record.id.slice(0, 8)}`,
};
