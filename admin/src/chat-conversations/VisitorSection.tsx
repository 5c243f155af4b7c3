import { Divider, Grid } from '@mui/material';
import { useRecordContext } from 'react-admin';

import { DetailItem } from '../common/DetailItem';
import { SectionTitle } from '../common/SectionTitle';
import type { ChatConversation } from '../api';

/** Who the visitor said they are in the chat (their name, their e-mail), when they said it. */
export const VisitorSection = () => {
  const record = useRecordContext<ChatConversation>();
  if (!record?.visitorEmail && !record?.visitorName) return null;
  return (
    <>
      <Divider sx={{ my: 2.5 }} />
      <SectionTitle label="resources.chat-conversations.sections.visitor" />
      <Grid container spacing={2} data-testid="chat-visitor">
        <DetailItem source="visitorName" size={{ xs: 12, sm: 6 }} />
        <DetailItem source="visitorEmail" size={{ xs: 12, sm: 6 }} />
      </Grid>
    </>
  );
};
