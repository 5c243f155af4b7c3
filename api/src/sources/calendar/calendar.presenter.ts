import { iso, restriction } from '../present-parts';
import type { CalendarConnection } from './calendar-connection.entity';
import type { CalendarEvent } from './calendar-event.entity';

/** What the API answers for a record: never a token or a secret. */

export function presentCalendarConnection(c: CalendarConnection) {
  return {
    id: c.id,
    externalId: c.externalId,
    accountEmail: c.accountEmail,
    scopes: c.scopes,
    // Whether tokens are held, never the tokens.
    holdsTokens: c.accessTokenEncrypted !== null || c.refreshTokenEncrypted !== null,
    connectedAt: iso(c.connectedAt),
    revokedAt: iso(c.revokedAt),
    ingestedAt: iso(c.ingestedAt),
    ...restriction(c),
  };
}

export type CalendarConnectionView = ReturnType<typeof presentCalendarConnection>;

export function presentCalendarEvent(e: CalendarEvent) {
  return {
    id: e.id,
    externalId: e.externalId,
    connectionId: e.connectionId,
    origin: e.origin,
    title: e.title,
    description: e.description,
    attendees: e.attendees,
    startsAt: iso(e.startsAt),
    endsAt: iso(e.endsAt),
    ingestedAt: iso(e.ingestedAt),
    ...restriction(e),
  };
}

export type CalendarEventView = ReturnType<typeof presentCalendarEvent>;
