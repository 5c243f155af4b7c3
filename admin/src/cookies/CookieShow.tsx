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
import { TwinField } from '../registers/TwinField';

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
      <TextField source="name" sx={{ fontFamily: 'monospace' }} data-verbatim />
      <SelectField source="kind" choices={STORAGE_KIND_CHOICES} />
      <SelectField source="system" choices={COOKIE_SYSTEM_CHOICES} />
      <TextField source="provider" />
      <SelectField source="category" choices={COOKIE_CATEGORY_CHOICES} />
      <TwinField source="purpose" />
      <TwinField source="duration" />
      <SelectField source="party" choices={PARTY_CHOICES} />
      <TwinField source="listedIn" />
      <DateTimeField source="updatedAt" />
    </SimpleShowLayout>
  </Show>
);
