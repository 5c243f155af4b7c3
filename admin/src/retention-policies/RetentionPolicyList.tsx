import { DataTable, List, SelectField, SelectInput } from 'react-admin';

import { SearchFilter } from '../common/SearchFilter';
import { RegisterListActions } from '../registers/RegisterListActions';
import { TwinField } from '../registers/TwinField';
import { RETENTION_ACTION_CHOICES } from '../registers/vocabulary';
import { SourceField } from './SourceField';

const filters = [
  <SearchFilter key="q" source="q" alwaysOn placeholder="resources.retention-policies.search_placeholder" />,
  <SelectInput key="action" source="action" choices={RETENTION_ACTION_CHOICES} />,
];

const Column = DataTable.Col;

/** How long each kind of data is kept, as the policies say; the retention sweep applies these rows. */
export const RetentionPolicyList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }} perPage={25} actions={<RegisterListActions />}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="name">
        <TwinField source="name" bold />
      </Column>
      <Column source="periodText" disableSort>
        <TwinField source="periodText" />
      </Column>
      <Column source="action">
        <SelectField source="action" choices={RETENTION_ACTION_CHOICES} />
      </Column>
      <Column source="source">
        <SourceField source="source" />
      </Column>
    </DataTable>
  </List>
);
