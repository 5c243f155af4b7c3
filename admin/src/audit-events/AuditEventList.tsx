import { DataTable, DateInput, List, SearchInput, SelectInput, TextInput } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { endOfDay, startOfDay } from '../common/dayBounds';
import { MonospaceField } from '../common/MonospaceField';
import type { AuditEvent } from '../types';
import { ActionField } from './ActionField';
import { ActorField } from './ActorField';
import { EntityField } from './EntityField';
import { actionChoices, entityChoices } from './vocabulary';
import { csvExporter } from '../common/csvExporter';

const auditEventFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="action" source="action" choices={actionChoices} alwaysOn />,
  <SelectInput key="entity" source="entity" choices={entityChoices} />,
  <TextInput key="actorEmail" source="actorEmail" type="email" />,
  <DateInput key="at_gte" source="at_gte" parse={startOfDay} />,
  <DateInput key="at_lte" source="at_lte" parse={endOfDay} />,
];

const Column = DataTable.Col<AuditEvent>;

export const AuditEventList = () => (
  <List<AuditEvent>
    exporter={csvExporter}
    filters={auditEventFilters}
    sort={{ field: 'id', order: 'DESC' }}
    perPage={25}
  >
    <DataTable<AuditEvent> rowClick="show" bulkActionButtons={false}>
      <Column source="id" sx={{ width: 96 }}>
        <MonospaceField source="id" />
      </Column>
      <Column source="at">
        <DateTimeField source="at" />
      </Column>
      <Column source="action">
        <ActionField source="action" />
      </Column>
      <Column source="actorEmail">
        <ActorField />
      </Column>
      <Column source="entity">
        <EntityField />
      </Column>
      <Column source="entityId" disableSort>
        <MonospaceField source="entityId" />
      </Column>
    </DataTable>
  </List>
);
