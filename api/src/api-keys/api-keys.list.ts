import type { ListSpec } from '../common/rest/list-query';

export const API_KEYS_LIST: ListSpec = {
  resource: 'api-keys',
  fields: {
    id: 'uuid',
    name: 'text',
    prefix: 'text',
    createdAt: 'datetime',
    lastUsedAt: 'datetime',
    revokedAt: 'datetime',
  },
  searchable: ['name', 'prefix'],
  defaultSort: ['createdAt', 'DESC'],
};
