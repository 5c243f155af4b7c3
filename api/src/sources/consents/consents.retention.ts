import { returnedRows } from '../../common/sql-rows';
import type { SourceSweeper, SweptSource } from '../../retention/source-retention';
import { FIRST_UUID, countPast, pick, removeIndexRows, notHeld } from '../../retention/sweep-sql';

// A consent a legal hold keeps is not anonymised (legal-holds/held-sql.ts).
const FREE = notHeld('consents', 'consent_records.id');

// Consents: each carries its own end of validity. They lapse and stay as proof ('expire');
// 'anonymise' drops the e-mail a record may carry and keeps the rest.
const consents: SourceSweeper = {
  start: FIRST_UUID,
  count: (m, cutoff, effect) =>
    countPast(
      m,
      'consent_records',
      'valid_until',
      `valid_until < $1${effect === 'anonymise' ? ' AND email IS NOT NULL' : ''}`,
      cutoff,
      { source: 'consents', id: 'consent_records.id' },
    ),
  async batch(m, cutoff, _action, from, limit) {
    const { ids, next } = await pick(
      m,
      `SELECT id::text AS id, id::text AS key FROM consent_records
       WHERE id > $2::uuid AND valid_until < $1 AND email IS NOT NULL AND restricted_at IS NULL AND ${FREE} ORDER BY id LIMIT $3`,
      [cutoff, from, limit],
      from,
    );
    if (!ids.length) return { picked: 0, next, changed: 0, indexRows: 0 };
    const unlinked = returnedRows<{ id: string }>(
      await m.query(
        `UPDATE consent_records SET email = NULL WHERE id = ANY($1::uuid[]) AND restricted_at IS NULL AND ${FREE} AND email IS NOT NULL RETURNING id::text AS id`,
        [ids],
      ),
    ).map((r) => r.id);
    return {
      picked: ids.length,
      next,
      changed: unlinked.length,
      indexRows: await removeIndexRows(m, 'consents', unlinked, 'email'),
    };
  },
};

export const consentsRetention: SweptSource = {
  kind: 'swept',
  // A consent is proof of what was agreed: it lapses; anonymising drops the e-mail it may carry.
  rule: { dateField: 'validUntil', basis: 'expiry', actions: ['expire', 'anonymise'] },
  sweeper: consents,
};
