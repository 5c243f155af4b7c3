import type { EntityManager } from 'typeorm';
import { queryRows } from '../../../api/src/common/sql-rows';
import { dayOf, ownRecords, type ErasureInTransaction } from '../../../api/src/erasure/source-erasure';
import { notFlagged } from '../../../api/src/erasure/source-restriction';

/** The person's sign-ups are deleted, after every built-in source but before the leads. */
export const newsletterSignupsErasure: ErasureInTransaction = {
  kind: 'in-transaction',
  runOrder: 60,
  plan: (input) => Promise.resolve({ records: input.own('newsletter-signups') }),
  async summarise(manager: EntityManager, _plan, ids) {
    const rows = await queryRows<{ id: string; email: string; signed_up_at: Date }>(
      manager,
      `SELECT id, email, signed_up_at FROM newsletter_signups WHERE id = ANY($1::uuid[]) ORDER BY signed_up_at`,
      [ids],
    );
    return rows.map((r) => ({ id: r.id, action: 'delete', summary: `${dayOf(r.signed_up_at)} · ${r.email}` }));
  },
  async apply(manager, plan, { index }) {
    const ids = ownRecords(plan, 'newsletter-signups');
    if (!ids.length) return 0;
    const deleted = await queryRows(manager, `DELETE FROM newsletter_signups WHERE id = ANY($1::uuid[]) RETURNING id`, [
      ids,
    ]);
    await index.remove(manager, 'newsletter-signups', ids);
    return deleted.length;
  },
};

export const newsletterSignupsRestriction = notFlagged(
  'The sample table has no restriction columns: a real source adds restricted_at and restricted_by_request_id',
);
