import { Box, Divider, Grid } from '@mui/material';
import { ListButton, Show, TopToolbar } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { DetailItem } from '../common/DetailItem';
import { FindPersonButton } from '../common/FindPersonButton';
import { MonospaceField } from '../common/MonospaceField';
import { RecordFlagsNotice } from '../common/RecordFlags';
import { SectionTitle } from '../common/SectionTitle';
import { StoredRecordSection } from '../common/StoredRecordSection';
import type { AccessLog } from '../api';
import { StatusField } from './StatusField';

const AccessLogShowActions = () => (
  <TopToolbar>
    <FindPersonButton<AccessLog> identifier={(log) => log.ip} />
    <ListButton />
  </TopToolbar>
);

export const AccessLogShow = () => (
  <Show<AccessLog> actions={<AccessLogShowActions />}>
    <Box sx={{ p: { xs: 2, md: 3 } }}>
      <RecordFlagsNotice />
      <SectionTitle label="resources.access-logs.sections.request" />
      <Grid container spacing={2}>
        <DetailItem source="at" size={{ xs: 12, sm: 6, md: 3 }}>
          <DateTimeField source="at" options={{ dateStyle: 'long', timeStyle: 'medium' }} />
        </DetailItem>
        <DetailItem source="method" size={{ xs: 12, sm: 6, md: 3 }}>
          <MonospaceField source="method" />
        </DetailItem>
        <DetailItem source="status" size={{ xs: 12, sm: 6, md: 3 }}>
          <StatusField />
        </DetailItem>
        <DetailItem source="path" size={12}>
          <MonospaceField source="path" />
        </DetailItem>
      </Grid>
      <Divider sx={{ my: 2.5 }} />
      <SectionTitle label="resources.access-logs.sections.visitor" />
      <Grid container spacing={2}>
        <DetailItem source="ip" size={{ xs: 12, sm: 6, md: 3 }}>
          <MonospaceField source="ip" />
        </DetailItem>
        <DetailItem source="userAgent" size={{ xs: 12, md: 9 }}>
          <MonospaceField source="userAgent" emptyText="—" />
        </DetailItem>
      </Grid>
      <Divider sx={{ my: 2.5 }} />
      <StoredRecordSection ingested={false} size={{ xs: 12, sm: 6, md: 3 }} />
    </Box>
  </Show>
);
