import { DataTable, List, ReferenceField, SelectInput, TextField } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { RecordFlags } from '../common/RecordFlags';
import { StoredUnderStopInput } from '../common/StoredUnderStopInput';
import { SearchFilter } from '../common/SearchFilter';
import type { CalendarEvent } from '../api';
import { AttendeesField } from './AttendeesField';
import { OriginField } from './OriginField';
import { originChoices } from './vocabulary';
import { csvExporter } from '../common/csvExporter';

// `q` searches the title and the description.
const calendarEventFilters = [
  <SearchFilter key="q" source="q" alwaysOn placeholder="resources.calendar-events.search_placeholder" />,
  <SelectInput key="origin" source="origin" choices={originChoices} alwaysOn />,
  <StoredUnderStopInput key="storedUnderStop" source="storedUnderStop" />,
];

const Column = DataTable.Col<CalendarEvent>;

export const CalendarEventList = () => (
  <List<CalendarEvent>
    exporter={csvExporter}
    filters={calendarEventFilters}
    sort={{ field: 'startsAt', order: 'DESC' }}
    perPage={25}
  >
    <DataTable<CalendarEvent> rowClick="show" bulkActionButtons={false}>
      <Column source="startsAt">
        <DateTimeField source="startsAt" />
      </Column>
      <Column source="title">
        <RecordFlags>
          <TextField source="title" sx={{ fontWeight: 500 }} />
        </RecordFlags>
      </Column>
      <Column source="origin">
        <OriginField />
      </Column>
      <Column source="attendees" disableSort>
        <AttendeesField variant="compact" />
      </Column>
      <Column source="connectionId">
        <ReferenceField source="connectionId" reference="calendar-connections" link="show" emptyText="—" />
      </Column>
    </DataTable>
  </List>
);
