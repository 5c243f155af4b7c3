import { nextSweepAt } from '../../retention/sweep-schedule';
import { iso, restriction } from '../present-parts';
import { tokensDeletedAt, tokenState } from './calendar-tokens';
import type { CalendarConnection } from './calendar-connection.entity';
import type { CalendarEvent } from './calendar-event.entity';

/** What the API answers for a record: never a token or a secret. */

export function presentCalendarConnection(c: CalendarConnection) {
  // Whether tokens are held, never the tokens.
  const holdsTokens = c.accessTokenEncrypted !== null || c.refreshTokenEncrypted !== null;
  const tokens = tokenState({ revokedAt: c.revokedAt, holdsTokens });
  return {
    id: c.id,
    externalId: c.externalId,
    accountEmail: c.accountEmail,
    scopes: c.scopes,
    holdsTokens,
    /** in_use, held_after_revocation (encrypted, unused, until the next sweep) or none. */
    tokens,
    /** When the retention sweep deletes a revoked connection's tokens; null if none is scheduled. */
    tokensDeletedAt: iso(tokensDeletedAt(tokens, nextSweepAt)),
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
