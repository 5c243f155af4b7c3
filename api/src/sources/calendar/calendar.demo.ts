import type { DemoContext } from '../../seed/demo-kit';
import { emailVariant, SPACES, STAFF } from '../../seed/demo-kit';
import type { IngestCalendarConnectionDto, IngestCalendarEventDto } from './calendar.ingestion';

/** The calendar connection of a person who booked through Google, if any (a few were revoked). */
export function calendarConnectionsDemo({ f, person, daysAgo, nextId }: DemoContext): IngestCalendarConnectionDto[] {
  const records: IngestCalendarConnectionDto[] = [];
  if (f.datatype.boolean(0.12)) {
    const connectionId = nextId('conn');
    const connectedAt = daysAgo(300);
    records.push({
      externalId: connectionId,
      accountEmail: person.email,
      accessToken: `ya29.${f.string.alphanumeric(60)}`,
      refreshToken: `1//${f.string.alphanumeric(40)}`,
      scopes: ['https://www.googleapis.com/auth/userinfo.email', 'https://www.googleapis.com/auth/calendar'],
      connectedAt: connectedAt.toISOString(),
      revokedAt: f.datatype.boolean(0.1) ? new Date(connectedAt.getTime() + 86_400_000 * 30).toISOString() : undefined,
    });
  }
  return records;
}

/** The appointments of the person's calendar connection, each with a member of staff as attendee. */
export function calendarEventsDemo({
  f,
  person,
  phones,
  daysAgo,
  nextId,
  made,
}: DemoContext): IngestCalendarEventDto[] {
  const records: IngestCalendarEventDto[] = [];
  for (const { externalId: connectionId } of made('calendar-connections') as IngestCalendarConnectionDto[]) {
    for (let e = f.number.int({ min: 1, max: 4 }); e > 0; e--) {
      const origin = f.helpers.arrayElement(['manual', 'system', 'imported'] as const);
      const startsAt = new Date(daysAgo(280).getTime() + 86_400_000 * 60);
      const staff = f.helpers.arrayElement(STAFF);
      records.push({
        externalId: nextId('evt'),
        connectionExternalId: connectionId,
        origin,
        title:
          origin === 'system'
            ? `Sopralluogo ${f.helpers.arrayElement(SPACES)}`
            : origin === 'manual'
              ? 'Call progetto allestimento'
              : 'Riunione (da Google Calendar)',
        description:
          origin === 'system'
            ? `Prenotazione dal sito. Referente: ${person.firstName} ${person.lastName}, tel. ${f.helpers.arrayElement(phones)}`
            : undefined,
        attendees: [
          { email: emailVariant(f, person.email), name: `${person.firstName} ${person.lastName}` },
          { email: staff.email, name: staff.name },
        ],
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      });
    }
  }
  return records;
}
