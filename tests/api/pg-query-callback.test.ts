import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Client, Query, type QueryResult } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../api/src/database/pg-query-callback';
import { ROOT } from '../support/process';
import { createTestDatabase, dropTestDatabase } from '../support/test-console';

/**
 * What a young collection finds alive, on average, while a process of its own (the built
 * module, `node --trace-gc-nvp`) runs 3,000 queries of 25 rows as TypeORM does: a pooled client,
 * an awaited `client.query`, a release.
 */
function aliveAfterYoungCollections(url: string, withTheCallbacks: boolean): number {
  const script = `
    ${withTheCallbacks ? `require(${JSON.stringify(join(ROOT, 'dist/api/src/database/pg-query-callback.js'))});` : ''}
    const { Pool } = require(${JSON.stringify(join(ROOT, 'node_modules/pg'))});
    const pool = new Pool({ connectionString: ${JSON.stringify(url)}, max: 4 });
    const page = "SELECT n, md5(n::text) AS a, repeat('x', 40) AS b, now() AS at FROM generate_series(1, 25) AS n";
    const read = async () => { const c = await pool.connect(); try { return await c.query(page); } finally { c.release(); } };
    (async () => {
      for (let i = 0; i < 300; i++) await read();
      console.log('TIMED');
      for (let i = 0; i < 3000; i++) await read();
      console.log('DONE');
      await pool.end();
    })();`;
  const out = execFileSync(process.execPath, ['--trace-gc-nvp', '-e', script], { encoding: 'utf8' });
  const timed = out.slice(out.indexOf('TIMED'), out.indexOf('DONE'));
  const alive = [...timed.matchAll(/gc=s .*?new_space_survived=(\d+)/g)].map((m) => Number(m[1]));
  expect(alive.length).toBeGreaterThan(5);
  return alive.reduce((a, b) => a + b, 0) / alive.length;
}

/**
 * pg's promises made with their callbacks (`api/src/database/pg-query-callback.ts`): a query
 * made without a callback is made with one, which kept V8's young collections from promoting
 * every query's rows (docs/performance.md, "pg's promises"). What a caller gets is unchanged.
 * On the server database: pg is the same client for the embedded one.
 */
describe("pg's promises, made with their callbacks", () => {
  let url: string;
  let client: Client;
  beforeAll(async () => {
    url = await createTestDatabase();
    client = new Client({ connectionString: url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    if (url) await dropTestDatabase(url);
  });

  it("leaves next to nothing of each query alive through young collections, where pg's own promises leave everything", () => {
    const withTheCallbacks = aliveAfterYoungCollections(url, true);
    const pgAlone = aliveAfterYoungCollections(url, false);
    expect(withTheCallbacks).toBeLessThan(100_000);
    // When this fails, pg no longer keeps its promised queries alive and the module can go.
    expect(pgAlone).toBeGreaterThan(10 * withTheCallbacks);
  });

  it('answers the rows as pg does', async () => {
    expect((await client.query<{ n: number }>({ text: 'SELECT $1::int + 1 AS n', values: [41] })).rows).toEqual([
      { n: 42 },
    ]);
    expect((await client.query<{ s: string }>('SELECT $1::text AS s', ['two'])).rows).toEqual([{ s: 'two' }]);
    expect((await client.query({ text: 'SELECT 1 AS a, 2 AS b', rowMode: 'array' })).rows).toEqual([[1, 2]]);
  });

  it("rejects with pg's error, its code, and a stack that leads back to the caller", async () => {
    const failing = async function askingForAMissingTable() {
      return client.query('SELECT * FROM no_such_table');
    };
    const error = (await failing().catch((e: unknown) => e)) as Error & { code?: string };
    expect(error.message).toMatch(/no_such_table/);
    expect(error.code).toBe('42P01');
    expect(error.stack).toMatch(/pg-query-callback\.test/);
    // The connection goes on.
    expect((await client.query('SELECT 3 AS n')).rows).toEqual([{ n: 3 }]);
  });

  it('leaves a callback given by the caller, and a submittable, as pg runs them', async () => {
    const viaCallback = await new Promise<unknown>((resolve, reject) =>
      client.query('SELECT 4 AS n', (error, result) => (error ? reject(error) : resolve(result.rows))),
    );
    expect(viaCallback).toEqual([{ n: 4 }]);
    const submitted = await new Promise<unknown>((resolve, reject) =>
      client.query(
        new Query('SELECT 5 AS n', [], (error: Error | undefined, result: QueryResult) =>
          error ? reject(error) : resolve(result.rows),
        ),
      ),
    );
    expect(submitted).toEqual([{ n: 5 }]);
    expect(() => client.query(null as never)).toThrow(TypeError);
  });
});
