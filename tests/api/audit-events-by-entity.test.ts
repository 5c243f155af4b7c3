import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../../api/src/audit/audit-event.entity';
import { AUDIT_EVENTS_LIST } from '../../api/src/audit/audit-events.list';
import { AuditService } from '../../api/src/audit/audit.service';
import { toWhere } from '../../api/src/common/rest/find-page';
import { parseListQuery } from '../../api/src/common/rest/list-query';
import { sql, startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';
import { recordRequest } from '../support/requests';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Filter?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/**
 * A request's file lists the audit events about the request (`filter: { entityId }`, the whole
 * history in id order). The log grows by an event per read, so they are found through the index
 * on `entity_id`, not by reading the log (docs/performance.md).
 */
describe('the audit events about one request', () => {
  let c: TestConsole;
  let token: string;
  let annas: { id: string; reference: string };
  let brunos: { id: string; reference: string };
  const fileQuery = (id: string) => ({
    filter: JSON.stringify({ entityId: id }),
    sort: JSON.stringify(['id', 'ASC']),
    range: JSON.stringify([0, 999]),
  });

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
    annas = await recordRequest(c, token, 'access', { name: 'Anna Conti', email: uniqueEmail('anna') });
    brunos = await recordRequest(c, token, 'erasure', { name: 'Bruno Riva', email: uniqueEmail('bruno') });
    // A log of some months: 3,000 reads of other records, chained as the console chains them.
    const audit = c.running.app.get(AuditService);
    await c.running.app.get(DataSource).transaction(async (manager) => {
      audit.hold(manager);
      for (let i = 0; i < 3000; i++)
        await audit.record(manager, null, { action: 'record.viewed', entity: 'leads', entityId: randomUUID() });
      await audit.appendHeld(manager);
    });
    await sql(c, 'ANALYZE audit_events');
  });
  afterAll(() => c?.close());

  it("lists the request's own events and not another request's, and the chain still verifies", async () => {
    const list = async (id: string) => {
      const q = fileQuery(id);
      const res = await c.api(
        `/api/audit-events?filter=${encodeURIComponent(q.filter)}&sort=${encodeURIComponent(q.sort)}&range=${q.range}`,
        { token },
      );
      expect(res.status).toBe(200);
      return res.body as Array<{ action: string; entityId: string }>;
    };
    const anna = await list(annas.id);
    expect(anna.map((e) => e.action)).toContain('request.created');
    expect(anna.every((e) => e.entityId === annas.id)).toBe(true);
    const bruno = await list(brunos.id);
    expect(bruno.map((e) => e.action)).toContain('request.created');
    expect(bruno.every((e) => e.entityId === brunos.id)).toBe(true);
    const verified = await c.api('/api/audit/verify', { token });
    expect(verified.body).toMatchObject({ valid: true });
    expect(verified.body.checked).toBeGreaterThan(3000);
  });

  it('plans the list to find them through the index on entity_id', async () => {
    const repository = c.running.app.get(DataSource).getRepository(AuditEvent);
    const parsed = parseListQuery(AUDIT_EVENTS_LIST, fileQuery(annas.id));
    const [text, params] = repository
      .createQueryBuilder(repository.metadata.name)
      .setFindOptions({
        where: toWhere(parsed, AUDIT_EVENTS_LIST.searchable),
        order: { id: 'ASC' },
        skip: parsed.range?.skip,
        take: parsed.range?.take,
      })
      .getQueryAndParameters();
    const [row] = await sql(c, `EXPLAIN (FORMAT JSON) ${text}`, params);
    const byEntity = nodesOf(row['QUERY PLAN'][0].Plan).filter((n) =>
      /entity_id/.test(n.Filter ?? n['Index Cond'] ?? ''),
    );
    expect(byEntity.map((n) => n['Index Name'] ?? n['Node Type'])).toEqual(['IDX_audit_events_entity_id']);
  });
});
