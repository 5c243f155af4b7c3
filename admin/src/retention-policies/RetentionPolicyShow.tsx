import { BilingualField } from '../registers/BilingualField';
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

import { RETENTION_ACTION_CHOICES } from '../registers/vocabulary';

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
      <TextField source="name" />
      <TextField source="key" sx={{ fontFamily: 'monospace' }} />
      <TextField source="source" emptyText="—" />
      <TextField source="periodText" />
      <BilingualField base="periodText" label="app.registers.public_period" />
      <NumberField source="periodMonths" emptyText="—" />
      <NumberField source="periodDays" emptyText="—" />
      <SelectField source="action" choices={RETENTION_ACTION_CHOICES} />
      <TextField source="basis" />
      <TextField source="notes" emptyText="—" />
      <DateTimeField source="updatedAt" />
    </SimpleShowLayout>
  </Show>
);
