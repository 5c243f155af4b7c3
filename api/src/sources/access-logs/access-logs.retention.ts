import type { SourceSweeper, SweptSource } from '../../retention/source-retention';
import { FIRST_INSTANT, countPast, notHeld } from '../../retention/sweep-sql';

// A line a legal hold keeps is neither deleted nor anonymised (legal-holds/held-sql.ts).
const FREE = notHeld('access-logs', 'access_logs.id');

// Access logs: 30 days. The largest source by far: picked by `ctid` along the `at` index and
// changed by a TID scan, in one statement per batch; they have no index rows (the search looks
// IP addresses up in the table itself). Anonymising keeps the network (/24, IPv6 /48), drops
// the host and the browser.
const FULL_HOST = 'masklen(ip) = CASE WHEN family(ip) = 4 THEN 32 ELSE 128 END';

const accessLogs: SourceSweeper = {
  start: FIRST_INSTANT,
  count: (m, cutoff, effect) =>
    countPast(m, 'access_logs', 'at', `at < $1${effect === 'anonymise' ? ` AND ${FULL_HOST}` : ''}`, cutoff, {
      source: 'access-logs',
      id: 'access_logs.id',
    }),
  async batch(m, cutoff, action, from, limit) {
    const extra = action === 'anonymise' ? ` AND ${FULL_HOST}` : '';
    const change =
      action === 'delete'
        ? `DELETE FROM access_logs WHERE ctid = ANY(ARRAY(SELECT ctid FROM batch)) AND at < $1 AND restricted_at IS NULL AND ${FREE} RETURNING 1`
        : `UPDATE access_logs SET ip = network(set_masklen(ip, CASE WHEN family(ip) = 4 THEN 24 ELSE 48 END))::inet, user_agent = NULL
           WHERE ctid = ANY(ARRAY(SELECT ctid FROM batch)) AND restricted_at IS NULL AND ${FREE}${extra} RETURNING 1`;
    const [row]: Array<{ picked: number; next: string | null; changed: number }> = await m.query(
      `WITH batch AS (
         SELECT ctid, at FROM access_logs WHERE at >= $2::timestamptz AND at < $1 AND restricted_at IS NULL AND ${FREE}${extra} ORDER BY at LIMIT $3
       ), changed AS (${change})
       SELECT (SELECT count(*) FROM batch)::int AS picked, (SELECT max(at)::text FROM batch) AS next, (SELECT count(*) FROM changed)::int AS changed`,
      [cutoff, from, limit],
    );
    return { picked: row.picked, next: row.next ?? from, changed: row.changed, indexRows: 0 };
  },
};

export const accessLogsRetention: SweptSource = {
  kind: 'swept',
  rule: { dateField: 'at', basis: 'age', actions: ['delete', 'anonymise'] },
  sweeper: accessLogs,
};
