import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';

/** Two people, or a person and the website, acting on the same thing at once: no lost update, no half state. */
describe('concurrency', () => {
  let c: TestConsole;
  let admin: string;
  let officers: [string, string];
  let key: string;

  const create = async (body: Record<string, unknown>) =>
    (await c.api('/api/requests', { token: admin, body: { channel: 'email', receivedAt: new Date().toISOString(), ...body } })).body;
  const ingest = (source: string, body: unknown) => c.api(`/api/ingest/${source}`, { body, headers: { 'x-api-key': key } });

  beforeAll(async () => {
    c = await startTestConsole();
    admin = await c.login();
    const tokens: string[] = [];
    for (const name of ['first', 'second']) {
      const user = { email: uniqueEmail(name), password: `${name} officer pass 9` };
      await c.api('/api/users', { token: admin, body: { ...user, fullName: name, role: 'officer' } });
      tokens.push(await c.login(user.email, user.password));
    }
    officers = tokens as [string, string];
    key = (await c.api('/api/api-keys', { token: admin, body: { name: 'Website' } })).body.key;
  });
  afterAll(() => c?.close());

  it('lets one of two officers editing the same version win, and tells the other to reload', async () => {
    const request = await create({ type: 'access', subjectName: 'Mario Rossi' });
    const [a, b] = await Promise.all([
      c.api(`/api/requests/${request.id}`, { token: officers[0], method: 'PUT', body: { ...request, subjectName: 'Mario Rossi (first)' } }),
      c.api(`/api/requests/${request.id}`, { token: officers[1], method: 'PUT', body: { ...request, subjectName: 'Mario Rossi (second)' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.message).toMatch(/Someone else changed this request meanwhile/);
    const winner = a.status === 200 ? a : b;
    const now = (await c.api(`/api/requests/${request.id}`, { token: admin })).body;
    expect(now.subjectName).toBe(winner.body.subjectName);
    const updates = await sql(c, `SELECT count(*)::int AS n FROM request_events WHERE request_id = $1 AND kind = 'updated'`, [request.id]);
    expect(updates[0].n).toBe(1);
  });

  it('applies one of a close and a reject sent at once, never both', async () => {
    const request = await create({ type: 'access', subjectEmail: uniqueEmail('subject') });
    await c.api(`/api/requests/${request.id}/verify`, { token: admin, body: { method: 'email_from_known_address' } });
    const results = await Promise.all([
      c.api(`/api/requests/${request.id}/close`, { token: officers[0], body: { outcome: 'Answered' } }),
      c.api(`/api/requests/${request.id}/reject`, { token: officers[1], body: { reason: 'excessive' } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const kinds = (await sql(c, `SELECT kind FROM request_events WHERE request_id = $1 AND kind IN ('closed', 'rejected')`, [request.id])).map((r) => r.kind);
    expect(kinds).toHaveLength(1);
    const now = (await c.api(`/api/requests/${request.id}`, { token: admin })).body;
    expect(now.status).toBe(kinds[0] === 'closed' ? 'completed' : 'rejected');
  });

  it('runs one of two erasures started at once; the records are erased once', async () => {
    const email = uniqueEmail('twice');
    await ingest('leads', { email, firstName: 'Twice', submittedAt: '2026-10-02T10:00:00Z' });
    const request = await create({ type: 'erasure', subjectEmail: email });
    await c.api(`/api/requests/${request.id}/verify`, { token: admin, body: { method: 'email_from_known_address' } });
    const runs = await Promise.all(officers.map((token) => c.api(`/api/requests/${request.id}/erase`, { token, body: {} })));
    const statuses = runs.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    expect(runs.find((r) => r.status === 409)!.body.message).toMatch(/already (running|complete)/);
    const status = (await c.api(`/api/requests/${request.id}/erasure`, { token: admin })).body;
    expect(status.completedAt).toEqual(expect.any(String));
    expect(status.steps.find((s: any) => s.source === 'leads')).toMatchObject({ recordsAffected: 1, attempts: 1 });
  });

  it('leaves nothing of the person when the website sends their data during the erasure', async () => {
    const email = uniqueEmail('racing');
    await ingest('leads', { email, firstName: 'Racing', submittedAt: '2026-10-02T10:00:00Z' });
    const request = await create({ type: 'erasure', subjectEmail: email });
    await c.api(`/api/requests/${request.id}/verify`, { token: admin, body: { method: 'email_from_known_address' } });
    const batches = Array.from({ length: 6 }, (_, i) => ingest('leads', { email, firstName: `Racing ${i}`, submittedAt: new Date().toISOString() }));
    const [erasure, ...ingested] = await Promise.all([c.api(`/api/requests/${request.id}/erase`, { token: admin, body: {} }), ...batches]);
    expect(erasure.body.state).toBe('complete');
    for (const res of ingested) expect(res.status).toBe(200);
    expect((await sql(c, `SELECT count(*)::int AS n FROM leads WHERE lower(email) = $1`, [email]))[0].n).toBe(0);
    const refused = ingested.reduce((n, r) => n + r.body.suppressed, 0);
    const lateErased = (await sql(c, `SELECT coalesce(sum((details->>'recordsAffected')::int), 0)::int AS n FROM request_events WHERE request_id = $1 AND kind = 'erasure_source_done' AND details->>'source' = 'leads'`, [request.id]))[0].n;
    // Every batch was either refused at the gate or erased with the rest.
    expect(refused + lateErased).toBe(7);
  });
});
