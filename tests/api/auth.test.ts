import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_CACHE_MS } from '../../api/src/auth/session-cache';
import { ADMIN, sql, startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';

describe('auth: login, sessions, roles', () => {
  let c: TestConsole;
  let adminToken: string;
  const officer = { email: uniqueEmail('officer'), password: 'officer password 123' };
  const auditor = { email: uniqueEmail('auditor'), password: 'auditor password 123' };

  beforeAll(async () => {
    c = await startTestConsole();
    adminToken = await c.login();
    for (const [user, role] of [
      [officer, 'officer'],
      [auditor, 'auditor'],
    ] as const) {
      const res = await c.api('/api/users', { token: adminToken, body: { ...user, fullName: `Test ${role}`, role } });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => c?.close());

  it('answers a token and the user, and sets an httpOnly SameSite=Strict cookie', async () => {
    const res = await c.api('/api/auth/login', { body: ADMIN });
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^[\w-]{40,}$/);
    expect(res.body.user).toMatchObject({ email: ADMIN.email, role: 'admin', active: true });
    expect(res.body.user).not.toHaveProperty('passwordHash');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^pc_session=[\w-]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
  });

  it('accepts the e-mail in any case and with spaces', async () => {
    const res = await c.api('/api/auth/login', {
      body: { email: `  ${ADMIN.email.toUpperCase()} `, password: ADMIN.password },
    });
    expect(res.status).toBe(200);
  });

  it('accepts the session from the Bearer header and from the cookie', async () => {
    const login = await c.api('/api/auth/login', { body: ADMIN });
    const bearer = await c.api('/api/auth/me', { token: login.body.token });
    expect(bearer.status).toBe(200);
    expect(bearer.body.email).toBe(ADMIN.email);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const viaCookie = await c.api('/api/auth/me', { headers: { cookie } });
    expect(viaCookie.status).toBe(200);
    expect(viaCookie.body.email).toBe(ADMIN.email);
  });

  it('refuses a change made with the cookie alone from another site (CSRF), and accepts it from the console', async () => {
    const login = await c.api('/api/auth/login', { body: ADMIN });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const body = { name: 'Forged key' };
    const forged = await c.api('/api/api-keys', { body, headers: { cookie, 'sec-fetch-site': 'cross-site' } });
    expect(forged.status).toBe(403);
    expect(forged.body.message).toMatch(/cross-site request refused/);
    expect((await c.api('/api/api-keys', { body, headers: { cookie } })).status).toBe(403);
    expect(
      (await c.api('/api/api-keys', { token: login.body.token })).body.some((k: any) => k.name === 'Forged key'),
    ).toBe(false);
    // Reads are harmless; the console's pages say where they come from.
    expect((await c.api('/api/auth/me', { headers: { cookie, 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
    expect((await c.api('/api/api-keys', { body, headers: { cookie, 'sec-fetch-site': 'same-origin' } })).status).toBe(
      201,
    );
    expect(
      (await c.api('/api/api-keys', { body, headers: { cookie, 'x-requested-with': 'privacy-console' } })).status,
    ).toBe(201);
  });

  it('answers 413 for a body over the limit, and changes nothing', async () => {
    const token = await c.login();
    const huge = { name: 'x'.repeat(6 * 1024 * 1024) };
    const res = await c.api('/api/api-keys', { token, body: huge });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ statusCode: 413, message: expect.any(String) });
  });

  it('refuses a wrong password and an unknown e-mail with the same answer, and audits both', async () => {
    const wrong = await c.api('/api/auth/login', { body: { email: ADMIN.email, password: 'not the password' } });
    const unknown = await c.api('/api/auth/login', {
      body: { email: 'nobody@console.test', password: 'not the password' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Invalid e-mail or password',
      reason: 'unauthenticated',
    });
    expect(unknown.body).toEqual(wrong.body);
    const events = await c.api(
      `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ action: 'auth.login_failed' }))}&range=[0,99]`,
      { token: adminToken },
    );
    const emails = events.body.map((e: { details: { email: string } }) => e.details.email);
    expect(emails).toContain(ADMIN.email);
    expect(emails).toContain('nobody@console.test');
  });

  it('refuses a malformed login body with 400 and field errors', async () => {
    const res = await c.api('/api/auth/login', { body: { email: 42 } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toMatchObject({ email: expect.any(String), password: 'is required' });
  });

  it('logs out: the token no longer works, the cookie is cleared, and it is audited', async () => {
    const token = await c.login();
    const out = await c.api('/api/auth/logout', { token, method: 'POST' });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/pc_session=;/);
    const me = await c.api('/api/auth/me', { token });
    expect(me.status).toBe(401);
    expect(me.body.message).toMatch(/expired or was ended/);
    const events = await c.api(
      `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ action: 'auth.logout' }))}`,
      { token: adminToken },
    );
    expect(events.body.length).toBeGreaterThan(0);
  });

  it.each([
    ['GET', '/api/auth/me'],
    ['POST', '/api/auth/logout'],
    ['GET', '/api/users'],
    ['POST', '/api/users'],
    ['GET', '/api/users/00000000-0000-4000-8000-000000000000'],
    ['PUT', '/api/users/00000000-0000-4000-8000-000000000000'],
    ['DELETE', '/api/users/00000000-0000-4000-8000-000000000000'],
    ['GET', '/api/audit-events'],
    ['GET', '/api/audit-events/1'],
    ['GET', '/api/audit/verify'],
    ['GET', '/api/docs'],
    ['GET', '/api/docs-json'],
  ])('%s %s answers 401 without a session, and with a made-up token', async (method, path) => {
    const anonymous = await c.api(path, { method, body: method === 'GET' || method === 'DELETE' ? undefined : {} });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    const forged = await c.api(path, { method, token: 'forged-token-forged-token-forged-token-xx' });
    expect(forged.status).toBe(401);
  });

  it('lets officers and auditors read the audit log but not manage users', async () => {
    for (const user of [officer, auditor]) {
      const token = await c.login(user.email, user.password);
      expect((await c.api('/api/audit-events', { token })).status).toBe(200);
      expect((await c.api('/api/audit/verify', { token })).status).toBe(200);
      expect((await c.api('/api/auth/me', { token })).status).toBe(200);
      const list = await c.api('/api/users', { token });
      expect(list.status).toBe(403);
      expect(list.body.message).toMatch(/needs: admin/);
      const create = await c.api('/api/users', {
        token,
        body: { email: uniqueEmail(), fullName: 'X', role: 'admin', password: 'x'.repeat(12) },
      });
      expect(create.status).toBe(403);
    }
  });

  it('refuses a disabled account at login and ends its open sessions at once', async () => {
    const email = uniqueEmail('leaver');
    const created = await c.api('/api/users', {
      token: adminToken,
      body: { email, fullName: 'Leaver', role: 'officer', password: 'leaver password 1' },
    });
    const token = await c.login(email, 'leaver password 1');
    expect((await c.api('/api/auth/me', { token })).status).toBe(200);
    const disabled = await c.api(`/api/users/${created.body.id}`, {
      token: adminToken,
      method: 'PUT',
      body: { active: false },
    });
    expect(disabled.status).toBe(200);
    expect((await c.api('/api/auth/me', { token })).status).toBe(401);
    const again = await c.api('/api/auth/login', { body: { email, password: 'leaver password 1' } });
    expect(again.status).toBe(401);
    expect(again.body.message).toBe('Invalid e-mail or password');
  });

  it('refuses a session ended outside the console (psql, another process) within a second, and only that one', async () => {
    const email = uniqueEmail('elsewhere');
    await c.api('/api/users', {
      token: adminToken,
      body: { email, fullName: 'Ended elsewhere', role: 'officer', password: 'elsewhere password 1' },
    });
    const token = await c.login(email, 'elsewhere password 1');
    const colleague = await c.login(officer.email, officer.password);
    // Checked once, so that the check is remembered.
    expect((await c.api('/api/auth/me', { token })).status).toBe(200);
    expect((await c.api('/api/auth/me', { token: colleague })).status).toBe(200);
    await sql(c, `UPDATE sessions SET revoked_at = now() WHERE user_id = (SELECT id FROM users WHERE email = $1)`, [
      email,
    ]);
    const ended = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - ended < 5_000) {
      status = (await c.api('/api/auth/me', { token })).status;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(status).toBe(401);
    expect(Date.now() - ended).toBeLessThan(SESSION_CACHE_MS + 200);
    expect((await c.api('/api/auth/me', { token })).status).toBe(401);
    expect((await c.api('/api/auth/me', { token: colleague })).status).toBe(200);
  });

  it('counts the second from when the session was looked up: a lookup held up past a revocation does not extend it', async () => {
    const email = uniqueEmail('held-up');
    await c.api('/api/users', {
      token: adminToken,
      body: { email, fullName: 'Held up', role: 'officer', password: 'held up password 12' },
    });
    const token = await c.login(email, 'held up password 12');
    // Unused for two minutes: the next check also writes "last used", and that write waits on
    // the row lock of a revocation made elsewhere (psql) until it commits, 1.5 s later.
    await sql(
      c,
      `UPDATE sessions SET last_used_at = now() - interval '2 minutes' WHERE user_id = (SELECT id FROM users WHERE email = $1)`,
      [email],
    );
    const elsewhere = new Client({ connectionString: c.databaseUrl! });
    await elsewhere.connect();
    try {
      await elsewhere.query('BEGIN');
      await elsewhere.query(
        `UPDATE sessions SET revoked_at = now() WHERE user_id = (SELECT id FROM users WHERE email = $1)`,
        [email],
      );
      const heldUp = c.api('/api/auth/me', { token });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await elsewhere.query('COMMIT');
      // The held-up request read the session before the revocation committed, and is answered.
      expect((await heldUp).status).toBe(200);
    } finally {
      await elsewhere.end();
    }
    // What it read is older than a second: the next request asks the database again.
    expect((await c.api('/api/auth/me', { token })).status).toBe(401);
  });

  it('applies a new role from the very next request, both ways', async () => {
    const email = uniqueEmail('promoted');
    const created = await c.api('/api/users', {
      token: adminToken,
      body: { email, fullName: 'Promoted', role: 'officer', password: 'promoted password 1' },
    });
    const token = await c.login(email, 'promoted password 1');
    expect((await c.api('/api/users', { token })).status).toBe(403);
    const setRole = (role: string) =>
      c.api(`/api/users/${created.body.id}`, { token: adminToken, method: 'PUT', body: { role } });
    expect((await setRole('admin')).status).toBe(200);
    expect((await c.api('/api/users', { token })).status).toBe(200);
    expect((await setRole('auditor')).status).toBe(200);
    expect((await c.api('/api/users', { token })).status).toBe(403);
  });

  it('serves the OpenAPI document to a signed-in user', async () => {
    const res = await c.api('/api/docs-json', { token: adminToken });
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/users',
        '/api/users/{id}',
        '/api/audit-events',
        '/api/audit/verify',
        '/api/health',
      ]),
    );
    const ui = await fetch(`${c.url}/api/docs`, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });
});
