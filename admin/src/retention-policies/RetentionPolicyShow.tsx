import {
  EditButton,
  ListButton,
  NumberField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
} from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';

import { InternalNoteField } from '../registers/InternalNoteField';
import { TwinField } from '../registers/TwinField';
import { RETENTION_ACTION_CHOICES } from '../registers/vocabulary';
import { SourceField } from './SourceField';

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'retention-policies', action: 'edit' });
  return (
    <TopToolbar>
      {canAccess && <EditButton />}
      <ListButton />
    </TopToolbar>
  );
};

export const RetentionPolicyShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <TwinField source="name" bold />
      <TextField source="key" sx={{ fontFamily: 'monospace' }} />
      <SourceField source="source" />
      <TwinField source="periodText" />
      <NumberField source="periodMonths" emptyText="—" />
      <NumberField source="periodDays" emptyText="—" />
      <SelectField source="action" choices={RETENTION_ACTION_CHOICES} />
      <TwinField source="basis" />
      <InternalNoteField source="notes" />
      <DateTimeField source="updatedAt" />
    </SimpleShowLayout>
  </Show>
);
