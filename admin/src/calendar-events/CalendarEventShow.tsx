import { Box, Divider, Grid } from '@mui/material';
import { ListButton, ReferenceField, Show, TopToolbar } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { DetailItem } from '../common/DetailItem';
import { RecordFlagsNotice } from '../common/RecordFlags';
import { SectionTitle } from '../common/SectionTitle';
import { TextBlockField } from '../common/TextBlockField';
import { StoredRecordSection } from '../common/StoredRecordSection';
import type { CalendarEvent } from '../api';
import { AttendeesField } from './AttendeesField';
import { OriginField } from './OriginField';

const longDate = { dateStyle: 'long', timeStyle: 'short' } as const;

const CalendarEventShowActions = () => (
  <TopToolbar>
    <ListButton />
  </TopToolbar>
);

export const CalendarEventShow = () => (
  <Show<CalendarEvent> actions={<CalendarEventShowActions />}>
    <Box sx={{ p: { xs: 2, md: 3 } }}>
      <RecordFlagsNotice />
      <SectionTitle label="resources.calendar-events.sections.event" />
      <Grid container spacing={2}>
        <DetailItem source="title" size={{ xs: 12, md: 8 }} />
        <DetailItem source="origin">
          <OriginField />
        </DetailItem>
        <DetailItem source="startsAt">
          <DateTimeField source="startsAt" options={longDate} />
        </DetailItem>
        <DetailItem source="endsAt">
          <DateTimeField source="endsAt" options={longDate} />
        </DetailItem>
        <DetailItem source="connectionId">
          <ReferenceField source="connectionId" reference="calendar-connections" link="show" emptyText="—" />
        </DetailItem>
        <DetailItem source="description" size={12}>
          <TextBlockField source="description" />
        </DetailItem>
      </Grid>

      <Divider sx={{ my: 2.5 }} />
      <SectionTitle label="resources.calendar-events.sections.attendees" />
      <AttendeesField variant="full" />

      <Divider sx={{ my: 2.5 }} />
      <StoredRecordSection />
    </Box>
  </Show>
);
