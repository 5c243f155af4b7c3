import { DataTable, List, ReferenceField, SelectInput } from 'react-admin';

import { ConversationLabel } from '../chat-conversations/ConversationLabel';
import { DateTimeField } from '../common/DateTimeField';
import { ExcerptField } from '../common/ExcerptField';
import { RecordFlags } from '../common/RecordFlags';
import { SearchFilter } from '../common/SearchFilter';
import { StoredUnderStopInput } from '../common/StoredUnderStopInput';
import type { ChatMessage } from '../api';
import { ChatRoleField } from './ChatRoleField';
import { chatRoleChoices } from './vocabulary';
import { csvExporter } from '../common/csvExporter';

// `q` searches the message text.
const chatMessageFilters = [
  <SearchFilter key="q" source="q" alwaysOn placeholder="resources.chat-messages.search_placeholder" />,
  <SelectInput key="role" source="role" choices={chatRoleChoices} alwaysOn />,
  <StoredUnderStopInput key="storedUnderStop" source="storedUnderStop" />,
];

const Column = DataTable.Col<ChatMessage>;

export const ChatMessageList = () => (
  <List<ChatMessage>
    exporter={csvExporter}
    filters={chatMessageFilters}
    sort={{ field: 'sentAt', order: 'DESC' }}
    perPage={25}
  >
    <DataTable<ChatMessage> rowClick="show" bulkActionButtons={false}>
      <Column source="sentAt">
        <DateTimeField source="sentAt" />
      </Column>
      <Column source="role">
        <RecordFlags>
          <ChatRoleField />
        </RecordFlags>
      </Column>
      <Column source="content" disableSort>
        <ExcerptField source="content" maxWidth={420} />
      </Column>
      <Column source="conversationId">
        <ReferenceField source="conversationId" reference="chat-conversations" link="show">
          <ConversationLabel />
        </ReferenceField>
      </Column>
    </DataTable>
  </List>
);
