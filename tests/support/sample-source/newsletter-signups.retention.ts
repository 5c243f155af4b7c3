import { queryRows } from '../../../api/src/common/sql-rows';
import type { SweptSource } from '../../../api/src/retention/source-retention';
import { FIRST_INSTANT, pick, removeIndexRows } from '../../../api/src/retention/sweep-sql';

/** Deleted once the sign-up is older than the policy's period (the table has no restriction flag). */
export const newsletterSignupsRetention: SweptSource = {
  kind: 'swept',
  rule: { dateField: 'signedUpAt', basis: 'age', actions: ['delete'] },
  sweeper: {
    start: FIRST_INSTANT,
    async count(m, cutoff) {
      const [row] = await queryRows<{ past: number; oldest: Date | null }>(
        m,
        `SELECT count(*)::int AS past, min(signed_up_at) AS oldest FROM newsletter_signups WHERE signed_up_at < $1`,
        [cutoff],
      );
      return { past: row.past, restricted: 0, held: 0, oldest: row.oldest ? new Date(row.oldest) : null };
    },
    async batch(m, cutoff, _action, from, limit) {
      const { ids, next } = await pick(
        m,
        `SELECT id::text AS id, signed_up_at::text AS key FROM newsletter_signups
         WHERE signed_up_at >= $2::timestamptz AND signed_up_at < $1 ORDER BY signed_up_at LIMIT $3`,
        [cutoff, from, limit],
        from,
      );
      if (!ids.length) return { picked: 0, next, changed: 0, indexRows: 0 };
      const gone = (
        await queryRows<{ id: string }>(
          m,
          `DELETE FROM newsletter_signups WHERE id = ANY($1::uuid[]) AND signed_up_at < $2 RETURNING id::text AS id`,
          [ids, cutoff],
        )
      ).map((r) => r.id);
      return {
        picked: ids.length,
        next,
        changed: gone.length,
        indexRows: await removeIndexRows(m, 'newsletter-signups', gone),
      };
    },
  },
};
