import { DataTable, List, SelectArrayInput, SelectField, SelectInput, TextField } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { SearchFilter } from '../common/SearchFilter';
import { BreachListActions } from './BreachListActions';
import { ClockBadge } from './ClockBadge';
import { NatureField } from './NatureField';
import { RISK_CHOICES, STATUS_CHOICES } from './vocabulary';

const filters = [
  <SearchFilter key="q" source="q" alwaysOn placeholder="resources.breaches.search_placeholder" />,
  <SelectInput key="status" source="status" choices={STATUS_CHOICES} />,
  <SelectArrayInput key="riskLevel" source="riskLevel" choices={RISK_CHOICES} />,
];

const Column = DataTable.Col;

/** The register of personal-data breaches (Art. 33(5)), newest awareness first, each with its 72-hour clock. */
export const BreachList = () => (
  <List
    filters={filters}
    sort={{ field: 'awareAt', order: 'DESC' }}
    perPage={25}
    actions={<BreachListActions />}
    exporter={false}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="title">
        <TextField source="title" sx={{ fontWeight: 600 }} />
      </Column>
      <Column source="awareAt" label="app.breaches.aware_column">
        <DateTimeField source="awareAt" />
      </Column>
      <Column source="nature" disableSort>
        <NatureField />
      </Column>
      <Column source="riskLevel">
        <SelectField source="riskLevel" choices={RISK_CHOICES} emptyText="—" />
      </Column>
      <Column source="clock" disableSort>
        <ClockBadge />
      </Column>
      <Column source="status">
        <SelectField source="status" choices={STATUS_CHOICES} />
      </Column>
    </DataTable>
  </List>
);
