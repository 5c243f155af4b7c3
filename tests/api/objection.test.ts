import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, startTestConsole, type TestConsole } from '../support/test-console';
import { createApiKey, postBatch } from '../support/ingest';
import { recordRequest } from '../support/requests';

describe('objection (Art. 21) and withdrawal (Art. 7(3)) stop processing at ingestion', () => {
  let c: TestConsole;
  let token: string;
  let key: string;
  let qualification: string; // legitimate interests, on the leads
  let newsletter: string; // legitimate interests, direct marketing, on the leads
  let chatbot: string; // consent, on the chats
  let auditCount: () => Promise<number>;

  const ingest = (source: string, body: unknown) => postBatch(c, key, source, body);
  const post = (path: string, body: unknown = {}) => c.api(path, { token, body });
  const search = (q: string) => c.api(`/api/subjects/search?q=${encodeURIComponent(q)}`, { token });
  const lead = (externalId: string, email: string) => ({
    externalId,
    firstName: 'Test',
    email,
    submittedAt: '2026-11-02T10:00:00Z',
  });
  const newRequest = (type: string, email: string) => recordRequest(c, token, type, { email }, { verified: true });
  const events = (id: string) =>
    sql<{ kind: string; message: string | null; details: any }>(
      c,
      `SELECT kind, message, details FROM request_events WHERE request_id = $1 ORDER BY at`,
      [id],
    );
  const flagged = async (email: string) =>
    Number(
      (
        await sql(
          c,
          `SELECT count(*)::int AS n FROM processing_stop_flags f JOIN leads l ON l.id::text = f.record_id
           WHERE f.source = 'leads' AND l.email = $1`,
          [email],
        )
      )[0].n,
    );
  const activity = async (body: Record<string, unknown>) => {
    const res = await post('/api/activities', { purposes: 'Test purposes', ...body });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
    key = await createApiKey(c, token);
    qualification = await activity({
      name: 'Contact qualification',
      legalBasis: 'legitimate_interests',
      sourceSystem: 'leads',
    });
    newsletter = await activity({
      name: 'Newsletter to leads',
      legalBasis: 'legitimate_interests',
      sourceSystem: 'leads',
    });
    const [chat] = await sql(c, `SELECT id FROM activities WHERE name = 'AI chatbot'`);
    chatbot = chat.id as string;
    auditCount = async () => Number((await sql(c, `SELECT count(*)::int AS n FROM audit_events`))[0].n);
  });
  afterAll(() => c?.close());

  it('an objection without compelling grounds flags the person’s new leads; another person is untouched', async () => {
    expect((await ingest('leads', lead('o-1', 'olga.neri@example.it'))).status).toBe(200);
    const request = await newRequest('objection', 'olga.neri@example.it');
    const res = await post(`/api/requests/${request.id}/objection-decision`, {
      activityIds: [qualification],
      assessment: 'none',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ outcome: 'processing_stopped', identifiersFlagged: 1, statement: null });

    const again = await ingest('leads', [lead('o-2', 'olga.neri@example.it'), lead('p-1', 'piero.verdi@example.it')]);
    expect(again.body).toMatchObject({ created: 2, flaggedAfterStop: 1 });
    expect(await flagged('olga.neri@example.it')).toBe(1);
    expect(await flagged('piero.verdi@example.it')).toBe(0);
    // No plaintext list of objectors: only keyed hashes.
    expect(JSON.stringify(await sql(c, `SELECT * FROM processing_stops`))).not.toContain('olga');

    const found = await search('olga.neri@example.it');
    expect(found.body.processingStops).toEqual([
      expect.objectContaining({
        reason: 'objection',
        activity: 'Contact qualification',
        reference: request.reference,
        flaggedRecords: 1,
      }),
    ]);
    expect((await search('piero.verdi@example.it')).body.processingStops).toEqual([]);
    const decided = (await events(request.id)).find((e) => e.kind === 'objection_decided');
    expect(decided?.details).toMatchObject({ outcome: 'processing_stopped', assessment: 'none' });
    const [audit] = await sql(
      c,
      `SELECT details FROM audit_events WHERE action = 'subject.objection_decided' AND entity_id = $1`,
      [request.id],
    );
    expect(audit.details).toMatchObject({ outcome: 'processing_stopped', activities: ['Contact qualification'] });
  });

  it('a direct-marketing objection needs no assessment; its named activity refuses the person’s records', async () => {
    const request = await newRequest('objection', 'marta.sala@example.it');
    const res = await post(`/api/requests/${request.id}/objection-decision`, {
      directMarketing: true,
      activityIds: [newsletter],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ outcome: 'processing_stopped', directMarketing: true, assessment: null });
    const sent = await ingest('leads', [lead('m-1', 'marta.sala@example.it'), lead('p-2', 'piero.verdi@example.it')]);
    expect(sent.body).toMatchObject({ created: 1, refusedAfterObjection: 1 });
    expect(
      Number((await sql(c, `SELECT count(*)::int AS n FROM leads WHERE email = 'marta.sala@example.it'`))[0].n),
    ).toBe(0);
    const outweighed = await newRequest('objection', 'marta.sala@example.it');
    const refused = await post(`/api/requests/${outweighed.id}/objection-decision`, {
      directMarketing: true,
      assessment: 'compelling_grounds',
      grounds: 'We would like to keep writing to her about our offers.',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toHaveProperty('assessment');
  });

  it('an objection refused on compelling grounds changes nothing and gives the Art. 21(1) statement', async () => {
    const request = await newRequest('objection', 'sara.fontana@example.it');
    const stopsBefore = Number((await sql(c, `SELECT count(*)::int AS n FROM processing_stops`))[0].n);
    const res = await post(`/api/requests/${request.id}/objection-decision`, {
      activityIds: [qualification],
      assessment: 'compelling_grounds',
      grounds: 'The source data of the form are the only evidence of a fraud attempt under investigation.',
    });
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe('objection_refused');
    expect(res.body.statement).toContain('compelling legitimate grounds');
    expect(res.body.statement).toContain('fraud attempt under investigation');
    expect(Number((await sql(c, `SELECT count(*)::int AS n FROM processing_stops`))[0].n)).toBe(stopsBefore);
    expect((await ingest('leads', lead('s-1', 'sara.fontana@example.it'))).body).toEqual(
      expect.not.objectContaining({ flaggedAfterStop: expect.anything() }),
    );
    expect((await events(request.id)).find((e) => e.kind === 'objection_decided')?.message).toContain('Article 21(1)');
  });

  it('a withdrawal flags the person’s new chat; their fresh grant lifts it', async () => {
    const email = 'walter.ricci@example.it';
    const request = await newRequest('consent_withdrawal', email);
    const res = await post(`/api/requests/${request.id}/withdraw`, { activityIds: [chatbot] });
    expect(res.status).toBe(200);
    expect(res.body.identifiersFlagged).toBe(1);
    const chat = { provider: 'anthropic', startedAt: '2026-11-20T10:00:00Z', visitorEmail: email };
    expect((await ingest('chat-conversations', { ...chat, externalId: 'w-chat-1' })).body).toMatchObject({
      created: 1,
      flaggedAfterStop: 1,
    });
    expect((await search(email)).body.processingStops).toEqual([
      expect.objectContaining({ reason: 'withdrawal', consentCategory: 'ai_chatbot', reference: request.reference }),
    ]);
    const grant = await ingest('consents', {
      externalId: 'w-grant',
      consentId: 'cons-walter-r',
      email,
      categories: { necessary: true, ai_chatbot: true },
      action: 'grant',
      policyVersion: '2026-05',
      recordedAt: '2026-11-21T09:00:00Z',
    });
    expect(grant.body).toMatchObject({ created: 1, withdrawalsLifted: 1 });
    expect((await events(request.id)).some((e) => e.kind === 'withdrawal_lifted')).toBe(true);
    expect((await search(email)).body.processingStops).toEqual([]);
    expect((await ingest('chat-conversations', { ...chat, externalId: 'w-chat-2' })).body).toEqual(
      expect.not.objectContaining({ flaggedAfterStop: expect.anything() }),
    );
  });

  it('refuses hostile input with a 4xx JSON error that changes nothing', async () => {
    const request = await newRequest('objection', 'ugo.conti@example.it');
    const before = await auditCount();
    const stops = async () => Number((await sql(c, `SELECT count(*)::int AS n FROM processing_stops`))[0].n);
    const stopsBefore = await stops();
    const cases: Array<[unknown, string]> = [
      [{ activityIds: ['00000000-0000-4000-8000-000000000000'], assessment: 'none' }, 'activityIds[0]'],
      [{ activityIds: [chatbot], assessment: 'none' }, 'activityIds[0]'],
      [{ activityIds: [qualification] }, 'assessment'],
      [{ activityIds: [qualification], assessment: 'compelling_grounds' }, 'grounds'],
      [{ activityIds: ['not-a-uuid'], assessment: 'none' }, 'activityIds'],
      [{ activityIds: [qualification], assessment: 'maybe' }, 'assessment'],
      [{ activityIds: [qualification], assessment: 'none', extra: 1 }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const res = await post(`/api/requests/${request.id}/objection-decision`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400 });
      expect(
        Object.keys(res.body.errors ?? {}).some((k) => k.startsWith(field)),
        JSON.stringify(res.body),
      ).toBe(true);
    }
    const erasure = await newRequest('erasure', 'ugo.conti@example.it');
    const wrongType = await post(`/api/requests/${erasure.id}/objection-decision`, {
      activityIds: [qualification],
      assessment: 'none',
    });
    expect(wrongType.status).toBe(409);
    expect(await stops()).toBe(stopsBefore);
    // Only the erasure request's own creation and verification were audited.
    expect(await auditCount()).toBe(before + 2);
  });
});
