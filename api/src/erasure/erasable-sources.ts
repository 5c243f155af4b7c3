import { accessLogsErasure } from '../sources/access-logs/access-logs.erasure';
import { calendarConnectionsErasure } from '../sources/calendar/calendar-connections.erasure';
import { calendarEventsErasure } from '../sources/calendar/calendar-events.erasure';
import { chatConversationsErasure } from '../sources/chat/chat-conversations.erasure';
import { consentsErasure } from '../sources/consents/consents.erasure';
import { leadsErasure } from '../sources/leads/leads.erasure';
import type { ErasingSource } from './source-erasure';

/** TEMPORARY until the source registry carries each source's erasure. */
const DECLARED: Record<string, ErasingSource> = {
  leads: leadsErasure,
  'chat-conversations': chatConversationsErasure,
  'calendar-connections': calendarConnectionsErasure,
  'calendar-events': calendarEventsErasure,
  consents: consentsErasure,
  'access-logs': accessLogsErasure,
};

export interface ErasableSource {
  source: string;
  erasure: ErasingSource;
}

/** The sources an erasure changes, in the order a run takes them (each source's declared `runOrder`). */
export const ERASURE_RUN: readonly ErasableSource[] = Object.entries(DECLARED)
  .map(([source, erasure]) => ({ source, erasure }))
  .sort((a, b) => a.erasure.runOrder - b.erasure.runOrder);

export const ERASABLE_SOURCES: readonly string[] = ERASURE_RUN.map((s) => s.source);
