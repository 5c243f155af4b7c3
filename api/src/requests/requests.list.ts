import type { ListSpec } from '../common/rest/list-query';
import { CHANNELS, REQUEST_STATUSES, REQUEST_TYPES } from './request.entity';

export const REQUESTS_LIST: ListSpec = {
  resource: 'requests',
  fields: {
    id: 'uuid',
    reference: 'text',
    type: { enum: REQUEST_TYPES },
    typeGuessed: 'boolean',
    status: { enum: REQUEST_STATUSES },
    channel: { enum: CHANNELS },
    receivedAt: 'datetime',
    subjectName: 'text',
    subjectEmail: 'text',
    dueDate: 'date',
    slaDueDate: 'date',
    extendedDueDate: 'date',
    workingDueDate: 'date',
    closedAt: 'datetime',
    // Waiting on the subject (the dashboard's link): asked (_gte a date) and not received (null).
    identityInfoRequestedAt: 'datetime',
    identityInfoReceivedAt: 'datetime',
    answeredLate: 'boolean',
    createdAt: 'datetime',
  },
  searchable: ['reference', 'subjectName', 'subjectEmail', 'subjectPhone'],
  defaultSort: ['workingDueDate', 'ASC'],
};

export const REQUEST_EVENTS_LIST: ListSpec = {
  resource: 'request-events',
  fields: { id: 'uuid', requestId: 'uuid', at: 'datetime', kind: 'text', actorEmail: 'text' },
  searchable: ['message'],
  defaultSort: ['at', 'ASC'],
};
