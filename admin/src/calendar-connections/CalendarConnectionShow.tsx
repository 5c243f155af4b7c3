import { Box, Divider, Grid } from '@mui/material';
import { DataTable, EmailField, ListButton, ReferenceManyField, Show, TopToolbar } from 'react-admin';

import { AttendeesField } from '../calendar-events/AttendeesField';
import { OriginField } from '../calendar-events/OriginField';
import { DateTimeField } from '../common/DateTimeField';
import { DetailItem } from '../common/DetailItem';
import { FindPersonButton } from '../common/FindPersonButton';
import { PaginationIfNeeded } from '../common/PaginationIfNeeded';
import { RecordFlagsNotice } from '../common/RecordFlags';
import { SectionTitle } from '../common/SectionTitle';
import { EmptyText } from '../common/EmptyText';
import { StoredRecordSection } from '../common/StoredRecordSection';
import type { CalendarConnection, CalendarEvent } from '../api';
import { ConnectionStatusField, TokensField } from './ConnectionStatusField';
import { RevokedTokensNotice } from './RevokedTokensNotice';
import { ScopesField } from './ScopesField';

const longDate = { dateStyle: 'long', timeStyle: 'short' } as const;

const CalendarConnectionShowActions = () => (
  <TopToolbar>
    <FindPersonButton<CalendarConnection> identifier={(connection) => connection.accountEmail} />
    <ListButton />
  </TopToolbar>
);

const EventColumn = DataTable.Col<CalendarEvent>;

export const CalendarConnectionShow = () => (
  <Show<CalendarConnection> actions={<CalendarConnectionShowActions />}>
    <Box sx={{ p: { xs: 2, md: 3 } }}>
      <RecordFlagsNotice />
      <RevokedTokensNotice />
      <SectionTitle label="resources.calendar-connections.sections.account" />
      <Grid container spacing={2}>
        <DetailItem source="accountEmail">
          <EmailField source="accountEmail" />
        </DetailItem>
        <DetailItem source="status">
          <ConnectionStatusField />
        </DetailItem>
        <DetailItem source="holdsTokens">
          <TokensField />
        </DetailItem>
        <DetailItem source="connectedAt">
          <DateTimeField source="connectedAt" options={longDate} />
        </DetailItem>
        <DetailItem source="revokedAt">
          <DateTimeField source="revokedAt" options={longDate} emptyText="—" />
        </DetailItem>
        <DetailItem source="scopes">
          <ScopesField />
        </DetailItem>
      </Grid>

      <Divider sx={{ my: 2.5 }} />
      <SectionTitle label="resources.calendar-connections.sections.events" />
      <ReferenceManyField<CalendarConnection, CalendarEvent>
        reference="calendar-events"
        target="connectionId"
        sort={{ field: 'startsAt', order: 'DESC' }}
        perPage={25}
        pagination={<PaginationIfNeeded />}
        empty={<EmptyText text="resources.calendar-connections.no_events" />}
      >
        <DataTable<CalendarEvent> resource="calendar-events" rowClick="show" bulkActionButtons={false}>
          <EventColumn source="startsAt">
            <DateTimeField source="startsAt" />
          </EventColumn>
          <EventColumn source="title" />
          <EventColumn source="origin">
            <OriginField />
          </EventColumn>
          <EventColumn source="attendees" disableSort>
            <AttendeesField variant="compact" />
          </EventColumn>
        </DataTable>
      </ReferenceManyField>

      <Divider sx={{ my: 2.5 }} />
      <StoredRecordSection />
    </Box>
  </Show>
);
