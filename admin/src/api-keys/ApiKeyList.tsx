import { DataTable, List } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { SearchFilter } from '../common/SearchFilter';
import { monospaceFontFamily } from '../theme';
import type { ApiKey } from '../api';
import { ApiKeyStatusField } from './ApiKeyStatusField';
import { LastUsedField } from './LastUsedField';
import { RevokeApiKeyButton } from './RevokeApiKeyButton';
import { csvExporter } from '../common/csvExporter';

// `q` searches the name and the prefix.
const apiKeyFilters = [
  <SearchFilter key="q" source="q" alwaysOn placeholder="resources.api-keys.search_placeholder" />,
];

const Column = DataTable.Col<ApiKey>;

export const ApiKeyList = () => (
  <List<ApiKey>
    exporter={csvExporter}
    filters={apiKeyFilters}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
  >
    <DataTable<ApiKey> rowClick={false} bulkActionButtons={false}>
      <Column source="name" sx={{ fontWeight: 500 }} />
      <Column
        source="prefix"
        // The key's own first characters (random, so at times snake_case-like): data, not a code to translate.
        render={(key: ApiKey) => <span data-verbatim>{key.prefix}…</span>}
        sx={{ fontFamily: monospaceFontFamily, fontSize: '0.8125rem', whiteSpace: 'nowrap' }}
      />
      <Column source="status" disableSort>
        <ApiKeyStatusField />
      </Column>
      <Column source="createdAt">
        <DateTimeField source="createdAt" />
      </Column>
      <Column source="lastUsedAt">
        <LastUsedField />
      </Column>
      <Column source="revokedAt">
        <DateTimeField source="revokedAt" emptyText="—" />
      </Column>
      <Column align="right">
        <RevokeApiKeyButton />
      </Column>
    </DataTable>
  </List>
);
