import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeGoogle } from '../support/fake-google';
import { createApiKey, ingestAccepted } from '../support/ingest';
import { sql, startTestConsole, type TestConsole } from '../support/test-console';

/**
 * One count of an erasure (Art. 17 GDPR; issue 23): the preview, the run's answer, the timeline,
 * the steps and the database say the same number of records per source, and per kind (erased,
 * masked, kept under a legal hold (Art. 17(3)), waived). Chiara Neri is in every source, twice in
 * the consents (the banner's update carries only her consent id); Marco Conti's lead and calendar
 * name her; Chiara Nerini, with a similar name and address, must be untouched and uncounted.
 */
describe('erasure counts (Art. 17): preview, result, timeline and database agree on every source', () => {
  let c: TestConsole;
  let token: string;
  let request: { id: string; reference: string };
  let preview: any;
  let result: any;
  let nerini: unknown[];
  const google = fakeGoogle();
  const post = (path: string, body: unknown = {}) => c.api(path, { token, body });
  const one = async (text: string, params: unknown[] = []) => (await sql(c, text, params))[0];
  const n = async (text: string, params: unknown[] = []) => Number((await one(text, params)).n);
  const bySource = (report: any) => Object.fromEntries(report.sources.map((s: any) => [s.source, s]));
  const SOURCES = [
    'leads',
    'chat-conversations',
    'calendar-connections',
    'calendar-events',
    'consents',
    'access-logs',
  ] as const;
  /** Everything the console holds of Chiara Nerini, as the database has it. */
  const neriniRows = async () =>
    Promise.all([
      sql(c, `SELECT * FROM leads WHERE email = 'chiara.nerini@example.it'`),
      sql(
        c,
        `SELECT m.id, m.content FROM chat_messages m JOIN chat_conversations cc ON cc.id = m.conversation_id
         WHERE cc.external_id = 'nerini-chat' ORDER BY m.sent_at`,
      ),
      sql(c, `SELECT id, anonymised_at, visitor_email FROM chat_conversations WHERE external_id = 'nerini-chat'`),
      sql(
        c,
        `SELECT id, account_email, refresh_token_encrypted FROM calendar_connections WHERE external_id = 'nerini-cal'`,
      ),
      sql(c, `SELECT id, title, description, attendees FROM calendar_events WHERE external_id = 'nerini-ev'`),
      sql(c, `SELECT * FROM consent_records WHERE consent_id = 'cons-nerini'`),
      sql(c, `SELECT id, host(ip) AS ip FROM access_logs WHERE ip = '198.51.100.44'`),
      sql(
        c,
        `SELECT kind, value, source, record_id, role FROM subject_identifiers WHERE value LIKE '%nerini%' ORDER BY 1, 2, 3, 4`,
      ),
    ]);

  beforeAll(async () => {
    await new Promise<void>((resolve) => google.server.listen(0, '127.0.0.1', resolve));
    const { port } = google.server.address() as AddressInfo;
    c = await startTestConsole({ env: { GOOGLE_OAUTH_REVOKE_URL: `http://127.0.0.1:${port}/revoke` } });
    token = await c.login();
    const key = await createApiKey(c, token);
    const ingest = (source: string, body: unknown) => ingestAccepted(c, key, source, body);
    const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

    await ingest('leads', [
      {
        externalId: 'chiara-lead',
        firstName: 'Chiara',
        lastName: 'Neri',
        email: 'chiara.neri@example.it',
        message: 'Preventivo insegna',
        submittedAt: ago(30),
      },
      {
        externalId: 'conti-lead',
        firstName: 'Marco',
        lastName: 'Conti',
        email: 'marco.conti@example.it',
        message: 'Vorrei un preventivo; in copia la mia collega chiara.neri@example.it',
        submittedAt: ago(29),
      },
      {
        externalId: 'nerini-lead',
        firstName: 'Chiara',
        lastName: 'Nerini',
        email: 'chiara.nerini@example.it',
        message: 'Preventivo vetrina',
        submittedAt: ago(28),
      },
    ]);
    await ingest('chat-conversations', [
      {
        externalId: 'chiara-chat',
        provider: 'anthropic',
        startedAt: ago(27),
        messages: [
          { role: 'user', content: 'Sono Chiara Neri, scrivetemi a chiara.neri@example.it', sentAt: ago(27) },
          { role: 'assistant', content: 'Certo Chiara, le scriveremo.', sentAt: ago(27) },
          { role: 'user', content: 'Grazie', sentAt: ago(27) },
        ],
      },
      {
        externalId: 'nerini-chat',
        provider: 'anthropic',
        startedAt: ago(26),
        messages: [
          { role: 'user', content: 'Sono Chiara Nerini, scrivetemi a chiara.nerini@example.it', sentAt: ago(26) },
        ],
      },
    ]);
    await ingest('calendar-connections', [
      {
        externalId: 'chiara-cal',
        accountEmail: 'chiara.neri@example.it',
        refreshToken: '1//CHIARA',
        scopes: ['calendar'],
        connectedAt: ago(25),
      },
      {
        externalId: 'conti-cal',
        accountEmail: 'marco.conti@example.it',
        refreshToken: '1//CONTI',
        scopes: ['calendar'],
        connectedAt: ago(25),
      },
      {
        externalId: 'nerini-cal',
        accountEmail: 'chiara.nerini@example.it',
        refreshToken: '1//NERINI',
        scopes: ['calendar'],
        connectedAt: ago(25),
      },
    ]);
    await ingest('calendar-events', [
      {
        externalId: 'chiara-ev',
        connectionExternalId: 'chiara-cal',
        origin: 'manual',
        title: 'Dentista',
        startsAt: ago(20),
        endsAt: ago(20),
      },
      {
        externalId: 'conti-ev',
        connectionExternalId: 'conti-cal',
        origin: 'manual',
        title: 'Call con Chiara Neri',
        attendees: [
          { email: 'chiara.neri@example.it', name: 'Chiara Neri' },
          { email: 'marco.conti@example.it', name: 'Marco Conti' },
        ],
        startsAt: ago(19),
        endsAt: ago(19),
      },
      {
        externalId: 'nerini-ev',
        connectionExternalId: 'nerini-cal',
        origin: 'manual',
        title: 'Sopralluogo',
        attendees: [{ email: 'chiara.nerini@example.it', name: 'Chiara Nerini' }],
        startsAt: ago(18),
        endsAt: ago(18),
      },
    ]);
    const consent = { categories: { necessary: true, analytics: true }, policyVersion: '2026-05' };
    await ingest('consents', [
      {
        ...consent,
        externalId: 'chiara-grant',
        consentId: 'cons-chiara',
        email: 'chiara.neri@example.it',
        action: 'grant',
        recordedAt: ago(40),
      },
      // The banner's later update: only the consent id, no e-mail (found through it, hers all the same).
      { ...consent, externalId: 'chiara-update', consentId: 'cons-chiara', action: 'update', recordedAt: ago(35) },
      {
        ...consent,
        externalId: 'nerini-grant',
        consentId: 'cons-nerini',
        email: 'chiara.nerini@example.it',
        action: 'grant',
        recordedAt: ago(40),
      },
    ]);
    await ingest('access-logs', [
      { ip: '203.0.113.20', path: '/contatti', method: 'GET', status: 200, at: ago(2) },
      { ip: '203.0.113.20', path: '/contatti', method: 'POST', status: 201, at: ago(2) },
      { ip: '198.51.100.44', path: '/', method: 'GET', status: 200, at: ago(2) },
    ]);

    const created = await post('/api/requests', {
      type: 'erasure',
      channel: 'email',
      language: 'it',
      receivedAt: new Date().toISOString(),
      subjectName: 'Chiara Neri',
      subjectEmail: 'chiara.neri@example.it',
    });
    request = created.body;
    expect((await post(`/api/requests/${request.id}/verify`, { method: 'email_from_known_address' })).status).toBe(200);
    // Her lead is kept for a legal claim (Art. 17(3)(e)).
    const lead = await one(`SELECT id::text AS id FROM leads WHERE external_id = 'chiara-lead'`);
    const hold = await post(`/api/requests/${request.id}/holds`, {
      source: 'leads',
      recordId: lead.id,
      ground: 'legal_claims',
      reason: 'Contestazione del preventivo: diffida ricevuta',
      reviewAt: new Date(Date.now() + 180 * 86_400_000).toISOString(),
    });
    expect(hold.status, JSON.stringify(hold.body)).toBe(201);
    nerini = await neriniRows();
  });
  afterAll(async () => {
    await c?.close();
    google.server.close();
  });

  it('previews per source and per kind: erased, masked, kept under a hold', async () => {
    const res = await post(`/api/requests/${request.id}/erase?dryRun=true`, { ips: ['203.0.113.20'] });
    expect(res.status).toBe(200);
    preview = res.body;
    const by = bySource(preview);
    const counts = Object.fromEntries(SOURCES.map((s) => [s, [by[s].total, by[s].counts]]));
    expect(counts).toEqual({
      leads: [1, { erased: 0, masked: 1, kept: 1, waived: 0 }], // Conti's lead names her; hers is held
      'chat-conversations': [1, { erased: 0, masked: 1, kept: 0, waived: 0 }],
      'calendar-connections': [1, { erased: 1, masked: 0, kept: 0, waived: 0 }],
      'calendar-events': [2, { erased: 1, masked: 1, kept: 0, waived: 0 }],
      consents: [2, { erased: 0, masked: 2, kept: 0, waived: 0 }],
      'access-logs': [2, { erased: 2, masked: 0, kept: 0, waived: 0 }],
    });
    expect(preview.counts).toEqual({ erased: 4, masked: 5, kept: 1, waived: 0 });
    // Nothing of Chiara Nerini is planned.
    expect(JSON.stringify(preview)).not.toMatch(/nerini/i);
  });

  it('runs, Google refuses, the officer waives the calendar: the result counts what the preview said', async () => {
    google.state.failures = 100;
    const first = await post(`/api/requests/${request.id}/erase`, { ips: ['203.0.113.20'] });
    expect(first.status).toBe(200);
    expect(first.body.state).toBe('incomplete');
    const waived = await post(`/api/requests/${request.id}/erasure/waive`, {
      source: 'calendar-connections',
      reason: 'Google answers 503 for days; she revoked access from her Google account',
    });
    expect(waived.status).toBe(200);
    const status = (await c.api(`/api/requests/${request.id}/erasure`, { token })).body;
    expect(status.completedAt).toEqual(expect.any(String));
    result = first.body;
    const by = bySource(result);
    const previewBy = bySource(preview);
    for (const source of SOURCES) {
      const step = status.steps.find((s: any) => s.source === source);
      const planned = previewBy[source].counts;
      if (source === 'calendar-connections') {
        expect(step).toMatchObject({ status: 'waived', recordsAffected: 0, erased: 0, masked: 0 });
        continue;
      }
      // The run's answer, the stored step and the preview: one count, per kind.
      expect(by[source].recordsAffected, source).toBe(previewBy[source].total);
      expect(by[source].counts, source).toEqual(planned);
      expect([step.recordsAffected, step.erased, step.masked], source).toEqual([
        planned.erased + planned.masked,
        planned.erased,
        planned.masked,
      ]);
    }
  });

  it('says the same on the timeline: started with the preview totals, completed with the steps, the waiver named', async () => {
    const events = (
      await c.api(
        `/api/request-events?filter=${encodeURIComponent(JSON.stringify({ requestId: request.id }))}&sort=${encodeURIComponent('["at","ASC"]')}`,
        { token },
      )
    ).body as Array<{ kind: string; details: any }>;
    const started = events.find((e) => e.kind === 'erasure_started')!;
    expect(started.details.records).toEqual(Object.fromEntries(preview.sources.map((s: any) => [s.source, s.total])));
    expect(started.details.kept).toEqual({ leads: 1 });
    const done = events.filter((e) => e.kind === 'erasure_source_done');
    for (const source of SOURCES.filter((s) => s !== 'calendar-connections'))
      expect(
        done.filter((e) => e.details.source === source).reduce((sum, e) => sum + e.details.recordsAffected, 0),
        source,
      ).toBe(bySource(preview)[source].total);
    const completed = events.find((e) => e.kind === 'erasure_completed')!;
    expect(completed.details).toMatchObject({
      erased: preview.counts.erased - 1, // the calendar connection was waived
      masked: preview.counts.masked,
      waived: ['calendar-connections'],
    });
  });

  it('shows in the database exactly what was counted, source by source', async () => {
    // leads: hers kept whole (the hold), Conti's masked, nothing else changed.
    expect(await one(`SELECT email, message FROM leads WHERE external_id = 'chiara-lead'`)).toEqual({
      email: 'chiara.neri@example.it',
      message: 'Preventivo insegna',
    });
    expect(await one(`SELECT email, message FROM leads WHERE external_id = 'conti-lead'`)).toEqual({
      email: 'marco.conti@example.it',
      message: 'Vorrei un preventivo; in copia la mia collega […]',
    });
    // chat: one conversation anonymised, its messages without her; chat messages of no one else masked.
    expect(await n(`SELECT count(*)::int AS n FROM chat_conversations WHERE anonymised_at IS NOT NULL`)).toBe(1);
    expect(
      (
        await sql(
          c,
          `SELECT m.content FROM chat_messages m JOIN chat_conversations cc ON cc.id = m.conversation_id
           WHERE cc.external_id = 'chiara-chat' ORDER BY m.content`,
        )
      ).map((r) => r.content),
    ).toEqual(['Certo […], le scriveremo.', 'Grazie', 'Sono […] […], scrivetemi a […]']);
    // calendar: her connection still there (waived, token kept), her event gone, Conti's without her.
    expect(await n(`SELECT count(*)::int AS n FROM calendar_connections WHERE external_id = 'chiara-cal'`)).toBe(1);
    expect(await n(`SELECT count(*)::int AS n FROM calendar_events WHERE external_id = 'chiara-ev'`)).toBe(0);
    expect(await one(`SELECT title, attendees FROM calendar_events WHERE external_id = 'conti-ev'`)).toEqual({
      title: 'Call con […] […]',
      attendees: [{ email: 'marco.conti@example.it', name: 'Marco Conti' }],
    });
    // consents: both of her rows unlinked (the count said 2), Nerini's untouched.
    expect(
      await n(`SELECT count(*)::int AS n FROM consent_records WHERE consent_id = 'cons-chiara' AND email IS NULL`),
    ).toBe(bySource(result).consents.counts.masked);
    expect(await n(`SELECT count(*)::int AS n FROM consent_records WHERE email = 'chiara.neri@example.it'`)).toBe(0);
    // access logs: her two lines gone, the other one left.
    expect(await n(`SELECT count(*)::int AS n FROM access_logs WHERE ip = '203.0.113.20'`)).toBe(0);
    expect(bySource(result)['access-logs'].counts.erased).toBe(2);
  });

  it('leaves Chiara Nerini, with a similar name and address, exactly as she was', async () => {
    expect(await neriniRows()).toEqual(nerini);
    expect((nerini as unknown[][]).every((rows) => rows.length > 0)).toBe(true);
    const search = await c.api(`/api/subjects/search?q=chiara.nerini@example.it`, { token });
    expect(search.body.erased).toBeNull();
    expect(search.body.total).toBeGreaterThanOrEqual(6);
  });
});
