import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, startTestConsole, type TestConsole } from '../support/test-console';

/** A list's total: exact up to 10,000 matching rows, PostgreSQL's estimate beyond (a million-row count per page costs more than the page). */
describe('list totals on large sources', () => {
  let c: TestConsole;
  let token: string;
  const total = async (path: string) => {
    const res = await c.api(path, { token });
    expect(res.status).toBe(200);
    return Number(/\/(\d+)$/.exec(res.headers.get('content-range') ?? '')![1]);
  };

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
    await sql(c, `INSERT INTO access_logs (ip, path, method, status, at)
                  SELECT ('10.0.' || (i % 200) || '.' || (i % 250))::inet, '/p' || (i % 7), 'GET', 200, now() - make_interval(mins => i) FROM generate_series(1, 12000) AS i`);
    await sql(c, 'ANALYZE access_logs');
  });
  afterAll(() => c?.close());

  it('counts exactly up to the limit', async () => {
    expect(await total(`/api/access-logs?filter=${encodeURIComponent(JSON.stringify({ path: '/p3' }))}&range=[0,9]`)).toBe(1714);
    expect(await total(`/api/access-logs?filter=${encodeURIComponent(JSON.stringify({ at_gte: new Date(Date.now() - 5000 * 60_000).toISOString() }))}&range=[0,9]`)).toBeGreaterThanOrEqual(4998);
  });

  it('answers the estimate beyond it, never less than the limit, and pages as usual', async () => {
    const all = await total('/api/access-logs?range=[0,24]');
    expect(all).toBeGreaterThan(10_000);
    expect(Math.abs(all - 12_000)).toBeLessThan(1_200);
    const last = await c.api('/api/access-logs?range=[11990,11999]', { token });
    expect(last.body).toHaveLength(10);
  });
});
