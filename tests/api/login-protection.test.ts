import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, sql, startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';

describe('sign-in protection', () => {
  let c: TestConsole;
  let token: string;
  const login = (email: string, password: string) => c.api('/api/auth/login', { body: { email, password } });

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
  });
  afterAll(() => c?.close());

  it('locks an account after 5 failures, for known and unknown e-mails alike, and says when to retry', async () => {
    const officer = { email: uniqueEmail('officer'), password: 'officer password 123' };
    expect(
      (await c.api('/api/users', { token, body: { ...officer, fullName: 'Officer', role: 'officer' } })).status,
    ).toBe(201);
    const ghost = uniqueEmail('nobody');
    for (const email of [officer.email, ghost]) {
      for (let i = 0; i < 5; i++) {
        const res = await login(email, 'wrong password 000');
        expect(res.status).toBe(401);
        expect(res.body.message).toBe('Invalid e-mail or password');
      }
      const locked = await login(email, email === officer.email ? officer.password : 'anything at all 1');
      expect(locked.status).toBe(429);
      expect(locked.body.message).toMatch(/^Too many failed sign-ins: try again in 15 minutes$/);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    }
    const events = await c.api(
      `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ action: 'auth.login_throttled' }))}`,
      { token },
    );
    expect(events.body.map((e: any) => e.details.email).sort()).toEqual([ghost, officer.email].sort());

    // The admin lifts it (and ends the officer's sessions): the right password works again.
    const [{ id }] = await sql(c, `SELECT id FROM users WHERE email = $1`, [officer.email]);
    const revoked = await c.api(`/api/users/${id}/revoke-sessions`, { token, body: {} });
    expect(revoked.status).toBe(200);
    expect((await login(officer.email, officer.password)).status).toBe(200);
  });

  it('forgives an account its failures after a success', async () => {
    const user = { email: uniqueEmail('forgiven'), password: 'forgiven password 1' };
    await c.api('/api/users', { token, body: { ...user, fullName: 'Forgiven', role: 'auditor' } });
    for (let i = 0; i < 4; i++) await login(user.email, 'wrong password 000');
    expect((await login(user.email, user.password)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(user.email, 'wrong password 000')).status).toBe(401);
    expect((await login(user.email, user.password)).status).toBe(200);
  });

  it('ends every session of a user at once when an admin revokes them; only admins may', async () => {
    const user = { email: uniqueEmail('laptop'), password: 'lost laptop pass 1' };
    const created = (await c.api('/api/users', { token, body: { ...user, fullName: 'Lost Laptop', role: 'officer' } }))
      .body;
    const sessions = [await c.login(user.email, user.password), await c.login(user.email, user.password)];
    for (const s of sessions) expect((await c.api('/api/auth/me', { token: s })).status).toBe(200);
    expect((await c.api(`/api/users/${created.id}/revoke-sessions`, { token, body: {} })).body).toEqual({ revoked: 2 });
    for (const s of sessions) expect((await c.api('/api/auth/me', { token: s })).status).toBe(401);
    const officerToken = await c.login(user.email, user.password);
    expect((await c.api(`/api/users/${created.id}/revoke-sessions`, { token: officerToken, body: {} })).status).toBe(
      403,
    );
  });

  it('refuses weak passwords with the reason on the field, at creation and at a password change', async () => {
    for (const [password, reason] of [
      ['Password1234', /^is too easy to guess \(this is similar to a commonly used password\)/],
      ['Password123!', /^is too easy to guess \(this is similar to a commonly used password\)/],
      ['abcdeabcdeab', /^is too easy to guess \(repeated character patterns/],
      ['aaaaaaaaaaaaaaaa', /5 different characters/],
      ['mario.verdi 2026!', /must not contain the e-mail address/],
      ['short', /at least 12 characters/],
    ] as const) {
      const res = await c.api('/api/users', {
        token,
        body: { email: 'mario.verdi@example.it', fullName: 'Mario', role: 'officer', password },
      });
      expect(res.status, password).toBe(400);
      expect(res.body.errors.password).toMatch(reason);
    }
    expect((await sql(c, `SELECT count(*)::int AS n FROM users WHERE email = 'mario.verdi@example.it'`))[0].n).toBe(0);

    const user = (
      await c.api('/api/users', {
        token,
        body: {
          email: uniqueEmail('changer'),
          fullName: 'Changer',
          role: 'officer',
          password: 'changer first passphrase',
        },
      })
    ).body;
    const [{ password_hash: hash }] = await sql(c, 'SELECT password_hash FROM users WHERE id = $1', [user.id]);
    for (const password of ['Password123!', 'abcdeabcdeab']) {
      const res = await c.api(`/api/users/${user.id}`, { method: 'PUT', token, body: { password } });
      expect(res.status, password).toBe(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        message: expect.stringMatching(/^password is too easy to guess/),
        errors: { password: expect.stringMatching(/^is too easy to guess/) },
      });
    }
    expect((await sql(c, 'SELECT password_hash FROM users WHERE id = $1', [user.id]))[0].password_hash).toBe(hash);
  });

  it('locks an address after 30 failures whatever the e-mail; open sessions keep working', async () => {
    for (let i = 0; i < 30; i++) await login(uniqueEmail('spray'), 'wrong password 000');
    const res = await login(ADMIN.email, ADMIN.password);
    expect(res.status).toBe(429);
    // An open session keeps working: the lock is on signing in.
    expect((await c.api('/api/auth/me', { token })).status).toBe(200);
    await sql(c, `DELETE FROM login_throttles`);
    expect((await login(ADMIN.email, ADMIN.password)).status).toBe(200);
  });
});
