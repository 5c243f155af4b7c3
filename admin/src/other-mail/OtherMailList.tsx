import { Alert } from '@mui/material';
import { Datagrid, List, SelectInput, TextField, TopToolbar, useTranslate } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { SearchFilter } from '../common/SearchFilter';
import { MadeRequestField } from './MadeRequestField';
import { MailboxStatusLine } from './MailboxStatusLine';
import { ReadNowButton } from './ReadNowButton';
import { TriageReasonField } from './TriageReasonField';
import { OTHER_MAIL_KIND_CHOICES } from './vocabulary';

const OtherMailActions = () => (
  <TopToolbar sx={{ width: '100%', alignItems: 'center' }}>
    <MailboxStatusLine />
    <ReadNowButton />
  </TopToolbar>
);

const filters = [
  <SearchFilter key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={OTHER_MAIL_KIND_CHOICES} alwaysOn />,
];

/** The mail of privacy@ that is no request: auto-replies, delivery reports, list mail. No legal deadline. */
export const OtherMailList = () => {
  const translate = useTranslate();
  return (
    // No empty page: the mailbox's status and "Read now" must show before any other mail arrives.
    <List empty={false} actions={<OtherMailActions />} filters={filters} sort={{ field: 'receivedAt', order: 'DESC' }}>
      <Alert severity="info" sx={{ mx: 2, mt: 1 }}>
        {translate('resources.other-mail.no_deadline')}
      </Alert>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="fromAddress" emptyText="—" />
        <TextField source="subject" emptyText="—" />
        <DateTimeField source="receivedAt" />
        <TriageReasonField label="resources.other-mail.fields.reason" sortable={false} />
        <MadeRequestField label="resources.other-mail.fields.requestId" sortable={false} />
      </Datagrid>
    </List>
  );
};
