import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

import type { ChatConversation } from '../api';

/** Who the visitor said they are in the chat, so the list shows the person behind each conversation. */
export const VisitorField = () => {
  const record = useRecordContext<ChatConversation>();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.visitorName && !record.visitorEmail)
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('resources.chat-conversations.visitor_unknown')}
      </Typography>
    );
  return (
    <Box>
      {record.visitorName && <Typography variant="body2">{record.visitorName}</Typography>}
      {record.visitorEmail && (
        <Typography variant="body2" color="text.secondary">
          {record.visitorEmail}
        </Typography>
      )}
    </Box>
  );
};
