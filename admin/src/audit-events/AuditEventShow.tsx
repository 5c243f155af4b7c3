import { Alert, Box, Divider, Grid } from '@mui/material';
import { Labeled, ListButton, Show, TopToolbar, useRecordContext, useTranslate } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { MonospaceField } from '../common/MonospaceField';
import { SectionTitle } from '../common/SectionTitle';
import { ActionField } from './ActionField';
import { ActorField } from './ActorField';
import { DetailsField } from './DetailsField';
import { EntityField } from './EntityField';
import type { LedgerEvent } from './ledgerEvent';
import { RequestField } from './RequestField';

const AuditEventShowActions = () => (
  <TopToolbar>
    <ListButton />
  </TopToolbar>
);

/** For a role that sees searched identifiers masked, why this one is. */
const MaskedNotice = () => {
  const translate = useTranslate();
  const record = useRecordContext<LedgerEvent>();
  const query = record?.details?.query;
  if (record?.action !== 'subject.searched' || typeof query !== 'string' || !query.includes('•')) return null;
  return (
    <Alert severity="info" sx={{ mb: 2 }}>
      {translate('app.audit.masked')}
    </Alert>
  );
};

/** One line of the ledger: who, what, on which request, when; then what it kept, in words. */
export const AuditEventShow = () => (
  <Show<LedgerEvent> actions={<AuditEventShowActions />}>
    <Box sx={{ p: { xs: 2, md: 3 } }}>
      <SectionTitle label="app.audit.event" />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, sm: 6, md: 3 }}>
          <Labeled source="at">
            <DateTimeField source="at" options={{ dateStyle: 'long', timeStyle: 'medium' }} />
          </Labeled>
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 3 }}>
          <Labeled source="actorEmail">
            <ActorField source="actorEmail" />
          </Labeled>
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 3 }}>
          <Labeled source="action">
            <ActionField source="action" />
          </Labeled>
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 3 }}>
          <Labeled source="requestReference">
            <RequestField showNone />
          </Labeled>
        </Grid>
        <Grid size={12}>
          <MaskedNotice />
          <Labeled source="details" fullWidth>
            <DetailsField source="details" />
          </Labeled>
        </Grid>
      </Grid>
      <Divider sx={{ my: 2.5 }} />
      <SectionTitle label="app.audit.technical" />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, sm: 6, md: 3 }}>
          <Labeled source="id">
            <MonospaceField source="id" />
          </Labeled>
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 3 }}>
          <Labeled source="entity">
            <EntityField source="entity" />
          </Labeled>
        </Grid>
        <Grid size={{ xs: 12, sm: 6, md: 6 }}>
          <Labeled source="entityId">
            <MonospaceField source="entityId" emptyText="—" />
          </Labeled>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Labeled source="actorId">
            <MonospaceField source="actorId" emptyText="—" />
          </Labeled>
        </Grid>
      </Grid>
      <Divider sx={{ my: 2.5 }} />
      <SectionTitle label="app.audit.chain" />
      <Grid container spacing={2}>
        <Grid size={12}>
          <Labeled source="prevHash">
            <MonospaceField source="prevHash" emptyText="—" />
          </Labeled>
        </Grid>
        <Grid size={12}>
          <Labeled source="hash">
            <MonospaceField source="hash" />
          </Labeled>
        </Grid>
      </Grid>
    </Box>
  </Show>
);
