import { DataTable, List, SelectInput } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { MonospaceField } from '../common/MonospaceField';
import { RecordFlags } from '../common/RecordFlags';
import { StoredUnderStopInput } from '../common/StoredUnderStopInput';
import { SearchFilter } from '../common/SearchFilter';
import type { ChatConversation } from '../api';
import { ProviderField } from './ProviderField';
import { VisitorField } from './VisitorField';
import { providerChoices } from './vocabulary';
import { csvExporter } from '../common/csvExporter';

// `q` searches the website's conversation id; the messages have their own search.
const conversationFilters = [
  <SearchFilter key="q" source="q" alwaysOn placeholder="resources.chat-conversations.search_placeholder" />,
  <SelectInput key="provider" source="provider" choices={providerChoices} alwaysOn />,
  <StoredUnderStopInput key="storedUnderStop" source="storedUnderStop" />,
];

const Column = DataTable.Col<ChatConversation>;

export const ChatConversationList = () => (
  <List<ChatConversation>
    exporter={csvExporter}
    filters={conversationFilters}
    sort={{ field: 'startedAt', order: 'DESC' }}
    perPage={25}
  >
    <DataTable<ChatConversation> rowClick="show" bulkActionButtons={false}>
      <Column source="startedAt">
        <DateTimeField source="startedAt" />
      </Column>
      <Column source="provider">
        <RecordFlags>
          <ProviderField />
        </RecordFlags>
      </Column>
      <Column source="visitorName" label="resources.chat-conversations.fields.visitor" disableSort>
        <VisitorField />
      </Column>
      <Column source="externalId">
        <MonospaceField source="externalId" emptyText="—" />
      </Column>
      <Column source="ingestedAt">
        <DateTimeField source="ingestedAt" />
      </Column>
    </DataTable>
  </List>
);
