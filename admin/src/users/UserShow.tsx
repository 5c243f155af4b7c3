import {
  BooleanField,
  EditButton,
  ListButton,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
} from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { MonospaceField } from '../common/MonospaceField';
import { languageChoices } from '../requests/vocabulary';
import type { User } from '../api';
import { LastLoginField } from './LastLoginField';
import { RoleField } from './RoleField';
import { UserSessions } from './UserSessions';

const UserShowActions = () => (
  <TopToolbar>
    <ListButton />
    <EditButton />
  </TopToolbar>
);

export const UserShow = () => (
  <Show<User> actions={<UserShowActions />}>
    <SimpleShowLayout>
      <TextField source="fullName" />
      <TextField source="email" />
      <RoleField source="role" />
      <BooleanField source="active" />
      <SelectField source="language" choices={languageChoices} emptyText="app.users.language_default" />
      <LastLoginField source="lastLoginAt" />
      <DateTimeField source="createdAt" />
      <DateTimeField source="updatedAt" />
      <MonospaceField source="id" />
      <UserSessions />
    </SimpleShowLayout>
  </Show>
);
