import { In, type EntityManager } from 'typeorm';
import { returnedRows } from '../../common/sql-rows';
import { maskText } from '../../erasure/masking';
import {
  dayOf,
  mentionIdentifiers,
  mentionRecords,
  ownRecords,
  type ErasureInTransaction,
  type ErasurePlan,
  type ErasureTools,
} from '../../erasure/source-erasure';
import { normaliseName } from '../../subjects/identifiers';
import { leadIdentifiers } from '../../subjects/record-identifiers';
import { Lead } from './lead.entity';

/**
 * The person's contact-form messages are deleted; someone else's that names them loses only the
 * person's e-mails and phones. Last in a run: the leads link the person's identifiers.
 */
export const leadsErasure: ErasureInTransaction = {
  kind: 'in-transaction',
  runOrder: 90,

  async plan({ manager, own, others }) {
    const records = own('leads');
    const names: string[] = [];
    if (records.length) {
      const leads: Array<{ first_name: string | null; last_name: string | null }> = await manager.query(
        `SELECT first_name, last_name FROM leads WHERE id = ANY($1::uuid[])`,
        [records],
      );
      for (const lead of leads) {
        const name = normaliseName([lead.first_name, lead.last_name].filter(Boolean).join(' '));
        if (name) names.push(name);
      }
    }
    // A lead of someone else that shares the person's phone is left whole: the phone is theirs too.
    return { records, mentions: others('leads', 'mention'), names };
  },

  async summarise(manager, _plan, ids) {
    const rows: Array<{
      id: string;
      first_name: string | null;
      last_name: string | null;
      email: string | null;
      submitted_at: Date;
    }> = await manager.query(
      `SELECT id, first_name, last_name, email, submitted_at FROM leads WHERE id = ANY($1::uuid[]) ORDER BY submitted_at`,
      [ids],
    );
    return rows.map((r) => ({
      id: r.id,
      action: 'delete',
      summary: `${dayOf(r.submitted_at)} · ${[r.first_name, r.last_name].filter(Boolean).join(' ') || '—'} · ${r.email ?? '—'}`,
    }));
  },

  async apply(manager, plan, tools) {
    const ids = ownRecords(plan, 'leads');
    const mentions = mentionRecords(plan, 'leads');
    if (!ids.length && !mentions.length) return 0;
    const deleted = ids.length
      ? returnedRows(await manager.query(`DELETE FROM leads WHERE id = ANY($1::uuid[]) RETURNING id`, [ids])).length
      : 0;
    await tools.index.remove(manager, 'leads', ids);
    return deleted + (await maskMentions(manager, plan, mentions, tools));
  },
};

/** Someone else's contact-form message that names the person: their identifiers are masked in it, the lead stays its owner's. */
async function maskMentions(
  manager: EntityManager,
  plan: ErasurePlan,
  ids: string[],
  { index }: ErasureTools,
): Promise<number> {
  if (!ids.length) return 0;
  const leads = await manager.find(Lead, { where: { id: In(ids) } });
  for (const lead of leads) {
    if (!lead.message) continue;
    const message = maskText(lead.message, mentionIdentifiers(plan), { allContacts: false });
    if (message === lead.message) continue;
    await manager.update(Lead, { id: lead.id }, { message });
    await index.remove(manager, 'leads', [lead.id]);
    await index.add(manager, 'leads', [{ recordId: lead.id, identifiers: leadIdentifiers({ ...lead, message }) }]);
  }
  // Each planned lead counts once, as the preview listed it.
  return leads.length;
}
