import type { ListSpec } from '../common/rest/list-query';

export const AUDIT_EVENTS_LIST: ListSpec = {
  resource: 'audit-events',
  fields: {
    id: 'integer',
    at: 'datetime',
    actorId: 'uuid',
    actorEmail: 'text',
    action: 'text',
    entity: 'text',
    entityId: 'text',
  },
  searchable: ['actorEmail', 'action', 'entity', 'entityId'],
  defaultSort: ['id', 'DESC'],
};
