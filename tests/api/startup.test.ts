import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runConsole } from '../support/process';
import { createTestDatabase, dropTestDatabase } from '../support/test-console';
import { freePort } from '../support/free-port';

const KEY = 'b'.repeat(64);

/** The real `node dist/api/src/main.js`, as `npm start` runs it. Runs once (not per database). */
describe.skipIf(process.env.TEST_DATABASE === 'embedded')('starting the console process', () => {
  beforeAll(() => assertBuilt());

  it.each([
    [{ PORT: 'abc' }, /^Configuration error: PORT must be a whole number between 0 and 65535 \(got "abc"\)$/],
    [
      { DATABASE_URL: 'mysql://root@localhost/db' },
      /^Configuration error: DATABASE_URL must be a URL like postgres:\/\//,
    ],
    [{ NODE_ENV: 'production', ENCRYPTION_KEY: KEY }, /^Configuration error: DATABASE_URL is required in production/],
  ])('stops with one clear line for %j', async (env, message) => {
    const proc = runConsole({ DATA_DIR: mkdtempSync(join(tmpdir(), 'pc-start-')), ...env });
    expect(await proc.exited).toBe(1);
    const lines = proc.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(proc.stderr()).not.toMatch(/\s+at .+\(.+:\d+:\d+\)/);
  });

  it('stops with one clear line when the database refuses connections', async () => {
    const port = await freePort();
    const proc = runConsole({
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/none`,
      ENCRYPTION_KEY: KEY,
      PORT: '0',
    });
    expect(await proc.exited).toBe(1);
    const lines = proc.stderr().trim().split('\n');
    expect(lines.at(-1)).toMatch(new RegExp(`^Cannot start: the database at 127.0.0.1:${port} refused the connection`));
    expect(proc.stderr()).not.toMatch(/\s+at .+\(.+:\d+:\d+\)/);
  });

  it('in production, refuses to start an empty database without ADMIN_EMAIL and ADMIN_PASSWORD', async () => {
    const url = await createTestDatabase();
    try {
      const proc = runConsole({ NODE_ENV: 'production', DATABASE_URL: url, ENCRYPTION_KEY: KEY, PORT: '0' });
      expect(await proc.exited).toBe(1);
      expect(proc.stderr().trim().split('\n').at(-1)).toBe(
        'Configuration error: ADMIN_EMAIL and ADMIN_PASSWORD are required to create the first administrator',
      );
    } finally {
      await dropTestDatabase(url);
    }
  });

  describe('the embedded demo', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pc-demo-'));
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    it('generates and prints the admin password once, keeps all data across a restart, and stops cleanly', async () => {
      const port = await freePort();
      const first = runConsole({ DATA_DIR: dataDir, PORT: String(port) });
      const [, email, password] = await first.waitFor(/e-mail:\s+(\S+)\n\s+password:\s+(\S+)\n/);
      await first.waitFor(/Privacy console ready in \d+ s: http:\/\/localhost:\d+\//);
      expect(password).toMatch(/^[A-Za-z0-9]{20}$/);
      // The first start says what it is doing, in order, before it is ready.
      const steps = [
        'Starting the embedded database in',
        'Bringing the database schema up to date',
        'generating demo data for',
      ];
      const positions = steps.map((step) => first.stdout().indexOf(step));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      expect(login.status).toBe(200);
      const { token } = (await login.json()) as { token: string };
      const created = await fetch(`http://127.0.0.1:${port}/api/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          email: 'kept@console.test',
          fullName: 'Kept Across Restarts',
          role: 'officer',
          password: 'restart passphrase 1',
        }),
      });
      expect(created.status).toBe(201);
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      const second = runConsole({ DATA_DIR: dataDir, PORT: String(port) });
      await second.waitFor(/Privacy console ready/);
      expect(second.stdout()).not.toContain('password:');
      expect(second.stdout()).not.toContain('generating demo data');
      const again = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'kept@console.test', password: 'restart passphrase 1' }),
      });
      expect(again.status).toBe(200);
      const verify = await fetch(`http://127.0.0.1:${port}/api/audit/verify`, {
        headers: { authorization: `Bearer ${((await again.json()) as { token: string }).token}` },
      });
      expect(await verify.json()).toMatchObject({ valid: true });
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
    });
  });
});
