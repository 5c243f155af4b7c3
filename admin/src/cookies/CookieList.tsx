import { DataTable, List, SelectField, SelectInput, TextField } from 'react-admin';

import { SearchFilter } from '../common/SearchFilter';
import { RegisterListActions } from '../registers/RegisterListActions';
import { TwinField } from '../registers/TwinField';
import {
  COOKIE_CATEGORY_CHOICES,
  COOKIE_SYSTEM_CHOICES,
  PARTY_CHOICES,
  STORAGE_KIND_CHOICES,
} from '../registers/vocabulary';

const filters = [
  <SearchFilter key="q" source="q" alwaysOn placeholder="resources.cookies.search_placeholder" />,
  <SelectInput key="system" source="system" choices={COOKIE_SYSTEM_CHOICES} />,
  <SelectInput key="category" source="category" choices={COOKIE_CATEGORY_CHOICES} />,
  <SelectInput key="kind" source="kind" choices={STORAGE_KIND_CHOICES} />,
  <SelectInput key="party" source="party" choices={PARTY_CHOICES} />,
];

const Column = DataTable.Col;

/** The cookie and browser-storage inventory of the company's two systems, each under its own banner's categories. */
export const CookieList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }} perPage={50} actions={<RegisterListActions />}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="name">
        {/* The cookie's real name, as the browser stores it: not a code to translate (data-verbatim). */}
        <TextField source="name" sx={{ fontFamily: 'monospace', fontWeight: 600 }} data-verbatim />
      </Column>
      <Column source="kind">
        <SelectField source="kind" choices={STORAGE_KIND_CHOICES} />
      </Column>
      <Column source="system">
        <SelectField source="system" choices={COOKIE_SYSTEM_CHOICES} />
      </Column>
      <Column source="category">
        <SelectField source="category" choices={COOKIE_CATEGORY_CHOICES} />
      </Column>
      <Column source="provider">
        <TextField source="provider" />
      </Column>
      <Column source="duration" disableSort>
        <TwinField source="duration" />
      </Column>
      <Column source="party">
        <SelectField source="party" choices={PARTY_CHOICES} />
      </Column>
    </DataTable>
  </List>
);
