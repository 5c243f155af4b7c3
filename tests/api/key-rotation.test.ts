import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, ROOT } from '../support/process';
import { createTestDatabase, dropTestDatabase, startTestConsole, type TestConsole } from '../support/test-console';
import { createApiKey, postBatch } from '../support/ingest';

const ROTATE_CLI = join(ROOT, 'dist/api/src/database/rotate-key.js');
const OLD_KEY = '11'.repeat(32);
const NEW_KEY = '22'.repeat(32);

describe('ENCRYPTION_KEY rotation (npm run rotate-key)', () => {
  const embedded = process.env.TEST_DATABASE === 'embedded';
  const dataDir = mkdtempSync(join(tmpdir(), 'privacy-console-rotate-'));
  let databaseUrl: string | null = null;
  let c: TestConsole | undefined;
  const revoked: string[] = [];
  const google = createServer((req, res) => {
    let body = '';
    req
      .on('data', (d) => (body += d))
      .on('end', () => {
        revoked.push(new URLSearchParams(body).get('token') ?? '');
        res.writeHead(200).end();
      });
  });

  const start = async (key: string) => {
    const { port } = google.address() as AddressInfo;
    const env: Record<string, string> = {
      ENCRYPTION_KEY: key,
      GOOGLE_OAUTH_REVOKE_URL: `http://127.0.0.1:${port}/revoke`,
    };
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    return startTestConsole({ database: embedded ? 'embedded' : 'server', dataDir, env });
  };
  const rotate = (env: Record<string, string>) => {
    const result = spawnSync(process.execPath, [ROTATE_CLI], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        DATA_DIR: dataDir,
        ENCRYPTION_KEY: OLD_KEY,
        ...(databaseUrl ? { DATABASE_URL: databaseUrl, NODE_ENV: 'test' } : {}),
        ...env,
      },
      encoding: 'utf8',
    });
    return { code: result.status, out: result.stdout, err: result.stderr };
  };
  const erase = async (console: TestConsole, token: string, email: string) => {
    const request = (
      await console.api('/api/requests', {
        token,
        body: { type: 'erasure', channel: 'email', receivedAt: new Date().toISOString(), subjectEmail: email },
      })
    ).body;
    await console.api(`/api/requests/${request.id}/verify`, { token, body: { method: 'email_from_known_address' } });
    return (await console.api(`/api/requests/${request.id}/erase`, { token, body: {} })).body;
  };

  beforeAll(async () => {
    assertBuilt();
    await new Promise<void>((resolve) => google.listen(0, '127.0.0.1', resolve));
    if (!embedded) databaseUrl = await createTestDatabase();
  });
  afterAll(async () => {
    await c?.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
    rmSync(dataDir, { recursive: true, force: true });
    google.close();
  });

  it('re-encrypts the tokens and the data keys: with the new key the console revokes the old token and still refuses an erased person', async () => {
    c = await start(OLD_KEY);
    let token = await c.login();
    const key = await createApiKey(c, token);
    const ingest = postBatch;
    await ingest(c, key, 'calendar-connections', {
      accountEmail: 'giulia@example.org',
      refreshToken: '1//GIULIA-REFRESH',
      scopes: ['calendar'],
      connectedAt: '2026-10-06T08:00:00Z',
    });
    await ingest(c, key, 'leads', { email: 'mario@example.org', submittedAt: '2026-10-06T08:00:00Z' });
    expect((await erase(c, token, 'mario@example.org')).state).toBe('complete');
    await c.close();
    c = undefined;

    const bad = rotate({ NEW_ENCRYPTION_KEY: 'short' });
    expect(bad.code).toBe(1);
    expect(bad.err.trim()).toBe(
      'NEW_ENCRYPTION_KEY must be 64 hexadecimal characters (openssl rand -hex 32), or "generate"',
    );
    const done = rotate({ NEW_ENCRYPTION_KEY: NEW_KEY });
    expect(done.err).toBe('');
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/Re-encrypted: 1 calendar_connections, 0 erasure_plans, 1 data_keys\./);
    // Run again with the old key: nothing opens any more.
    expect(rotate({ NEW_ENCRYPTION_KEY: '33'.repeat(32) }).code).toBe(1);

    c = await start(NEW_KEY);
    token = await c.login();
    const key2 = (await c.api('/api/api-keys', { token, body: { name: 'Website 2' } })).body.key;
    expect(
      (await ingest(c, key2, 'leads', { email: 'Mario@example.org', submittedAt: new Date().toISOString() })).body,
    ).toMatchObject({ created: 0, suppressed: 1 });
    expect((await erase(c, token, 'giulia@example.org')).state).toBe('complete');
    expect(revoked).toEqual(['1//GIULIA-REFRESH']);
    const audit = await c.api(
      `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ action: 'encryption_key.rotated' }))}`,
      { token },
    );
    expect(audit.body).toHaveLength(1);
    expect((await c.api('/api/audit/verify', { token })).body.valid).toBe(true);
  });
});

describe('AUDIT_KEY rotation (NEW_AUDIT_KEY=... npm run rotate-key)', () => {
  const embedded = process.env.TEST_DATABASE === 'embedded';
  const dataDir = mkdtempSync(join(tmpdir(), 'privacy-console-rotate-audit-'));
  const AUDIT_OLD = 'a1'.repeat(32);
  const AUDIT_NEW = 'a2'.repeat(32);
  let databaseUrl: string | null = null;
  let c: TestConsole | undefined;
  const start = (auditKey: string) =>
    startTestConsole({
      database: embedded ? 'embedded' : 'server',
      dataDir,
      env: { ENCRYPTION_KEY: OLD_KEY, AUDIT_KEY: auditKey, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
    });
  const rotate = (env: Record<string, string>) => {
    const result = spawnSync(process.execPath, [ROTATE_CLI], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        DATA_DIR: dataDir,
        ENCRYPTION_KEY: OLD_KEY,
        ...(databaseUrl ? { DATABASE_URL: databaseUrl, NODE_ENV: 'test' } : {}),
        ...env,
      },
      encoding: 'utf8',
    });
    return { code: result.status, out: result.stdout, err: result.stderr };
  };
  beforeAll(async () => {
    assertBuilt();
    if (!embedded) databaseUrl = await createTestDatabase();
  });
  afterAll(async () => {
    await c?.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('re-signs the checkpoint under the new key; the old key then sees a forged checkpoint', async () => {
    c = await start(AUDIT_OLD);
    let token = await c.login();
    expect((await c.api('/api/audit/verify', { token })).body.valid).toBe(true);
    await c.close();
    c = undefined;

    expect(rotate({ NEW_AUDIT_KEY: AUDIT_NEW }).err.trim()).toMatch(/^AUDIT_KEY is not set/);
    const done = rotate({ AUDIT_KEY: AUDIT_OLD, NEW_AUDIT_KEY: AUDIT_NEW });
    expect(done.err).toBe('');
    expect(done.code).toBe(0);

    c = await start(AUDIT_NEW);
    token = await c.login();
    expect((await c.api('/api/audit/verify', { token })).body).toMatchObject({ valid: true });
    const rotated = await c.api(
      `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ action: 'audit_key.rotated' }))}`,
      { token },
    );
    expect(rotated.body).toHaveLength(1);
    await c.close();
    c = undefined;

    // Started with the old key, the console cannot vouch for the checkpoint.
    c = await start(AUDIT_OLD);
    token = await c.login();
    expect((await c.api('/api/audit/verify', { token })).body).toMatchObject({
      valid: false,
      reason: 'checkpoint_forged',
    });
  });
});
