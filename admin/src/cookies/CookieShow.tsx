import {
  EditButton,
  ListButton,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
} from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';

import {
  COOKIE_CATEGORY_CHOICES,
  COOKIE_SYSTEM_CHOICES,
  PARTY_CHOICES,
  STORAGE_KIND_CHOICES,
} from '../registers/vocabulary';

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'cookies', action: 'edit' });
  return (
    <TopToolbar>
      {canAccess && <EditButton />}
      <ListButton />
    </TopToolbar>
  );
};

export const CookieShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <TextField source="name" sx={{ fontFamily: 'monospace' }} />
      <SelectField source="kind" choices={STORAGE_KIND_CHOICES} />
      <SelectField source="system" choices={COOKIE_SYSTEM_CHOICES} />
      <TextField source="provider" />
      <SelectField source="category" choices={COOKIE_CATEGORY_CHOICES} />
      <TextField source="purpose" />
      <TextField source="duration" />
      <SelectField source="party" choices={PARTY_CHOICES} />
      <TextField source="listedIn" emptyText="—" />
      <DateTimeField source="updatedAt" />
    </SimpleShowLayout>
  </Show>
);
