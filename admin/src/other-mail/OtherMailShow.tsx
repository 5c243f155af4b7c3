import { Alert, Box, Grid } from '@mui/material';
import { ListButton, Show, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { DetailItem } from '../common/DetailItem';
import { DownloadRawButton } from './DownloadRawButton';
import { MadeRequestField } from './MadeRequestField';
import { MakeRequestButton } from './MakeRequestButton';
import { TriageReasonField } from './TriageReasonField';
import type { OtherMail } from '../api';

const longDate = { dateStyle: 'long', timeStyle: 'short' } as const;

const OtherMailShowActions = () => (
  <TopToolbar>
    <DownloadRawButton />
    <MakeRequestButton />
    <ListButton />
  </TopToolbar>
);

const OtherMailTitle = () => {
  const translate = useTranslate();
  const record = useRecordContext<OtherMail>();
  return <>{`${translate('resources.other-mail.name', { smart_count: 1 })}: ${record?.subject ?? '—'}`}</>;
};

/**
 * One message of the other mail. The API keeps its text only in the sealed raw message: the
 * officer reads it by downloading the .eml (audited), and makes a request of it if a person wrote it.
 */
export const OtherMailShow = () => {
  const translate = useTranslate();
  return (
    <Show<OtherMail> actions={<OtherMailShowActions />} title={<OtherMailTitle />}>
      <Box sx={{ p: { xs: 2, md: 3 } }}>
        <Grid container spacing={2}>
          <DetailItem source="fromAddress" size={{ xs: 12, sm: 6 }}>
            <TextField source="fromAddress" emptyText="—" />
          </DetailItem>
          <DetailItem source="receivedAt" size={{ xs: 12, sm: 6 }}>
            <DateTimeField source="receivedAt" options={longDate} />
          </DetailItem>
          <DetailItem source="subject" size={{ xs: 12 }}>
            <TextField source="subject" emptyText="—" />
          </DetailItem>
          <DetailItem source="reason" size={{ xs: 12, sm: 6 }}>
            <TriageReasonField />
          </DetailItem>
          <DetailItem source="requestId" size={{ xs: 12, sm: 3 }}>
            <MadeRequestField />
          </DetailItem>
          <DetailItem source="madeRequestBy" size={{ xs: 12, sm: 3 }} />
        </Grid>
        <Alert severity="info" sx={{ mt: 2 }}>
          {translate('resources.other-mail.text_in_raw')}
        </Alert>
      </Box>
    </Show>
  );
};
