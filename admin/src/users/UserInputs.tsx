import { Box } from '@mui/material';
import {
  BooleanInput,
  PasswordInput,
  SelectInput,
  TextInput,
  email,
  maxLength,
  minLength,
  required,
} from 'react-admin';

import { languageChoices } from '../requests/vocabulary';
import { roleChoices } from './roles';

export const PASSWORD_MIN_LENGTH = 12;

/**
 * The fields shared by UserCreate and UserEdit. On edit the email is shown
 * read-only and the password is optional (blank = unchanged); on create the
 * account is always active.
 */
export const UserInputs = ({ mode }: { mode: 'create' | 'edit' }) => (
  <Box sx={{ width: '100%', maxWidth: 560 }}>
    <TextInput
      source="email"
      type="email"
      readOnly={mode === 'edit'}
      validate={mode === 'create' ? [required(), email(), maxLength(254)] : undefined}
      autoComplete="off"
    />
    <TextInput source="fullName" validate={[required(), maxLength(200)]} autoComplete="off" />
    <SelectInput source="role" choices={roleChoices} validate={required()} />
    {/* Empty: the console's default language for the reminders e-mail. */}
    <SelectInput
      source="language"
      choices={languageChoices}
      emptyText="app.users.language_default"
      format={(value: string | null | undefined) => value ?? ''}
      parse={(value: string) => (value === '' ? null : value)}
      helperText="app.users.language_help"
    />
    {mode === 'edit' && <BooleanInput source="active" />}
    <PasswordInput
      source="password"
      autoComplete="new-password"
      helperText={mode === 'create' ? 'app.users.password_create_help' : 'app.users.password_edit_help'}
      validate={mode === 'create' ? [required(), minLength(PASSWORD_MIN_LENGTH)] : minLength(PASSWORD_MIN_LENGTH)}
    />
  </Box>
);
