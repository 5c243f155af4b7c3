import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, type DataProvider } from 'ra-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';

/**
 * The ra-data-simple-rest contract, driven over HTTP and through the very provider the UI
 * uses, so that the API and the UI cannot drift apart.
 */
describe('ra-data-simple-rest contract', () => {
  let c: TestConsole;
  let token: string;
  let provider: DataProvider;
  const tag = `contract${Date.now()}`;
  const created: Array<{ id: string; email: string; fullName: string; role: string }> = [];

  beforeAll(async () => {
    c = await startTestConsole({ env: { CORS_ORIGINS: 'http://localhost:5173' } });
    token = await c.login();
    const roles = ['officer', 'auditor', 'officer', 'auditor', 'officer', 'auditor', 'officer'];
    for (const [i, role] of roles.entries()) {
      const res = await c.api('/api/users', {
        token,
        body: {
          email: uniqueEmail(`${tag}.${i}`),
          fullName: `${tag} Person ${String.fromCharCode(71 - i)}`,
          role,
          password: 'contract password',
        },
      });
      created.push(res.body);
    }
    provider = simpleRestProvider(`${c.url}/api`, (url, options = {}) =>
      fetchUtils.fetchJson(url, { ...options, user: { authenticated: true, token: `Bearer ${token}` } }),
    );
  });
  afterAll(() => c?.close());

  const list = (params: Record<string, unknown>) => {
    const query = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, JSON.stringify(v)]));
    return c.api(`/api/users?${query.toString()}`, { token });
  };

  it('sorts, pages and counts with Content-Range', async () => {
    const filter = { q: tag };
    const first = await list({ filter, sort: ['fullName', 'ASC'], range: [0, 2] });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-range')).toBe('users 0-2/7');
    expect(first.body.map((u: { fullName: string }) => u.fullName)).toEqual([
      `${tag} Person A`,
      `${tag} Person B`,
      `${tag} Person C`,
    ]);
    const last = await list({ filter, sort: ['fullName', 'ASC'], range: [6, 9] });
    expect(last.headers.get('content-range')).toBe('users 6-6/7');
    expect(last.body).toHaveLength(1);
    const beyond = await list({ filter, range: [20, 29] });
    expect(beyond.body).toEqual([]);
    expect(beyond.headers.get('content-range')).toBe('users */7');
    const desc = await list({ filter, sort: ['fullName', 'DESC'], range: [0, 0] });
    expect(desc.body[0].fullName).toBe(`${tag} Person G`);
  });

  it('filters by value, by any of several values, by booleans and by date bounds', async () => {
    const officers = await list({ filter: { q: tag, role: 'officer' }, range: [0, 99] });
    expect(officers.body).toHaveLength(4);
    const both = await list({ filter: { q: tag, role: ['officer', 'auditor'] }, range: [0, 99] });
    expect(both.body).toHaveLength(7);
    const inactive = await list({ filter: { q: tag, active: false } });
    expect(inactive.body).toHaveLength(0);
    const today = new Date().toISOString().slice(0, 10);
    const createdToday = await list({ filter: { q: tag, createdAt_gte: today, createdAt_lte: today }, range: [0, 99] });
    expect(createdToday.body).toHaveLength(7);
    const future = await list({ filter: { q: tag, createdAt_gte: '2999-01-01' } });
    expect(future.body).toHaveLength(0);
  });

  it('searches q case-insensitively and treats % and _ literally', async () => {
    expect((await list({ filter: { q: tag.toUpperCase() }, range: [0, 99] })).body).toHaveLength(7);
    expect((await list({ filter: { q: `${tag}%` } })).body).toHaveLength(0);
    expect((await list({ filter: { q: '_' } })).body.length).toBe(0);
  });

  it('answers getMany by ids, and an empty list for no ids', async () => {
    const ids = created.slice(0, 3).map((u) => u.id);
    const res = await list({ filter: { id: ids } });
    expect(res.body.map((u: { id: string }) => u.id).sort()).toEqual([...ids].sort());
    const none = await list({ filter: { id: [] } });
    expect(none.status).toBe(200);
    expect(none.body).toEqual([]);
  });

  it.each([
    ['sort', 'sort=fullName', /^sort: is not valid JSON/],
    ['sort', 'sort=["passwordHash","ASC"]', /^sort: unknown field "passwordHash"/],
    ['sort', 'sort=["fullName","SIDEWAYS"]', /^sort: order must be ASC or DESC/],
    ['range', 'range=[-5,4]', /^range: start and end must not be negative/],
    ['range', 'range=[0,100000]', /^range: at most 1000 records per page/],
    ['range', 'range=[9,2]', /^range: end must not be before start/],
    ['filter', 'filter={"passwordHash":"x"}', /^filter: unknown field "passwordHash"/],
    ['filter', 'filter=nope', /^filter: is not valid JSON/],
    ['filter.role', 'filter={"role":"root"}', /^filter.role: must be one of admin, officer, auditor/],
    ['filter.id', 'filter={"id":["x"]}', /^filter.id: must be a UUID/],
    ['filter.createdAt_gte', 'filter={"createdAt_gte":"soon"}', /^filter.createdAt_gte: must be a date/],
  ])('answers 400 naming %s for %s', async (parameter, query, message) => {
    const res = await c.api(`/api/users?${query.replace(/[{}"[\]]/g, encodeURIComponent)}`, { token });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
    expect(res.body.errors).toHaveProperty([parameter]);
  });

  it('lets a browser on an allowed origin send Range and read Content-Range', async () => {
    const preflight = await fetch(`${c.url}/api/users`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'range,authorization',
      },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('range');
    const res = await fetch(`${c.url}/api/users`, {
      headers: { origin: 'http://localhost:5173', authorization: `Bearer ${token}` },
    });
    expect(res.headers.get('access-control-expose-headers')).toContain('Content-Range');
    const other = await fetch(`${c.url}/api/users`, {
      headers: { origin: 'https://evil.example', authorization: `Bearer ${token}` },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('works end to end through ra-data-simple-rest: getList, getOne, getMany, create, update, delete', async () => {
    const page = await provider.getList('users', {
      pagination: { page: 2, perPage: 3 },
      sort: { field: 'fullName', order: 'ASC' },
      filter: { q: tag },
    });
    expect(page.total).toBe(7);
    expect(page.data.map((u) => u.fullName)).toEqual([`${tag} Person D`, `${tag} Person E`, `${tag} Person F`]);

    const one = await provider.getOne('users', { id: created[0].id });
    expect(one.data).toMatchObject({ id: created[0].id, email: created[0].email });

    const many = await provider.getMany('users', { ids: [created[1].id, created[2].id] });
    expect(many.data.map((u) => u.id).sort()).toEqual([created[1].id, created[2].id].sort());

    const email = uniqueEmail('through.provider');
    const made = await provider.create('users', {
      data: { email, fullName: 'Via Provider', role: 'auditor', password: 'provider password' },
    });
    expect(made.data).toMatchObject({ email, role: 'auditor' });

    const updated = await provider.update('users', {
      id: made.data.id,
      data: { ...made.data, fullName: 'Renamed' },
      previousData: made.data,
    });
    expect(updated.data.fullName).toBe('Renamed');

    const updatedMany = await provider.updateMany('users', { ids: [made.data.id], data: { active: false } });
    expect(updatedMany.data).toEqual([made.data.id]);

    const deleted = await provider.delete('users', { id: made.data.id, previousData: updated.data });
    expect(deleted.data.id).toBe(made.data.id);

    await expect(provider.getOne('users', { id: made.data.id })).rejects.toMatchObject({ status: 404 });
    await expect(provider.create('users', { data: { email: 'bad' } })).rejects.toMatchObject({
      status: 400,
      body: { errors: { email: 'must be an e-mail address' } },
    });
  });
});
