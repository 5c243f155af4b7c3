import type { SourceSweeper, SweptSource } from '../../retention/source-retention';
import { FIRST_UUID, countPast, pick, removeIndexRows, notHeld } from '../../retention/sweep-sql';

// A connection a legal hold keeps is not deleted (legal-holds/held-sql.ts).
const FREE = notHeld('calendar-connections', 'calendar_connections.id');

// Calendar connections: kept until the user disconnects; a period counts from the
// disconnection (revoked_at), and a connection still connected is never past it. Its events
// go with it, unless restricted or kept by a legal hold (they then lose their connection and stay).
const connections: SourceSweeper = {
  start: FIRST_UUID,
  count: (m, cutoff) =>
    countPast(m, 'calendar_connections', 'revoked_at', 'revoked_at < $1', cutoff, {
      source: 'calendar-connections',
      id: 'calendar_connections.id',
    }),
  async batch(m, cutoff, _action, from, limit) {
    const { ids, next } = await pick(
      m,
      `SELECT id::text AS id, id::text AS key FROM calendar_connections
       WHERE id > $2::uuid AND revoked_at < $1 AND restricted_at IS NULL AND ${FREE} ORDER BY id LIMIT $3`,
      [cutoff, from, limit],
      from,
    );
    if (!ids.length) return { picked: 0, next, changed: 0, indexRows: 0 };
    const [row]: Array<{ connections: string[]; events: string[] }> = await m.query(
      `WITH gone AS (
         DELETE FROM calendar_connections WHERE id = ANY($1::uuid[]) AND restricted_at IS NULL AND ${FREE} AND revoked_at < $2 RETURNING id
       ), events AS (
         DELETE FROM calendar_events WHERE connection_id = ANY(ARRAY(SELECT id FROM gone)) AND restricted_at IS NULL
           AND ${notHeld('calendar-events', 'calendar_events.id')} RETURNING id
       )
       SELECT ARRAY(SELECT id::text FROM gone) AS connections, ARRAY(SELECT id::text FROM events) AS events`,
      [ids, cutoff],
    );
    const indexRows =
      (await removeIndexRows(m, 'calendar-connections', row.connections)) +
      (await removeIndexRows(m, 'calendar-events', row.events));
    return { picked: ids.length, next, changed: row.connections.length, indexRows };
  },
};

export const calendarConnectionsRetention: SweptSource = {
  kind: 'swept',
  rule: { dateField: 'revokedAt', basis: 'age', actions: ['delete'] },
  sweeper: connections,
};
