import { In } from 'typeorm';
import { returnedRows } from '../../common/sql-rows';
import { maskText } from '../../erasure/masking';
import { dayOf, mentionIdentifiers, ownRecords, type ErasureInTransaction } from '../../erasure/source-erasure';
import { normaliseEmail, normaliseName } from '../../subjects/identifiers';
import { calendarEventIdentifiers } from '../../subjects/record-identifiers';
import { CalendarEvent } from './calendar-event.entity';

/**
 * An event of the person's own calendar connection is deleted; one of someone else's calendar
 * that the person attends or is named in loses the person only (`remove_attendee`). Before the
 * connections: their erasure deletes the events left, and each event is counted here.
 */
export const calendarEventsErasure: ErasureInTransaction = {
  kind: 'in-transaction',
  runOrder: 10,

  async plan({ manager, own, others }) {
    // A connection's own events go with it, whoever they mention.
    const events = new Set([...own('calendar-events'), ...others('calendar-events')]);
    const connectionIds = own('calendar-connections');
    if (connectionIds.length) {
      const rows: Array<{ id: string }> = await manager.query(
        `SELECT id FROM calendar_events WHERE connection_id = ANY($1::uuid[])`,
        [connectionIds],
      );
      for (const row of rows) events.add(row.id);
    }
    return { records: [...events] };
  },

  async summarise(manager, plan, ids) {
    const own = new Set(ownRecords(plan, 'calendar-connections'));
    const rows = await manager.find(CalendarEvent, {
      select: { id: true, title: true, startsAt: true, connectionId: true },
      where: { id: In(ids) },
      order: { startsAt: 'ASC' },
    });
    return rows.map((r) => ({
      id: r.id,
      action: r.connectionId && own.has(r.connectionId) ? 'delete' : 'remove_attendee',
      summary: `${dayOf(r.startsAt)} · ${r.title}`,
    }));
  },

  async apply(manager, plan, { index }) {
    const ids = ownRecords(plan, 'calendar-events');
    if (!ids.length) return 0;
    const events = await manager.find(CalendarEvent, { where: { id: In(ids) } });
    const ownConnections = new Set(ownRecords(plan, 'calendar-connections'));
    const toDelete = events.filter((e) => e.connectionId && ownConnections.has(e.connectionId)).map((e) => e.id);
    let affected = 0;
    if (toDelete.length) {
      affected += returnedRows(
        await manager.query(`DELETE FROM calendar_events WHERE id = ANY($1::uuid[]) RETURNING id`, [toDelete]),
      ).length;
      await index.remove(manager, 'calendar-events', toDelete);
    }
    // Someone else's event: the person by e-mail, phone or full name, never by a first or last
    // name alone (a colleague may share it), as in a lead's message (mentionIdentifiers).
    const mentioned = mentionIdentifiers(plan);
    const emails = new Set(mentioned.emails);
    const names = new Set(mentioned.names);
    for (const event of events.filter((e) => !toDelete.includes(e.id))) {
      const attendees = event.attendees.filter(
        (a) =>
          !(a.email && emails.has(normaliseEmail(a.email) ?? '')) &&
          !(a.name && names.has(normaliseName(a.name) ?? '')),
      );
      const title = maskText(event.title, mentioned, { allContacts: false });
      const description =
        event.description === null ? null : maskText(event.description, mentioned, { allContacts: false });
      // Counted even when nothing is left to remove: the preview listed it, and it no longer names the person.
      affected++;
      if (attendees.length === event.attendees.length && title === event.title && description === event.description)
        continue;
      await manager.update(CalendarEvent, { id: event.id }, { attendees, title, description });
      await index.remove(manager, 'calendar-events', [event.id]);
      await index.add(manager, 'calendar-events', [
        { recordId: event.id, identifiers: calendarEventIdentifiers({ title, description, attendees }) },
      ]);
    }
    return affected;
  },
};
