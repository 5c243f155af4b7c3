import { Box, Divider, Grid } from '@mui/material';
import { ListButton, ReferenceField, Show, TopToolbar } from 'react-admin';

import { ConversationLabel } from '../chat-conversations/ConversationLabel';
import { DateTimeField } from '../common/DateTimeField';
import { DetailItem } from '../common/DetailItem';
import { RecordFlagsNotice } from '../common/RecordFlags';
import { SectionTitle } from '../common/SectionTitle';
import { TextBlockField } from '../common/TextBlockField';
import { StoredRecordSection } from '../common/StoredRecordSection';
import type { ChatMessage } from '../api';
import { ChatRoleField } from './ChatRoleField';

const longDate = { dateStyle: 'long', timeStyle: 'medium' } as const;

const ChatMessageShowActions = () => (
  <TopToolbar>
    <ListButton />
  </TopToolbar>
);

export const ChatMessageShow = () => (
  <Show<ChatMessage> actions={<ChatMessageShowActions />}>
    <Box sx={{ p: { xs: 2, md: 3 } }}>
      <RecordFlagsNotice />
      <SectionTitle label="resources.chat-messages.sections.message" />
      <Grid container spacing={2}>
        <DetailItem source="role">
          <ChatRoleField />
        </DetailItem>
        <DetailItem source="sentAt">
          <DateTimeField source="sentAt" options={longDate} />
        </DetailItem>
        <DetailItem source="conversationId">
          <ReferenceField source="conversationId" reference="chat-conversations" link="show">
            <ConversationLabel />
          </ReferenceField>
        </DetailItem>
        <DetailItem source="content" size={12}>
          <TextBlockField source="content" />
        </DetailItem>
      </Grid>
      <Divider sx={{ my: 2.5 }} />
      <StoredRecordSection ingested={false} />
    </Box>
  </Show>
);
