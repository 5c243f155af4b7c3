import { returnedRows } from '../../common/sql-rows';
import { dayOf, ownRecords, type ErasureInTransaction } from '../../erasure/source-erasure';

/** A consent is proof of what was agreed: it stays, unlinked from the person's e-mail. */
export const consentsErasure: ErasureInTransaction = {
  kind: 'in-transaction',
  runOrder: 40,

  plan: (input) => Promise.resolve({ records: input.own('consents') }),

  async summarise(manager, _plan, ids) {
    const rows: Array<{ id: string; consent_id: string; action: string; recorded_at: Date }> = await manager.query(
      `SELECT id, consent_id, action, recorded_at FROM consent_records WHERE id = ANY($1::uuid[]) ORDER BY recorded_at`,
      [ids],
    );
    return rows.map((r) => ({
      id: r.id,
      action: 'unlink',
      summary: `${dayOf(r.recorded_at)} · ${r.action} · ${r.consent_id}`,
    }));
  },

  async apply(manager, plan) {
    const ids = ownRecords(plan, 'consents');
    if (!ids.length) return 0;
    // Every planned row counts, also one that never held the e-mail (found through its consent id,
    // e.g. the banner's later update): the preview listed it as unlinked, and unlinked it is.
    const unlinked: unknown = await manager.query(
      `UPDATE consent_records SET email = NULL WHERE id = ANY($1::uuid[]) RETURNING id`,
      [ids],
    );
    await manager.query(
      `DELETE FROM subject_identifiers WHERE source = 'consents' AND record_id = ANY($1::text[]) AND kind = 'email'`,
      [ids],
    );
    return returnedRows(unlinked).length;
  },
};
