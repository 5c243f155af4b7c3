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
    await sql(
      c,
      `INSERT INTO access_logs (ip, path, method, status, at)
                  SELECT ('10.0.' || (i % 200) || '.' || (i % 250))::inet, '/p' || (i % 7), 'GET', 200, now() - make_interval(mins => i) FROM generate_series(1, 12000) AS i`,
    );
    await sql(c, 'ANALYZE access_logs');
  });
  afterAll(() => c?.close());

  it('counts exactly up to the limit', async () => {
    expect(
      await total(`/api/access-logs?filter=${encodeURIComponent(JSON.stringify({ path: '/p3' }))}&range=[0,9]`),
    ).toBe(1714);
    expect(
      await total(
        `/api/access-logs?filter=${encodeURIComponent(JSON.stringify({ at_gte: new Date(Date.now() - 5000 * 60_000).toISOString() }))}&range=[0,9]`,
      ),
    ).toBeGreaterThanOrEqual(4998);
  });

  it('answers the estimate beyond it, never less than the limit, and pages as usual', async () => {
    const all = await total('/api/access-logs?range=[0,24]');
    expect(all).toBeGreaterThan(10_000);
    expect(Math.abs(all - 12_000)).toBeLessThan(1_200);
    const last = await c.api('/api/access-logs?range=[11990,11999]', { token });
    expect(last.body).toHaveLength(10);
  });

  it('gives the exact total of a list shorter than a page, and of a page past its end', async () => {
    // Every 7th minute is /p3: about 14 lines in the last 100 minutes.
    const since = new Date(Date.now() - 100 * 60_000).toISOString();
    const list = `/api/access-logs?filter=${encodeURIComponent(JSON.stringify({ path: '/p3', at_gte: since }))}`;
    const [{ n: expected }] = await sql(
      c,
      `SELECT count(*)::int AS n FROM access_logs WHERE path = '/p3' AND at >= $1`,
      [since],
    );
    expect(expected).toBeGreaterThan(10);
    const short = await c.api(`${list}&range=[0,24]`, { token });
    expect(short.body).toHaveLength(expected);
    expect(short.headers.get('content-range')).toBe(`access-logs 0-${expected - 1}/${expected}`);
    const tail = await c.api(`${list}&range=[10,34]`, { token });
    expect(tail.body).toHaveLength(expected - 10);
    expect(tail.headers.get('content-range')).toBe(`access-logs 10-${expected - 1}/${expected}`);
    // Past the end nothing comes back, and the total is still counted.
    const beyond = await c.api(`${list}&range=[500,524]`, { token });
    expect(beyond.body).toHaveLength(0);
    expect(Number(/\/(\d+)$/.exec(beyond.headers.get('content-range') ?? '')![1])).toBe(expected);
  });

  it('counts again for every page: rows added a moment ago are in the next total, and only in their list', async () => {
    const list = (path: string) =>
      `/api/access-logs?filter=${encodeURIComponent(JSON.stringify({ path }))}&range=[0,9]`;
    const before = await total(list('/p6'));
    const other = await total(list('/p5'));
    expect(before).toBe(1714);
    await sql(
      c,
      `INSERT INTO access_logs (ip, path, method, status, at) SELECT '10.8.0.1'::inet, '/p6', 'GET', 200, now() FROM generate_series(1, 3)`,
    );
    // Within ESTIMATE_REUSE_MS: the plan's estimate may be reused, the count never.
    expect(await total(list('/p6'))).toBe(before + 3);
    expect(await total(list('/p5'))).toBe(other);
  });

  // Last: it grows the table past the point where only the estimate is answered.
  it("reuses a very large list's estimate for a few seconds instead of planning it for every page", async () => {
    const grow = (n: number) =>
      sql(
        c,
        `INSERT INTO access_logs (ip, path, method, status, at)
              SELECT '10.9.0.1'::inet, '/big', 'GET', 200, now() - make_interval(secs => i) FROM generate_series(1, ${n}) AS i`,
      );
    await grow(110_000);
    await sql(c, 'ANALYZE access_logs');
    const first = await total('/api/access-logs?range=[0,24]');
    expect(first).toBeGreaterThan(100_000);
    await grow(60_000);
    await sql(c, 'ANALYZE access_logs');
    // Within ESTIMATE_REUSE_MS every page of the same list answers the same estimate, although the
    // table was analysed again; a list with a filter is another query, planned afresh (it sees the growth).
    expect(await total('/api/access-logs?range=[0,24]')).toBe(first);
    expect(await total('/api/access-logs?range=[25,49]')).toBe(first);
    expect(
      await total(`/api/access-logs?filter=${encodeURIComponent(JSON.stringify({ path: '/big' }))}&range=[0,24]`),
    ).toBeGreaterThan(first + 40_000);
  });
});
