import { pagedByKeyset, pagedByOffset } from '../../exports/export-reader';
import { isoOf, type PackageFile } from '../../exports/source-export';
import { nextSweepAt } from '../../retention/sweep-schedule';
import type { Attendee } from './calendar-event.entity';
import { tokensDeletedAt, tokenState } from './calendar-tokens';

/** A row of `calendar_connections` as PostgreSQL answers it (never its tokens here). */
interface ConnectionColumns {
  account_email: string;
  scopes: string[];
  connected_at: Date;
  revoked_at: Date | null;
  holds_tokens: boolean;
}

/** A row of `calendar_events` as PostgreSQL answers it, with its start as text for the key. */
interface EventColumns {
  id: string;
  origin: string;
  title: string;
  description: string | null;
  attendees: Attendee[] | null;
  starts_at: Date;
  ends_at: Date;
  k_starts_at: string;
}

export function calendarConnectionRow(c: ConnectionColumns, nextSweep: () => Date | null = nextSweepAt) {
  const tokens = tokenState({ revokedAt: c.revoked_at, holdsTokens: c.holds_tokens });
  return {
    accountEmail: c.account_email,
    scopes: c.scopes,
    connectedAt: isoOf(c.connected_at),
    revokedAt: isoOf(c.revoked_at),
    // Truthfully: a revoked connection's tokens may still be held until the sweep deletes them.
    tokens,
    tokensDeletedAt: isoOf(tokensDeletedAt(tokens, nextSweep)),
  };
}

/** Other participants are other people: only their number is given. */
export function calendarEventRow(e: EventColumns, own: (attendee: Attendee) => boolean) {
  const attendees = e.attendees ?? [];
  const mine = attendees.filter(own);
  return {
    origin: e.origin,
    title: e.title,
    description: e.description,
    startsAt: isoOf(e.starts_at),
    endsAt: isoOf(e.ends_at),
    you: mine.map((a) => [a.name, a.email].filter(Boolean).join(' ')).join('; ') || null,
    otherParticipants: attendees.length - mine.length,
  };
}

export const calendarConnectionsExport: PackageFile = {
  kind: 'file',
  label: { en: 'Google Calendar connections', it: 'Collegamenti a Google Calendar' },
  origin: {
    en: 'You, when you connected your Google Calendar',
    it: 'Lei, quando ha collegato il suo Google Calendar',
  },
  columns: [
    // Access only: a connection is the service's own record of the link, not data the person gave.
    {
      fields: ['accountEmail', 'scopes', 'connectedAt', 'revokedAt', 'tokens', 'tokensDeletedAt'],
      legalBasis: 'contract',
      portable: false,
    },
  ],
  glossary: {
    accountEmail: { en: 'Google account connected', it: 'Account Google collegato' },
    scopes: { en: 'Permissions you granted', it: 'Autorizzazioni concesse' },
    connectedAt: { en: 'When you connected it', it: "Quando l'ha collegato" },
    revokedAt: { en: 'When you disconnected it', it: "Quando l'ha scollegato" },
    tokens: {
      en: 'Access keys to your calendar (OAuth tokens)',
      it: 'Chiavi di accesso al suo calendario (token OAuth)',
    },
    tokensDeletedAt: {
      en: 'When our retention sweep deletes them',
      it: 'Quando la nostra procedura di conservazione li cancella',
    },
  },
  codes: {
    tokens: {
      in_use: {
        en: 'held, encrypted, to keep your calendar synchronised',
        it: 'conservate, cifrate, per mantenere sincronizzato il suo calendario',
      },
      held_after_revocation: {
        en: 'no longer used since you disconnected the calendar; still held, encrypted, until our retention sweep deletes them',
        it: 'non più utilizzate da quando ha scollegato il calendario; ancora conservate, cifrate, finché la nostra procedura di conservazione non le cancella',
      },
      none: { en: 'none held', it: 'nessuna conservata' },
    },
  },
  read: ({ ids, kind, reader }) => {
    const connectionIds = ids('calendar-connections');
    if (!connectionIds.length || kind !== 'access') return null;
    return pagedByOffset<ConnectionColumns>(
      reader,
      `SELECT account_email, scopes, connected_at, revoked_at,
              (access_token_encrypted IS NOT NULL OR refresh_token_encrypted IS NOT NULL) AS holds_tokens
       FROM calendar_connections WHERE id = ANY($1::uuid[]) ORDER BY connected_at, id`,
      [connectionIds],
      (c) => calendarConnectionRow(c),
    );
  },
};

export const calendarEventsExport: PackageFile = {
  kind: 'file',
  label: { en: 'Calendar events', it: 'Eventi di calendario' },
  origin: {
    en: 'You (events you created), our booking system, or your Google Calendar (imported)',
    it: 'Lei (eventi da lei creati), il nostro sistema di prenotazione, o il suo Google Calendar (importati)',
  },
  columns: [
    // Portability keeps the events the person created (origin manual; rows, not columns: see `read`).
    {
      fields: ['origin', 'title', 'description', 'startsAt', 'endsAt', 'you', 'otherParticipants'],
      legalBasis: 'contract',
      portable: true,
    },
  ],
  glossary: {
    origin: { en: 'Where the event came from', it: "Da dove proviene l'evento" },
    title: { en: 'Title', it: 'Titolo' },
    description: { en: 'Description', it: 'Descrizione' },
    startsAt: { en: 'Start', it: 'Inizio' },
    endsAt: { en: 'End', it: 'Fine' },
    you: { en: 'You, as a participant', it: 'Lei, come partecipante' },
    otherParticipants: { en: 'Number of other participants', it: 'Numero di altri partecipanti' },
  },
  codes: {
    origin: {
      manual: { en: 'created by you', it: 'creato da lei' },
      system: { en: 'created by our booking system', it: 'creato dal nostro sistema di prenotazione' },
      imported: { en: 'imported from your Google Calendar', it: 'importato dal suo Google Calendar' },
    },
  },
  read: async ({ ids, kind, emails, reader }) => {
    // The events of the person's connected calendars are theirs too.
    const connectionIds = ids('calendar-connections');
    const origins = kind === 'portability' ? ['manual'] : ['manual', 'system', 'imported'];
    const where = `(id = ANY($1::uuid[]) OR connection_id = ANY($2::uuid[])) AND origin = ANY($3)`;
    const params = [ids('calendar-events'), connectionIds, origins];
    const [{ any }] = await reader.query<{ any: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM calendar_events WHERE ${where}) AS any`,
      params,
    );
    if (!any) return null;
    const own = (a: { email: string | null }) => !!a.email && emails.includes(a.email.toLowerCase());
    return pagedByKeyset<EventColumns>(reader, {
      table: 'calendar_events',
      select: `SELECT *, starts_at::text AS k_starts_at FROM calendar_events`,
      where,
      keys: ['starts_at', 'id'],
      params,
      keyOf: (e) => [e.k_starts_at, e.id],
      map: (e) => calendarEventRow(e, own),
    });
  },
};
