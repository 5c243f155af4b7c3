import { Box, Divider, Grid } from '@mui/material';
import { EmailField, ListButton, Show, TopToolbar, UrlField } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { DetailItem } from '../common/DetailItem';
import { FindPersonButton } from '../common/FindPersonButton';
import { MonospaceField } from '../common/MonospaceField';
import { RecordFlagsNotice } from '../common/RecordFlags';
import { SectionTitle } from '../common/SectionTitle';
import { TextBlockField } from '../common/TextBlockField';
import { StoredRecordSection } from '../common/StoredRecordSection';
import type { Lead } from '../api';

const longDate = { dateStyle: 'long', timeStyle: 'short' } as const;

const LeadShowActions = () => (
  <TopToolbar>
    <FindPersonButton<Lead> identifier={(lead) => lead.email ?? lead.phone} />
    <ListButton />
  </TopToolbar>
);

export const LeadShow = () => (
  <Show<Lead> actions={<LeadShowActions />}>
    <Box sx={{ p: { xs: 2, md: 3 } }}>
      <RecordFlagsNotice />
      <SectionTitle label="resources.leads.sections.person" />
      <Grid container spacing={2}>
        <DetailItem source="firstName" />
        <DetailItem source="lastName" />
        <DetailItem source="company" />
        <DetailItem source="email">
          <EmailField source="email" emptyText="—" />
        </DetailItem>
        <DetailItem source="phone" />
      </Grid>

      <Divider sx={{ my: 2.5 }} />
      <SectionTitle label="resources.leads.sections.request" />
      <Grid container spacing={2}>
        <DetailItem source="submittedAt">
          <DateTimeField source="submittedAt" options={longDate} />
        </DetailItem>
        <DetailItem source="spaceType" />
        <DetailItem source="objective" />
        <DetailItem source="message" size={12}>
          <TextBlockField source="message" />
        </DetailItem>
      </Grid>

      <Divider sx={{ my: 2.5 }} />
      <SectionTitle label="resources.leads.sections.origin" />
      <Grid container spacing={2}>
        <DetailItem source="utmSource" size={{ xs: 12, sm: 6, md: 2.4 }} />
        <DetailItem source="utmMedium" size={{ xs: 12, sm: 6, md: 2.4 }} />
        <DetailItem source="utmCampaign" size={{ xs: 12, sm: 6, md: 2.4 }} />
        <DetailItem source="utmTerm" size={{ xs: 12, sm: 6, md: 2.4 }} />
        <DetailItem source="utmContent" size={{ xs: 12, sm: 6, md: 2.4 }} />
        <DetailItem source="landingPage" size={{ xs: 12, sm: 6, md: 4 }}>
          <MonospaceField source="landingPage" emptyText="—" />
        </DetailItem>
        <DetailItem source="referrer" size={{ xs: 12, md: 8 }}>
          <UrlField source="referrer" emptyText="—" target="_blank" rel="noreferrer noopener" />
        </DetailItem>
      </Grid>

      <Divider sx={{ my: 2.5 }} />
      <SectionTitle label="resources.leads.sections.consent" />
      <Grid container spacing={2}>
        <DetailItem source="consentGivenAt">
          <DateTimeField source="consentGivenAt" options={longDate} emptyText="resources.leads.no_consent" />
        </DetailItem>
      </Grid>

      <Divider sx={{ my: 2.5 }} />
      <StoredRecordSection />
    </Box>
  </Show>
);
