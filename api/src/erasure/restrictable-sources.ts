import { accessLogsRestriction } from '../sources/access-logs/access-logs.restriction';
import { calendarConnectionsRestriction, calendarEventsRestriction } from '../sources/calendar/calendar.restriction';
import { chatConversationsRestriction, chatMessagesRestriction } from '../sources/chat/chat.restriction';
import { consentsRestriction } from '../sources/consents/consents.restriction';
import { leadsRestriction } from '../sources/leads/leads.restriction';
import type { SourceRestriction } from './source-restriction';

/** TEMPORARY until the source registry carries each source's restriction. */
const DECLARED: Array<{ resource: string; idType: 'uuid' | 'integer'; restriction: SourceRestriction }> = [
  { resource: 'leads', idType: 'uuid', restriction: leadsRestriction },
  { resource: 'chat-conversations', idType: 'uuid', restriction: chatConversationsRestriction },
  { resource: 'chat-messages', idType: 'uuid', restriction: chatMessagesRestriction },
  { resource: 'calendar-connections', idType: 'uuid', restriction: calendarConnectionsRestriction },
  { resource: 'calendar-events', idType: 'uuid', restriction: calendarEventsRestriction },
  { resource: 'consents', idType: 'uuid', restriction: consentsRestriction },
  { resource: 'access-logs', idType: 'integer', restriction: accessLogsRestriction },
];

export interface RestrictableSource {
  source: string;
  /** The table whose rows carry the flag. */
  table: string;
  /** The SQL type of its ids. */
  idCast: 'uuid' | 'bigint';
}

/** The sources whose rows carry the restriction flag themselves (Art. 18). */
export const RESTRICTABLE: readonly RestrictableSource[] = DECLARED.flatMap(({ resource, idType, restriction }) =>
  restriction.kind === 'flagged-on-row'
    ? [
        {
          source: resource,
          table: restriction.table,
          idCast: idType === 'integer' ? ('bigint' as const) : ('uuid' as const),
        },
      ]
    : [],
);

/** Ingestion stores their new records flagged when the person's processing is restricted. */
export const FLAGGED_ON_ROW: ReadonlySet<string> = new Set(RESTRICTABLE.map((s) => s.source));
