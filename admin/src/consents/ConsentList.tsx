import { DataTable, List, SelectInput, TextField } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { ListEmailField } from '../common/ListEmailField';
import { RecordFlags } from '../common/RecordFlags';
import { StoredUnderStopInput } from '../common/StoredUnderStopInput';
import { SearchFilter } from '../common/SearchFilter';
import { monospaceFontFamily } from '../theme';
import type { ConsentRecord } from '../api';
import { CategoriesSummaryField } from './CategoriesField';
import { ConsentActionField } from './ConsentActionField';
import { consentActionChoices } from './vocabulary';
import { csvExporter } from '../common/csvExporter';
import { PolicyVersionField } from './PolicyVersionField';

// `q` searches the consent id and the e-mail.
const consentFilters = [
  <SearchFilter key="q" source="q" alwaysOn placeholder="resources.consents.search_placeholder" />,
  <SelectInput key="action" source="action" choices={consentActionChoices} alwaysOn />,
  <StoredUnderStopInput key="storedUnderStop" source="storedUnderStop" />,
];

const Column = DataTable.Col<ConsentRecord>;

export const ConsentList = () => (
  <List<ConsentRecord>
    exporter={csvExporter}
    filters={consentFilters}
    sort={{ field: 'recordedAt', order: 'DESC' }}
    perPage={25}
  >
    <DataTable<ConsentRecord> rowClick="show" bulkActionButtons={false}>
      <Column source="recordedAt">
        <DateTimeField source="recordedAt" />
      </Column>
      <Column source="action">
        <RecordFlags>
          <ConsentActionField />
        </RecordFlags>
      </Column>
      <Column source="email">
        <ListEmailField source="email" />
      </Column>
      <Column source="consentId">
        <TextField
          source="consentId"
          sx={{
            display: 'block',
            maxWidth: 150,
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
            fontFamily: monospaceFontFamily,
            fontSize: '0.8125rem',
          }}
        />
      </Column>
      <Column source="categories" disableSort>
        <CategoriesSummaryField />
      </Column>
      {/* "Valid until" is always twelve months after "Recorded": shown on the record's page only. */}
      <Column source="policyVersion" label="resources.consents.policy_short">
        <PolicyVersionField />
      </Column>
    </DataTable>
  </List>
);
