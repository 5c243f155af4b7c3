import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Pool } from 'pg';
import { DataSource, type QueryRunner } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuditService } from '../../api/src/audit/audit.service';
import { tryRunLock } from '../../api/src/common/run-lock';
import { EMBEDDED_POOL_IDLE_TIMEOUT_MS, SERVER_POOL_IDLE_TIMEOUT_MS } from '../../api/src/database/data-source';
import { SWEEP_LOCK } from '../../api/src/retention/retention.service';
import { auditChained, dropTestDatabase, sql, startTestConsole, type TestConsole } from '../support/test-console';
import { createApiKey } from '../support/ingest';

/**
 * The console as `npm start` runs it (the default configuration, test ports and keys apart) keeps
 * answering a signed-in officer after what happens to a console left open on a desk: a pause
 * longer than every idle timeout of the configuration, its database connections dropped by the
 * database, a restart on the same data. Each check calls endpoints that run named prepared
 * statements (the session check, the subject search), which a connection that lands in an old
 * PGlite session used to fail with 500 "prepared statement ... already exists".
 */
describe('the console keeps answering after idle pauses, dropped connections and restarts', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'privacy-console-resilience-'));
  const env = { ENCRYPTION_KEY: 'cd'.repeat(32) };
  const EMAIL = 'giulia.bianchi@example.it';
  let c: TestConsole;
  /** The first console's database (server): the restart reuses it, so it is dropped here. */
  let databaseUrl: string | null = null;
  let token: string;

  const pool = () => (c.running.app.get(DataSource).driver as PostgresDriver).master as Pool;
  const advisoryLocks = async () =>
    (
      await sql(
        c,
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      )
    )[0].n as number;

  /** GET /api/auth/me (the session's prepared statement) and a search that finds the lead (loadByIds and the search's own). */
  async function expectSignedInCallsAnswer(as = token): Promise<void> {
    const me = await c.api('/api/auth/me', { token: as });
    expect(me.status, JSON.stringify(me.body)).toBe(200);
    const found = await c.api(`/api/subjects/search?q=${encodeURIComponent(EMAIL)}`, { token: as });
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expect(found.body.total).toBeGreaterThanOrEqual(1);
  }

  beforeAll(async () => {
    c = await startTestConsole({ dataDir, env });
    databaseUrl = c.databaseUrl;
    token = await c.login();
    const key = await createApiKey(c, token);
    const lead = {
      externalId: 'lead-1',
      firstName: 'Giulia',
      lastName: 'Bianchi',
      email: EMAIL,
      submittedAt: '2026-11-02T10:00:00Z',
    };
    expect((await c.api('/api/ingest/leads', { body: [lead], headers: { 'x-api-key': key } })).status).toBe(200);
  });

  afterAll(async () => {
    await c?.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers after a pause longer than every idle timeout of its configuration', async () => {
    await expectSignedInCallsAnswer();
    // The real timeouts, not shortened ones: the pool's (written down in data-source.ts, pg-pool's
    // 10 s default on a server, none on the embedded database) and the HTTP server's keep-alive.
    const idleTimeout = pool().options.idleTimeoutMillis;
    const keepAlive = c.running.app.getHttpServer().keepAliveTimeout;
    // 10 s: what closed the embedded connection before, and still closes a server's.
    const longest = Math.max(SERVER_POOL_IDLE_TIMEOUT_MS, idleTimeout ?? 0, keepAlive);
    const pause = longest + 1_500;
    expect(pause).toBeGreaterThan(SERVER_POOL_IDLE_TIMEOUT_MS);
    expect(pause).toBeGreaterThan(keepAlive);
    await new Promise((resolve) => setTimeout(resolve, pause));
    await expectSignedInCallsAnswer();
    expect(idleTimeout).toBe(c.database === 'embedded' ? EMBEDDED_POOL_IDLE_TIMEOUT_MS : SERVER_POOL_IDLE_TIMEOUT_MS);
    // The embedded database's one connection stayed open (a server's may have been closed and reopened).
    if (c.database === 'embedded') expect(pool().totalCount).toBe(1);
  });

  it('answers after the database drops its connections', async () => {
    await expectSignedInCallsAnswer();
    expect(pool().totalCount).toBeGreaterThan(0);
    // The search's audit chained and the checkpoint copied now, not by their timers after the
    // connections are dropped (either would open a new one before the pool is seen empty).
    await auditChained(c);
    await c.running.app.get(AuditService).writeAnchor();
    if (c.running.embedded) {
      // The socket closes, the PGlite session (and its prepared statements) stays.
      await c.running.embedded.dropConnections();
    } else {
      const terminated = await sql(
        c,
        `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      expect(terminated.length).toBeGreaterThan(0);
    }
    // Once the pool has seen its connections close (at once: the database closed them), as an
    // officer's next click would find it.
    await waitFor(() => pool().totalCount === 0);
    await expectSignedInCallsAnswer();
    await expectSignedInCallsAnswer();
  });

  it('answers after a restart on the same data, to a new sign-in and to the session from before', async () => {
    await c.running.close();
    c = await startTestConsole({ dataDir, env: databaseUrl ? { ...env, DATABASE_URL: databaseUrl } : env });
    const again = await c.login();
    await expectSignedInCallsAnswer(again);
    await expectSignedInCallsAnswer(token);
  });

  // The embedded database takes these locks in the process (run-lock.ts): no session lock there.
  it.skipIf(process.env.TEST_DATABASE === 'embedded')(
    'gives no connection back to the pool holding a session lock it failed to let go of',
    async () => {
      const dataSource = c.running.app.get(DataSource);
      const create = dataSource.createQueryRunner.bind(dataSource);
      // Every unlock fails on a connection that stays up (as a cancelled statement would).
      const spy = vi.spyOn(dataSource, 'createQueryRunner').mockImplementation((mode) => {
        const runner = create(mode);
        const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
        runner.query = (async (text: string, ...rest: unknown[]) => {
          if (text.includes('pg_advisory_unlock')) throw new Error('canceling statement due to user request');
          return query(text, ...rest);
        }) as QueryRunner['query'];
        return runner;
      });
      try {
        // An erasure's run lock (run-lock.ts), then a real retention sweep (its own lock).
        const lock = await tryRunLock(dataSource, false, 727_001, 'resilience');
        expect(lock).not.toBeNull();
        await lock!.release();
        const sweep = await c.api('/api/retention/sweep', { method: 'POST', token });
        expect(sweep.status, JSON.stringify(sweep.body)).toBe(200);
      } finally {
        spy.mockRestore();
      }
      // The pool closed both connections: no session of the console holds an advisory lock...
      await waitFor(async () => (await advisoryLocks()) === 0);
      // ...and another session (another instance of the console) can take both.
      const other = new Client({ connectionString: databaseUrl! });
      await other.connect();
      try {
        const [row] = (
          await other.query(
            `SELECT pg_try_advisory_lock(727001, hashtext('resilience')) AS run, pg_try_advisory_lock($1) AS sweep`,
            [SWEEP_LOCK],
          )
        ).rows;
        expect(row).toEqual({ run: true, sweep: true });
      } finally {
        await other.end();
      }
      await expectSignedInCallsAnswer();
    },
  );
});

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`still not so after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
