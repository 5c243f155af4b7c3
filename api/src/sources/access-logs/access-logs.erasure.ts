import { returnedRows } from '../../common/sql-rows';
import { ownRecords, type ErasureInTransaction } from '../../erasure/source-erasure';

/** The lines of the IP addresses the officer gave (the index holds none: they are looked up in the table) are deleted. */
export const accessLogsErasure: ErasureInTransaction = {
  kind: 'in-transaction',
  runOrder: 50,

  async plan({ manager, ips }) {
    const rows: Array<{ id: string }> = ips.length
      ? await manager.query(`SELECT id::text AS id FROM access_logs WHERE ip = ANY($1::inet[]) ORDER BY at`, [ips])
      : [];
    return { records: rows.map((r) => r.id) };
  },

  async summarise(manager, _plan, ids) {
    const rows: Array<{ id: string; ip: string; method: string; path: string; at: Date }> = await manager.query(
      `SELECT id::text AS id, ip, method, path, at FROM access_logs WHERE id = ANY($1::bigint[]) ORDER BY at`,
      [ids],
    );
    return rows.map((r) => ({
      id: r.id,
      action: 'delete',
      summary: `${new Date(r.at).toISOString().slice(0, 16).replace('T', ' ')} · ${r.ip} · ${r.method} ${r.path}`,
    }));
  },

  async apply(manager, plan) {
    const ids = ownRecords(plan, 'access-logs');
    if (!ids.length) return 0;
    const deleted: unknown = await manager.query(`DELETE FROM access_logs WHERE id = ANY($1::bigint[]) RETURNING id`, [
      ids,
    ]);
    return returnedRows(deleted).length;
  },
};
