import { DataTable, List, NumberInput } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { ExcerptField } from '../common/ExcerptField';
import { MonospaceField } from '../common/MonospaceField';
import { RecordFlags } from '../common/RecordFlags';
import { StoredUnderStopInput } from '../common/StoredUnderStopInput';
import { SearchFilter } from '../common/SearchFilter';
import type { AccessLog } from '../api';
import { StatusField } from './StatusField';
import { csvExporter } from '../common/csvExporter';

// `q` searches the path.
const accessLogFilters = [
  <SearchFilter key="q" source="q" alwaysOn placeholder="resources.access-logs.search_placeholder" />,
  <NumberInput key="status" source="status" min={100} max={599} step={1} alwaysOn />,
  <StoredUnderStopInput key="storedUnderStop" source="storedUnderStop" />,
];

const Column = DataTable.Col<AccessLog>;

export const AccessLogList = () => (
  <List<AccessLog> exporter={csvExporter} filters={accessLogFilters} sort={{ field: 'at', order: 'DESC' }} perPage={25}>
    <DataTable<AccessLog> rowClick="show" bulkActionButtons={false}>
      <Column source="at">
        <DateTimeField source="at" options={{ dateStyle: 'medium', timeStyle: 'medium' }} />
      </Column>
      <Column source="ip" disableSort>
        <RecordFlags>
          <MonospaceField source="ip" />
        </RecordFlags>
      </Column>
      <Column source="method">
        <MonospaceField source="method" />
      </Column>
      <Column source="path">
        <MonospaceField source="path" />
      </Column>
      <Column source="status">
        <StatusField />
      </Column>
      <Column source="userAgent" disableSort>
        <ExcerptField source="userAgent" maxWidth={260} />
      </Column>
    </DataTable>
  </List>
);
