import { Box, Divider, Grid } from '@mui/material';
import { BooleanField, EmailField, ListButton, Show, TopToolbar } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { DetailItem } from '../common/DetailItem';
import { FindPersonButton } from '../common/FindPersonButton';
import { MonospaceField } from '../common/MonospaceField';
import { RecordFlagsNotice } from '../common/RecordFlags';
import { SectionTitle } from '../common/SectionTitle';
import { StoredRecordSection } from '../common/StoredRecordSection';
import type { ConsentRecord } from '../api';
import { CategoriesField } from './CategoriesField';
import { ConsentActionField } from './ConsentActionField';
import { ConsentTitle } from './ConsentTitle';
import { PolicyVersionField } from './PolicyVersionField';

const longDate = { dateStyle: 'long', timeStyle: 'short' } as const;

const ConsentShowActions = () => (
  <TopToolbar>
    <FindPersonButton<ConsentRecord> identifier={(consent) => consent.email ?? consent.consentId} />
    <ListButton />
  </TopToolbar>
);

export const ConsentShow = () => (
  <Show<ConsentRecord> actions={<ConsentShowActions />} title={<ConsentTitle />}>
    <Box sx={{ p: { xs: 2, md: 3 } }}>
      <RecordFlagsNotice />
      <Grid container spacing={4}>
        <Grid size={{ xs: 12, md: 7 }}>
          <SectionTitle label="resources.consents.sections.choice" />
          <Grid container spacing={2}>
            <DetailItem source="action" size={{ xs: 12, sm: 6 }}>
              <ConsentActionField />
            </DetailItem>
            <DetailItem source="recordedAt" size={{ xs: 12, sm: 6 }}>
              <DateTimeField source="recordedAt" options={longDate} />
            </DetailItem>
            <DetailItem source="policyVersion" size={{ xs: 12, sm: 6 }}>
              <PolicyVersionField />
            </DetailItem>
            <DetailItem source="validUntil" size={{ xs: 12, sm: 6 }}>
              <DateTimeField source="validUntil" options={longDate} />
            </DetailItem>
            <DetailItem source="doNotTrack" size={{ xs: 12, sm: 6 }}>
              <BooleanField source="doNotTrack" />
            </DetailItem>
          </Grid>
          <Divider sx={{ my: 2.5 }} />
          <SectionTitle label="resources.consents.sections.visitor" />
          <Grid container spacing={2}>
            <DetailItem source="email" size={{ xs: 12, sm: 6 }}>
              <EmailField source="email" emptyText="resources.consents.no_email" />
            </DetailItem>
            <DetailItem source="consentId" size={{ xs: 12, sm: 6 }}>
              <MonospaceField source="consentId" />
            </DetailItem>
          </Grid>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <SectionTitle label="resources.consents.sections.categories" />
          <CategoriesField />
        </Grid>
      </Grid>

      <Divider sx={{ my: 2.5 }} />
      <StoredRecordSection />
    </Box>
  </Show>
);
