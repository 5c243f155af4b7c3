import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { affectedPageSql, AFFECTED_SOURCES } from '../../api/src/breaches/affected-people';
import { subjectSearchParameters, subjectSearchStatement } from '../../api/src/subjects/search-statement';
import { DataSource } from 'typeorm';
import { sql, startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';
import { recordRequest } from '../support/requests';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Filter?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/** How a plan finds requests by lower(subject_email): each scan's index, or "Seq Scan". */
async function emailLookupsOf(c: TestConsole, text: string, params: unknown[]): Promise<string[]> {
  const [row] = await sql(c, `EXPLAIN (FORMAT JSON) ${text}`, params);
  return nodesOf(row['QUERY PLAN'][0].Plan)
    .filter((n) => /lower\(.*subject_email/.test(n.Filter ?? n['Index Cond'] ?? ''))
    .map((n) => n['Index Name'] ?? n['Node Type']);
}

/**
 * A person's requests are found through the index on lower(subject_email), whatever the size of
 * the register: every subject search shows the searched e-mail's requests, and a breach's list of
 * affected people looks up each person's language the same way. Read from end to end, a register
 * of 10,000 requests cost each search about 5 ms more (docs/performance.md).
 */
describe("a person's requests, by their e-mail", () => {
  let c: TestConsole;
  let token: string;
  const anna = uniqueEmail('anna');
  const bruno = uniqueEmail('bruno');
  let annas: { id: string; reference: string };
  let brunos: { id: string; reference: string };

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
    annas = await recordRequest(c, token, 'access', { name: 'Anna Conti', email: anna });
    brunos = await recordRequest(c, token, 'erasure', { name: 'Bruno Riva', email: bruno });
    // A register of a few years: enough rows that reading it whole is never the cheaper plan.
    const [model] = await sql(c, 'SELECT * FROM requests WHERE id = $1', [annas.id]);
    await sql(
      c,
      `INSERT INTO requests (id, reference, type, type_guessed, status, channel, language, received_at, subject_name,
         subject_email, due_date, sla_due_date, working_due_date, created_at, updated_at, version, answered_late,
         identity_pause_days, minor_suspected)
       SELECT gen_random_uuid(), 'DSR-1990-' || i, 'access', false, 'closed', 'email', 'it', $1, 'Someone Else',
         'someone.' || i || '@example.org', $2, $2, $2, $1, $1, 1, false, 0, false
       FROM generate_series(1, 3000) AS i`,
      [model.received_at, model.due_date],
    );
    await sql(c, 'ANALYZE requests');
  });
  afterAll(() => c?.close());

  it("shows the searched person's requests and no one else's", async () => {
    const search = async (q: string) => {
      const res = await c.api(`/api/subjects/search?q=${encodeURIComponent(q)}`, { token });
      expect(res.status).toBe(200);
      return (res.body.requests as Array<{ reference: string }>).map((r) => r.reference);
    };
    expect(await search(anna.toUpperCase())).toEqual([annas.reference]);
    expect(await search(bruno)).toEqual([brunos.reference]);
  });

  it('plans the search statement to read them through the index', async () => {
    const dataSource = c.running.app.get(DataSource);
    const statement = subjectSearchStatement(dataSource);
    const params = subjectSearchParameters(
      [
        ['email', anna],
        ['account', anna],
      ],
      ['vimage.it'],
      { suppressionHash: 'f'.repeat(64), email: anna, recordsPerSource: 400 },
    );
    expect(await emailLookupsOf(c, statement.text, params)).toEqual(['IDX_requests_subject_email']);
  });

  it("plans a breach's page of affected people to look up each one's language through the index", async () => {
    const page = [new Date(Date.now() - 86_400_000), new Date(), ['vimage.it'], randomUUID(), 25, 0];
    expect(await emailLookupsOf(c, affectedPageSql(AFFECTED_SOURCES), page)).toEqual(['IDX_requests_subject_email']);
  });
});
