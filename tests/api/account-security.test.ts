import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole } from '../../api/src/bootstrap';
import { ConfigError, loadConfig } from '../../api/src/config/config';
import {
  ADMIN,
  createTestDatabase,
  dropTestDatabase,
  sql,
  startTestConsole,
  uniqueEmail,
  type TestConsole,
} from '../support/test-console';

/**
 * Issue 22: sessions end when the password changes, an admin lists and ends a user's sessions
 * one by one (audited), and a chosen ADMIN_PASSWORD meets the same policy as any password.
 */
describe('sessions of a user', () => {
  let c: TestConsole;
  let token: string;
  const audit = async (entityId: string, action: string) =>
    (
      await c.api(
        `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ entityId, action }))}&sort=["id","ASC"]`,
        { token },
      )
    ).body as any[];
  const createUser = async (prefix: string, password: string) => {
    const user = { email: uniqueEmail(prefix), password };
    const res = await c.api('/api/users', { token, body: { ...user, fullName: prefix, role: 'officer' } });
    expect(res.status).toBe(201);
    return { ...user, id: res.body.id as string };
  };
  const loginWith = async (email: string, password: string, userAgent: string) => {
    const res = await c.api('/api/auth/login', { body: { email, password }, headers: { 'user-agent': userAgent } });
    expect(res.status).toBe(200);
    return res.body.token as string;
  };

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
  });
  afterAll(() => c?.close());

  it('ends every session of a user when an admin changes their password, and audits it', async () => {
    const user = await createUser('changed', 'changed first passphrase');
    const sessions = [await c.login(user.email, user.password), await c.login(user.email, user.password)];
    for (const s of sessions) expect((await c.api('/api/auth/me', { token: s })).status).toBe(200);

    const res = await c.api(`/api/users/${user.id}`, {
      method: 'PUT',
      token,
      body: { password: 'changed second passphrase' },
    });
    expect(res.status).toBe(200);
    for (const s of sessions) expect((await c.api('/api/auth/me', { token: s })).status).toBe(401);
    expect((await c.api(`/api/users/${user.id}/sessions`, { token })).body).toEqual([]);
    expect(await audit(user.id, 'user.sessions_revoked')).toEqual([
      expect.objectContaining({ actorEmail: ADMIN.email, details: { revoked: 2, reason: 'password changed' } }),
    ]);
    // The new password opens a session; the old one does not.
    expect((await c.api('/api/auth/login', { body: { email: user.email, password: user.password } })).status).toBe(401);
    expect(
      (await c.api('/api/auth/me', { token: await c.login(user.email, 'changed second passphrase') })).status,
    ).toBe(200);
  });

  it("keeps the admin's own current session when they change their own password, and ends their others", async () => {
    const admin = await c.api('/api/users', {
      token,
      body: { email: uniqueEmail('selfadmin'), fullName: 'Self', role: 'admin', password: 'self admin passphrase 1' },
    });
    const [here, elsewhere] = [
      await c.login(admin.body.email, 'self admin passphrase 1'),
      await c.login(admin.body.email, 'self admin passphrase 1'),
    ];
    expect(
      (
        await c.api(`/api/users/${admin.body.id}`, {
          method: 'PUT',
          token: here,
          body: { password: 'self admin passphrase 2' },
        })
      ).status,
    ).toBe(200);
    expect((await c.api('/api/auth/me', { token: here })).status).toBe(200);
    expect((await c.api('/api/auth/me', { token: elsewhere })).status).toBe(401);
    expect((await audit(admin.body.id, 'user.sessions_revoked'))[0].details).toMatchObject({
      revoked: 1,
      reason: 'password changed',
    });
  });

  it('lists the open sessions of a user (created, last used, expires, address, browser; never a token or hash) for admins only', async () => {
    const user = await createUser('listed', 'listed user passphrase');
    const first = await loginWith(user.email, user.password, 'Firefox on the office PC');
    const second = await loginWith(user.email, user.password, 'Safari on a phone');
    await c.api('/api/auth/logout', { token: second, body: {} });
    await loginWith(user.email, user.password, 'Chrome at home');

    const res = await c.api(`/api/users/${user.id}/sessions`, { token });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(2);
    expect(res.body.map((s: any) => s.userAgent).sort()).toEqual(['Chrome at home', 'Firefox on the office PC']);
    for (const session of res.body) {
      expect(Object.keys(session).sort()).toEqual([
        'createdAt',
        'current',
        'expiresAt',
        'id',
        'ip',
        'lastUsedAt',
        'revokedAt',
        'userAgent',
      ]);
      expect(session).toMatchObject({
        ip: expect.stringMatching(/127\.0\.0\.1/),
        revokedAt: null,
        current: false,
        lastUsedAt: expect.any(String),
      });
      expect(new Date(session.expiresAt).getTime()).toBeGreaterThan(Date.now());
    }
    const text = JSON.stringify(res.body);
    const hashes = await sql(c, 'SELECT token_hash FROM sessions WHERE user_id = $1', [user.id]);
    for (const secret of [first, second, ...hashes.map((h) => h.token_hash)]) expect(text).not.toContain(secret);

    expect((await c.api(`/api/users/${user.id}/sessions`, { token: first })).status).toBe(403);
    expect((await c.api('/api/users/00000000-0000-4000-8000-000000000000/sessions', { token })).status).toBe(404);
  });

  it('marks when a session was last used, at most once a minute', async () => {
    const user = await createUser('used', 'used user passphrase');
    const session = await c.login(user.email, user.password);
    await sql(c, `UPDATE sessions SET last_used_at = now() - interval '2 hours' WHERE user_id = $1`, [user.id]);
    const before = Date.now();
    await c.api('/api/auth/me', { token: session });
    const [listed] = (await c.api(`/api/users/${user.id}/sessions`, { token })).body;
    expect(new Date(listed.lastUsedAt).getTime()).toBeGreaterThan(before - 60_000);
  });

  it('ends one session of a user at once, audited, leaving the others open; only admins may', async () => {
    const user = await createUser('revoked', 'revoked user passphrase');
    const lost = await loginWith(user.email, user.password, 'Lost phone');
    const kept = await loginWith(user.email, user.password, 'Desk PC');
    const listed = (await c.api(`/api/users/${user.id}/sessions`, { token })).body as any[];
    const target = listed.find((s) => s.userAgent === 'Lost phone');
    // Used once, so that its check is remembered: the revocation must end it at once all the same.
    expect((await c.api('/api/auth/me', { token: lost })).status).toBe(200);

    expect((await c.api(`/api/users/${user.id}/sessions/${target.id}`, { method: 'DELETE', token: kept })).status).toBe(
      403,
    );
    const res = await c.api(`/api/users/${user.id}/sessions/${target.id}`, { method: 'DELETE', token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: target.id, revokedAt: expect.any(String), userAgent: 'Lost phone' });
    expect((await c.api('/api/auth/me', { token: lost })).status).toBe(401);
    expect((await c.api('/api/auth/me', { token: kept })).status).toBe(200);
    expect((await c.api(`/api/users/${user.id}/sessions`, { token })).body.map((s: any) => s.userAgent)).toEqual([
      'Desk PC',
    ]);
    expect(await audit(user.id, 'user.session_revoked')).toEqual([
      expect.objectContaining({
        actorEmail: ADMIN.email,
        details: expect.objectContaining({ sessionId: target.id, userAgent: 'Lost phone' }),
      }),
    ]);

    // Already ended, another user's, or malformed: nothing changes.
    expect((await c.api(`/api/users/${user.id}/sessions/${target.id}`, { method: 'DELETE', token })).status).toBe(404);
    const other = await createUser('other', 'other user passphrase');
    expect(
      (
        await c.api(`/api/users/${other.id}/sessions/${listed.find((s) => s.userAgent === 'Desk PC').id}`, {
          method: 'DELETE',
          token,
        })
      ).status,
    ).toBe(404);
    expect((await c.api('/api/auth/me', { token: kept })).status).toBe(200);
    expect((await c.api(`/api/users/${user.id}/sessions/not-a-uuid`, { method: 'DELETE', token })).status).toBe(400);
  });
});

describe('a chosen ADMIN_PASSWORD', () => {
  it.each(['Password123!', 'abcdeabcdeab'])(
    'is refused at the first start when weak (%s), with one clear configuration error',
    async (password) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'pc-weak-admin-'));
      const databaseUrl = process.env.TEST_DATABASE === 'embedded' ? null : await createTestDatabase();
      try {
        const config = loadConfig({
          NODE_ENV: 'test',
          PORT: '0',
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          ADMIN_EMAIL: 'first.admin@console.test',
          ADMIN_PASSWORD: password,
          LOG_LEVEL: 'silent',
          DEMO_PEOPLE: '0',
          RETENTION_SWEEP_CRON: 'off',
          ADMIN_DIR: 'none',
          ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        });
        const started = startConsole(config);
        await expect(started).rejects.toBeInstanceOf(ConfigError);
        await expect(started).rejects.toThrow(
          /^Configuration error: ADMIN_PASSWORD is too easy to guess \(.+\): choose a longer passphrase/,
        );
      } finally {
        if (databaseUrl) await dropTestDatabase(databaseUrl);
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
