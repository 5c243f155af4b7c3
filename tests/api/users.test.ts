import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, sql, startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';

describe('users resource (admins)', () => {
  let c: TestConsole;
  let token: string;

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
  });
  afterAll(() => c?.close());

  const create = (body: Record<string, unknown>) => c.api('/api/users', { token, body });
  const auditOf = async (entityId: string) =>
    (
      await c.api(
        `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ entityId, action: ['user.created', 'user.updated', 'user.deleted'] }))}&sort=["id","ASC"]`,
        { token },
      )
    ).body;

  it('creates a user, normalising the e-mail, and never answers the password hash', async () => {
    const email = uniqueEmail('Giulia.Bianchi');
    const res = await create({
      email: `  ${email.toUpperCase()} `,
      fullName: ' Giulia Bianchi ',
      role: 'officer',
      password: 'giulia password 1',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      email: email.toLowerCase(),
      fullName: 'Giulia Bianchi',
      role: 'officer',
      active: true,
      language: null,
      lastLoginAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const [row] = await sql(c, 'SELECT password_hash FROM users WHERE id = $1', [res.body.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const audit = await auditOf(res.body.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'user.created',
      actorEmail: ADMIN.email,
      details: { after: { email: email.toLowerCase(), role: 'officer' } },
    });
    expect(JSON.stringify(audit)).not.toContain('argon2');
  });

  it('refuses bad input with field errors and creates nothing', async () => {
    const before = await c.api('/api/users?range=[0,0]', { token });
    const res = await create({
      email: 'not-an-email',
      fullName: '',
      role: 'superuser',
      password: 'short',
      isRoot: true,
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.stringMatching(/^Invalid request body: /),
      errors: {
        email: 'must be an e-mail address',
        fullName: 'must not be empty',
        role: 'must be one of admin, officer, auditor',
        password: 'must be at least 12 characters',
        isRoot: 'is not a known field',
      },
    });
    const after = await c.api('/api/users?range=[0,0]', { token });
    expect(after.headers.get('content-range')).toBe(before.headers.get('content-range'));
  });

  it('refuses a body that is not JSON', async () => {
    const res = await c.api('/api/users', {
      token,
      body: '{"email": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, message: expect.stringMatching(/not valid JSON/) });
  });

  it('refuses a second user with the same e-mail with 409', async () => {
    const email = uniqueEmail();
    expect((await create({ email, fullName: 'A', role: 'auditor', password: 'a password 123' })).status).toBe(201);
    const dup = await create({
      email: email.toUpperCase(),
      fullName: 'B',
      role: 'auditor',
      password: 'a password 123',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.errors).toEqual({ email: 'is already used by another user' });
  });

  it('updates from a whole react-admin record, audits before and after, and changes the password', async () => {
    const email = uniqueEmail('marco');
    const { body: user } = await create({
      email,
      fullName: 'Marco Rossi',
      role: 'auditor',
      password: 'marco password 1',
    });
    const res = await c.api(`/api/users/${user.id}`, {
      token,
      method: 'PUT',
      body: { ...user, role: 'officer', password: 'marco password 2' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, role: 'officer', fullName: 'Marco Rossi' });
    await expect(c.login(email, 'marco password 1')).rejects.toThrow(/401/);
    await expect(c.login(email, 'marco password 2')).resolves.toEqual(expect.any(String));
    const audit = await auditOf(user.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'user.updated',
      details: { before: { role: 'auditor' }, after: { role: 'officer' }, passwordChanged: true },
    });
  });

  it('keeps the password when the edit form sends an empty one', async () => {
    const email = uniqueEmail();
    const { body: user } = await create({ email, fullName: 'Keep', role: 'auditor', password: 'keep password 1' });
    const res = await c.api(`/api/users/${user.id}`, {
      token,
      method: 'PUT',
      body: { fullName: 'Kept', password: '' },
    });
    expect(res.status).toBe(200);
    await expect(c.login(email, 'keep password 1')).resolves.toEqual(expect.any(String));
  });

  it('refuses unknown fields and bad values on update and changes nothing', async () => {
    const { body: user } = await create({
      email: uniqueEmail(),
      fullName: 'Same',
      role: 'auditor',
      password: 'same password 1',
    });
    const res = await c.api(`/api/users/${user.id}`, {
      token,
      method: 'PUT',
      body: { role: 'root', passwordHash: 'x' },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual({
      role: 'must be one of admin, officer, auditor',
      passwordHash: 'is not a known field',
    });
    expect((await c.api(`/api/users/${user.id}`, { token })).body).toEqual(user);
  });

  it('answers 404 for a user that does not exist and 400 for a malformed id', async () => {
    const missing = await c.api('/api/users/00000000-0000-4000-8000-000000000000', { token });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'User 00000000-0000-4000-8000-000000000000 does not exist',
      reason: 'not_found',
    });
    expect((await c.api('/api/users/42', { token })).status).toBe(400);
  });

  it('deletes a user, ending their open sessions at once, answering the deleted record, and audits it', async () => {
    const { body: user } = await create({
      email: uniqueEmail(),
      fullName: 'Gone',
      role: 'auditor',
      password: 'gone password 1',
    });
    const session = await c.login(user.email, 'gone password 1');
    // Used once, so that its check is remembered.
    expect((await c.api('/api/auth/me', { token: session })).status).toBe(200);
    const res = await c.api(`/api/users/${user.id}`, { token, method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(user.id);
    expect((await c.api('/api/auth/me', { token: session })).status).toBe(401);
    expect((await c.api('/api/auth/me', { token })).status).toBe(200);
    expect((await c.api(`/api/users/${user.id}`, { token })).status).toBe(404);
    expect((await auditOf(user.id)).at(-1)).toMatchObject({
      action: 'user.deleted',
      details: { before: { fullName: 'Gone' } },
    });
  });

  it('never leaves the console without an active administrator', async () => {
    const me = (await c.api('/api/auth/me', { token })).body;
    const self = await c.api(`/api/users/${me.id}`, { token, method: 'DELETE' });
    expect(self.status).toBe(409);
    const demote = await c.api(`/api/users/${me.id}`, { token, method: 'PUT', body: { role: 'officer' } });
    expect(demote.status).toBe(409);
    expect(demote.body.message).toBe('You cannot demote or disable the last active administrator');
    expect((await c.api(`/api/users/${me.id}`, { token })).body.role).toBe('admin');

    // With a second administrator, the first may step down.
    const other = { email: uniqueEmail('admin2'), password: 'second admin pass' };
    const { body: second } = await create({ ...other, fullName: 'Second Admin', role: 'admin' });
    const otherToken = await c.login(other.email, other.password);
    const removeFirst = await c.api(`/api/users/${me.id}`, {
      token: otherToken,
      method: 'PUT',
      body: { role: 'officer' },
    });
    expect(removeFirst.status).toBe(200);
    // restore for the other tests
    expect(
      (await c.api(`/api/users/${me.id}`, { token: otherToken, method: 'PUT', body: { role: 'admin' } })).status,
    ).toBe(200);
    expect((await c.api(`/api/users/${second.id}`, { token, method: 'DELETE' })).status).toBe(200);
  });
});
