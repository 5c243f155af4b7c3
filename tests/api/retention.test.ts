import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SWEEP_LOCK } from '../../api/src/retention/retention.service';
import { dropTestDatabase, sql, startTestConsole, type TestConsole } from '../support/test-console';
import { createApiKey, ingestAccepted } from '../support/ingest';
import { signInAs } from '../support/staff';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

/**
 * The retention report and sweep, end to end, on a database holding records on both sides of
 * each policy's period: expired ones, recent ones, and expired ones of a person whose data is
 * restricted (Art. 18), which no sweep may touch. Batches of 100, so that a sweep of a few
 * thousand lines takes several transactions.
 */
describe('retention: report and sweep', () => {
  let c: TestConsole;
  let token: string;
  let auditorToken: string;
  let key: string;

  const ingest = (source: string, body: unknown) => ingestAccepted(c, key, source, body);
  const post = (path: string, body: unknown = {}, as = token) => c.api(path, { token: as, body });
  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    Number((await sql(c, `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params))[0].n);
  const report = async () => {
    const res = await c.api('/api/retention/report', { token });
    expect(res.status).toBe(200);
    return res.body as { generatedAt: string; entries: any[]; schedule: any; lastSweep: any };
  };
  const entry = (r: { entries: any[] }, key: string) => r.entries.find((e) => e.policyKey === key);
  const result = (sweep: { results: any[] }, key: string) => sweep.results.find((r: any) => r.policyKey === key);
  const snapshot = async () => ({
    leads: await count('leads'),
    conversations: await count('chat_conversations'),
    messages: await count('chat_messages'),
    consents: await count('consent_records'),
    consentEmails: await count('consent_records', 'email IS NOT NULL'),
    logs: await count('access_logs'),
    index: await count('subject_identifiers'),
  });

  let expiredLeadIds: string[] = [];
  let expiredMessageIds: string[] = [];
  let dryRun: any;

  beforeAll(async () => {
    c = await startTestConsole({ env: { RETENTION_SWEEP_BATCH: '100' } });
    token = await c.login();
    key = await createApiKey(c, token);
    auditorToken = await signInAs(c, token, 'auditor');

    // Leads: 24 months. Three expired, one recent; Rita's expired lead is restricted below.
    await ingest('leads', [
      {
        externalId: 'old-1',
        firstName: 'Anna',
        lastName: 'Verdi',
        email: 'anna.verdi@example.it',
        phone: '347 000 0001',
        message: 'Scrivetemi a anna.verdi@example.it',
        submittedAt: ago(1000),
      },
      {
        externalId: 'old-2',
        firstName: 'Bruno',
        lastName: 'Neri',
        email: 'bruno.neri@example.it',
        submittedAt: ago(800),
      },
      {
        externalId: 'old-3',
        firstName: 'Carla',
        lastName: 'Gialli',
        email: 'carla.gialli@example.it',
        phone: '347 000 0003',
        submittedAt: ago(740),
      },
      {
        externalId: 'rita-old',
        firstName: 'Rita',
        lastName: 'Longo',
        email: 'rita.longo@example.it',
        submittedAt: ago(900),
      },
      { externalId: 'new-1', firstName: 'Dario', lastName: 'Blu', email: 'dario.blu@example.it', submittedAt: ago(30) },
    ]);
    // Chat: 12 months from the last message. One idle for two years; one started 14 months
    // ago but written to last month (kept); one recent.
    await ingest('chat-conversations', [
      {
        externalId: 'chat-old',
        provider: 'anthropic',
        startedAt: ago(700),
        messages: [
          { role: 'user', content: 'Richiamatemi al 347 000 0001', sentAt: ago(700) },
          { role: 'assistant', content: 'Certo, la richiameremo.', sentAt: ago(700) },
        ],
      },
      {
        externalId: 'chat-revived',
        provider: 'openai',
        startedAt: ago(420),
        messages: [{ role: 'user', content: 'Buongiorno', sentAt: ago(420) }],
      },
      {
        externalId: 'chat-new',
        provider: 'gemini',
        startedAt: ago(10),
        messages: [{ role: 'user', content: 'Prezzi?', sentAt: ago(10) }],
      },
    ]);
    await ingest('chat-messages', {
      conversationExternalId: 'chat-revived',
      role: 'user',
      content: 'Ci sono ancora?',
      sentAt: ago(30),
    });
    // Consents: valid 12 months from the choice. Two lapsed (one of them Rita's), one valid.
    const choice = { categories: { necessary: true }, action: 'grant', policyVersion: '2026-06-11' };
    await ingest('consents', [
      { externalId: 'cons-old', consentId: 'cid-old', email: 'anna.verdi@example.it', recordedAt: ago(500), ...choice },
      {
        externalId: 'cons-rita',
        consentId: 'cid-rita',
        email: 'rita.longo@example.it',
        recordedAt: ago(450),
        ...choice,
      },
      { externalId: 'cons-new', consentId: 'cid-new', recordedAt: ago(20), ...choice },
    ]);
    // Access logs: 30 days. Five expired, two recent, one expired of Rita's address.
    await ingest('access-logs', [
      ...[31, 40, 60, 90, 365].map((d, i) => ({
        ip: `198.51.100.${i + 1}`,
        userAgent: 'Mozilla/5.0',
        path: '/',
        method: 'GET',
        status: 200,
        at: ago(d),
      })),
      { ip: '198.51.100.20', userAgent: 'Mozilla/5.0', path: '/contatti', method: 'GET', status: 200, at: ago(1) },
      { ip: '198.51.100.21', userAgent: 'Mozilla/5.0', path: '/contatti', method: 'GET', status: 200, at: ago(29) },
      { ip: '203.0.113.9', userAgent: 'Mozilla/5.0', path: '/privacy', method: 'GET', status: 200, at: ago(45) },
    ]);
    // A calendar connection: the policy states no period for it.
    await ingest('calendar-connections', {
      externalId: 'cal-1',
      accountEmail: 'dario.blu@example.it',
      scopes: ['calendar'],
      connectedAt: ago(800),
    });

    // Rita asked for restriction (Art. 18): her records are kept whatever their age.
    const request = await post('/api/requests', {
      type: 'restriction',
      channel: 'email',
      receivedAt: new Date().toISOString(),
      subjectName: 'Rita Longo',
      subjectEmail: 'rita.longo@example.it',
    });
    expect(request.status).toBe(201);
    expect((await post(`/api/requests/${request.body.id}/verify`, { method: 'email_from_known_address' })).status).toBe(
      200,
    );
    const restricted = await post(`/api/requests/${request.body.id}/restrict`, { ips: ['203.0.113.9'] });
    expect(restricted.status, JSON.stringify(restricted.body)).toBe(200);
    expect(await count('leads', 'restricted_at IS NOT NULL')).toBe(1);
    expect(await count('access_logs', 'restricted_at IS NOT NULL')).toBe(1);

    expiredLeadIds = (
      await sql(c, `SELECT id::text AS id FROM leads WHERE external_id IN ('old-1', 'old-2', 'old-3')`)
    ).map((r) => r.id);
    expiredMessageIds = (
      await sql(
        c,
        `SELECT m.id::text AS id FROM chat_messages m JOIN chat_conversations c ON c.id = m.conversation_id WHERE c.external_id = 'chat-old'`,
      )
    ).map((r) => r.id);
    expect(
      await count('subject_identifiers', `source = 'leads' AND record_id = ANY($1)`, [expiredLeadIds]),
    ).toBeGreaterThan(0);
    expect(
      await count('subject_identifiers', `source = 'chat-messages' AND record_id = ANY($1)`, [expiredMessageIds]),
    ).toBeGreaterThan(0);
  });
  afterAll(() => c?.close());

  it('reports, per policy, the records past retention, the oldest, and the restricted ones kept, oldest first (any role)', async () => {
    const res = await c.api('/api/retention/report', { token: auditorToken });
    expect(res.status).toBe(200);
    const r = res.body;
    expect(entry(r, 'leads')).toMatchObject({
      source: 'leads',
      state: 'applies',
      action: 'delete',
      effect: 'delete',
      dateField: 'submittedAt',
      past: 3,
      restricted: 1,
    });
    expect(Date.parse(entry(r, 'leads').oldest)).toBeLessThan(Date.parse(ago(999)));
    expect(Date.parse(entry(r, 'leads').cutoff)).toBeCloseTo(Date.parse(ago(0)) - 2 * 365.25 * DAY, -9);
    expect(entry(r, 'chat')).toMatchObject({
      source: 'chat-conversations',
      dateField: 'lastActivity',
      past: 1,
      restricted: 0,
    });
    expect(entry(r, 'access-logs')).toMatchObject({ source: 'access-logs', past: 5, restricted: 1 });
    expect(Date.parse(entry(r, 'access-logs').cutoff)).toBeCloseTo(Date.now() - 30 * DAY, -5);
    // Consents lapse: counted, and the sweep keeps them.
    expect(entry(r, 'consents')).toMatchObject({
      source: 'consents',
      action: 'expire',
      effect: 'keep',
      dateField: 'validUntil',
      past: 1,
      restricted: 1,
    });
    expect(entry(r, 'calendar')).toMatchObject({
      source: 'calendar-connections',
      state: 'no_period',
      past: null,
      cutoff: null,
    });
    expect(entry(r, 'ga4-data')).toMatchObject({ source: null, state: 'not_held' });
    // Oldest first: leads (1,000 days ago), chat (700), access logs (365), consents (lapsed about 135 days ago).
    const withRecords = r.entries.filter((e: any) => e.oldest !== null).map((e: any) => e.policyKey);
    expect(withRecords).toEqual(['leads', 'chat', 'access-logs', 'consents']);
    expect(r.entries.slice(withRecords.length).every((e: any) => e.oldest === null)).toBe(true);
    expect(r.schedule).toBeNull();
    expect(r.lastSweep).toBeNull();
  });

  it('refuses a sweep to an auditor, and a malformed query, in JSON', async () => {
    const forbidden = await post('/api/retention/sweep?dryRun=true', {}, auditorToken);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ statusCode: 403, message: expect.any(String) });
    const bad = await post('/api/retention/sweep?dryRun=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ statusCode: 400, errors: { dryRun: 'must be true or false' } });
    const unknown = await post('/api/retention/sweep?force=true');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toHaveProperty('force');
    expect((await c.api('/api/retention/sweeps?sort=["secret","ASC"]', { token })).status).toBe(400);
    expect((await c.api('/api/retention/sweeps/not-a-uuid', { token })).status).toBe(400);
    expect((await c.api('/api/retention/sweeps/00000000-0000-4000-8000-000000000000', { token })).status).toBe(404);
  });

  it('a dry run counts what a sweep would change, and changes nothing', async () => {
    const before = await snapshot();
    const res = await post('/api/retention/sweep?dryRun=true');
    expect(res.status).toBe(200);
    dryRun = res.body;
    expect(dryRun).toMatchObject({ dryRun: true, trigger: 'manual', status: 'completed', records: 3 + 1 + 5 });
    expect(result(dryRun, 'leads')).toMatchObject({ status: 'previewed', due: 3, restricted: 1, changed: 0 });
    expect(result(dryRun, 'chat')).toMatchObject({ status: 'previewed', due: 1 });
    expect(result(dryRun, 'access-logs')).toMatchObject({ status: 'previewed', due: 5, restricted: 1 });
    expect(result(dryRun, 'consents')).toMatchObject({ status: 'kept', due: 1, restricted: 1 });
    expect(result(dryRun, 'calendar')).toMatchObject({ status: 'skipped', state: 'no_period' });
    expect(await snapshot()).toEqual(before);
  });

  it('a sweep deletes exactly the records past retention with their index rows, keeps restricted ones and consents, and equals the dry run', async () => {
    const before = await snapshot();
    const res = await post('/api/retention/sweep');
    expect(res.status).toBe(200);
    const sweep = res.body;
    expect(sweep).toMatchObject({
      dryRun: false,
      trigger: 'manual',
      status: 'completed',
      error: null,
      records: dryRun.records,
      actorEmail: expect.any(String),
    });
    for (const key of ['leads', 'chat', 'access-logs']) {
      expect(result(sweep, key)).toMatchObject({
        status: 'done',
        changed: result(dryRun, key).due,
        due: result(dryRun, key).due,
        restricted: result(dryRun, key).restricted,
      });
    }
    expect(result(sweep, 'consents')).toMatchObject({ status: 'kept', changed: 0, due: 1 });

    expect(await count('leads', `external_id IN ('old-1', 'old-2', 'old-3')`)).toBe(0);
    expect(await count('leads', `external_id IN ('rita-old', 'new-1')`)).toBe(2);
    expect(await count('subject_identifiers', `source = 'leads' AND record_id = ANY($1)`, [expiredLeadIds])).toBe(0);
    expect(await count('chat_conversations', `external_id = 'chat-old'`)).toBe(0);
    expect(await count('chat_conversations', `external_id IN ('chat-revived', 'chat-new')`)).toBe(2);
    expect(await count('chat_messages', `id = ANY($1::uuid[])`, [expiredMessageIds])).toBe(0);
    expect(
      await count('subject_identifiers', `source = 'chat-messages' AND record_id = ANY($1)`, [expiredMessageIds]),
    ).toBe(0);
    expect(await count('access_logs', `at < now() - interval '30 days'`)).toBe(1);
    expect(await count('access_logs', `ip = '203.0.113.9'`)).toBe(1);
    expect(await count('access_logs')).toBe(3);
    // Consents are proof: all kept, e-mails and all.
    expect(await snapshot()).toMatchObject({ consents: before.consents, consentEmails: before.consentEmails });
    expect(sweep.results.reduce((n: number, r: any) => n + r.indexRows, 0)).toBe(
      before.index - (await count('subject_identifiers')),
    );

    const after = await report();
    expect(entry(after, 'leads')).toMatchObject({ past: 0, restricted: 1, oldest: null });
    expect(entry(after, 'access-logs')).toMatchObject({ past: 0, restricted: 1 });
    expect(after.lastSweep).toMatchObject({ id: sweep.id, status: 'completed' });
  });

  it('writes the sweeps and dry runs to the audit log', async () => {
    const audit = (
      await c.api(
        `/api/audit-events?range=[0,99]&filter=${encodeURIComponent(JSON.stringify({ entity: 'retention_sweep' }))}`,
        { token },
      )
    ).body as any[];
    const actions = audit.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['retention.sweep_previewed', 'retention.sweep_started', 'retention.swept']),
    );
    const swept = audit.find((e) => e.action === 'retention.swept');
    expect(swept.details).toMatchObject({
      trigger: 'manual',
      records: 9,
      sources: { leads: { status: 'done', changed: 3, restricted: 1 } },
    });
    expect((await c.api('/api/audit/verify', { token })).body.valid).toBe(true);
  });

  it('lets one sweep run at a time: a second gets a 409', async () => {
    await sql(
      c,
      `INSERT INTO access_logs (ip, path, method, status, at) SELECT '192.0.2.1', '/', 'GET', 200, now() - interval '40 days' - g * interval '1 second' FROM generate_series(1, 3000) g`,
    );
    const [a, b] = await Promise.all([post('/api/retention/sweep'), post('/api/retention/sweep')]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const refused = a.status === 409 ? a : b;
    expect(refused.body).toMatchObject({ statusCode: 409, message: expect.stringMatching(/already running/) });
    const done = (a.status === 200 ? a : b).body;
    expect(result(done, 'access-logs')).toMatchObject({ status: 'done', changed: 3000, batches: 30 });
    expect(await count('access_logs', `ip = '192.0.2.1'`)).toBe(0);
  });

  it('a sweep held by another instance (the advisory lock) answers 409', async () => {
    if (!c.databaseUrl) return; // the embedded database serves one process: its own guard is the lock
    const other = new Client({ connectionString: c.databaseUrl });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [SWEEP_LOCK]);
      const res = await post('/api/retention/sweep');
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/another instance/);
      // A dry run changes nothing: it does not wait for the lock.
      expect((await post('/api/retention/sweep?dryRun=true')).status).toBe(200);
      await other.query('SELECT pg_advisory_unlock($1)', [SWEEP_LOCK]);
      expect((await post('/api/retention/sweep')).status).toBe(200);
    } finally {
      await other.end();
    }
  });

  it('a failure half-way keeps the batches done, says failed, and a second sweep finishes', async () => {
    await sql(
      c,
      `INSERT INTO leads (external_id, first_name, email, submitted_at)
       SELECT 'bulk-' || g, 'Bulk', 'bulk' || g || '@example.it', now() - interval '800 days' + g * interval '1 minute' FROM generate_series(1, 250) g`,
    );
    // The 150th lead by date cannot be deleted: the second batch of 100 fails.
    await sql(
      c,
      `CREATE FUNCTION refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full (simulated)'; END $$`,
    );
    await sql(
      c,
      `CREATE TRIGGER refuse_delete BEFORE DELETE ON leads FOR EACH ROW WHEN (OLD.external_id = 'bulk-150') EXECUTE FUNCTION refuse_delete()`,
    );
    const failed = await post('/api/retention/sweep');
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/Contact-form data \(leads\): .*disk full/),
    });
    expect(result(failed.body, 'leads')).toMatchObject({ status: 'failed', changed: 100, batches: 1, due: 250 });
    // The other policies ran all the same.
    expect(result(failed.body, 'access-logs').status).toBe('done');
    expect(await count('leads', `external_id LIKE 'bulk-%'`)).toBe(150);
    const row = (await c.api(`/api/retention/sweeps/${failed.body.id}`, { token })).body;
    expect(row).toMatchObject({ status: 'failed', records: 100 });

    await sql(c, `DROP TRIGGER refuse_delete ON leads`);
    const retry = await post('/api/retention/sweep');
    expect(retry.body).toMatchObject({ status: 'completed' });
    expect(result(retry.body, 'leads')).toMatchObject({ status: 'done', changed: 150, batches: 2 });
    expect(await count('leads', `external_id LIKE 'bulk-%'`)).toBe(0);
    expect(await count('leads', `external_id = 'rita-old'`)).toBe(1);
  });

  it('follows the register: a policy switched to anonymise keeps the records without the person', async () => {
    const policies = (await c.api('/api/retention-policies?range=[0,99]', { token })).body as any[];
    const id = (key: string) => policies.find((p) => p.key === key).id;
    for (const key of ['leads', 'chat', 'access-logs']) {
      expect(
        (await c.api(`/api/retention-policies/${id(key)}`, { token, method: 'PUT', body: { action: 'anonymise' } }))
          .status,
      ).toBe(200);
    }
    await ingest('leads', {
      externalId: 'anon-lead',
      firstName: 'Elena',
      lastName: 'Rosa',
      email: 'elena.rosa@example.it',
      company: 'Rosa Srl',
      utmSource: 'google',
      landingPage: '/vetrine',
      submittedAt: ago(900),
    });
    await ingest('chat-conversations', {
      externalId: 'anon-chat',
      provider: 'anthropic',
      startedAt: ago(500),
      messages: [
        { role: 'user', content: 'Scrivetemi a elena.rosa@example.it o al 347 555 1234', sentAt: ago(500) },
        {
          role: 'assistant',
          content: 'Certo, scriveremo a elena.rosa@example.it. Per urgenze info@vimage.it',
          sentAt: ago(500),
        },
      ],
    });
    await ingest('access-logs', {
      ip: '198.51.100.77',
      userAgent: 'Mozilla/5.0',
      path: '/',
      method: 'GET',
      status: 200,
      at: ago(50),
    });

    const preview = (await post('/api/retention/sweep?dryRun=true')).body;
    expect(result(preview, 'leads')).toMatchObject({ action: 'anonymise', due: 1 });
    const sweep = (await post('/api/retention/sweep')).body;
    expect(sweep.status).toBe('completed');
    expect(result(sweep, 'leads')).toMatchObject({ action: 'anonymise', changed: 1 });
    expect(result(sweep, 'chat')).toMatchObject({ action: 'anonymise', changed: 1 });
    expect(result(sweep, 'access-logs')).toMatchObject({ action: 'anonymise', changed: 1 });

    const [lead] = await sql(
      c,
      `SELECT first_name, last_name, email, company, utm_source, landing_page FROM leads WHERE external_id = 'anon-lead'`,
    );
    expect(lead).toEqual({
      first_name: null,
      last_name: null,
      email: null,
      company: null,
      utm_source: 'google',
      landing_page: '/vetrine',
    });
    const messages = (
      await sql(
        c,
        `SELECT m.role, m.content FROM chat_messages m JOIN chat_conversations c ON c.id = m.conversation_id WHERE c.external_id = 'anon-chat' ORDER BY m.role DESC`,
      )
    ).map((m) => m.content);
    expect(messages.join(' ')).not.toMatch(/elena\.rosa|555/);
    expect(messages[1]).toContain('info@vimage.it');
    expect(await count('chat_conversations', `external_id = 'anon-chat' AND anonymised_at IS NOT NULL`)).toBe(1);
    expect(await count('access_logs', `ip = '198.51.100.0/24'::inet AND user_agent IS NULL`)).toBe(1);
    expect(await count('subject_identifiers', `value = 'elena.rosa@example.it'`)).toBe(0);
    // Rita's restricted lead is still whole.
    expect(await count('leads', `external_id = 'rita-old' AND email IS NOT NULL`)).toBe(1);
    // Anonymised once: the next sweep has nothing left to do.
    const again = (await post('/api/retention/sweep?dryRun=true')).body;
    expect(again.records).toBe(0);
  });

  it('lists the sweeps, newest first, for every role', async () => {
    const res = await c.api('/api/retention/sweeps?range=[0,4]', { token: auditorToken });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-range')).toMatch(/^retention\/sweeps 0-4\/\d+$/);
    const times = res.body.map((s: any) => Date.parse(s.startedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const dry = await c.api(`/api/retention/sweeps?filter=${encodeURIComponent(JSON.stringify({ dryRun: true }))}`, {
      token,
    });
    expect(dry.body.every((s: any) => s.dryRun === true)).toBe(true);
    expect((await c.api(`/api/retention/sweeps/${dryRun.id}`, { token })).body).toMatchObject({
      id: dryRun.id,
      results: expect.any(Array),
    });
  });
});

describe('retention: the schedule', () => {
  let c: TestConsole;
  afterAll(() => c?.close());

  it('runs the sweep on its schedule, recorded as such', async () => {
    c = await startTestConsole({
      env: { RETENTION_SWEEP_CRON: '*/2 * * * * *', RETENTION_SWEEP_TIME_ZONE: 'Europe/Rome' },
    });
    const token = await c.login();
    const report = (await c.api('/api/retention/report', { token })).body;
    expect(report.schedule).toMatchObject({
      cron: '*/2 * * * * *',
      timeZone: 'Europe/Rome',
      nextRunAt: expect.any(String),
    });
    let sweeps: any[] = [];
    for (let i = 0; i < 50 && !sweeps.some((s) => s.status === 'completed'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      sweeps = (await c.api('/api/retention/sweeps', { token })).body;
    }
    const done = sweeps.find((s) => s.status === 'completed');
    expect(done).toMatchObject({ trigger: 'schedule', dryRun: false, actorEmail: null });
    const audit = (
      await c.api(`/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ action: 'retention.swept' }))}`, {
        token,
      })
    ).body;
    expect(audit[0]).toMatchObject({ actorEmail: null, details: { trigger: 'schedule' } });
  });
});

describe('retention: the console stops during a sweep', () => {
  // On a server, the database outlives the console and can be read after it stopped.
  it.skipIf(process.env.TEST_DATABASE === 'embedded')(
    'stops after the current batch and records the sweep as stopped',
    async () => {
      const c = await startTestConsole({ env: { RETENTION_SWEEP_BATCH: '100' } });
      const url = c.databaseUrl!;
      const db = new Client({ connectionString: url });
      try {
        const token = await c.login();
        await sql(
          c,
          `INSERT INTO access_logs (ip, path, method, status, at) SELECT '192.0.2.7', '/', 'GET', 200, now() - interval '40 days' - g * interval '1 second' FROM generate_series(1, 20000) g`,
        );
        await db.connect();
        const pending = c.api('/api/retention/sweep', { token, body: {} });
        const progress = async () => {
          const rows = (await db.query(`SELECT results FROM retention_sweeps WHERE status = 'running'`)).rows;
          return rows.length ? rows[0].results.find((r: any) => r.policyKey === 'access-logs').changed : 0;
        };
        await expect.poll(progress, { interval: 10, timeout: 10_000 }).toBeGreaterThan(0);
        await c.running.close();
        const res = await pending;
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          status: 'failed',
          error: expect.stringMatching(/^Stopped: the console shut down/),
        });
        const [row] = (await db.query(`SELECT status, records, results FROM retention_sweeps`)).rows;
        const logs = row.results.find((r: any) => r.policyKey === 'access-logs');
        expect(row.status).toBe('failed');
        expect(logs.status).toBe('failed');
        expect(logs.changed).toBeGreaterThan(0);
        expect(logs.changed).toBeLessThan(20_000);
        // The row's count is what was deleted: every batch that committed, and no other.
        const [{ left }] = (await db.query(`SELECT count(*)::int AS left FROM access_logs WHERE ip = '192.0.2.7'`))
          .rows;
        expect(left).toBe(20_000 - logs.changed);
        expect(row.records).toBe(logs.changed);
        const audit = (
          await db.query(`SELECT action, details FROM audit_events WHERE entity = 'retention_sweep' ORDER BY id`)
        ).rows;
        expect(audit.map((e) => e.action)).toEqual(['retention.sweep_started', 'retention.sweep_failed']);
      } finally {
        await db.end().catch(() => {});
        await dropTestDatabase(url);
      }
    },
  );
});
