import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';
import { launchBrowser, newConsolePage, screenshot, signIn, still } from './browser';
import { createApiKey, postBatch } from '../support/ingest';
import { signInAsAdministrator } from '../support/officer-sign-in';

/**
 * The breach register in a real Chromium (issue 21): the dashboard's open breaches with their
 * 72-hour clocks, the register, a breach's page with the people affected (counted, then listed
 * on request) and the Art. 34 letter, a late notification asking for the reasons for the delay,
 * the create form with the EDPB guidance; then the same in Italian for an auditor, without the
 * buttons that change anything. Screenshots 80 to 89 in tests/artifacts/.
 */
const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

describe('breaches in Chromium', () => {
  let c: TestConsole;
  let browser: Browser;
  let page: Page;
  let token: string;
  const ids: Record<string, string> = {};
  const auditor = { email: uniqueEmail('auditor'), password: 'auditor passphrase 2026' };

  beforeAll(async () => {
    c = await startTestConsole({ serveAdmin: true, database: 'server' });
    token = await c.login();
    expect(
      (await c.api('/api/users', { token, body: { ...auditor, fullName: 'Ada Auditor', role: 'auditor' } })).status,
    ).toBe(201);
    const key = await createApiKey(c, token);
    const ingest = (source: string, body: unknown) => postBatch(c, key, source, body);
    expect(
      (
        await ingest('leads', [
          {
            externalId: 'g',
            firstName: 'Giulia',
            lastName: 'Bianchi',
            email: 'giulia.bianchi@example.it',
            phone: '347 123 4567',
            message: 'Preventivo vetrina',
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
            externalId: 'a',
            firstName: 'Andrea',
            lastName: 'Galli',
            email: 'andrea.galli@example.it',
            submittedAt: '2026-10-04T10:00:00Z',
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
          ],
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await c.api('/api/requests', {
          token,
          body: {
            type: 'access',
            channel: 'email',
            language: 'en',
            receivedAt: new Date().toISOString(),
            subjectName: 'Maria Rossi',
            subjectEmail: 'maria.rossi@example.it',
          },
        })
      ).status,
    ).toBe(201);
    const processors = (await c.api('/api/processors?range=[0,99]', { token })).body as Array<{
      id: string;
      name: string;
    }>;
    const aruba = processors.find((p) => p.name.startsWith('Aruba'))!;
    const create = async (name: string, body: Record<string, unknown>) => {
      const res = await c.api('/api/breaches', { token, body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      ids[name] = res.body.id;
    };
    await create('inbox', {
      title: 'Contact-form mailbox read by an intruder',
      description:
        'A phished password let someone sign in to the mailbox that receives the contact form, from 1 to 10 October, and read the messages.',
      startedAt: '2026-10-01T08:00:00Z',
      endedAt: '2026-10-10T17:00:00Z',
      awareAt: ago(20),
      nature: ['confidentiality'],
      sources: ['leads', 'chat-conversations', 'chat-messages'],
      processors: [
        { processorId: aruba.id, noticeAt: ago(21), notes: 'Aruba’s abuse desk reported the foreign logins' },
      ],
      dataCategories: ['Names', 'E-mail addresses', 'Phone numbers', 'Messages'],
      subjectsApprox: 3,
      recordsApprox: 6,
      consequences: 'Phishing in the company’s name; exposure of the projects people described.',
      measuresTaken: 'Password changed, sessions revoked, two-step verification turned on.',
      measuresProposed: 'Hardware keys for the shared mailboxes.',
      riskLevel: 'high',
      riskReasoning:
        'Contact details with the content of the messages, readable by an attacker who already phishes: a high risk (EDPB 9/2022, example 6).',
      contactName: 'Anna Conti, referente privacy',
      contactDetails: 'privacy@vimage.it, 041 000000',
      noticeNatureIt:
        'Una persona non autorizzata è entrata nella casella che riceve il modulo di contatto e ha potuto leggere i messaggi, tra il 1° e il 10 ottobre.',
      noticeNatureEn:
        'An unauthorised person got into the mailbox that receives our contact form and could read the messages, between 1 and 10 October.',
      noticeConsequencesIt: 'Potrebbe ricevere e-mail o telefonate che sembrano nostre e Le chiedono dati o pagamenti.',
      noticeConsequencesEn: 'You may receive e-mails or calls that seem to come from us and ask for data or payments.',
      noticeMeasuresIt:
        'Abbiamo cambiato le password e attivato la verifica in due passaggi. Non risponda a richieste inattese: in caso di dubbio ci chiami.',
      noticeMeasuresEn:
        'We changed the passwords and turned on two-step verification. Do not answer unexpected requests: if in doubt, call us.',
    });
    await create('laptop', {
      title: 'Sales laptop stolen from a car',
      description: 'A laptop with a copy of the lead export was stolen; disk encryption status being checked.',
      startedAt: ago(90),
      awareAt: ago(80),
      ongoing: false,
      nature: ['confidentiality', 'availability'],
      sources: ['leads'],
      riskLevel: 'risk',
    });
    await create('outage', {
      title: 'Chat assistant unavailable for 40 minutes',
      description: 'The hosting provider’s outage made the chat history unavailable; no data lost.',
      startedAt: ago(300),
      endedAt: ago(299),
      awareAt: ago(299),
      nature: ['availability'],
      sources: ['chat-conversations'],
      riskLevel: 'none',
      riskReasoning:
        'Short unavailability, restored from the provider, no loss: unlikely to result in a risk (EDPB 9/2022, example 3).',
      status: 'closed',
    });
    expect(
      (
        await c.api(`/api/breaches/${ids.outage}/decisions`, {
          token,
          method: 'POST',
          body: {
            kind: 'not_notify_authority',
            reason: 'Unlikely to result in a risk: 40 minutes, no loss',
            decidedBy: 'Anna Conti, referente privacy',
          },
        })
      ).status,
    ).toBe(201);

    browser = await launchBrowser();
    page = await newConsolePage(browser, { height: 900, romeTime: true, downloads: true });
    await signInAsAdministrator(page, c.url);
  });
  afterAll(async () => {
    await browser?.close();
    await c?.close();
  });

  it('shows the open breaches on the dashboard with their 72-hour clocks', async () => {
    const card = page.getByTestId('open-breaches-card');
    await card.getByTestId('open-breaches').waitFor();
    const text = await card.innerText();
    expect(text).toContain('Contact-form mailbox read by an intruder');
    expect(text).toContain('Sales laptop stolen from a car');
    expect(text).not.toContain('Chat assistant unavailable');
    expect(await card.locator('[data-state="running"]').innerText()).toMatch(/^5[12] h \d+ min left$/);
    expect(await card.locator('[data-state="overdue"]').innerText()).toMatch(/^Overdue by [78] h \d+ min$/);
    await card.scrollIntoViewIfNeeded();
    await still(page);
    await screenshot(page, '80-dashboard-breaches-en');
  });

  it('lists the register with each clock, the CSV and the printable register', async () => {
    await page.getByRole('menuitem', { name: 'Data breaches' }).click();
    await page.waitForURL(/#\/breaches/);
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    const table = await page.locator('table').innerText();
    expect(table).toContain('No notification due');
    expect(table).toContain('High risk');
    await page.getByRole('link', { name: 'Export CSV' }).waitFor();
    await page.getByRole('link', { name: 'Printable register' }).waitFor();
    await still(page);
    await screenshot(page, '81-breaches-list-en');
  });

  it('opens a breach: facts, clock, the people affected counted then listed, the letter in English', async () => {
    await page.locator('table tbody tr', { hasText: 'Contact-form mailbox' }).click();
    await page.getByTestId('breach-clock').first().waitFor();
    await page.getByText('Aruba’s abuse desk reported the foreign logins', { exact: false }).waitFor();
    await still(page);
    await screenshot(page, '82-breach-en');
    const count = page.getByTestId('affected-count');
    await count.waitFor();
    expect(await count.innerText()).toBe('3 people');
    await page.getByTestId('affected-show').click();
    const list = page.getByTestId('affected-list');
    await list.waitFor();
    const listText = await list.innerText();
    expect(listText).toContain('giulia.bianchi@example.it');
    expect(listText).not.toContain('paolo.verdi@example.it');
    // Giulia's row: what the index holds of her in words, not its field names (issue 23).
    const giulia = await list.locator('tbody tr', { hasText: 'giulia.bianchi@example.it' }).innerText();
    expect(giulia).toMatch(/Email address[\s\S]*Text, Email, Name, Phone/);
    expect(giulia).not.toMatch(/\b(content|phone)\b/);
    await page.getByTestId('affected-panel').scrollIntoViewIfNeeded();
    await still(page);
    await screenshot(page, '83-breach-affected-en');
    const letter = page.getByTestId('letter');
    await letter.waitFor();
    expect(await letter.innerText()).toContain('For any question you may contact Anna Conti, referente privacy');
    await letter.scrollIntoViewIfNeeded();
    await still(page);
    await screenshot(page, '84-breach-letter-en');
  });

  it('asks for the reasons for the delay when the notification is late', async () => {
    await page.getByRole('menuitem', { name: 'Data breaches' }).click();
    await page.locator('table tbody tr', { hasText: 'Sales laptop' }).click();
    await page.getByTestId('notify-button').click();
    await page.getByLabel('Protocol number').fill('GPDP-2026-0042');
    await page.getByText('This notification is more than 72 hours after awareness').waitFor();
    await page.getByTestId('notification-save').click();
    await page
      .getByRole('dialog')
      .getByText(/^is required: the notification is made more than 72 hours after awareness/)
      .waitFor();
    await still(page);
    await screenshot(page, '85-breach-late-notification-en');
    await page
      .getByLabel('Reasons for the delay')
      .fill('The theft was reported to us by the salesperson only on the fourth day.');
    await page.getByTestId('notification-save').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('breach-clock').first().getAttribute('data-state')).toBe('notified_late');
    await page.getByText('protocol GPDP-2026-0042', { exact: false }).waitFor();
  });

  it('offers the EDPB examples beside the risk assessment when a breach is recorded', async () => {
    await page.getByRole('menuitem', { name: 'Data breaches' }).click();
    await page.getByRole('link', { name: 'Create' }).click();
    await page.getByTestId('risk-guidance').click();
    await page.getByText('Encrypted backup on a stolen USB key', { exact: false }).waitFor();
    await page.getByTestId('risk-guidance').scrollIntoViewIfNeeded();
    await still(page);
    await screenshot(page, '86-breach-create-guidance-en');
  });

  it('lets an auditor read the register in Italian, without changing it', async () => {
    const other = await newConsolePage(browser, { height: 900, locale: 'it-IT', romeTime: true });
    await other.goto(c.url);
    await signIn(other, auditor.email, auditor.password, 'Accedi');
    const card = other.getByTestId('open-breaches-card');
    await card.getByTestId('open-breaches').waitFor();
    expect(await card.innerText()).toContain('Violazioni aperte');
    expect(await card.locator('[data-state="running"]').innerText()).toMatch(/^Restano 5[12] h \d+ min$/);
    await card.scrollIntoViewIfNeeded();
    await still(other);
    await screenshot(other, '87-dashboard-breaches-it');

    await other.getByRole('menuitem', { name: 'Violazioni dei dati' }).click();
    const rows = other.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await other.locator('table').innerText()).toContain('Notificata in ritardo');
    expect(await other.getByRole('link', { name: 'Crea', exact: true }).count()).toBe(0);
    await still(other);
    await screenshot(other, '88-breaches-list-it');

    await rows.filter({ hasText: 'Contact-form mailbox' }).click();
    await other.getByTestId('affected-count').waitFor();
    expect(await other.getByTestId('affected-count').innerText()).toBe('3 interessati');
    expect(await other.getByTestId('notify-button').count()).toBe(0);
    expect(await other.getByRole('link', { name: 'Modifica', exact: true }).count()).toBe(0);
    // The people in Italian: the kind of identifier, what is held and the language in words.
    await other.getByTestId('affected-show').click();
    const people = other.getByTestId('affected-list');
    await people.waitFor();
    const giulia = await people.locator('tbody tr', { hasText: 'giulia.bianchi@example.it' }).innerText();
    expect(giulia).toMatch(
      /Indirizzo email[\s\S]*Testo, Email, Nome e cognome, Telefono[\s\S]*Italiano \(predefinito\)/,
    );
    await people.scrollIntoViewIfNeeded();
    await still(other);
    await screenshot(other, '88b-breach-affected-it');
    const letter = other.getByTestId('letter');
    await letter.waitFor();
    const text = await letter.innerText();
    expect(text).toContain('Una persona non autorizzata');
    expect(text).toContain('Per qualsiasi domanda può contattare Anna Conti, referente privacy');
    await letter.scrollIntoViewIfNeeded();
    await still(other);
    await screenshot(other, '89-breach-letter-it');
    await other.context().close();
  });
});
