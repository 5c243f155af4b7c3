import { ROLES } from '../choices';
import type { Role } from '../api';

/** Choices for role inputs; the names are translation keys. */
export const roleChoices = ROLES.map((role) => ({ id: role, name: `app.roles.${role}` }));

export const roleColors: Record<Role, 'primary' | 'secondary' | 'default'> = {
  admin: 'primary',
  officer: 'secondary',
  auditor: 'default',
};
