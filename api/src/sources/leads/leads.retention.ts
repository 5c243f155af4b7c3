import { returnedRows } from '../../common/sql-rows';
import type { SourceSweeper, SweptSource } from '../../retention/source-retention';
import { FIRST_INSTANT, countPast, pick, removeIndexRows, notHeld } from '../../retention/sweep-sql';

// A record a legal hold keeps is neither deleted nor anonymised (legal-holds/held-sql.ts).
const FREE = notHeld('leads', 'leads.id');

// Leads: 24 months from collection. Anonymising keeps the campaign data (UTM, landing page,
// referrer, space type, objective) and drops who the person is and what they wrote.
const LEAD_HOLDS_PERSON = 'num_nonnulls(first_name, last_name, email, phone, company, message) > 0';

const leads: SourceSweeper = {
  start: FIRST_INSTANT,
  count: (m, cutoff, effect) =>
    countPast(
      m,
      'leads',
      'submitted_at',
      `submitted_at < $1${effect === 'anonymise' ? ` AND ${LEAD_HOLDS_PERSON}` : ''}`,
      cutoff,
      { source: 'leads', id: 'leads.id' },
    ),
  async batch(m, cutoff, action, from, limit) {
    const extra = action === 'anonymise' ? ` AND ${LEAD_HOLDS_PERSON}` : '';
    const { ids, next } = await pick(
      m,
      `SELECT id::text AS id, submitted_at::text AS key FROM leads
       WHERE submitted_at >= $2::timestamptz AND submitted_at < $1 AND restricted_at IS NULL AND ${FREE}${extra}
       ORDER BY submitted_at LIMIT $3`,
      [cutoff, from, limit],
      from,
    );
    if (!ids.length) return { picked: 0, next, changed: 0, indexRows: 0 };
    const changed = returnedRows<{ id: string }>(
      action === 'delete'
        ? await m.query(
            `DELETE FROM leads WHERE id = ANY($1::uuid[]) AND restricted_at IS NULL AND ${FREE} AND submitted_at < $2 RETURNING id::text AS id`,
            [ids, cutoff],
          )
        : await m.query(
            `UPDATE leads SET first_name = NULL, last_name = NULL, email = NULL, phone = NULL, company = NULL, message = NULL
             WHERE id = ANY($1::uuid[]) AND restricted_at IS NULL AND ${FREE} AND ${LEAD_HOLDS_PERSON} RETURNING id::text AS id`,
            [ids],
          ),
    ).map((r) => r.id);
    return { picked: ids.length, next, changed: changed.length, indexRows: await removeIndexRows(m, 'leads', changed) };
  },
};

export const leadsRetention: SweptSource = {
  kind: 'swept',
  rule: { dateField: 'submittedAt', basis: 'age', actions: ['delete', 'anonymise'] },
  sweeper: leads,
};
