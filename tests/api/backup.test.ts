import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { assertBuilt, ROOT } from '../support/process';
import { sql, startTestConsole, type TestConsole } from '../support/test-console';

const BACKUP_CLI = join(ROOT, 'dist/api/src/database/backup.js');

/** `npm run backup` / `npm run restore` as the officer's operator runs them, against the same database. */
function cli(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [BACKUP_CLI, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('backup and restore', () => {
  const work = mkdtempSync(join(tmpdir(), 'privacy-console-backup-'));
  const file = join(work, process.env.TEST_DATABASE === 'embedded' ? 'console.tar.gz' : 'console.dump');
  let c: TestConsole | undefined;

  afterAll(async () => {
    await c?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const leadNames = async (console: TestConsole) =>
    (await sql(console, `SELECT first_name FROM leads ORDER BY first_name`)).map((r) => r.first_name);
  const addLead = async (console: TestConsole, name: string) => {
    const token = await console.login();
    const key = (await console.api('/api/api-keys', { token, body: { name: `Website ${name}` } })).body.key;
    const res = await console.api('/api/ingest/leads', {
      body: { firstName: name, email: `${name.toLowerCase()}@example.org`, submittedAt: new Date().toISOString() },
      headers: { 'x-api-key': key },
    });
    expect(res.status).toBe(200);
  };
  const chainIsIntact = async (console: TestConsole) =>
    (await console.api('/api/audit/verify', { token: await console.login() })).body.valid;

  it('round-trips the database: what was there at the backup is back, what came later is gone, the audit chain intact', async () => {
    assertBuilt();
    if (process.env.TEST_DATABASE === 'embedded') {
      const dataDir = join(work, 'data');
      const key = 'ab'.repeat(32);
      const env = { DATA_DIR: dataDir, ENCRYPTION_KEY: key };
      c = await startTestConsole({ database: 'embedded', dataDir, env: { ENCRYPTION_KEY: key } });
      await addLead(c, 'Anna');
      // The embedded database has one user at a time: no backup under a running console.
      const refused = cli(['backup', file], env);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/is using .*: stop it first/);
      await c.close();

      expect(cli(['backup', file], env)).toMatchObject({
        code: 0,
        out: expect.stringContaining(`Backup written to ${file}`),
      });
      c = await startTestConsole({ database: 'embedded', dataDir, env: { ENCRYPTION_KEY: key } });
      await addLead(c, 'Bruno');
      expect(await leadNames(c)).toEqual(['Anna', 'Bruno']);
      await c.close();

      const restored = cli(['restore', file], env);
      expect(restored).toMatchObject({ code: 0, out: expect.stringContaining('the replaced data is in') });
      expect(readdirSync(dataDir).some((f) => f.startsWith('pgdata.replaced-'))).toBe(true);
      c = await startTestConsole({ database: 'embedded', dataDir, env: { ENCRYPTION_KEY: key } });
    } else {
      const dataDir = join(work, 'server-data');
      c = await startTestConsole({ database: 'server', dataDir });
      const env = { DATABASE_URL: c.databaseUrl!, NODE_ENV: 'test', DATA_DIR: dataDir };
      await addLead(c, 'Anna');
      expect(cli(['backup', file], env)).toMatchObject({
        code: 0,
        out: expect.stringContaining(`Backup written to ${file}`),
      });
      await addLead(c, 'Bruno');
      await sql(c, `UPDATE leads SET company = 'changed after the backup' WHERE first_name = 'Anna'`);
      // The running console copies the checkpoint naming Bruno's lead into DATA_DIR a second
      // after; once it has, the restore must set that copy aside (docs/operations.md), or the
      // restored chain would rightly be reported cut (anchor_ahead).
      await vi.waitFor(
        async () => {
          const [{ checkpoint }] = await sql(c!, 'SELECT checkpoint FROM audit_checkpoint WHERE id = 1');
          const copy = join(dataDir, `audit-checkpoint.${checkpoint.chainId}.json`);
          expect(existsSync(copy) && JSON.parse(readFileSync(copy, 'utf8')).lastId).toBe(checkpoint.lastId);
        },
        { timeout: 10_000, interval: 100 },
      );
      expect(cli(['restore', file], env)).toMatchObject({
        code: 0,
        out: expect.stringContaining('The audit checkpoint seen before the restore is kept in'),
      });
      expect(readdirSync(dataDir).some((f) => f.includes('.before-restore-'))).toBe(true);
    }
    expect(await leadNames(c)).toEqual(['Anna']);
    expect((await sql(c, `SELECT company FROM leads`))[0].company).toBeNull();
    expect(await chainIsIntact(c)).toBe(true);
  });

  it('refuses a file that is not a backup and leaves the data as it was', async () => {
    const bogus = join(work, 'not-a-backup.dump');
    writeFileSync(bogus, 'hello');
    const env: Record<string, string> = c!.databaseUrl
      ? { DATABASE_URL: c!.databaseUrl, NODE_ENV: 'test' }
      : { DATA_DIR: join(work, 'data'), ENCRYPTION_KEY: 'ab'.repeat(32) };
    if (!c!.databaseUrl) await c!.close();
    const result = cli(['restore', bogus], env);
    expect(result.code).toBe(1);
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(cli(['restore', join(work, 'missing.dump')], env).err).toMatch(/No backup file at/);
    if (!c!.databaseUrl)
      c = await startTestConsole({
        database: 'embedded',
        dataDir: join(work, 'data'),
        env: { ENCRYPTION_KEY: 'ab'.repeat(32) },
      });
    expect(await leadNames(c!)).toEqual(['Anna']);
  });
});
