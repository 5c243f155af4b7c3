import { DataTable, List, TextField, TextInput } from 'react-admin';
import { DateInput } from '../common/DateInputs';

import { DateTimeField } from '../common/DateTimeField';
import { endOfDay, startOfDay } from '../common/dayBounds';
import { ListEmailField } from '../common/ListEmailField';
import { RecordFlags } from '../common/RecordFlags';
import { StoredUnderStopInput } from '../common/StoredUnderStopInput';
import { SearchFilter } from '../common/SearchFilter';
import type { Lead } from '../api';
import { LeadNameField } from './LeadNameField';
import { UtmField } from './UtmField';
import { csvExporter } from '../common/csvExporter';

// `q` searches first and last name, e-mail, phone and company.
const leadFilters = [
  <SearchFilter key="q" source="q" alwaysOn placeholder="resources.leads.search_placeholder" />,
  <TextInput key="utmSource" source="utmSource" />,
  <DateInput key="submittedAt_gte" source="submittedAt_gte" parse={startOfDay} />,
  <DateInput key="submittedAt_lte" source="submittedAt_lte" parse={endOfDay} />,
  <StoredUnderStopInput key="storedUnderStop" source="storedUnderStop" />,
];

const Column = DataTable.Col<Lead>;

export const LeadList = () => (
  <List<Lead> exporter={csvExporter} filters={leadFilters} sort={{ field: 'submittedAt', order: 'DESC' }} perPage={25}>
    <DataTable<Lead> rowClick="show" bulkActionButtons={false}>
      <Column source="submittedAt">
        <DateTimeField source="submittedAt" />
      </Column>
      {/* Sorted by last name; shown as the full name. */}
      <Column source="lastName" label="resources.leads.fields.name">
        <RecordFlags>
          <LeadNameField />
        </RecordFlags>
      </Column>
      <Column source="email">
        <ListEmailField source="email" />
      </Column>
      <Column source="phone">
        <TextField source="phone" emptyText="—" />
      </Column>
      <Column source="company">
        <TextField source="company" emptyText="—" />
      </Column>
      <Column source="utmSource" label="resources.leads.fields.utm">
        <UtmField />
      </Column>
    </DataTable>
  </List>
);
