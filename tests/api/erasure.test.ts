import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeGoogle } from '../support/fake-google';
import { sql, startTestConsole, type TestConsole } from '../support/test-console';
import { createApiKey, postBatch } from '../support/ingest';
import { recordRequest, type RequestSubject } from '../support/requests';
import { signInAs } from '../support/staff';
import {
  ERASURE_CHAT_GIULIA,
  ERASURE_CALENDAR_GIULIA,
  ERASURE_CALENDAR_MARIA,
  ERASURE_EVENT_GIULIA,
  ERASURE_EVENT_MARIA_CALLS_GIULIA,
  ERASURE_CONSENT_GIULIA,
  siteVisitsYesterday,
} from '../support/records';

describe('erasure, restriction, rectification, withdrawal', () => {
  let c: TestConsole;
  let token: string;
  let key: string;
  const google = fakeGoogle();

  const ingest = (source: string, body: unknown) => postBatch(c, key, source, body);
  const post = (path: string, body: unknown = {}) => c.api(path, { token, body });
  const newRequest = (type: string, subject: RequestSubject, verified = true) =>
    recordRequest(c, token, type, subject, { language: 'it', verified });
  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    Number((await sql(c, `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params))[0].n);
  const events = async (id: string) =>
    (
      await c.api(
        `/api/request-events?filter=${encodeURIComponent(JSON.stringify({ requestId: id }))}&sort=${encodeURIComponent('["at","ASC"]')}`,
        { token },
      )
    ).body as Array<{ kind: string; message: string | null; details: any }>;

  beforeAll(async () => {
    await new Promise<void>((resolve) => google.server.listen(0, '127.0.0.1', resolve));
    const { port } = google.server.address() as AddressInfo;
    c = await startTestConsole({ env: { GOOGLE_OAUTH_REVOKE_URL: `http://127.0.0.1:${port}/revoke` } });
    token = await c.login();
    key = await createApiKey(c, token);

    // Giulia is in every source; Maria (her colleague) shares an event with her and must stay whole.
    await ingest('leads', [
      {
        externalId: 'g-lead',
        firstName: 'Giulia',
        lastName: 'Bianchi',
        email: 'giulia.bianchi@example.it',
        phone: '347 123 4567',
        company: 'Bianchi Srl',
        message: 'Preventivo vetrina',
        submittedAt: '2026-10-02T10:00:00Z',
      },
      {
        externalId: 'm-lead',
        firstName: 'Maria',
        lastName: 'Rossi',
        email: 'maria.rossi@example.it',
        phone: '347 765 4321',
        submittedAt: '2026-10-03T10:00:00Z',
      },
    ]);
    await ingest('chat-conversations', ERASURE_CHAT_GIULIA);
    await ingest('calendar-connections', [ERASURE_CALENDAR_GIULIA, ERASURE_CALENDAR_MARIA]);
    await ingest('calendar-events', [ERASURE_EVENT_GIULIA, ERASURE_EVENT_MARIA_CALLS_GIULIA]);
    await ingest('consents', [
      ERASURE_CONSENT_GIULIA,
      {
        externalId: 'm-consent',
        consentId: 'cons-maria',
        email: 'maria.rossi@example.it',
        categories: { necessary: true },
        action: 'grant',
        policyVersion: '2026-05',
        recordedAt: '2026-10-01T09:00:00Z',
      },
    ]);
    await ingest('access-logs', siteVisitsYesterday());
  });
  afterAll(async () => {
    await c?.close();
    google.server.close();
  });

  describe('erasure', () => {
    let request: { id: string; reference: string };
    let preview: any;

    beforeAll(async () => {
      request = await newRequest('erasure', { name: 'Giulia Bianchi', email: 'giulia.bianchi@example.it' });
    });

    it('is refused with a reason: on another type of request, before the identity check, to auditors, with bad input', async () => {
      const access = await newRequest('access', { email: 'giulia.bianchi@example.it' });
      const wrongType = await post(`/api/requests/${access.id}/erase?dryRun=true`);
      expect(wrongType.status).toBe(409);
      expect(wrongType.body.message).toMatch(/is an access request; this action belongs to an erasure request/);
      const unverified = await newRequest('erasure', { email: 'giulia.bianchi@example.it' }, false);
      expect((await post(`/api/requests/${unverified.id}/erase?dryRun=true`)).body.message).toMatch(
        /Verify the subject's identity/,
      );

      const auditorToken = await signInAs(c, token, 'auditor');
      expect(
        (await c.api(`/api/requests/${request.id}/erase?dryRun=true`, { token: auditorToken, body: {} })).status,
      ).toBe(403);

      const badIp = await post(`/api/requests/${request.id}/erase`, { ips: ['203.0.113.7', 'not-an-ip'] });
      expect(badIp.status).toBe(400);
      expect(badIp.body.message).toMatch(/ips\[1\]/);
      expect((await post(`/api/requests/${request.id}/erase?dryRun=maybe`)).status).toBe(400);
      // Nothing started: no plan, no suppression entry.
      expect(await count('erasure_plans')).toBe(0);
      expect(await count('suppressed_identifiers')).toBe(0);
    });

    it('lists in a dry run exactly what would change, per source and record, and changes nothing', async () => {
      const before = await Promise.all(
        [
          'leads',
          'chat_messages',
          'calendar_connections',
          'calendar_events',
          'consent_records',
          'access_logs',
          'subject_identifiers',
        ].map((t) => count(t)),
      );
      const res = await post(`/api/requests/${request.id}/erase?dryRun=true`, { ips: ['203.0.113.7'] });
      expect(res.status).toBe(200);
      preview = res.body;
      const by = Object.fromEntries(preview.sources.map((s: any) => [s.source, s]));
      expect(by.leads).toMatchObject({
        total: 1,
        records: [{ action: 'delete', summary: expect.stringContaining('Giulia Bianchi') }],
      });
      expect(by['chat-conversations']).toMatchObject({
        total: 1,
        records: [{ action: 'mask', summary: expect.stringContaining('3 messages') }],
      });
      expect(by['calendar-connections']).toMatchObject({
        total: 1,
        records: [{ action: 'revoke_and_delete', summary: expect.stringContaining('giulia.bianchi@example.it') }],
      });
      expect(by['calendar-events'].records.map((r: any) => [r.action, r.summary.slice(13)]).sort()).toEqual([
        ['delete', 'Sopralluogo negozio'],
        ['remove_attendee', 'Call con Giulia Bianchi'],
      ]);
      expect(by.consents).toMatchObject({
        total: 1,
        records: [{ action: 'unlink', summary: expect.stringContaining('cons-giulia') }],
      });
      expect(by['access-logs']).toMatchObject({ total: 2 });
      expect(by['access-logs'].records.every((r: any) => r.summary.includes('203.0.113.7'))).toBe(true);
      const after = await Promise.all(
        [
          'leads',
          'chat_messages',
          'calendar_connections',
          'calendar_events',
          'consent_records',
          'access_logs',
          'subject_identifiers',
        ].map((t) => count(t)),
      );
      expect(after).toEqual(before);
      expect(await count('erasure_plans')).toBe(0);
      expect(await count('suppressed_identifiers')).toBe(0);
    });

    it('runs source by source; a revocation Google refuses is recorded, blocks closing, and a second run finishes only the rest', async () => {
      google.state.failures = 3; // every attempt of the first run
      const first = await post(`/api/requests/${request.id}/erase`, { ips: ['203.0.113.7'] });
      expect(first.status).toBe(200);
      expect(first.body.state).toBe('incomplete');
      // The run changed what the dry run listed, record for record.
      expect(
        first.body.sources.map((s: any) => [s.source, s.records.map((r: any) => [r.id, r.action]).sort()]),
      ).toEqual(preview.sources.map((s: any) => [s.source, s.records.map((r: any) => [r.id, r.action]).sort()]));
      const step = (body: any, source: string) => body.sources.find((s: any) => s.source === source);
      expect(step(first.body, 'calendar-connections')).toMatchObject({
        status: 'failed',
        error: expect.stringMatching(/Google refused the revocation .*503/),
      });
      expect(step(first.body, 'leads')).toMatchObject({ status: 'done', recordsAffected: 1 });
      expect(step(first.body, 'access-logs')).toMatchObject({ status: 'done', recordsAffected: 2 });
      expect(google.state.calls).toBe(3);
      // The connection and its token are still there, for the next attempt.
      expect(
        await count(
          'calendar_connections',
          `account_email = 'giulia.bianchi@example.it' AND refresh_token_encrypted IS NOT NULL`,
        ),
      ).toBe(1);

      const close = await post(`/api/requests/${request.id}/close`, { outcome: 'Erased' });
      expect(close.status).toBe(409);
      expect(close.body.message).toMatch(/not complete \(calendar-connections: Google refused/);

      const second = await post(`/api/requests/${request.id}/erase`);
      expect(second.body.state).toBe('complete');
      expect(google.state.tokens).toEqual(['1//GIULIA-REFRESH']);
      expect(step(second.body, 'calendar-connections')).toMatchObject({ status: 'done', recordsAffected: 1 });
      // Done before, untouched now: one attempt each.
      const status = (await c.api(`/api/requests/${request.id}/erasure`, { token })).body;
      expect(status.completedAt).toEqual(expect.any(String));
      expect(status.steps.find((s: any) => s.source === 'leads')).toMatchObject({ attempts: 1, recordsAffected: 1 });
      expect(status.steps.find((s: any) => s.source === 'calendar-connections')).toMatchObject({
        attempts: 2,
        status: 'done',
      });
      // Complete: a third run is refused and the plan that named the person is gone.
      expect((await post(`/api/requests/${request.id}/erase`)).status).toBe(409);
      expect(await count('erasure_plans', 'sealed IS NOT NULL')).toBe(0);
    });

    it('leaves what each strategy promises: deleted, masked, unlinked, revoked; the others untouched', async () => {
      expect(await count('leads', `email = 'giulia.bianchi@example.it'`)).toBe(0);
      expect(await count('leads', `email = 'maria.rossi@example.it'`)).toBe(1);
      const messages = await sql(c, `SELECT role, content FROM chat_messages ORDER BY sent_at`);
      expect(messages.map((m) => m.content)).toEqual([
        'Sono […] […], richiamatemi al […] o scrivete a […]',
        'Certo […], la richiameremo. Per urgenze: info@vimage.it',
        'Quanto costa una vetrina?',
      ]);
      expect(await count('chat_conversations', 'anonymised_at IS NOT NULL')).toBe(1);
      expect(await count('calendar_connections')).toBe(1); // Maria's
      const [event] = await sql(c, `SELECT title, attendees FROM calendar_events`);
      expect(event).toEqual({
        title: 'Call con […] […]',
        attendees: [{ email: 'maria.rossi@example.it', name: 'Maria Rossi' }],
      });
      const consents = await sql(c, `SELECT consent_id, email FROM consent_records ORDER BY consent_id`);
      expect(consents).toEqual([
        { consent_id: 'cons-giulia', email: null },
        { consent_id: 'cons-maria', email: 'maria.rossi@example.it' },
      ]);
      expect((await sql(c, `SELECT host(ip) AS ip FROM access_logs`)).map((r) => r.ip)).toEqual(['198.51.100.9']);
    });

    it('leaves the search nothing but the request, and a suppression list with nothing readable', async () => {
      for (const q of ['giulia.bianchi@example.it', '+39 347 123 4567', 'Giulia Bianchi']) {
        const res = await c.api(`/api/subjects/search?q=${encodeURIComponent(q)}`, { token });
        expect(res.status).toBe(200);
        expect(res.body.total).toBe(0);
        if (q !== 'Giulia Bianchi')
          expect(res.body.erased).toMatchObject({
            requestId: request.id,
            reference: request.reference,
            refusedCount: 0,
            // "Erased on <date>": the day the erasure completed (the console shows it, issue 23).
            completedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
          });
      }
      const byEmail = await c.api(`/api/subjects/search?q=giulia.bianchi@example.it`, { token });
      expect(byEmail.body.requests.map((r: any) => r.reference)).toContain(request.reference);
      expect((await c.api(`/api/subjects/search?q=maria.rossi@example.it`, { token })).body.erased).toBeNull();
      const rows = await sql(c, `SELECT kind, hash, request_id::text FROM suppressed_identifiers`);
      expect(rows.map((r) => r.kind).sort()).toEqual(['email', 'phone']);
      const dump = JSON.stringify(rows).toLowerCase();
      for (const plain of ['giulia', 'bianchi', '3471234567', '347 123 4567']) expect(dump).not.toContain(plain);
      const requests = await c.api(
        `/api/requests?filter=${encodeURIComponent(JSON.stringify({ q: 'giulia.bianchi@example.it' }))}`,
        { token },
      );
      expect(requests.body.some((r: any) => r.id === request.id)).toBe(true);
    });

    it('refuses the website sending the erased person again, and counts it; others still arrive', async () => {
      const res = await ingest('leads', [
        {
          externalId: 'g-again',
          firstName: 'Giulia',
          lastName: 'Bianchi',
          email: 'Giulia.Bianchi@example.it',
          submittedAt: new Date().toISOString(),
        },
        {
          externalId: 'g-phone',
          firstName: 'G.',
          email: 'other@example.org',
          phone: '+39 347 1234567',
          submittedAt: new Date().toISOString(),
        },
        { externalId: 'someone', firstName: 'Luca', email: 'luca@example.org', submittedAt: new Date().toISOString() },
      ]);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ received: 3, created: 1, suppressed: 2 });
      expect(await count('leads', `external_id IN ('g-again', 'g-phone')`)).toBe(0);
      const counts = await sql(c, `SELECT kind, refused_count FROM suppressed_identifiers ORDER BY kind`);
      expect(counts).toEqual([
        { kind: 'email', refused_count: 1 },
        { kind: 'phone', refused_count: 1 },
      ]);
    });

    it('puts every step on the timeline and in an intact audit chain, then lets the request close', async () => {
      const kinds = (await events(request.id)).map((e) => e.kind);
      expect(kinds).toEqual(
        expect.arrayContaining([
          'erasure_started',
          'erasure_source_done',
          'erasure_source_failed',
          'erasure_resumed',
          'erasure_completed',
        ]),
      );
      const audit = await c.api(
        `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ entityId: request.id }))}&range=[0,99]`,
        { token },
      );
      expect(audit.body.map((e: any) => e.action)).toEqual(
        expect.arrayContaining([
          'erasure.previewed',
          'erasure.started',
          'erasure.source_erased',
          'erasure.source_failed',
          'erasure.calendar_revoked',
          'erasure.completed',
        ]),
      );
      expect((await c.api('/api/audit/verify', { token })).body.valid).toBe(true);
      expect(
        (await post(`/api/requests/${request.id}/close`, { outcome: 'Erased; Art. 19 notices sent' })).status,
      ).toBe(200);
    });

    it('lists the recipients to notify under Art. 19, with a notice in the request language', async () => {
      const res = await c.api(`/api/requests/${request.id}/recipients`, { token });
      expect(res.status).toBe(200);
      const names = res.body.recipients.map((r: any) => r.name);
      expect(names).toEqual(
        expect.arrayContaining([
          'Aruba S.p.A.',
          'Serverplan S.r.l.',
          'Cloudflare, Inc.',
          'Anthropic, PBC',
          'Google LLC (Google Calendar)',
        ]),
      );
      // Her chat went to Anthropic only: the other AI providers received nothing of hers (Art. 19).
      expect(names).not.toContain('OpenAI, LLC');
      const anthropic = res.body.recipients.find((r: any) => r.name === 'Anthropic, PBC');
      expect(anthropic).toMatchObject({
        change: 'erasure',
        country: 'US',
        activities: ['Chatbot con intelligenza artificiale'],
      });
      expect(anthropic.notice).toMatch(/art\. 19 GDPR \(rif\. DSR-/);
      expect(anthropic.notice).toMatch(/cancellato i dati personali/);
    });
  });

  it('finishes after a source failed half-way, without touching what was done', async () => {
    await ingest('leads', {
      externalId: 'p-lead',
      firstName: 'Paolo',
      lastName: 'Greco',
      email: 'paolo.greco@example.it',
      submittedAt: '2026-10-02T10:00:00Z',
    });
    await ingest('consents', {
      externalId: 'p-consent',
      consentId: 'cons-paolo',
      email: 'paolo.greco@example.it',
      categories: { necessary: true },
      action: 'grant',
      policyVersion: '2026-05',
      recordedAt: '2026-10-01T09:00:00Z',
    });
    const request = await newRequest('erasure', { email: 'paolo.greco@example.it' });
    // The database refuses to delete leads, as a crash or a lock timeout would stop it.
    await sql(
      c,
      `CREATE FUNCTION refuse_lead_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated failure'; END $$`,
    );
    await sql(
      c,
      `CREATE TRIGGER refuse_lead_delete BEFORE DELETE ON leads FOR EACH ROW EXECUTE FUNCTION refuse_lead_delete()`,
    );
    try {
      const first = await post(`/api/requests/${request.id}/erase`);
      expect(first.body.state).toBe('incomplete');
      expect(first.body.sources.find((s: any) => s.source === 'leads')).toMatchObject({
        status: 'failed',
        error: expect.stringContaining('simulated failure'),
      });
      expect(first.body.sources.find((s: any) => s.source === 'consents')).toMatchObject({
        status: 'done',
        recordsAffected: 1,
      });
      expect(await count('leads', `email = 'paolo.greco@example.it'`)).toBe(1); // rolled back whole
    } finally {
      await sql(c, `DROP TRIGGER refuse_lead_delete ON leads`);
      await sql(c, `DROP FUNCTION refuse_lead_delete()`);
    }
    // The lead's index entry is gone with nothing else: the second run still knows what to erase.
    const second = await post(`/api/requests/${request.id}/erase`);
    expect(second.body.state).toBe('complete');
    expect(await count('leads', `email = 'paolo.greco@example.it'`)).toBe(0);
    const status = (await c.api(`/api/requests/${request.id}/erasure`, { token })).body.steps;
    expect(status.find((s: any) => s.source === 'consents')).toMatchObject({ attempts: 1, recordsAffected: 1 });
    expect(status.find((s: any) => s.source === 'leads')).toMatchObject({
      attempts: 2,
      recordsAffected: 1,
      status: 'done',
    });
  });

  it('erases what arrived while the erasure was starting (a batch committed just before the suppression list knew the person)', async () => {
    await ingest('leads', {
      externalId: 's-lead',
      firstName: 'Sara',
      lastName: 'Conti',
      email: 'sara.conti@example.it',
      submittedAt: '2026-10-02T10:00:00Z',
    });
    const request = await newRequest('erasure', { email: 'sara.conti@example.it' });
    // The database refuses to unlink consents: the run stops short of complete, with its plan fixed.
    await sql(
      c,
      `CREATE FUNCTION refuse_consent_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated failure'; END $$`,
    );
    await sql(
      c,
      `CREATE TRIGGER refuse_consent_update BEFORE UPDATE ON consent_records FOR EACH ROW EXECUTE FUNCTION refuse_consent_update()`,
    );
    await ingest('consents', {
      externalId: 's-consent',
      consentId: 'cons-sara',
      email: 'sara.conti@example.it',
      categories: { necessary: true },
      action: 'grant',
      policyVersion: '2026-05',
      recordedAt: '2026-10-01T09:00:00Z',
    });
    try {
      await post(`/api/requests/${request.id}/erase?dryRun=true`);
      expect((await post(`/api/requests/${request.id}/erase`)).body.state).toBe('incomplete');
    } finally {
      await sql(c, `DROP TRIGGER refuse_consent_update ON consent_records`);
      await sql(c, `DROP FUNCTION refuse_consent_update()`);
    }
    // A lead of hers lands after the plan was fixed, as an in-flight batch would (written past the gate).
    await sql(
      c,
      `INSERT INTO leads (external_id, first_name, email, phone, submitted_at) VALUES ('s-late', 'Sara', 'sara.conti@example.it', '+393351112233', now())`,
    );
    const [{ id }] = await sql(c, `SELECT id FROM leads WHERE external_id = 's-late'`);
    await sql(
      c,
      `INSERT INTO subject_identifiers (kind, value, source, record_id, field) VALUES ('email', 'sara.conti@example.it', 'leads', $1, 'email'), ('phone', '+393351112233', 'leads', $1, 'phone')`,
      [id],
    );

    const second = await post(`/api/requests/${request.id}/erase`);
    expect(second.body.state).toBe('complete');
    expect(await count('leads', `email = 'sara.conti@example.it'`)).toBe(0);
    expect(
      (await events(request.id)).some(
        (e) => e.kind === 'erasure_source_done' && e.details.source === 'leads' && e.details.late === true,
      ),
    ).toBe(true);
    // Its new phone is suppressed too.
    expect(
      (
        await ingest('leads', {
          email: 'someone.else@example.org',
          phone: '335 111 2233',
          submittedAt: new Date().toISOString(),
        })
      ).body,
    ).toMatchObject({ suppressed: 1 });
  });

  it('lets the officer waive a source Google keeps refusing, with a reason, and then close', async () => {
    await ingest('calendar-connections', {
      externalId: 'l-cal',
      accountEmail: 'lucia.ferri@example.it',
      refreshToken: '1//LUCIA',
      scopes: ['calendar'],
      connectedAt: '2026-10-06T08:00:00Z',
    });
    const request = await newRequest('erasure', { email: 'lucia.ferri@example.it' });
    google.state.failures = 3;
    expect((await post(`/api/requests/${request.id}/erase`)).body.state).toBe('incomplete');
    expect(
      (await post(`/api/requests/${request.id}/erasure/waive`, { source: 'leads', reason: 'nothing to waive here' }))
        .status,
    ).toBe(409);
    expect(
      (await post(`/api/requests/${request.id}/erasure/waive`, { source: 'calendar-connections', reason: 'short' }))
        .status,
    ).toBe(400);
    const waived = await post(`/api/requests/${request.id}/erasure/waive`, {
      source: 'calendar-connections',
      reason: 'Google answers 503 for days; the user revoked access from their Google account',
    });
    expect(waived.status).toBe(200);
    expect(
      (await post(`/api/requests/${request.id}/close`, { outcome: 'Erased, calendar revoked by the user' })).status,
    ).toBe(200);
  });

  describe('restriction', () => {
    it('flags every record of the person, flags new data as it arrives, and lifts', async () => {
      await ingest('leads', {
        externalId: 'r-lead',
        firstName: 'Rita',
        lastName: 'Longo',
        email: 'rita.longo@example.it',
        phone: '333 111 2222',
        submittedAt: '2026-10-02T10:00:00Z',
      });
      await ingest('consents', {
        externalId: 'r-consent',
        consentId: 'cons-rita',
        email: 'rita.longo@example.it',
        categories: { necessary: true },
        action: 'grant',
        policyVersion: '2026-05',
        recordedAt: '2026-10-01T09:00:00Z',
      });
      const request = await newRequest('restriction', { email: 'rita.longo@example.it' });
      const res = await post(`/api/requests/${request.id}/restrict`, {});
      expect(res.status).toBe(200);
      expect(res.body.restricted).toMatchObject({ leads: 1, consents: 1 });
      const leads = (
        await c.api(`/api/leads?filter=${encodeURIComponent(JSON.stringify({ email: 'rita.longo@example.it' }))}`, {
          token,
        })
      ).body;
      expect(leads[0]).toMatchObject({ restrictedAt: expect.any(String), restrictedByRequestId: request.id });

      // The website sends her again (by phone only): stored, flagged.
      const again = await ingest('leads', {
        externalId: 'r-lead-2',
        firstName: 'Rita',
        email: 'r.longo@example.org',
        phone: '+39 333 1112222',
        submittedAt: new Date().toISOString(),
      });
      expect(again.body).toMatchObject({ created: 1, restricted: 1 });
      expect(await count('leads', `external_id = 'r-lead-2' AND restricted_by_request_id = $1`, [request.id])).toBe(1);

      const toldAt = new Date().toISOString();
      expect(
        (await post(`/api/requests/${request.id}/lift-restriction`, { reason: 'x', subjectToldAt: toldAt })).status,
      ).toBe(400);
      const lifted = await post(`/api/requests/${request.id}/lift-restriction`, {
        reason: 'Accuracy verified; subject told on 2026-11-23',
        subjectToldAt: toldAt,
      });
      expect(lifted.status).toBe(200);
      expect(await count('leads', 'restricted_at IS NOT NULL')).toBe(0);
      const later = await ingest('leads', {
        externalId: 'r-lead-3',
        email: 'rita.longo@example.it',
        submittedAt: new Date().toISOString(),
      });
      expect(later.body).toMatchObject({ created: 1, restricted: 0 });
      expect(
        (
          await post(`/api/requests/${request.id}/lift-restriction`, {
            reason: 'Nothing left to lift here',
            subjectToldAt: toldAt,
          })
        ).status,
      ).toBe(409);
    });
  });

  describe('rectification', () => {
    it('corrects the records in place across sources; the index follows; before and after are on the timeline and in the audit log', async () => {
      await ingest('leads', {
        externalId: 'f-lead',
        firstName: 'Franca',
        lastName: 'Neri',
        email: 'franca.neri@example.it',
        company: 'Neri Snc',
        submittedAt: '2026-10-02T10:00:00Z',
      });
      await ingest('consents', {
        externalId: 'f-consent',
        consentId: 'cons-franca',
        email: 'franca.neri@example.it',
        categories: { necessary: true },
        action: 'grant',
        policyVersion: '2026-05',
        recordedAt: '2026-10-01T09:00:00Z',
      });
      const request = await newRequest('rectification', { email: 'franca.neri@example.it' });
      const bad = await post(`/api/requests/${request.id}/rectify`, { email: 'not an e-mail' });
      expect(bad.status).toBe(400);
      expect((await post(`/api/requests/${request.id}/rectify`, {})).status).toBe(400);
      expect((await post(`/api/requests/${request.id}/rectify`, { shoeSize: 42 })).status).toBe(400);
      expect(await count('leads', `email = 'franca.neri@example.it'`)).toBe(1);

      const res = await post(`/api/requests/${request.id}/rectify`, {
        lastName: 'Neri Galli',
        email: 'Franca.Galli@example.it',
        phone: '333 444 5555',
      });
      expect(res.status).toBe(200);
      expect(res.body.recordsChanged).toBe(2);
      const [lead] = await sql(c, `SELECT last_name, email, phone, company FROM leads WHERE external_id = 'f-lead'`);
      expect(lead).toEqual({
        last_name: 'Neri Galli',
        email: 'franca.galli@example.it',
        phone: '+393334445555',
        company: 'Neri Snc',
      });
      const found = await c.api(`/api/subjects/search?q=${encodeURIComponent('+39 333 444 5555')}`, { token });
      expect(found.body.sources.map((s: any) => s.source).sort()).toEqual(['consents', 'leads']);
      expect((await c.api(`/api/subjects/search?q=franca.neri@example.it`, { token })).body.total).toBe(0);

      const timeline = (await events(request.id)).find((e) => e.kind === 'rectified')!;
      expect(timeline.details.changes).toContainEqual({
        source: 'leads',
        recordId: expect.any(String),
        before: { lastName: 'Neri', email: 'franca.neri@example.it', phone: null },
        after: { lastName: 'Neri Galli', email: 'franca.galli@example.it', phone: '+393334445555' },
      });
      const audit = await c.api(
        `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ entityId: request.id, action: 'subject.rectified' }))}`,
        { token },
      );
      expect(audit.body[0].details.changes[0].before.lastName).toBe('Neri');
      const recipients = (await c.api(`/api/requests/${request.id}/recipients`, { token })).body.recipients;
      expect(recipients.map((r: any) => r.name)).toEqual(expect.arrayContaining(['Aruba S.p.A.', 'Serverplan S.r.l.']));
      expect(recipients[0].notice).toMatch(/rettificato/);
    });
  });

  describe('objection and withdrawal of consent', () => {
    it('records a withdrawal consent record and lists the processing that stops', async () => {
      await ingest('consents', {
        externalId: 'w-consent',
        consentId: 'cons-walter',
        email: 'walter.bruno@example.it',
        categories: { necessary: true, analytics: true, ai_chatbot: true, marketing: true },
        action: 'grant',
        policyVersion: '2026-05',
        recordedAt: '2026-10-01T09:00:00Z',
      });
      const request = await newRequest('consent_withdrawal', { email: 'walter.bruno@example.it' });
      expect((await post(`/api/requests/${request.id}/withdraw`, { activityIds: ['not-a-uuid'] })).status).toBe(400);
      const res = await post(`/api/requests/${request.id}/withdraw`, {});
      expect(res.status).toBe(200);
      expect(res.body.consentId).toBe('cons-walter');
      expect(res.body.categories).toMatchObject({ necessary: true, analytics: false, ai_chatbot: false });
      expect(res.body.effects.map((e: any) => e.activity)).toEqual(
        expect.arrayContaining(['AI chatbot', 'Contact form', 'Google Tag Manager and Google Analytics 4']),
      );
      const [latest] = await sql(
        c,
        `SELECT action, categories FROM consent_records WHERE consent_id = 'cons-walter' ORDER BY recorded_at DESC LIMIT 1`,
      );
      expect(latest).toMatchObject({
        action: 'withdraw',
        categories: { analytics: false, ai_chatbot: false, necessary: true },
      });
      expect(
        (await events(request.id)).some(
          (e) => e.kind === 'consent_withdrawn' && e.details.effects.length === res.body.effects.length,
        ),
      ).toBe(true);

      const objection = await newRequest('objection', { email: 'walter.bruno@example.it' });
      const objected = await post(`/api/requests/${objection.id}/withdraw`, {});
      expect(objected.body.effects.map((e: any) => e.legalBasis)).toEqual(
        expect.arrayContaining(['legitimate_interests']),
      );
      expect(objected.body.effects.every((e: any) => e.legalBasis === 'legitimate_interests')).toBe(true);
    });
  });
});
