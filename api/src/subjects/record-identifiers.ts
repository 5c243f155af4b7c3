/**
 * Which identifiers each source's records hold, and whose they are (Art. 15(4)): each source
 * declares it beside its ingestion (`sources/<folder>/<name>.ingestion.ts`) with an
 * `IdentifierCollector`. Gathered here for the callers that re-index or mask records outside
 * ingestion (erasure, rectification) and for their unit tests.
 */
export type { FoundIdentifier } from './identifier-collector';
export { leadIdentifiers } from '../sources/leads/leads.ingestion';
export { chatConversationIdentifiers, chatMessageIdentifiers } from '../sources/chat/chat.ingestion';
export { calendarConnectionIdentifiers, calendarEventIdentifiers } from '../sources/calendar/calendar.ingestion';
export { consentIdentifiers } from '../sources/consents/consents.ingestion';
