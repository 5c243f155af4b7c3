import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MissingActivities1796290000000 } from '../../migrations/1796290000000-MissingActivities';
import { startTestConsole, type TestConsole } from '../support/test-console';

/**
 * Issue 18: the record of processing lists every processing (Art. 30(1)), including the console's
 * own (data-subject requests, the suppression list, the audit log) and the Calendly booking; a
 * retention period no document states is shown as missing (Art. 30(1)(f)), never invented, and the
 * dashboard warns about it until the officer records one.
 */
const NEW_ACTIVITIES = [
  'Appointment booking (Calendly)',
  'Data-subject requests',
  'Suppression list of erased persons',
  'Audit log',
];
/** Their names in the Italian record (issue 18: the register's Italian twins). */
const NEW_ACTIVITIES_IT = [
  'Prenotazione di appuntamenti (Calendly)',
  'Richieste degli interessati',
  'Elenco di esclusione delle persone i cui dati sono stati cancellati',
  'Registro delle operazioni (audit log)',
];

describe('record of processing: the activities that were missing, and their retention gaps', () => {
  let c: TestConsole;
  let token: string;

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
  });
  afterAll(() => c?.close());

  const all = async (resource: string) =>
    (await c.api(`/api/${resource}?range=[0,999]`, { token })).body as Array<Record<string, any>>;
  const byName = async () => Object.fromEntries((await all('activities')).map((a) => [a.name, a]));
  const stats = async () => (await c.api('/api/requests/stats', { token })).body;

  it('lists the four activities with purposes in Italian and English, legal basis, categories and recipients', async () => {
    const a = await byName();
    for (const name of NEW_ACTIVITIES) {
      expect(a[name], name).toBeDefined();
      expect(a[name].purposesIt, name).toBeTruthy();
      expect(a[name].purposesEn, name).toBeTruthy();
      expect(a[name].purposesIt, name).not.toBe(a[name].purposesEn);
      expect(a[name].dataCategories.length, name).toBeGreaterThan(0);
      expect(a[name].subjectCategories.length, name).toBeGreaterThan(0);
    }
    const booking = a['Appointment booking (Calendly)'];
    expect(booking).toMatchObject({ legalBasis: 'consent', consentCategory: 'functional' });
    expect(booking.processors.map((p: { name: string }) => p.name)).toEqual(['Calendly LLC']);
    // What the policy leaves unsaid is the officer's note, never a public text.
    expect(booking.internalNotes).toMatch(/section 2 does not describe the booking/);
    expect(booking.legalBasisNotes).not.toMatch(/stated nowhere|to be set/i);

    const requests = a['Data-subject requests'];
    // Art. 6(1)(c) to comply with Art. 12-22.
    expect(requests).toMatchObject({ legalBasis: 'legal_obligation' });
    expect(requests.legalBasisNotes).toMatch(/Art\. 6\(1\)\(c\).*Art\. 12-22/);
    expect(requests.dataCategories).toEqual(
      expect.arrayContaining(['Identity documents', 'Letters sent and received']),
    );
    expect(requests.processors.map((p: { name: string }) => p.name)).toEqual(['Aruba S.p.A.', 'Serverplan S.r.l.']);

    const suppression = a['Suppression list of erased persons'];
    expect(suppression).toMatchObject({ legalBasis: 'legal_obligation' });
    expect(suppression.legalBasisNotes).toMatch(/Art\. 17 and Art\. 6\(1\)\(c\)/);
    expect(a['Audit log'].legalBasisNotes).toMatch(/Art\. 5\(2\) and Art\. 24/);
  });

  it('records a retention only where the documents or the configuration state one; the rest is missing (Art. 30(1)(f))', async () => {
    const policies = Object.fromEntries((await all('retention-policies')).map((p) => [p.key, p]));
    // OTHER_MAIL_RETENTION_DAYS, 90 by default.
    expect(policies['other-mail']).toMatchObject({ source: 'mailbox', periodDays: 90, action: 'delete' });
    expect(policies['identity-documents']).toMatchObject({ source: 'requests', periodDays: null, periodMonths: null });
    expect(policies['suppression-list']).toMatchObject({
      periodTextIt: 'Per il tempo necessario a rispettare la cancellazione',
      periodTextEn: 'As long as needed to honour the erasure',
    });
    const a = await byName();
    expect(a['Suppression list of erased persons']).toMatchObject({
      retention: { periodTextEn: 'As long as needed to honour the erasure' },
      gaps: [],
    });
    for (const name of ['Appointment booking (Calendly)', 'Data-subject requests', 'Audit log'])
      expect(a[name], name).toMatchObject({ retentionPolicyId: null, retention: null, gaps: ['retention_missing'] });
    // The seeded activities that had a period keep it: no gap.
    expect(a['Contact form'].gaps).toEqual([]);
    // The console applies these itself; the retention report says so instead of "unknown source".
    const report = (await c.api('/api/retention/report', { token })).body;
    const state = (key: string) => report.entries.find((e: any) => e.policyKey === key).state;
    expect(['other-mail', 'identity-documents', 'suppression-list'].map(state)).toEqual([
      'console_rule',
      'console_rule',
      'console_rule',
    ]);
  });

  it.each([
    [
      'it',
      'Prenotare appuntamenti con Vimage',
      'MANCANTE: nessun termine di conservazione registrato',
      'Per il tempo necessario a rispettare la cancellazione',
    ],
    [
      'en',
      'Book appointments with Vimage',
      'MISSING: no retention period recorded',
      'As long as needed to honour the erasure',
    ],
  ])(
    'the printable record of processing (%s) shows them, and each missing retention as missing',
    async (lang, purpose, missing, suppression) => {
      const res = await fetch(`${c.url}/api/activities/record.html?lang=${lang}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const html = await res.text();
      for (const name of lang === 'it' ? NEW_ACTIVITIES_IT : NEW_ACTIVITIES) expect(html).toContain(name);
      expect(html).toContain(purpose);
      expect(html).toContain(suppression);
      expect(html.split(missing).length - 1).toBe(3);
      if (lang === 'it') expect(html).not.toContain('Book appointments with Vimage');
    },
  );

  it('the dashboard counts activities with no retention and stops when the officer records one', async () => {
    const before = await stats();
    expect(before.activitiesMissingRetention).toBe(3);
    const a = await byName();
    // A new activity without retention is counted too.
    const created = await c.api('/api/activities', {
      token,
      body: { name: 'Newsletter', purposes: 'Send the newsletter', legalBasis: 'consent' },
    });
    expect(created.status).toBe(201);
    expect(created.body.gaps).toEqual(['retention_missing']);
    expect((await stats()).activitiesMissingRetention).toBe(4);

    const policy = await c.api('/api/retention-policies', {
      token,
      body: {
        key: 'bookings',
        name: 'Appointment bookings',
        periodMonths: 12,
        periodText: '12 months after the appointment',
        action: 'delete',
        basis: 'Officer decision',
      },
    });
    expect(policy.status).toBe(201);
    const updated = await c.api(`/api/activities/${a['Appointment booking (Calendly)'].id}`, {
      token,
      method: 'PUT',
      body: { retentionPolicyId: policy.body.id },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.gaps).toEqual([]);
    // Only this activity changed: the others still lack theirs.
    expect((await stats()).activitiesMissingRetention).toBe(3);
    expect((await byName())['Audit log'].gaps).toEqual(['retention_missing']);

    for (const id of [created.body.id, a['Data-subject requests'].id, a['Audit log'].id])
      await c.api(`/api/activities/${id}`, { token, method: 'PUT', body: { retentionPolicyId: policy.body.id } });
    expect((await stats()).activitiesMissingRetention).toBe(0);
  });

  it('seeding again adds nothing and keeps what the officer edited', async () => {
    const a = await byName();
    const id = a['Suppression list of erased persons'].id;
    await c.api(`/api/activities/${id}`, { token, method: 'PUT', body: { purposesEn: 'Edited by the officer' } });
    const runner = c.running.app.get(DataSource).createQueryRunner();
    try {
      await new MissingActivities1796290000000().up(runner);
    } finally {
      await runner.release();
    }
    const after = await all('activities');
    for (const name of NEW_ACTIVITIES)
      expect(
        after.filter((x) => x.name === name),
        name,
      ).toHaveLength(1);
    expect(after.find((x) => x.id === id)!.purposesEn).toBe('Edited by the officer');
    const keys = (await all('retention-policies')).map((p) => p.key);
    expect(keys.filter((k) => k === 'suppression-list')).toHaveLength(1);
  });

  it('the migration can be undone and done again', async () => {
    const migration = new MissingActivities1796290000000();
    // One runner at a time: the embedded database has a single connection.
    const run = async (step: 'up' | 'down') => {
      const runner = c.running.app.get(DataSource).createQueryRunner();
      try {
        await migration[step](runner);
      } finally {
        await runner.release();
      }
    };
    await run('down');
    const names = (await all('activities')).map((a) => a.name);
    for (const name of NEW_ACTIVITIES) expect(names).not.toContain(name);
    expect((await all('retention-policies')).map((p) => p.key)).not.toContain('other-mail');
    await run('up');
    expect((await byName())['Appointment booking (Calendly)'].processors).toHaveLength(1);
  });
});
