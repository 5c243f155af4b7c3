import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runConsole, type ConsoleProcess } from '../support/process';
import {
  createTestDatabase,
  dropTestDatabase,
  startTestConsole,
  ADMIN,
  type TestConsole,
} from '../support/test-console';
import { freePort } from '../support/free-port';

const KEY = 'f0'.repeat(32);

const until = async (check: () => Promise<boolean>, timeoutMs = 20_000) => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** JSON over HTTP to the console process listening on `port`. */
const caller =
  (port: number) =>
  async (path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

/** Faults a server meets: the database going away and coming back, the process killed mid-erasure. */
describe.skipIf(process.env.TEST_DATABASE === 'embedded')('faults', () => {
  let url: string;
  let db: Client;

  beforeAll(async () => {
    assertBuilt();
    url = await createTestDatabase();
    await connect();
  });
  const connect = async () => {
    db = new Client({ connectionString: url });
    // A cut connection (the first test cuts them all) is reported here, not thrown at the runner.
    db.on('error', () => {});
    await db.connect();
  };
  afterAll(async () => {
    await db?.end();
    if (url) await dropTestDatabase(url);
  });

  it('reports the database down while it is unreachable, and serves again once it is back, without a restart', async () => {
    // The same key as the processes below: the audit checkpoint is signed with a key derived from it.
    const c: TestConsole = await startTestConsole({ env: { DATABASE_URL: url, ENCRYPTION_KEY: KEY } });
    try {
      const token = await c.login();
      expect((await c.api('/api/health')).status).toBe(200);
      const name = new URL(url).pathname.slice(1);
      // As a server restart looks from the application: every connection cut, new ones refused.
      const admin = new Client({ connectionString: url.replace(/\/[^/]+$/, '/postgres') });
      await admin.connect();
      try {
        await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
        await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [name],
        );
        const down = await c.api('/api/health');
        expect(down.status).toBe(503);
        expect(JSON.stringify(down.body)).toMatch(/database/);
        const refused = await c.api('/api/requests', { token });
        expect(refused.status).toBeGreaterThanOrEqual(500);
        expect(refused.body).toMatchObject({ statusCode: refused.status, message: expect.any(String) });
      } finally {
        await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`);
        await admin.end();
      }
      await until(async () => (await c.api('/api/health')).status === 200);
      expect((await c.api('/api/requests', { token })).status).toBe(200);
    } finally {
      await c.close();
      // The same cut ended this test's own connection.
      await db.end().catch(() => {});
      await connect();
    }
  });

  it('finishes an erasure whose process was killed half-way when it is run again', async () => {
    const port = await freePort();
    const env = {
      DATABASE_URL: url,
      PORT: String(port),
      ENCRYPTION_KEY: KEY,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ADMIN_DIR: 'none',
    };
    const call = caller(port);
    let proc: ConsoleProcess = runConsole(env);
    await proc.waitFor(/Privacy console ready/);
    let token = (await call('/api/auth/login', undefined, { email: ADMIN.email, password: ADMIN.password })).body.token;
    const key = (await call('/api/api-keys', token, { name: 'Website' })).body.key;
    await call(
      '/api/ingest/leads',
      undefined,
      { email: 'killed@example.org', firstName: 'Killed', submittedAt: '2026-10-01T10:00:00Z' },
      { 'x-api-key': key },
    );
    await call(
      '/api/ingest/consents',
      undefined,
      {
        consentId: 'cons-killed',
        email: 'killed@example.org',
        categories: { necessary: true },
        action: 'grant',
        policyVersion: '1',
        recordedAt: '2026-10-01T10:00:00Z',
      },
      { 'x-api-key': key },
    );
    const request = (
      await call('/api/requests', token, {
        type: 'erasure',
        channel: 'email',
        receivedAt: new Date().toISOString(),
        subjectEmail: 'killed@example.org',
      })
    ).body;
    await call(`/api/requests/${request.id}/verify`, token, { method: 'email_from_known_address' });

    // Leads are erased last: make that step hang, and kill the process while it does.
    await db.query(
      `CREATE FUNCTION slow_lead_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(30); RETURN OLD; END $$`,
    );
    await db.query(
      `CREATE TRIGGER slow_lead_delete BEFORE DELETE ON leads FOR EACH ROW EXECUTE FUNCTION slow_lead_delete()`,
    );
    const running = call(`/api/requests/${request.id}/erase`, token, {}).catch(() => null);
    await until(
      async () =>
        (
          await db.query(
            `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'DELETE FROM leads%'`,
          )
        ).rowCount === 1,
    );
    proc.child.kill('SIGKILL');
    await proc.exited;
    await running;
    // PostgreSQL notices a vanished client only when it next talks to it: end the sleeping statement as it would.
    await db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'DELETE FROM leads%'`,
    );
    await db.query(`DROP TRIGGER slow_lead_delete ON leads`);
    await db.query(`DROP FUNCTION slow_lead_delete()`);
    expect((await db.query(`SELECT count(*)::int AS n FROM leads WHERE email = 'killed@example.org'`)).rows[0].n).toBe(
      1,
    ); // rolled back with the process
    const before = (
      await db.query(`SELECT source, status FROM erasure_steps WHERE request_id = $1 ORDER BY source`, [request.id])
    ).rows;
    expect(before.map((s) => s.source)).not.toContain('leads');
    expect(before.find((s) => s.source === 'consents')).toMatchObject({ status: 'done' });

    proc = runConsole(env);
    try {
      await proc.waitFor(/Privacy console ready/);
      token = (await call('/api/auth/login', undefined, { email: ADMIN.email, password: ADMIN.password })).body.token;
      const again = await call(`/api/requests/${request.id}/erase`, token, {});
      expect(again.status).toBe(200);
      expect(again.body.state).toBe('complete');
      expect(
        (await db.query(`SELECT count(*)::int AS n FROM leads WHERE email = 'killed@example.org'`)).rows[0].n,
      ).toBe(0);
      const steps = (
        await db.query(`SELECT source, attempts, records_affected FROM erasure_steps WHERE request_id = $1`, [
          request.id,
        ])
      ).rows;
      expect(steps.find((s) => s.source === 'consents')).toMatchObject({ attempts: 1, records_affected: 1 });
      expect(steps.find((s) => s.source === 'leads')).toMatchObject({ attempts: 1, records_affected: 1 });
      expect((await call('/api/audit/verify', token)).body.valid).toBe(true);
    } finally {
      proc.child.kill('SIGTERM');
      await proc.exited;
    }
  });

  it('finishes a retention sweep whose process was killed half-way when it is run again', async () => {
    const port = await freePort();
    const env = {
      DATABASE_URL: url,
      PORT: String(port),
      ENCRYPTION_KEY: KEY,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ADMIN_DIR: 'none',
      RETENTION_SWEEP_BATCH: '100',
      RETENTION_SWEEP_CRON: 'off',
    };
    const call = caller(port);
    const login = async () =>
      (await call('/api/auth/login', undefined, { email: ADMIN.email, password: ADMIN.password })).body.token as string;
    const left = async () =>
      (await db.query(`SELECT count(*)::int AS n FROM access_logs WHERE ip = '192.0.2.9'`)).rows[0].n as number;
    // 20,000 lines past the 30 days and 50 recent ones, which every sweep keeps.
    await db.query(
      `INSERT INTO access_logs (ip, path, method, status, at) SELECT '192.0.2.9', '/', 'GET', 200, now() - interval '40 days' - g * interval '1 second' FROM generate_series(1, 20000) g`,
    );
    await db.query(
      `INSERT INTO access_logs (ip, path, method, status, at) SELECT '192.0.2.9', '/', 'GET', 200, now() - g * interval '1 minute' FROM generate_series(1, 50) g`,
    );

    let proc: ConsoleProcess = runConsole(env);
    await proc.waitFor(/Privacy console ready/);
    let token = await login();
    const running = call('/api/retention/sweep', token, {}).catch(() => null);
    const changedSoFar = async () => {
      const { rows } = await db.query(`SELECT results FROM retention_sweeps WHERE status = 'running'`);
      return rows.length === 1 ? (rows[0].results.find((r: any) => r.policyKey === 'access-logs')?.changed ?? 0) : 0;
    };
    await until(async () => (await changedSoFar()) > 0);
    proc.child.kill('SIGKILL');
    await proc.exited;
    await running;
    // Half-way: the batches that committed are gone, the rest is there, the sweep still says running.
    const afterKill = await left();
    expect(afterKill).toBeLessThan(20_050);
    expect(afterKill).toBeGreaterThan(50);
    expect((await db.query(`SELECT status FROM retention_sweeps`)).rows).toEqual([{ status: 'running' }]);

    proc = runConsole(env);
    try {
      await proc.waitFor(/Privacy console ready/);
      token = await login();
      const again = await call('/api/retention/sweep', token, {});
      expect(again.status).toBe(200);
      expect(again.body.status).toBe('completed');
      expect(again.body.results.find((r: any) => r.policyKey === 'access-logs').changed).toBe(afterKill - 50);
      expect(await left()).toBe(50);
      // The killed sweep is on record as interrupted, not as running for ever.
      const sweeps = (await db.query(`SELECT status, error FROM retention_sweeps ORDER BY started_at`)).rows;
      expect(sweeps).toEqual([
        { status: 'failed', error: expect.stringMatching(/^Interrupted: the process running the sweep stopped/) },
        { status: 'completed', error: null },
      ]);
      expect((await call('/api/audit/verify', token)).body.valid).toBe(true);
    } finally {
      proc.child.kill('SIGTERM');
      await proc.exited;
    }
  });
});
