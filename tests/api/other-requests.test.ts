import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';
import { recordRequest, type RequestSubject } from '../support/requests';

/**
 * Repeated requests (Art. 12(3) and (5) GDPR; issue 23): the same e-mail imported twice creates
 * nothing and says which request it made; a new request of someone with other requests (the same
 * e-mail or phone, open or closed) names them. The match is exact: Giulia Bianchi's requests never
 * show Giulia Bianchini's (giulia.bianchini@example.it) nor those of a similar address.
 */
describe('other requests of the same person (Art. 12(3) and (5))', () => {
  let c: TestConsole;
  let token: string;
  let closed: { id: string; reference: string };
  let byPhone: { id: string; reference: string };
  let first: any;

  const post = (path: string, body: unknown = {}, as = token) => c.api(path, { token: as, body });
  const intake = (raw: string) =>
    c.api('/api/intake/email', { token, body: raw, headers: { 'content-type': 'message/rfc822' } });
  const eml = (from: string, messageId: string, body: string) =>
    [
      `From: ${from}`,
      'To: privacy@vimage.it',
      'Subject: Cancellazione dei miei dati',
      'Date: Tue, 1 Dec 2026 09:12:04 +0100',
      `Message-ID: <${messageId}>`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      body,
      '',
    ].join('\r\n');
  const newRequest = (subject: RequestSubject, type = 'access') =>
    recordRequest(c, token, type, subject, {
      language: 'it',
      receivedAt: new Date(Date.now() - 40 * 86_400_000).toISOString(),
    });
  const others = (id: string, as = token) => c.api(`/api/requests/${id}/other-requests`, { token: as });

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
    // Giulia's earlier access request, answered and closed; one by phone only; Giulia Bianchini's, similar.
    closed = await newRequest({ name: 'Giulia Bianchi', email: 'Giulia.Bianchi@example.it' });
    expect((await post(`/api/requests/${closed.id}/verify`, { method: 'email_from_known_address' })).status).toBe(200);
    expect((await post(`/api/requests/${closed.id}/close`, { outcome: 'Dati inviati' })).status).toBe(200);
    byPhone = await newRequest({ name: 'G. Bianchi', phone: '347 123 4567' }, 'objection');
    await newRequest({ name: 'Giulia Bianchini', email: 'giulia.bianchini@example.it', phone: '347 123 4568' });
    await newRequest({ name: 'Giulia Bianchi', email: 'giulia.bianchi@example.com' });
  });
  afterAll(() => c?.close());

  it('an imported e-mail names the same person’s other requests, open and closed, and only hers', async () => {
    const res = await intake(
      eml(
        'Giulia Bianchi <giulia.bianchi@example.it>',
        'erase-1@example.it',
        'Buongiorno, chiedo la cancellazione dei miei dati. Il mio cellulare è 347 123 4567.',
      ),
    );
    expect(res.status).toBe(201);
    first = res.body;
    expect(first).toMatchObject({ duplicate: false, alreadyImported: null });
    expect(first.otherRequests.map((r: any) => [r.reference, r.matchedBy, r.status])).toEqual([
      [closed.reference, ['email'], 'completed'],
    ]);
  });

  it('the same e-mail again creates nothing and says which request it made, and when', async () => {
    const before = Number((await sql(c, `SELECT count(*)::int AS n FROM requests`))[0].n);
    const again = await intake(
      eml(
        'Giulia Bianchi <giulia.bianchi@example.it>',
        'erase-1@example.it',
        'Buongiorno, chiedo la cancellazione dei miei dati. Il mio cellulare è 347 123 4567.',
      ),
    );
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      duplicate: true,
      id: first.id,
      dueDate: first.dueDate,
      alreadyImported: { requestId: first.id, reference: first.reference, importedAt: expect.any(String) },
    });
    expect(Number((await sql(c, `SELECT count(*)::int AS n FROM requests`))[0].n)).toBe(before);
  });

  it('the request page’s answer lists the other requests by e-mail and by phone, and the repeated import', async () => {
    // The officer adds the phone she wrote in the e-mail.
    const patched = await c.api(`/api/requests/${first.id}`, {
      method: 'PUT',
      token,
      body: { subjectPhone: '+39 347-1234567' },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const res = await others(first.id);
    expect(res.status).toBe(200);
    expect(res.body.reference).toBe(first.reference);
    expect(res.body.requests.map((r: any) => [r.reference, r.matchedBy]).sort()).toEqual(
      [
        [closed.reference, ['email']],
        [byPhone.reference, ['phone']],
      ].sort(),
    );
    expect(res.body.requests.find((r: any) => r.id === closed.id)).toMatchObject({
      type: 'access',
      status: 'completed',
      closedAt: expect.any(String),
    });
    expect(res.body.duplicateImports).toEqual([{ at: expect.any(String), actorEmail: expect.any(String) }]);
    // Never a similar address or a phone one digit apart.
    expect(JSON.stringify(res.body)).not.toMatch(/bianchini|example\.com/i);
    // And the other way round: the closed request names the new one.
    expect((await others(closed.id)).body.requests.map((r: any) => r.id)).toEqual([first.id]);
  });

  it('says nothing for a person with no other request, and answers 404 for an unknown request, 400 for a bad id', async () => {
    const alone = await newRequest({ name: 'Luca Verdi', email: uniqueEmail('luca') });
    expect((await others(alone.id)).body).toMatchObject({ requests: [], duplicateImports: [] });
    expect((await others('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await others('not-a-uuid')).status).toBe(400);
  });

  it('puts the repeated import on the request’s timeline and in the audit log, and audits the read', async () => {
    const events = (
      await c.api(
        `/api/request-events?filter=${encodeURIComponent(JSON.stringify({ requestId: first.id }))}&sort=${encodeURIComponent('["at","ASC"]')}`,
        { token },
      )
    ).body as Array<{ kind: string }>;
    expect(events.map((e) => e.kind)).toContain('duplicate_import');
    const audit = await sql(
      c,
      `SELECT action, details FROM audit_events WHERE entity_id = $1 AND action IN ('request.duplicate_import', 'request.other_requests_viewed') ORDER BY id`,
      [first.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['request.duplicate_import', 'request.other_requests_viewed']);
    expect(audit[1].details).toMatchObject({ reference: first.reference });
  });
});
