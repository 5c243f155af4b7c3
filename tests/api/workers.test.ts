import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../migrations';
import { assertBuilt, runConsole, type ConsoleProcess } from '../support/process';
import { createTestDatabase, dropTestDatabase } from '../support/test-console';
import { freePort } from '../support/free-port';
import { startScriptNodeOptions } from '../support/start-script';

interface Answer {
  status: number;
  /** The worker that answered (X-Console-Process, sent in NODE_ENV=test only). */
  pid: number;
  body: any;
}

/**
 * One request on a connection of its own: node:cluster hands each new connection to the next
 * worker, while a kept-alive one would stay with the worker it first reached.
 */
function call(port: number, method: string, path: string, token?: string, body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers: {
          connection: 'close',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(payload ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            pid: Number(res.headers['x-console-process']),
            body: text ? JSON.parse(text) : null,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** The same request until the worker `pid` answers it. */
async function callOn(pid: number, port: number, method: string, path: string, token?: string): Promise<Answer> {
  for (let i = 0; i < 20; i++) {
    const answer = await call(port, method, path, token);
    if (answer.pid === pid) return answer;
  }
  throw new Error(`worker ${pid} never answered`);
}

async function pidsAnswering(port: number, token: string): Promise<Set<number>> {
  const pids = new Set<number>();
  for (let i = 0; i < 6; i++) {
    const answer = await call(port, 'GET', '/api/auth/me', token);
    expect(answer.status).toBe(200);
    pids.add(answer.pid);
  }
  return pids;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** WORKERS=2: the built console (`node dist/api/src/main.js`) as a node:cluster primary and two workers. */
describe.skipIf(process.env.TEST_DATABASE === 'embedded')('the console in several processes (WORKERS)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pc-workers-'));
  let url: string;
  let port: number;
  let proc: ConsoleProcess;
  let adminToken: string;
  let workers: number[];
  const officers: Array<{ id: string; email: string; token: string }> = [];

  beforeAll(async () => {
    assertBuilt();
    url = await createTestDatabase();
    port = await freePort();
    // No ADMIN_PASSWORD: the first start generates and prints it, which tells how often it ran.
    proc = runConsole({
      NODE_ENV: 'test',
      WORKERS: '2',
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: '3',
      DATA_DIR: dataDir,
      ENCRYPTION_KEY: 'd'.repeat(64),
      ADMIN_DIR: 'none',
      RETENTION_SWEEP_CRON: 'off',
      PORT: String(port),
    });
    const [, email, password] = await proc.waitFor(/e-mail:\s+(\S+)\n\s+password:\s+(\S+)\n/, 90_000);
    await proc.waitFor(/Privacy console ready in \d+ s: .*2 worker processes/, 90_000);
    const login = await call(port, 'POST', '/api/auth/login', undefined, { email, password });
    expect(login.status).toBe(200);
    adminToken = login.body.token;
    for (const [name, password] of [
      ['revoked', 'quiet harbour lantern 17'],
      ['kept', 'amber violet orchard 58'],
    ]) {
      const officer = { email: `${name}@console.test`, password };
      const made = await call(port, 'POST', '/api/users', adminToken, {
        ...officer,
        fullName: `Officer ${name}`,
        role: 'officer',
      });
      expect(made).toMatchObject({ status: 201 });
      const signedIn = await call(port, 'POST', '/api/auth/login', undefined, officer);
      officers.push({ id: made.body.id, email: officer.email, token: signedIn.body.token });
    }
  }, 120_000);

  afterAll(async () => {
    if (proc && proc.child.exitCode === null) {
      proc.child.kill('SIGKILL');
      for (const pid of workers ?? []) if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
    if (url) await dropTestDatabase(url);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the requests from two worker processes, neither of them the primary', async () => {
    const pids = await pidsAnswering(port, adminToken);
    workers = [...pids];
    expect(workers).toHaveLength(2);
    expect(workers).not.toContain(proc.child.pid);
    expect(workers.every(alive)).toBe(true);
  });

  it('gives each worker the node options npm start gives the primary (a young generation of 32 MB semi-spaces)', () => {
    // Under 50 connections the requests list kept 1.7 MB alive through each young collection of
    // the default 16 MB semi-space, one every 17 pages (docs/performance.md, the young generation).
    const options = startScriptNodeOptions();
    expect(options).toContain('--max-semi-space-size=32');
    for (const pid of [proc.child.pid!, ...workers]) {
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      expect(commandLine.slice(1, 1 + options.length)).toEqual(options);
    }
  });

  it('ran the first-start work once: one migration run, one administrator, no worker lost', async () => {
    expect(proc.stdout().match(/First start: an administrator was created/g)).toHaveLength(1);
    expect(proc.stdout().match(/Bringing the database schema up to date/g)).toHaveLength(1);
    // Demo data is the embedded database's alone, which WORKERS refuses.
    expect(proc.stdout()).not.toContain('generating demo data');
    expect(proc.stderr()).not.toMatch(/Worker process \d+ stopped/);
    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      const migrations = await db.query<{ name: string; n: number }>(
        'SELECT name, count(*)::int AS n FROM migrations GROUP BY name',
      );
      expect(migrations.rows).toHaveLength(MIGRATIONS.length);
      expect(migrations.rows.every((m) => m.n === 1)).toBe(true);
      const admins = await db.query<{ email: string }>(`SELECT email FROM users WHERE role = 'admin'`);
      expect(admins.rows).toEqual([{ email: 'admin@example.com' }]);
      const created = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'user.created' AND actor_id IS NULL`,
      );
      expect(created.rows[0].n).toBe(1);
    } finally {
      await db.end();
    }
  });

  it('refuses, within 1.2 s, in one worker a session revoked through the other; another user stays signed in', async () => {
    const [revoked, kept] = officers;
    // Both workers have just checked both sessions: each holds them in its session cache.
    for (const pid of workers)
      for (const officer of officers)
        expect((await callOn(pid, port, 'GET', '/api/auth/me', officer.token)).status).toBe(200);
    const revocation = await call(port, 'POST', `/api/users/${revoked.id}/revoke-sessions`, adminToken);
    const revokedAt = Date.now();
    expect(revocation.status).toBe(200);
    expect(revocation.body).toEqual({ revoked: 1 });
    const here = revocation.pid;
    const there = workers.find((pid) => pid !== here)!;
    expect(workers).toContain(here);
    // Refused at once where it was revoked.
    expect((await callOn(here, port, 'GET', '/api/auth/me', revoked.token)).status).toBe(401);
    let refusedAfter: number | null = null;
    while (Date.now() - revokedAt < 2_000) {
      const answer = await callOn(there, port, 'GET', '/api/auth/me', revoked.token);
      if (answer.status === 401) {
        refusedAfter = Date.now() - revokedAt;
        break;
      }
      expect(answer.status).toBe(200);
    }
    expect(refusedAfter).not.toBeNull();
    expect(refusedAfter!).toBeLessThan(1_200);
    for (const pid of workers) {
      const me = await callOn(pid, port, 'GET', '/api/auth/me', kept.token);
      expect(me.status).toBe(200);
      expect(me.body.email).toBe(kept.email);
      expect((await callOn(pid, port, 'GET', '/api/auth/me', revoked.token)).status).toBe(401);
    }
  });

  it('replaces a worker that dies', async () => {
    const [killed, survivor] = workers;
    process.kill(killed, 'SIGKILL');
    const [, replacement] = await proc.waitFor(
      new RegExp(`Worker process (\\d+) serves, in place of ${killed}`),
      45_000,
    );
    expect(proc.stderr()).toContain(`Worker process ${killed} stopped (signal SIGKILL); starting another.`);
    const pids = await pidsAnswering(port, officers[1].token);
    expect([...pids].sort()).toEqual([survivor, Number(replacement)].sort());
    workers = [survivor, Number(replacement)];
    // The replacement only serves: no second migration run or first administrator.
    expect(proc.stdout().match(/Bringing the database schema up to date/g)).toHaveLength(1);
    expect(proc.stdout().match(/First start: an administrator was created/g)).toHaveLength(1);
  });

  it('stops every process on SIGTERM, each closing cleanly, with exit code 0', async () => {
    // The audit chain, appended to by both workers and the one replaced, is whole.
    const verify = await call(port, 'GET', '/api/audit/verify', adminToken);
    expect(verify.body).toMatchObject({ valid: true });
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(workers.some(alive)).toBe(false);
    // The log (pino) is on stdout; the supervisor's own errors on stderr.
    expect(proc.stdout() + proc.stderr()).not.toMatch(
      /Error while stopping|Could not (copy|keep|read) the audit checkpoint/,
    );
  });

  it.each([
    [
      { WORKERS: '2' },
      [],
      'WORKERS=2 needs DATABASE_URL (the embedded database serves one process: set WORKERS=1 or use a PostgreSQL server)',
    ],
    [
      {},
      ['--workers', '3'],
      'WORKERS=3 needs DATABASE_URL (the embedded database serves one process: set WORKERS=1 or use a PostgreSQL server)',
    ],
    [{}, ['--workers'], '--workers needs a number, such as --workers 2'],
  ])('refuses %j %j on the embedded database, in one line', async (env, args, message) => {
    const refused = runConsole({ ...env, DATA_DIR: dataDir, PORT: '0' }, args);
    expect(await refused.exited).toBe(1);
    expect(refused.stderr().trim().split('\n')).toEqual([`Configuration error: ${message}`]);
  });
});
