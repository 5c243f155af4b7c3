import { calendarConnectionsDemo, calendarEventsDemo } from './calendar.demo';
import { defineSource } from '../source-definition';
import { CalendarConnection } from './calendar-connection.entity';
import { CalendarEvent, EVENT_ORIGINS } from './calendar-event.entity';
import { calendarConnectionsExport, calendarEventsExport } from './calendar.export';
import { calendarConnectionsIngestion, calendarEventsIngestion } from './calendar.ingestion';
import { presentCalendarConnection, presentCalendarEvent } from './calendar.presenter';
import { calendarConnectionsErasure } from './calendar-connections.erasure';
import { calendarConnectionsRestriction, calendarEventsRestriction } from './calendar.restriction';
import { calendarConnectionsRetention } from './calendar-connections.retention';
import { calendarEventsErasure } from './calendar-events.erasure';
import { calendarEventsRetention } from './calendar-events.retention';
import { calendarConnectionIdentifiers, calendarEventIdentifiers } from './calendar.ingestion';

/** Google Calendar accounts connected to the booking service (tokens sealed at rest). */
export const calendarConnectionsSource = defineSource({
  resource: 'calendar-connections',
  entity: CalendarConnection,
  idType: 'uuid',
  present: presentCalendarConnection,
  list: {
    resource: 'calendar-connections',
    fields: {
      id: 'uuid',
      externalId: 'text',
      accountEmail: 'text',
      connectedAt: 'datetime',
      revokedAt: 'datetime',
      ingestedAt: 'datetime',
    },
    searchable: ['accountEmail'],
    defaultSort: ['connectedAt', 'DESC'],
  },
  ingestion: calendarConnectionsIngestion,
  severalPeoplePerRecord: false,
  registerSystem: 'calendar-connections',
  packages: calendarConnectionsExport,
  identifiers: { of: calendarConnectionIdentifiers },
  erasure: calendarConnectionsErasure,
  restriction: calendarConnectionsRestriction,
  retention: calendarConnectionsRetention,
  demo: { of: calendarConnectionsDemo },
});

/** Appointments: created by the person, by the booking system, or imported from their calendar. */
export const calendarEventsSource = defineSource({
  resource: 'calendar-events',
  entity: CalendarEvent,
  idType: 'uuid',
  present: presentCalendarEvent,
  list: {
    resource: 'calendar-events',
    fields: {
      id: 'uuid',
      externalId: 'text',
      connectionId: 'uuid',
      origin: { enum: EVENT_ORIGINS },
      title: 'text',
      startsAt: 'datetime',
      endsAt: 'datetime',
    },
    searchable: ['title', 'description'],
    defaultSort: ['startsAt', 'DESC'],
  },
  ingestion: calendarEventsIngestion,
  // An event lists all its attendees.
  severalPeoplePerRecord: true,
  // The activity register knows the calendar as its connections.
  registerSystem: 'calendar-connections',
  packages: calendarEventsExport,
  identifiers: { of: calendarEventIdentifiers },
  erasure: calendarEventsErasure,
  restriction: calendarEventsRestriction,
  retention: calendarEventsRetention,
  demo: { of: calendarEventsDemo },
});
