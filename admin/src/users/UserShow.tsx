import { BooleanField, EditButton, ListButton, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';

import { DateTimeField } from '../common/DateTimeField';
import { MonospaceField } from '../common/MonospaceField';
import type { User } from '../types';
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
      <LastLoginField source="lastLoginAt" />
      <DateTimeField source="createdAt" />
      <DateTimeField source="updatedAt" />
      <MonospaceField source="id" />
      <UserSessions />
    </SimpleShowLayout>
  </Show>
);
