import { returnedRows } from '../../common/sql-rows';
import type { SourceSweeper, SweptSource } from '../../retention/source-retention';
import { FIRST_INSTANT, countPast, pick, removeIndexRows, notHeld } from '../../retention/sweep-sql';

// An event a legal hold keeps is not deleted (legal-holds/held-sql.ts).
const FREE = notHeld('calendar-events', 'calendar_events.id');

// Calendar events, when a policy names them on their own: past once they have ended.
const events: SourceSweeper = {
  start: FIRST_INSTANT,
  count: (m, cutoff) =>
    countPast(m, 'calendar_events', 'ends_at', 'starts_at < $1 AND ends_at < $1', cutoff, {
      source: 'calendar-events',
      id: 'calendar_events.id',
    }),
  async batch(m, cutoff, _action, from, limit) {
    const { ids, next } = await pick(
      m,
      `SELECT id::text AS id, starts_at::text AS key FROM calendar_events
       WHERE starts_at >= $2::timestamptz AND starts_at < $1 AND ends_at < $1 AND restricted_at IS NULL AND ${FREE} ORDER BY starts_at LIMIT $3`,
      [cutoff, from, limit],
      from,
    );
    if (!ids.length) return { picked: 0, next, changed: 0, indexRows: 0 };
    const gone = returnedRows<{ id: string }>(
      await m.query(
        `DELETE FROM calendar_events WHERE id = ANY($1::uuid[]) AND restricted_at IS NULL AND ${FREE} AND ends_at < $2 RETURNING id::text AS id`,
        [ids, cutoff],
      ),
    ).map((r) => r.id);
    return {
      picked: ids.length,
      next,
      changed: gone.length,
      indexRows: await removeIndexRows(m, 'calendar-events', gone),
    };
  },
};

export const calendarEventsRetention: SweptSource = {
  kind: 'swept',
  rule: { dateField: 'endsAt', basis: 'age', actions: ['delete'] },
  sweeper: events,
};
