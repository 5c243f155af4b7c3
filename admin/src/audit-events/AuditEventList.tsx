import {
  AutocompleteInput,
  BooleanInput,
  DataTable,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextInput,
} from 'react-admin';
import { DateInput } from '../common/DateInputs';

import { csvExporter } from '../common/csvExporter';
import { DateTimeField } from '../common/DateTimeField';
import { endOfDay, startOfDay } from '../common/dayBounds';
import { MonospaceField } from '../common/MonospaceField';
import { ActionField } from './ActionField';
import { ActorInput } from './ActorInput';
import { ActorField } from './ActorField';
import { isRun, type LedgerEvent } from './ledgerEvent';
import { ReadRunEvents } from './ReadRunEvents';
import { ReadRunField } from './ReadRunField';
import { ReadsNotice } from './ReadsNotice';
import { RequestField } from './RequestField';
import { SummaryField } from './SummaryField';
import { actionChoices, entityChoices } from './vocabulary';

/**
 * The filters of a ledger: the request (by its reference), the person (everything about them),
 * who, what, when. Reads of personal data are most of the log: the API groups a run of them into
 * one line (`reads: "grouped"`) until the switch shows each on its own.
 */
const auditEventFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput
    key="requestId"
    source="requestId"
    reference="requests"
    sort={{ field: 'receivedAt', order: 'DESC' }}
    alwaysOn
  >
    <AutocompleteInput
      optionText="reference"
      label="resources.audit-events.fields.requestId"
      filterToQuery={(q: string) => ({ q })}
      sx={{ minWidth: 240 }}
    />
  </ReferenceInput>,
  <SelectInput key="action" source="action" choices={actionChoices} alwaysOn />,
  <TextInput key="person" source="person" alwaysOn />,
  <ActorInput
    key="actorId"
    source="actorId"
    label="resources.audit-events.fields.actorEmail"
    sx={{ minWidth: 320 }}
    alwaysOn
  />,
  <SelectInput key="entity" source="entity" choices={entityChoices} />,
  <DateInput key="at_gte" source="at_gte" parse={startOfDay} />,
  <DateInput key="at_lte" source="at_lte" parse={endOfDay} />,
  <BooleanInput
    key="reads"
    source="reads"
    format={(value: unknown) => value === true}
    parse={(each: boolean) => (each ? true : 'grouped')}
    alwaysOn
  />,
];

const Column = DataTable.Col<LedgerEvent>;

export const AuditEventList = () => (
  <List<LedgerEvent>
    exporter={csvExporter}
    filters={auditEventFilters}
    filterDefaultValues={{ reads: 'grouped' }}
    sort={{ field: 'id', order: 'DESC' }}
    perPage={25}
  >
    <ReadsNotice />
    <DataTable<LedgerEvent>
      // A run of reads opens in place to its reads (Enter too); any other line to its page.
      rowClick={(_id, _resource, record) => (isRun(record) ? 'expand' : 'show')}
      bulkActionButtons={false}
      expand={<ReadRunEvents />}
      isRowExpandable={isRun}
    >
      <Column source="id" sx={{ width: 88 }}>
        <MonospaceField source="id" />
      </Column>
      <Column source="at">
        <DateTimeField source="at" />
        <ReadRunField />
      </Column>
      <Column source="actorEmail">
        <ActorField />
      </Column>
      <Column source="action">
        <ActionField source="action" />
      </Column>
      <Column source="requestReference" disableSort>
        <RequestField />
      </Column>
      <Column source="summary" disableSort sx={{ maxWidth: 320 }}>
        <SummaryField />
      </Column>
    </DataTable>
  </List>
);
