import { DeleteWithConfirmButton, Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { Box } from '@mui/material';

import type { User } from '../api';
import { UserInputs } from './UserInputs';

interface UserUpdatePayload {
  fullName: string;
  role: User['role'];
  active: boolean;
  language: User['language'];
  password?: string;
}

/**
 * Send exactly what `PUT /api/users/:id` accepts: the email is read-only, and
 * an empty password means "unchanged", so it is left out.
 */
const toUpdatePayload = (data: Partial<User> & { password?: string | null }): UserUpdatePayload => {
  const payload: UserUpdatePayload = {
    fullName: (data.fullName ?? '').trim(),
    role: data.role as User['role'],
    active: Boolean(data.active),
    language: data.language ?? null,
  };
  if (data.password) payload.password = data.password;
  return payload;
};

const UserEditToolbar = () => (
  <Toolbar>
    <SaveButton />
    <Box sx={{ flex: 1 }} />
    <DeleteWithConfirmButton />
  </Toolbar>
);

export const UserEdit = () => (
  <Edit<User> transform={toUpdatePayload} mutationMode="pessimistic" redirect="show">
    <SimpleForm toolbar={<UserEditToolbar />}>
      <UserInputs mode="edit" />
    </SimpleForm>
  </Edit>
);
