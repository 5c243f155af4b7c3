import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, startTestConsole, type TestConsole } from '../support/test-console';

/**
 * The officer's decisions on a request (docs/requests.md, "Decisions"): each one audited, with
 * its reason on the timeline, and each checked against a second request or person that must not
 * be touched.
 */
describe('request decisions', () => {
  let c: TestConsole;
  let token: string;
  let key: string;

  const ingest = (source: string, body: unknown) => c.api(`/api/ingest/${source}`, { body, headers: { 'x-api-key': key } });
  const post = (path: string, body: unknown = {}) => c.api(path, { token, body });
  const put = (id: string, body: unknown) => c.api(`/api/requests/${id}`, { token, method: 'PUT', body });
  const get = async (id: string) => (await c.api(`/api/requests/${id}`, { token })).body;
  const newRequest = async (body: Record<string, unknown>) => {
    const res = await post('/api/requests', { channel: 'email', language: 'en', receivedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(), ...body });
    expect(res.status).toBe(201);
    return res.body as { id: string; reference: string; version: number };
  };
  const events = async (id: string) =>
    (await c.api(`/api/request-events?filter=${encodeURIComponent(JSON.stringify({ requestId: id }))}&sort=${encodeURIComponent('["at","ASC"]')}`, { token })).body as Array<{
      kind: string;
      message: string | null;
      details: any;
    }>;
  const audit = async (id: string) =>
    (await c.api(`/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ entity: 'request', entityId: id }))}&sort=["id","ASC"]`, { token })).body as Array<{ action: string; details: any }>;
  const count = async (table: string, where: string, params: unknown[] = []) => Number((await sql(c, `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params))[0].n);

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
    key = (await c.api('/api/api-keys', { token, body: { name: 'Website' } })).body.key;
    await ingest('leads', [
      { externalId: 'anna', firstName: 'Anna', lastName: 'Verdi', email: 'anna.verdi@example.it', phone: '347 111 2222', submittedAt: '2026-10-02T10:00:00Z' },
      { externalId: 'bruno', firstName: 'Bruno', lastName: 'Neri', email: 'bruno.neri@example.it', phone: '347 333 4444', submittedAt: '2026-10-03T10:00:00Z' },
    ]);
  });
  afterAll(() => c?.close());

  describe('a verified identity does not survive a change of the subject (Art. 12(2) and (6) GDPR)', () => {
    it("puts the identity back to be verified when the e-mail becomes someone else's: no export, no erasure, Bruno's data untouched", async () => {
      const anna = await newRequest({ type: 'erasure', subjectName: 'Anna Verdi', subjectEmail: 'anna.verdi@example.it' });
      // Bruno's own request, verified, must keep its verification.
      const brunoOwn = await newRequest({ type: 'access', subjectName: 'Bruno Neri', subjectEmail: 'bruno.neri@example.it' });
      expect((await post(`/api/requests/${anna.id}/verify`, { method: 'email_from_known_address' })).status).toBe(200);
      expect((await post(`/api/requests/${brunoOwn.id}/verify`, { method: 'document_seen' })).status).toBe(200);

      const changed = await put(anna.id, { subjectEmail: 'bruno.neri@example.it', subjectName: 'Bruno Neri' });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ status: 'received', identityVerifiedAt: null, identityMethod: null, identityVerifiedBy: null });

      const erase = await post(`/api/requests/${anna.id}/erase`);
      expect(erase.status).toBe(409);
      expect(erase.body.message).toMatch(/Verify the subject's identity/);
      const exported = await fetch(`${c.url}/api/requests/${anna.id}/export.zip?kind=access`, { headers: { authorization: `Bearer ${token}` } });
      expect(exported.status).toBe(409);
      expect((await post(`/api/requests/${anna.id}/close`, { outcome: 'Erased' })).status).toBe(409);

      expect(await count('leads', `email = 'bruno.neri@example.it'`)).toBe(1);
      expect(await count('suppressed_identifiers', 'true')).toBe(0);
      expect(await count('erasure_plans', 'request_id = $1', [anna.id])).toBe(0);
      expect(await get(brunoOwn.id)).toMatchObject({ status: 'in_progress', identityMethod: 'document_seen', identityVerifiedAt: expect.any(String) });

      const line = (await events(anna.id)).at(-1)!;
      expect(line.kind).toBe('subject_changed');
      expect(line.message).toBe('subject changed from anna.verdi@example.it to bruno.neri@example.it: identity to be verified again');
      expect(line.details.identityReset).toMatchObject({ method: 'email_from_known_address', verifiedBy: 'admin@console.test', fromStatus: 'in_progress', toStatus: 'received' });
      const audited = (await audit(anna.id)).find((e) => e.action === 'request.subject_changed');
      expect(audited?.details).toMatchObject({ before: { subjectEmail: 'anna.verdi@example.it' }, after: { subjectEmail: 'bruno.neri@example.it' } });

      // Verified again, for Bruno this time: the request acts again.
      expect((await post(`/api/requests/${anna.id}/verify`, { method: 'document_seen' })).status).toBe(200);
      expect((await post(`/api/requests/${anna.id}/erase?dryRun=true`)).status).toBe(200);
    });

    it('does the same for a phone added or replaced, not for the same e-mail written differently nor for the name alone', async () => {
      const r = await newRequest({ type: 'access', subjectName: 'Anna Verdi', subjectEmail: 'anna.verdi@example.it' });
      const other = await newRequest({ type: 'access', subjectName: 'Anna Verdi', subjectEmail: 'anna.verdi@example.it', subjectPhone: '347 111 2222' });
      for (const id of [r.id, other.id]) expect((await post(`/api/requests/${id}/verify`, { method: 'email_from_known_address' })).status).toBe(200);

      expect((await put(r.id, { subjectEmail: 'Anna.Verdi@Example.it', subjectName: 'Anna Maria Verdi' })).body).toMatchObject({ status: 'in_progress', identityMethod: 'email_from_known_address' });
      const phone = await put(r.id, { subjectPhone: '347 333 4444' });
      expect(phone.body).toMatchObject({ status: 'received', identityVerifiedAt: null });
      expect((await events(r.id)).at(-1)!.message).toBe('subject changed from (none) to 347 333 4444: identity to be verified again');

      // The other request, with the same phone written differently: still verified.
      expect((await put(other.id, { subjectPhone: '+39 3471112222' })).body).toMatchObject({ status: 'in_progress', identityMethod: 'email_from_known_address' });
      expect((await events(other.id)).map((e) => e.kind)).not.toContain('subject_changed');
    });

    it('refuses to change the subject of an erasure that already ran (409), leaving the request as it was', async () => {
      const r = await newRequest({ type: 'erasure', subjectEmail: 'nobody.here@example.it' });
      expect((await post(`/api/requests/${r.id}/verify`, { method: 'email_from_known_address' })).status).toBe(200);
      expect((await post(`/api/requests/${r.id}/erase`)).status).toBe(200);
      const res = await put(r.id, { subjectEmail: 'anna.verdi@example.it' });
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/already ran .* new request/);
      expect(await get(r.id)).toMatchObject({ subjectEmail: 'nobody.here@example.it', status: 'in_progress' });
      expect(await count('leads', `email = 'anna.verdi@example.it'`)).toBe(1);
    });
  });
});
