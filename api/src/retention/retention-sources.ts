import { accessLogsRetention } from '../sources/access-logs/access-logs.retention';
import { calendarConnectionsRetention } from '../sources/calendar/calendar-connections.retention';
import { calendarEventsRetention } from '../sources/calendar/calendar-events.retention';
import { chatConversationsRetention } from '../sources/chat/chat-conversations.retention';
import { consentsRetention } from '../sources/consents/consents.retention';
import { leadsRetention } from '../sources/leads/leads.retention';
import type { SweptSource } from './source-retention';

/** TEMPORARY until the source registry carries each source's retention. */
const DECLARED: Record<string, SweptSource> = {
  leads: leadsRetention,
  'chat-conversations': chatConversationsRetention,
  'calendar-connections': calendarConnectionsRetention,
  'calendar-events': calendarEventsRetention,
  consents: consentsRetention,
  'access-logs': accessLogsRetention,
};

/** The sources a retention policy can name, each with its rule and sweeper. */
export const SWEPT_SOURCES: ReadonlyMap<string, SweptSource> = new Map(Object.entries(DECLARED));

export const SWEEPABLE_SOURCES: readonly string[] = [...SWEPT_SOURCES.keys()];
