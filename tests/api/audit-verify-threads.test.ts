import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port';
import { assertBuilt, runConsole, type ConsoleProcess } from '../support/process';
import { createTestDatabase, dropTestDatabase } from '../support/test-console';

const ADMIN = { email: 'auditor.of.chains@console.test', password: 'verifier in two halves 3' };
/** Past the log size from which a server's chain is verified in two halves by worker threads. */
const EVENTS = 110_000;

/**
 * The built console (`node dist/api/src/main.js`) on a PostgreSQL server with a log of 110,000
 * events: large enough that `GET /api/audit/verify` recomputes the chain in two halves, each in a
 * worker thread with its own connection. A change anywhere, around the halves' boundary above
 * all, must be reported at the event changed, with the events before it counted, as the
 * verifier in the console's own thread reports it (`growing-tables.test.ts`, `audit.test.ts`).
 */
describe.skipIf(process.env.TEST_DATABASE === 'embedded')('verifying a large chain in worker threads', () => {
  let url: string;
  let proc: ConsoleProcess;
  let base: string;
  let token: string;
  let db: Client;
  const dataDir = mkdtempSync(join(tmpdir(), 'pc-verify-threads-'));

  const verify = async () => {
    const res = await fetch(`${base}/api/audit/verify`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as {
      valid: boolean;
      checked: number;
      firstBrokenId: string | null;
      reason: string;
      checkpoint: { lastId: string };
    };
  };
  const before = async (id: string) =>
    (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events WHERE id < $1', [id])).rows[0].n;

  beforeAll(async () => {
    assertBuilt();
    url = await createTestDatabase();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    proc = runConsole({
      DATABASE_URL: url,
      ENCRYPTION_KEY: 'c'.repeat(64),
      PORT: String(port),
      DATA_DIR: dataDir,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ADMIN_DIR: 'none',
      RETENTION_SWEEP_CRON: 'off',
      // The verifier's line says how many threads recomputed the chain.
      LOG_LEVEL: 'info',
    });
    await proc.waitFor(/Privacy console ready/);
    db = new Client({ connectionString: url });
    await db.connect();
    // A year of reads, recorded into the inbox as the console records them, then chained by it.
    await db.query(
      `INSERT INTO audit_inbox (at, actor_email, action, entity, entity_id, details)
       SELECT now() - interval '300 days' + i * interval '1 minute', 'officer' || (i % 3) || '@console.test',
              'record.viewed', 'leads', 'lead-' || (i % 11), jsonb_build_object('n', i)
         FROM generate_series(1, $1::int) AS i`,
      [EVENTS],
    );
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    token = ((await login.json()) as { token: string }).token;
    const chained = await fetch(`${base}/api/audit-events?range=[0,0]`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(chained.status).toBe(200);
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    proc?.child.kill('SIGTERM');
    await proc?.exited;
    if (url) await dropTestDatabase(url);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finds the whole chain intact, every event counted, recomputed in two threads', async () => {
    const answer = await verify();
    expect(answer).toMatchObject({ valid: true, firstBrokenId: null });
    // Every event up to the checkpoint (the verification chains what waited in the inbox first).
    const { n } = (
      await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events WHERE id <= $1', [
        answer.checkpoint.lastId,
      ])
    ).rows[0];
    expect(n).toBeGreaterThan(EVENTS);
    expect(answer.checked).toBe(n);
    await proc.waitFor(new RegExp(`"msg":"Audit chain recomputed".*"events":${n},"threads":2`));
  }, 60_000);

  it('reports a changed event or link where it is, in either half and at their boundary', async () => {
    const { rows } = await db.query<{ first: string; last: string }>(
      'SELECT min(id)::text AS first, max(id)::text AS last FROM audit_events',
    );
    const { first, last } = rows[0];
    const middle = BigInt(last) / 2n;
    const victims = [
      first,
      String(middle - 1n),
      String(middle),
      String(middle + 1n),
      String(middle + 2n),
      String(BigInt(last) - 1n),
      last,
    ];
    await db.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
    try {
      for (const victim of victims) {
        const original = (
          await db.query<{ details: unknown; prev_hash: string }>(
            'SELECT details, prev_hash FROM audit_events WHERE id = $1',
            [victim],
          )
        ).rows[0];
        // Its content changed: its own hash no longer matches.
        await db.query(`UPDATE audit_events SET details = '{"n":-1}' WHERE id = $1`, [victim]);
        expect(await verify(), `details of ${victim}`).toMatchObject({
          valid: false,
          firstBrokenId: victim,
          reason: 'hash_mismatch',
          checked: await before(victim),
        });
        await db.query('UPDATE audit_events SET details = $2 WHERE id = $1', [
          victim,
          JSON.stringify(original.details),
        ]);
        // Its link to the event before changed: the chain breaks there.
        await db.query(`UPDATE audit_events SET prev_hash = repeat('f', 64) WHERE id = $1`, [victim]);
        expect(await verify(), `link of ${victim}`).toMatchObject({
          valid: false,
          firstBrokenId: victim,
          reason: 'prev_hash_mismatch',
          checked: await before(victim),
        });
        await db.query('UPDATE audit_events SET prev_hash = $2 WHERE id = $1', [victim, original.prev_hash]);
      }
    } finally {
      await db.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
    }
    expect((await verify()).valid).toBe(true);
  }, 180_000);
});
