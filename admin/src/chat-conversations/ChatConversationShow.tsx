import { Box, Divider, Grid } from '@mui/material';
import { ListButton, ReferenceManyField, Show, TopToolbar } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { DetailItem } from '../common/DetailItem';
import { MonospaceField } from '../common/MonospaceField';
import { PaginationIfNeeded } from '../common/PaginationIfNeeded';
import { RecordFlagsNotice } from '../common/RecordFlags';
import { SectionTitle } from '../common/SectionTitle';
import type { ChatConversation } from '../api';
import { ConversationTitle } from './ConversationLabel';
import { ProviderField } from './ProviderField';
import { Transcript } from './Transcript';
import { VisitorSection } from './VisitorSection';

const longDate = { dateStyle: 'long', timeStyle: 'short' } as const;

const ChatConversationShowActions = () => (
  <TopToolbar>
    <ListButton />
  </TopToolbar>
);

export const ChatConversationShow = () => (
  <Show<ChatConversation> actions={<ChatConversationShowActions />} title={<ConversationTitle />}>
    <Box sx={{ p: { xs: 2, md: 3 } }}>
      <RecordFlagsNotice />
      <SectionTitle label="resources.chat-conversations.sections.conversation" />
      <Grid container spacing={2}>
        <DetailItem source="provider" size={{ xs: 12, sm: 6, md: 3 }}>
          <ProviderField />
        </DetailItem>
        <DetailItem source="startedAt" size={{ xs: 12, sm: 6, md: 3 }}>
          <DateTimeField source="startedAt" options={longDate} />
        </DetailItem>
        <DetailItem source="externalId" size={{ xs: 12, sm: 6, md: 3 }}>
          <MonospaceField source="externalId" emptyText="—" />
        </DetailItem>
        <DetailItem source="ingestedAt" size={{ xs: 12, sm: 6, md: 3 }}>
          <DateTimeField source="ingestedAt" options={longDate} />
        </DetailItem>
      </Grid>
      <VisitorSection />
      <Divider sx={{ my: 2.5 }} />
      <SectionTitle label="resources.chat-conversations.sections.transcript" />
      <ReferenceManyField<ChatConversation>
        reference="chat-messages"
        target="conversationId"
        sort={{ field: 'sentAt', order: 'ASC' }}
        perPage={100}
        pagination={<PaginationIfNeeded />}
      >
        <Transcript />
      </ReferenceManyField>
    </Box>
  </Show>
);
