import { Chip } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

import { ROLES } from '../choices';
import type { Role, User } from '../api';
import { roleColors } from './roles';

/** The user's role as a translated chip. */
export const RoleField = ({ source = 'role' }: Partial<FieldProps<User>>) => {
  const translate = useTranslate();
  const role = useFieldValue<User>({ source }) as Role | undefined;
  if (!role) return null;
  const known = ROLES.includes(role);
  return (
    <Chip
      size="small"
      variant={role === 'auditor' ? 'outlined' : 'filled'}
      color={known ? roleColors[role] : 'default'}
      label={translate(`app.roles.${role}`, { _: role })}
    />
  );
};
