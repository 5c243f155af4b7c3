import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, startTestConsole, type TestConsole } from '../support/test-console';
import { createApiKey, postBatch } from '../support/ingest';
import { recordRequest } from '../support/requests';

/**
 * "Stopping is real": a record ingestion stored flagged because the person objected (GDPR Art.
 * 21(1), Art. 21(2)-(3)) or withdrew consent (Art. 7(3)) says so wherever the officer reads it —
 * the source's list and record, the list's filter, and the dashboard's figures.
 */
describe('records stored under an objection or a withdrawal show the stop', () => {
  let c: TestConsole;
  let token: string;
  let key: string;
  let qualification: string;
  let chatbot: string;
  let objection: { id: string; reference: string };
  let withdrawal: { id: string; reference: string };
  const olga = 'olga.neri@example.it';
  const piero = 'piero.verdi@example.it';
  const walter = 'walter.ricci@example.it';

  const ingest = (source: string, body: unknown) => postBatch(c, key, source, body);
  const get = (path: string) => c.api(path, { token });
  const post = (path: string, body: unknown = {}) => c.api(path, { token, body });
  const lead = (externalId: string, email: string) => ({
    externalId,
    firstName: 'Test',
    email,
    submittedAt: '2026-11-02T10:00:00Z',
  });
  const newRequest = (type: string, email: string) => recordRequest(c, token, type, { email }, { verified: true });
  const leadOf = async (email: string, externalId: string) => {
    const list = await get(`/api/leads?filter=${encodeURIComponent(JSON.stringify({ q: email }))}`);
    expect(list.status).toBe(200);
    return (list.body as Array<{ id: string; externalId: string; processingStops: unknown[] }>).find(
      (l) => l.externalId === externalId,
    )!;
  };
  const filtered = async (filter: Record<string, unknown>) =>
    get(`/api/leads?filter=${encodeURIComponent(JSON.stringify(filter))}&range=[0,99]`);

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
    key = await createApiKey(c, token);
    const res = await post('/api/activities', {
      name: 'Contact qualification',
      purposes: 'Qualifying the contact-form leads',
      legalBasis: 'legitimate_interests',
      sourceSystem: 'leads',
    });
    expect(res.status).toBe(201);
    qualification = res.body.id;
    chatbot = (await sql(c, `SELECT id FROM activities WHERE name = 'AI chatbot'`))[0].id as string;

    // Before any stop: a lead of each person, stored without a flag.
    expect((await ingest('leads', [lead('before-olga', olga), lead('before-piero', piero)])).status).toBe(200);
    objection = await newRequest('objection', olga);
    const decided = await post(`/api/requests/${objection.id}/objection-decision`, {
      activityIds: [qualification],
      assessment: 'none',
    });
    expect(decided.status).toBe(200);
    expect((await ingest('leads', [lead('after-olga', olga), lead('after-piero', piero)])).body).toMatchObject({
      created: 2,
      flaggedAfterStop: 1,
    });
  });
  afterAll(() => c?.close());

  it('Art. 21(1): the lead stored after the objection shows the stop, with its request; the earlier one and another person’s show nothing', async () => {
    const flagged = await leadOf(olga, 'after-olga');
    expect(flagged.processingStops).toEqual([
      {
        reason: 'objection',
        activity: 'Contact qualification',
        requestId: objection.id,
        reference: objection.reference,
        since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        flaggedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        liftedAt: null,
      },
    ]);
    // Stored before the stop: not flagged (the objection is not retroactive at ingestion).
    expect((await leadOf(olga, 'before-olga')).processingStops).toEqual([]);
    expect((await leadOf(piero, 'after-piero')).processingStops).toEqual([]);
    expect((await leadOf(piero, 'before-piero')).processingStops).toEqual([]);

    const one = await get(`/api/leads/${flagged.id}`);
    expect(one.status).toBe(200);
    expect(one.body.processingStops).toEqual(flagged.processingStops);
    const other = await get(`/api/leads/${(await leadOf(piero, 'after-piero')).id}`);
    expect(other.body.processingStops).toEqual([]);
  });

  it('the lists filter on records stored under a stop, and the read stays audited with its filter', async () => {
    const only = await filtered({ storedUnderStop: true });
    expect(only.status).toBe(200);
    expect((only.body as Array<{ externalId: string }>).map((l) => l.externalId)).toEqual(['after-olga']);
    expect(only.headers.get('content-range')).toBe('leads 0-0/1');
    const none = await filtered({ storedUnderStop: false });
    expect((none.body as Array<{ externalId: string }>).map((l) => l.externalId).sort()).toEqual([
      'after-piero',
      'before-olga',
      'before-piero',
    ]);
    // With the search too: both conditions hold.
    const searched = await filtered({ storedUnderStop: true, q: piero });
    expect(searched.body).toEqual([]);
    const [audit] = await sql(
      c,
      `SELECT details FROM audit_events WHERE action = 'records.listed' AND entity = 'leads' ORDER BY id DESC LIMIT 1`,
    );
    expect(JSON.parse(audit.details.filter as string)).toEqual({ storedUnderStop: true, q: piero });
  });

  it('a bad storedUnderStop is a 400 JSON error naming the filter', async () => {
    for (const value of ['yes', 1, null]) {
      const res = await filtered({ storedUnderStop: value });
      expect(res.status, String(value)).toBe(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        errors: { filter: expect.stringContaining('storedUnderStop') },
      });
    }
  });

  it('Art. 7(3): a chat stored after a withdrawal shows it; the person’s fresh consent lifts it and the record says since when', async () => {
    withdrawal = await newRequest('consent_withdrawal', walter);
    expect((await post(`/api/requests/${withdrawal.id}/withdraw`, { activityIds: [chatbot] })).status).toBe(200);
    const chat = { provider: 'anthropic', startedAt: '2026-11-20T10:00:00Z' };
    expect(
      (
        await ingest('chat-conversations', [
          { ...chat, externalId: 'w-chat', visitorEmail: walter },
          { ...chat, externalId: 'p-chat', visitorEmail: piero },
        ])
      ).body,
    ).toMatchObject({ created: 2, flaggedAfterStop: 1 });
    const list = await get(
      `/api/chat-conversations?filter=${encodeURIComponent(JSON.stringify({ storedUnderStop: true }))}`,
    );
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    const [walterChat] = list.body as Array<{ id: string; visitorEmail: string; processingStops: any[] }>;
    expect(walterChat.visitorEmail).toBe(walter);
    expect(walterChat.processingStops).toEqual([
      expect.objectContaining({
        reason: 'withdrawal',
        activity: 'AI chatbot',
        reference: withdrawal.reference,
        liftedAt: null,
      }),
    ]);
    const others = (
      await get(`/api/chat-conversations?filter=${encodeURIComponent(JSON.stringify({ storedUnderStop: false }))}`)
    ).body as Array<{ id: string; externalId: string; processingStops: unknown[] }>;
    const pieroChat = others.find((x) => x.externalId === 'p-chat')!;
    expect(pieroChat.processingStops).toEqual([]);
    expect((await get(`/api/chat-conversations/${pieroChat.id}`)).body.processingStops).toEqual([]);

    const before = (await get('/api/requests/stats')).body.processingStops;
    expect(before).toEqual({
      inForce: 2,
      requests: 2,
      flaggedRecords: 2,
      flaggedBySource: { 'chat-conversations': 1, leads: 1 },
    });

    const grant = await ingest('consents', {
      externalId: 'w-grant',
      consentId: 'cons-walter-r',
      email: walter,
      categories: { necessary: true, ai_chatbot: true },
      action: 'grant',
      policyVersion: '2026-05',
      recordedAt: '2026-11-21T09:00:00Z',
    });
    expect(grant.body).toMatchObject({ withdrawalsLifted: 1 });
    const after = await get(`/api/chat-conversations/${walterChat.id}`);
    // Stored while the withdrawal was in force: it stays flagged, and says when it was lifted.
    expect(after.body.processingStops).toEqual([
      expect.objectContaining({ reason: 'withdrawal', liftedAt: expect.stringMatching(/^\d{4}-/) }),
    ]);
    expect((await get('/api/requests/stats')).body.processingStops).toEqual({
      inForce: 1,
      requests: 1,
      flaggedRecords: 2,
      flaggedBySource: { 'chat-conversations': 1, leads: 1 },
    });
  });

  it('Art. 21(3): an objection to all direct marketing flags every new record of the person, whatever the source', async () => {
    const marta = 'marta.sala@example.it';
    const request = await newRequest('objection', marta);
    expect((await post(`/api/requests/${request.id}/objection-decision`, { directMarketing: true })).status).toBe(200);
    expect((await ingest('leads', [lead('m-1', marta), lead('p-3', piero)])).body).toMatchObject({
      created: 2,
      flaggedAfterStop: 1,
    });
    expect((await leadOf(marta, 'm-1')).processingStops).toEqual([
      expect.objectContaining({ reason: 'direct_marketing', activity: null, reference: request.reference }),
    ]);
    expect((await leadOf(piero, 'p-3')).processingStops).toEqual([]);
  });
});
