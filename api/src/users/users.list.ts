import type { ListSpec } from '../common/rest/list-query';
import { ROLES } from './user.entity';

export const USERS_LIST: ListSpec = {
  resource: 'users',
  fields: {
    id: 'uuid',
    email: 'text',
    fullName: 'text',
    role: { enum: ROLES },
    active: 'boolean',
    lastLoginAt: 'datetime',
    createdAt: 'datetime',
    updatedAt: 'datetime',
  },
  searchable: ['email', 'fullName'],
  defaultSort: ['email', 'ASC'],
};
