import { DataTable, List } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { ListEmailField } from '../common/ListEmailField';
import { RecordFlags } from '../common/RecordFlags';
import { StoredUnderStopInput } from '../common/StoredUnderStopInput';
import { SearchFilter } from '../common/SearchFilter';
import type { CalendarConnection } from '../api';
import { ConnectionStatusField, TokensField } from './ConnectionStatusField';
import { ScopesField } from './ScopesField';
import { csvExporter } from '../common/csvExporter';

// `q` searches the Google account's e-mail.
const connectionFilters = [
  <SearchFilter key="q" source="q" alwaysOn placeholder="resources.calendar-connections.search_placeholder" />,
  <StoredUnderStopInput key="storedUnderStop" source="storedUnderStop" />,
];

const Column = DataTable.Col<CalendarConnection>;

export const CalendarConnectionList = () => (
  <List<CalendarConnection>
    exporter={csvExporter}
    filters={connectionFilters}
    sort={{ field: 'connectedAt', order: 'DESC' }}
    perPage={25}
  >
    <DataTable<CalendarConnection> rowClick="show" bulkActionButtons={false}>
      <Column source="accountEmail">
        <RecordFlags>
          <ListEmailField source="accountEmail" />
        </RecordFlags>
      </Column>
      <Column source="connectedAt">
        <DateTimeField source="connectedAt" />
      </Column>
      <Column source="revokedAt" label="resources.calendar-connections.fields.status">
        <ConnectionStatusField />
      </Column>
      <Column source="holdsTokens" disableSort>
        <TokensField />
      </Column>
      <Column source="scopes" disableSort>
        <ScopesField />
      </Column>
    </DataTable>
  </List>
);
