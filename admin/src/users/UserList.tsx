import { BooleanField, DataTable, List, NullableBooleanInput, SearchInput, SelectInput } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import type { User } from '../api';
import { LastLoginField } from './LastLoginField';
import { RoleField } from './RoleField';
import { roleChoices } from './roles';
import { csvExporter } from '../common/csvExporter';

const userFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} />,
  <NullableBooleanInput key="active" source="active" />,
];

const Column = DataTable.Col<User>;

export const UserList = () => (
  <List<User> exporter={csvExporter} filters={userFilters} sort={{ field: 'email', order: 'ASC' }}>
    <DataTable<User> rowClick="show" bulkActionButtons={false}>
      <Column source="email" />
      <Column source="fullName" />
      <Column source="role">
        <RoleField source="role" />
      </Column>
      <Column source="active" field={BooleanField} />
      <Column source="lastLoginAt">
        <LastLoginField source="lastLoginAt" />
      </Column>
      <Column source="createdAt">
        <DateTimeField source="createdAt" />
      </Column>
    </DataTable>
  </List>
);
