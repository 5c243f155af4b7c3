import { Create, SimpleForm } from 'react-admin';

import type { User } from '../api';
import { UserInputs } from './UserInputs';

interface UserCreatePayload {
  email: string;
  fullName: string;
  role: User['role'];
  language: User['language'];
  password: string;
}

/** Send exactly what `POST /api/users` accepts. */
const toCreatePayload = (data: Partial<UserCreatePayload>): UserCreatePayload => ({
  email: (data.email ?? '').trim(),
  fullName: (data.fullName ?? '').trim(),
  role: data.role as User['role'],
  language: data.language ?? null,
  password: data.password ?? '',
});

export const UserCreate = () => (
  <Create<User> transform={toCreatePayload} redirect="show">
    <SimpleForm defaultValues={{ role: 'officer' }}>
      <UserInputs mode="create" />
    </SimpleForm>
  </Create>
);
