import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../support/test-console';
import { signInAs } from '../support/staff';

/** The company's published documents, kept in docs/policies. */
const POLICIES = process.env.POLICIES_DIR ?? join(__dirname, '../../docs/policies');

function tableRows(text: string, header: string, stop: (line: string) => boolean): string[] {
  const lines = text.split('\n').map((l) => l.trim());
  const start = lines.indexOf(header);
  expect(start, `table "${header}"`).toBeGreaterThan(-1);
  const rows: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (stop(line)) break;
    if (line) rows.push(line);
  }
  return rows;
}

describe('registers: processors, activities, cookies, retention', () => {
  let c: TestConsole;
  let token: string;
  let auditorToken: string;

  beforeAll(async () => {
    expect(existsSync(POLICIES), `${POLICIES} (set POLICIES_DIR)`).toBe(true);
    c = await startTestConsole();
    token = await c.login();
    auditorToken = await signInAs(c, token, 'auditor');
  });
  afterAll(() => c?.close());

  const all = async (resource: string) =>
    (await c.api(`/api/${resource}?range=[0,999]`, { token })).body as Array<Record<string, any>>;

  it('seeds an Italian twin for every public text of the registers, from the policies (issues 18, 23)', async () => {
    // First: the rows the later tests add are the officer's, in whatever language they write.
    const twins: Record<string, string[]> = {
      activities: [
        'name',
        'purposes',
        'legalBasisNotes',
        'subjectCategories',
        'dataCategories',
        'transfers',
        'securityMeasures',
      ],
      processors: ['service', 'location', 'dataCategories', 'transferNotes', 'notes'],
      cookies: ['purpose', 'duration', 'listedIn'],
      'retention-policies': ['name', 'periodText', 'basis', 'notes'],
    };
    const untranslated: string[] = [];
    for (const [resource, fields] of Object.entries(twins))
      for (const row of await all(resource))
        for (const field of fields) {
          const english = row[`${field}En`] ?? row[field];
          const italian = row[`${field}It`];
          const empty = (v: unknown) => v === null || v === '' || (Array.isArray(v) && v.length === 0);
          if (!empty(english) && empty(italian)) untranslated.push(`${resource} ${row.name ?? row.key} ${field}`);
          // A list's twins name the same categories one for one.
          if (Array.isArray(english) && !empty(italian)) expect(italian).toHaveLength(english.length);
        }
    expect(untranslated).toEqual([]);
    const cookies = await all('cookies');
    expect(cookies.find((k) => k.name === 'session_id')).toMatchObject({
      durationIt: 'Non indicata',
      durationEn: 'Not stated',
      purposeIt: 'Sessione e sicurezza: autentica gli utenti e ne protegge i dati',
    });
  });

  it('holds every sub-processor of the privacy policy, with its location and transfer safeguard', async () => {
    const policy = readFileSync(join(POLICIES, 'privacy-policy.txt'), 'utf8');
    const rows = tableRows(policy, 'Sub-processorServiceLocationTransfer outside the EU', (l) =>
      l.startsWith('In addition'),
    );
    expect(rows.length).toBeGreaterThanOrEqual(8);
    const processors = await all('processors');
    for (const row of rows) {
      const match = processors.find((p) => row.startsWith(p.name));
      expect(match, `policy row "${row}"`).toBeDefined();
      expect(row).toContain(match!.service);
      expect(row).toContain(match!.location);
      expect(row).toContain(match!.transferNotes.split('; ')[0]);
    }
    const calendar = readFileSync(join(POLICIES, 'platform-cookies-and-calendar-notice.txt'), 'utf8');
    expect(calendar).toContain('Google Calendar');
    expect(processors.find((p) => p.name.includes('Google Calendar'))).toMatchObject({
      status: 'under_review',
      transferMechanism: 'other',
    });
    expect(processors.find((p) => p.name === 'Anthropic, PBC')).toMatchObject({
      country: 'US',
      transferMechanism: 'scc',
    });
    expect(processors.find((p) => p.name === 'Aruba S.p.A.')).toMatchObject({
      country: 'IT',
      transferMechanism: 'none',
    });
  });

  it('holds every cookie and storage item of both cookie policies', async () => {
    const cookies = await all('cookies');
    const website = readFileSync(join(POLICIES, 'cookie-policy.txt'), 'utf8');
    const rows = [
      ...tableRows(website, 'NameTypePurposeDuration', (l) => l.startsWith('*')),
      ...tableRows(website.slice(website.indexOf('Functional cookies')), 'NameTypePurposeDuration', (l) =>
        l.startsWith('Legal basis'),
      ),
      ...tableRows(website, 'Cookie nameTypePurposeDuration', (l) => l.startsWith('Provider')),
    ];
    expect(rows.length).toBe(6);
    for (const row of rows) {
      const match = cookies
        .filter((k) => k.listedIn === 'Cookie policy (website)' && row.startsWith(k.name))
        .sort((a, b) => b.name.length - a.name.length)[0];
      expect(match, `cookie-policy row "${row}"`).toBeDefined();
      expect(row).toContain(match.purpose);
    }
    const platform = readFileSync(join(POLICIES, 'platform-cookies-and-calendar-notice.txt'), 'utf8');
    const named = [...platform.matchAll(/^(\S+) \((Odoo|Google)\)$/gm)].map((m) => m[1]);
    expect(named.length).toBeGreaterThanOrEqual(12);
    for (const name of named) {
      expect(
        cookies.some((k) => k.name === name && k.listedIn === 'Platform cookie policy'),
        name,
      ).toBe(true);
    }
  });

  it("files each cookie under its own system and that system's banner categories (issue 18)", async () => {
    const cookies = await all('cookies');
    // The platform's policy, section by section: each cookie it names takes that section's category.
    const platform = readFileSync(join(POLICIES, 'platform-cookies-and-calendar-notice.txt'), 'utf8');
    const sections: Array<[string, string]> = [
      ['Session & Security', 'session_security'],
      ['Preferences', 'preferences'],
      ['Interaction History', 'interaction_history'],
      ['Advertising & Marketing', 'advertising_marketing'],
      ['Analytics', 'analytics'],
    ];
    const lines = platform.split('\n');
    let section: string | null = null;
    let checked = 0;
    for (const line of lines) {
      const heading = sections.find(([title]) => line.trim() === title);
      if (heading) section = heading[1];
      const named = /^(\S+) \((Odoo|Google)\)$/.exec(line.trim());
      if (!named || !section) continue;
      const entry = cookies.filter((k) => k.system === 'platform' && k.name === named[1]);
      expect(entry, named[1]).toHaveLength(1);
      expect(entry[0].category, named[1]).toBe(section);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(12);
    // The website declares no advertising cookie; each system lists `_ga` once.
    const website = cookies.filter((k) => k.system === 'website');
    expect(website.every((k) => k.listedIn === 'Cookie policy (website)')).toBe(true);
    expect(website.map((k) => k.name)).not.toContain('__gads');
    expect(
      cookies
        .filter((k) => k.name === '_ga')
        .map((k) => k.system)
        .sort(),
    ).toEqual(['platform', 'website']);

    // A category of the other system's banner is refused, and nothing is stored.
    const refused = await c.api('/api/cookies', {
      token,
      body: {
        name: '_fbp',
        kind: 'cookie',
        system: 'website',
        provider: 'Meta',
        category: 'advertising_marketing',
        purpose: 'Advertising',
        duration: '3 months',
        party: 'third',
        listedIn: 'Cookie policy (website)',
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.category ?? refused.body.message).toMatch(/website's banner has no such category/);
    expect((await all('cookies')).some((k) => k.name === '_fbp')).toBe(false);
    const filed = await c.api('/api/cookies', {
      token,
      body: {
        name: 'website_visitor',
        kind: 'cookie',
        system: 'platform',
        provider: 'Odoo',
        category: 'interaction_history',
        purpose: 'Interaction history',
        duration: 'Not stated',
        party: 'first',
        listedIn: 'Platform cookie policy',
      },
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ system: 'platform', category: 'interaction_history' });
  });

  it('holds the retention periods the policies state and links activities to them and to their processors', async () => {
    const retention = await all('retention-policies');
    const byKey = Object.fromEntries(retention.map((r) => [r.key, r]));
    expect(byKey.leads).toMatchObject({ source: 'leads', periodMonths: 24, action: 'delete' });
    expect(byKey.chat).toMatchObject({ source: 'chat-conversations', periodMonths: 12 });
    expect(byKey['access-logs']).toMatchObject({ source: 'access-logs', periodDays: 30 });
    expect(byKey.consents).toMatchObject({ source: 'consents', periodMonths: 12, action: 'expire' });
    expect(byKey['ga4-data']).toMatchObject({ periodMonths: 14 });
    const activities = await all('activities');
    expect(activities.map((a) => a.name)).toEqual(
      expect.arrayContaining([
        'Contact form',
        'AI chatbot',
        'Browsing data',
        'Anonymous visit statistics (self-hosted)',
        'Google Tag Manager and Google Analytics 4',
        'Calendar synchronisation (Google Calendar)',
        'Consent management',
      ]),
    );
    const chatbot = activities.find((a) => a.name === 'AI chatbot')!;
    expect(chatbot).toMatchObject({
      legalBasis: 'consent',
      consentCategory: 'ai_chatbot',
      retention: { periodText: '12 months' },
      sourceSystem: 'chat-conversations',
    });
    expect(chatbot.processors.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['Anthropic, PBC', 'OpenAI, LLC']),
    );
  });

  it('keeps what a data subject reads in Italian and English, and the officer’s working notes apart', async () => {
    const byKey = Object.fromEntries((await all('retention-policies')).map((r) => [r.key, r]));
    expect(byKey.leads).toMatchObject({
      periodTextIt: '24 mesi dalla raccolta, fatti salvi gli obblighi di legge',
      periodTextEn: '24 months from collection, subject to legal obligations',
    });
    const activities = await all('activities');
    expect(activities.find((a) => a.name === 'Contact form')).toMatchObject({
      purposesIt: expect.stringMatching(/^Rispondere alle richieste di informazioni/),
      purposesEn: expect.stringMatching(/^Respond to requests for information/),
    });
    const calendar = activities.find((a) => a.name === 'Calendar synchronisation (Google Calendar)')!;
    expect(calendar.legalBasisNotes).not.toMatch(/Not stated|To be confirmed/);
    expect(calendar.internalNotes).toMatch(/to be confirmed/);
    const processors = Object.fromEntries((await all('processors')).map((p) => [p.name, p]));
    expect(processors['Aruba S.p.A.']).toMatchObject({ locationIt: 'Italia (UE)', locationEn: 'Italy (EU)' });
    for (const name of ['Google (Gemini)', 'Google LLC (Google Calendar)']) {
      expect(processors[name].transferNotes).toBeNull();
      expect(processors[name].notes).toMatch(/^Not stated/);
    }
  });

  it("edits one activity's Italian twins: the Italian record and list say them, the English and the other activity do not change", async () => {
    const activities = await all('activities');
    const form = activities.find((a) => a.name === 'Contact form')!;
    const chatbot = activities.find((a) => a.name === 'AI chatbot')!;
    // As the console's form sends it: the whole record, the Italian twins changed.
    const res = await c.api(`/api/activities/${form.id}`, {
      token,
      method: 'PUT',
      body: {
        ...form,
        nameIt: 'Modulo di contatto del sito',
        dataCategoriesIt: [...form.dataCategoriesIt.slice(0, -1), 'Pagina di provenienza'],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Contact form',
      nameEn: 'Contact form',
      nameIt: 'Modulo di contatto del sito',
    });
    const record = async (lang: string) =>
      (
        await fetch(`${c.url}/api/activities/record.html?lang=${lang}`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).text();
    const italian = await record('it');
    expect(italian).toContain('Modulo di contatto del sito');
    expect(italian).toContain('<li>Pagina di provenienza</li>');
    const english = await record('en');
    expect(english).toContain('. Contact form</h2>');
    expect(english).not.toContain('Pagina di provenienza');
    // The other activity is as it was.
    expect((await c.api(`/api/activities/${chatbot.id}`, { token })).body).toEqual(chatbot);

    // Twins that do not name the same categories one for one: 400, with the field, and nothing changes.
    const bad = await c.api(`/api/activities/${form.id}`, {
      token,
      method: 'PUT',
      body: { dataCategoriesIt: ['Nome'] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toHaveProperty('dataCategoriesIt');
    expect((await c.api(`/api/activities/${form.id}`, { token })).body.dataCategoriesIt).toEqual(
      res.body.dataCategoriesIt,
    );
    // An activity written in the twins only, without the officer's field: its English becomes it.
    const created = await c.api('/api/activities', {
      token,
      body: { nameIt: 'Newsletter', nameEn: 'Newsletter mailing', purposes: 'Send news', legalBasis: 'contract' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.name).toBe('Newsletter mailing');
    const none = await c.api('/api/activities', { token, body: { purposes: 'Send news', legalBasis: 'contract' } });
    expect(none.status).toBe(400);
    expect(none.body.errors).toHaveProperty('nameEn');
    expect((await c.api(`/api/activities/${created.body.id}`, { token, method: 'DELETE' })).status).toBe(200);
    // Back as seeded, for the record's test below.
    expect((await c.api(`/api/activities/${form.id}`, { token, method: 'PUT', body: form })).status).toBe(200);
  });

  it('creates, edits and deletes a processor, auditing before and after, and exports the register as CSV', async () => {
    const created = await c.api('/api/processors', {
      token,
      body: {
        name: 'Mailjet SAS',
        service: 'Newsletter',
        dataCategories: ['E-mail'],
        location: 'France (EU)',
        country: 'fr',
        transferMechanism: 'none',
        dpaSignedOn: '2026-10-01',
        nextReviewDue: '2026-01-01',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ country: 'FR', status: 'active', reviewOverdue: true });

    const edited = await c.api(`/api/processors/${created.body.id}`, {
      token,
      method: 'PUT',
      body: { ...created.body, nextReviewDue: '2099-01-01', notes: 'Reviewed' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ reviewOverdue: false, notes: 'Reviewed' });
    const audit = await c.api(
      `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ entity: 'processor', entityId: created.body.id }))}&sort=["id","ASC"]`,
      { token },
    );
    expect(audit.body.map((e: { action: string }) => e.action)).toEqual(['processor.created', 'processor.updated']);
    // The officer's note written in the plain field is its English twin too.
    expect(audit.body[1].details).toEqual({
      before: { nextReviewDue: '2026-01-01', reviewOverdue: true, notes: null, notesEn: null },
      after: { nextReviewDue: '2099-01-01', reviewOverdue: false, notes: 'Reviewed', notesEn: 'Reviewed' },
    });

    const csv = await fetch(`${c.url}/api/processors/export.csv`, { headers: { authorization: `Bearer ${token}` } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await csv.text();
    const lines = text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'Name,Service,Data categories,Location,Country,Transfer outside the EU,Transfer notes,Transfer impact assessment,DPA signed,Next review,Status,Contact,Notes',
    );
    expect(lines.find((l) => l.startsWith('Mailjet SAS,'))).toBe(
      'Mailjet SAS,Newsletter,E-mail,France (EU),FR,none,,,2026-10-01,2099-01-01,active,,Reviewed',
    );
    expect(text).toContain('"Cloudflare, Inc.",Anti-bot protection (Turnstile)');

    const deleted = await c.api(`/api/processors/${created.body.id}`, { token, method: 'DELETE' });
    expect(deleted.body.name).toBe('Mailjet SAS');
    expect((await c.api(`/api/processors/${created.body.id}`, { token })).status).toBe(404);
  });

  it.each([
    [
      'processors',
      { name: 'X', service: 'Y', location: 'Z', country: 'ZZ', transferMechanism: 'none' },
      'country',
      /ISO 3166/,
    ],
    [
      'processors',
      { name: 'X', service: 'Y', location: 'Z', country: 'US', transferMechanism: 'privacy-shield' },
      'transferMechanism',
      /must be one of none, scc, dpf, scc_dpf, other/,
    ],
    [
      'processors',
      { name: 'X', service: 'Y', location: 'Z', country: 'US', transferMechanism: 'none', dpaSignedOn: '2026-02-31x' },
      'dpaSignedOn',
      /YYYY-MM-DD/,
    ],
    [
      'activities',
      { name: 'X', purposes: 'Y', legalBasis: 'because' },
      'legalBasis',
      /must be one of consent, contract/,
    ],
    [
      'activities',
      { name: 'X', purposes: 'Y', legalBasis: 'consent', processorIds: ['00000000-0000-4000-8000-000000000000'] },
      'processorIds',
      /unknown processor/,
    ],
    [
      'cookies',
      {
        name: 'x',
        kind: 'cookie',
        provider: 'p',
        category: 'tracking',
        purpose: 'p',
        duration: 'd',
        party: 'first',
        listedIn: 'l',
      },
      'category',
      /must be one of necessary/,
    ],
    [
      'retention-policies',
      { key: 'x', name: 'x', periodText: 'x', action: 'burn', basis: 'b' },
      'action',
      /must be one of delete/,
    ],
  ])('refuses a bad %s record with 400 naming %s, and stores nothing', async (resource, body, field, message) => {
    const before = (await c.api(`/api/${resource}?range=[0,0]`, { token })).headers.get('content-range');
    const res = await c.api(`/api/${resource}`, { token, body });
    expect(res.status).toBe(400);
    expect(res.body.errors[field]).toMatch(message);
    expect((await c.api(`/api/${resource}?range=[0,0]`, { token })).headers.get('content-range')).toBe(before);
  });

  it('links an activity to processors and a retention policy', async () => {
    const processors = await all('processors');
    const retention = await all('retention-policies');
    const aruba = processors.find((p) => p.name === 'Aruba S.p.A.')!;
    const res = await c.api('/api/activities', {
      token,
      body: {
        name: 'Newsletter',
        purposes: 'Send news',
        legalBasis: 'consent',
        consentCategory: 'marketing',
        processorIds: [aruba.id],
        retentionPolicyId: retention[0].id,
        subjectCategories: ['Subscribers'],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      processorIds: [aruba.id],
      processors: [{ name: 'Aruba S.p.A.', country: 'IT' }],
      retention: { id: retention[0].id },
    });
  });

  it('refuses to delete a processor or a retention policy that activities cite, with 409 naming them, and changes nothing', async () => {
    const processor = (
      await c.api('/api/processors', {
        token,
        body: {
          name: 'Cited Processor Srl',
          service: 'Hosting',
          location: 'Italy',
          country: 'IT',
          transferMechanism: 'none',
        },
      })
    ).body;
    const policy = (
      await c.api('/api/retention-policies', {
        token,
        body: {
          key: `cited-${Date.now()}`,
          name: 'Cited policy',
          periodText: '12 months',
          periodMonths: 12,
          action: 'delete',
          basis: 'Policy 3.1',
        },
      })
    ).body;
    const activities = [];
    for (const name of ['Webinar sign-ups', 'Event check-in']) {
      const res = await c.api('/api/activities', {
        token,
        body: {
          name,
          purposes: 'Events',
          legalBasis: 'contract',
          processorIds: [processor.id],
          retentionPolicyId: policy.id,
        },
      });
      expect(res.status).toBe(201);
      activities.push(res.body);
    }
    const changes = async (entityId: string) =>
      (
        await c.api(`/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ entityId }))}&sort=["id","ASC"]`, {
          token,
        })
      ).body.map((e: { action: string }) => e.action);

    for (const [resource, record] of [
      ['processors', processor],
      ['retention-policies', policy],
    ] as const) {
      const res = await c.api(`/api/${resource}/${record.id}`, { token, method: 'DELETE' });
      expect(res.status, resource).toBe(409);
      expect(res.body.message).toBe(
        'This record is cited by 2 processing activities “Event check-in”, “Webinar sign-ups”: change them first, then delete it',
      );
      expect(res.body.errors).toEqual({ activities: '“Event check-in”, “Webinar sign-ups”' });
      expect((await c.api(`/api/${resource}/${record.id}`, { token })).status).toBe(200);
    }
    for (const activity of activities) {
      expect((await c.api(`/api/activities/${activity.id}`, { token })).body).toMatchObject({
        processorIds: [processor.id],
        retentionPolicyId: policy.id,
      });
    }
    expect(await changes(processor.id)).toEqual(['processor.created']);
    expect(await changes(policy.id)).toEqual(['retention_policy.created']);
    for (const activity of activities) expect(await changes(activity.id)).toEqual(['activity.created']);

    // Once no activity cites them (an audited change of each activity), they go.
    for (const activity of activities) {
      expect(
        (
          await c.api(`/api/activities/${activity.id}`, {
            token,
            method: 'PUT',
            body: { processorIds: [], retentionPolicyId: null },
          })
        ).status,
      ).toBe(200);
    }
    expect((await c.api(`/api/processors/${processor.id}`, { token, method: 'DELETE' })).status).toBe(200);
    expect((await c.api(`/api/retention-policies/${policy.id}`, { token, method: 'DELETE' })).status).toBe(200);
  });

  it.each([
    [
      'it',
      [
        'Registro delle attività di trattamento',
        'Art. 30, par. 1',
        'Consenso (art. 6.1.a)',
        'Legittimo interesse (art. 6.1.f)',
        'Termini di conservazione',
      ],
    ],
    [
      'en',
      [
        'Record of processing activities',
        'Article 30(1)',
        'Consent (Art. 6(1)(a))',
        'Legitimate interests (Art. 6(1)(f))',
        'Time limits for erasure',
      ],
    ],
  ])('renders the printable record of processing in %s', async (lang, phrases) => {
    const res = await fetch(`${c.url}/api/activities/record.html?lang=${lang}`, {
      headers: { authorization: `Bearer ${auditorToken}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain(`<html lang="${lang}">`);
    for (const phrase of phrases) expect(html).toContain(phrase);
    for (const name of ['Anthropic, PBC', 'Google Ireland Limited', 'Vimage Srl']) expect(html).toContain(name);
    // Issues 18 and 23: the register's texts in the record's language — names, categories,
    // legal-basis notes, transfers, security, retention — never the other's.
    const ITALIAN = [
      'Modulo di contatto',
      'Chatbot con intelligenza artificiale',
      'Gestione del consenso',
      'Visitatori del sito web che compilano il modulo di contatto',
      'Ragione sociale',
      'Dati di provenienza (parametri UTM, pagina di atterraggio, sito di provenienza): legittimo interesse',
      'Cloudflare, Inc. (Stati Uniti): clausole contrattuali tipo (SCC)',
      'accesso limitato al personale autorizzato',
      '24 mesi dalla raccolta',
      '30035 Mirano (VE), Italia',
    ];
    const ENGLISH = [
      'Contact form',
      'AI chatbot',
      'Consent management',
      'Website visitors who fill in the contact form',
      'Company name',
      'Source data (UTM parameters, landing page, referrer): legitimate interest',
      'Cloudflare, Inc. (USA): SCC',
      'access limited to authorised personnel',
      '24 months from collection',
      '30035 Mirano (VE), Italy',
    ];
    const [own, other] = lang === 'it' ? [ITALIAN, ENGLISH] : [ENGLISH, ITALIAN];
    for (const text of own) expect(html).toContain(text);
    for (const text of other) expect(html).not.toContain(text);
    // The other language only where the officer left this one empty, and marked so: the activity
    // created above in English only.
    const main = html.slice(html.indexOf('<main>'), html.indexOf('</main>'));
    const marked = /<(span|ul) lang="(it|en)">.*?<\/\1>(<p>)? <span class="fallback">[^<]*<\/span>/g;
    if (lang === 'it') {
      expect(main).toContain(
        '<span lang="en">Webinar sign-ups</span> <span class="fallback">(testo disponibile solo in inglese',
      );
      expect(main.replace(marked, '')).not.toMatch(/\b(the|and|with|from|Not stated|None|of|for)\b/);
    } else expect(main).not.toContain('class="fallback"');
    expect((await c.api('/api/activities/record.html?lang=de', { token })).status).toBe(400);
  });

  it('lets auditors read and export but not change the registers', async () => {
    expect((await c.api('/api/activities', { token: auditorToken })).status).toBe(200);
    expect(
      (await fetch(`${c.url}/api/cookies/export.csv`, { headers: { authorization: `Bearer ${auditorToken}` } })).status,
    ).toBe(200);
    expect((await c.api('/api/cookies', { token: auditorToken, body: {} })).status).toBe(403);
    const [processor] = await all('processors');
    expect((await c.api(`/api/processors/${processor.id}`, { token: auditorToken, method: 'DELETE' })).status).toBe(
      403,
    );
  });
});
