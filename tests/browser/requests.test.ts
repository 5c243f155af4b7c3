import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../support/zip';
import { ADMIN, sql, startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';
import { launchBrowser, newConsolePage, screenshot, signIn, still } from './browser';
import { createApiKey, ingestAccepted } from '../support/ingest';

/**
 * The data-subject requests in a real Chromium against the real console: the dashboard's
 * figures, an e-mail imported as a request and walked through the whole workflow (identity
 * check, verification, extension, closing), both languages, and an auditor who may only read.
 * Screenshots go to tests/artifacts/ to be looked at.
 */

const EMAIL = join(__dirname, '../fixtures/emails/it-plain-erasure.eml');
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

describe('data-subject requests in Chromium', () => {
  let c: TestConsole;
  let browser: Browser;
  let page: Page;
  let token: string;
  let requestUrl: string;
  let accessRequest: { id: string; reference: string };
  const auditor = { email: uniqueEmail('auditor'), password: 'auditor password 1' };

  beforeAll(async () => {
    c = await startTestConsole({ serveAdmin: true, database: 'server' });
    token = await c.login();
    const create = async (body: Record<string, unknown>) => {
      const res = await c.api('/api/requests', { token, body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as { id: string; reference: string };
    };
    const act = async (id: string, action: string, body: Record<string, unknown>) => {
      const res = await c.api(`/api/requests/${id}/${action}`, { token, body });
      expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
    };

    // Open: one overdue, one due within the week, one just received.
    await create({
      type: 'erasure',
      channel: 'email',
      receivedAt: daysAgo(40),
      subjectName: 'Marco Neri',
      subjectEmail: 'marco.neri@example.it',
      language: 'it',
    });
    accessRequest = await create({
      type: 'access',
      channel: 'web_form',
      receivedAt: daysAgo(27),
      subjectName: 'Laura Conti',
      subjectEmail: 'laura.conti@example.it',
      language: 'it',
    });
    await create({
      type: 'portability',
      channel: 'post',
      receivedAt: daysAgo(2),
      subjectName: 'Paolo Greco',
      subjectPhone: '+39 347 765 4321',
      language: 'it',
    });

    // Answered in past months, so that the chart and the median have something to show.
    const history: Array<[string, number, number]> = [
      ['access', 160, 21],
      ['erasure', 130, 12],
      ['access', 100, 18],
      ['objection', 95, 6],
      ['rectification', 70, 9],
      ['erasure', 64, 25],
      ['consent_withdrawal', 45, 3],
      ['access', 35, 14],
    ];
    for (const [type, received, took] of history) {
      const r = await create({
        type,
        channel: 'email',
        receivedAt: daysAgo(received),
        subjectEmail: uniqueEmail('subject'),
        language: 'en',
      });
      await act(r.id, 'verify', { method: 'email_from_known_address' });
      // An erasure request closes once its erasure ran (nothing is held about these subjects).
      if (type === 'erasure') await act(r.id, 'erase', {});
      await act(r.id, 'close', { outcome: 'Answered by e-mail' });
      // Answered `took` days after receipt, not today.
      await sql(c, `UPDATE requests SET closed_at = received_at + make_interval(days => $2) WHERE id = $1`, [
        r.id,
        took,
      ]);
    }

    await c.api('/api/users', { token, body: { ...auditor, fullName: 'Anna Auditor', role: 'auditor' } });

    // What the website sent about Giulia Bianchi, whose e-mail is imported below.
    const key = await createApiKey(c, token);
    const ingest = (source: string, body: unknown) => ingestAccepted(c, key, source, body);
    await ingest('leads', {
      externalId: 'lead-1',
      firstName: 'Giulia',
      lastName: 'Bianchi',
      email: 'Giulia.Bianchi@Example.IT',
      phone: '+39 347 123 4567',
      submittedAt: '2026-11-02T10:00:00Z',
    });
    await ingest('chat-conversations', {
      externalId: 'chat-1',
      provider: 'anthropic',
      startedAt: '2026-11-05T18:00:00Z',
      messages: [
        { role: 'user', content: 'Buonasera, scrivetemi a giulia.bianchi@example.it', sentAt: '2026-11-05T18:00:05Z' },
      ],
    });
    // Laura Conti's lead, for the access package downloaded below.
    await ingest('leads', {
      externalId: 'lead-laura',
      firstName: 'Laura',
      lastName: 'Conti',
      email: 'laura.conti@example.it',
      message: 'Vorrei un preventivo',
      submittedAt: '2026-10-12T09:30:00Z',
    });

    browser = await launchBrowser();
    page = await newConsolePage(browser, { romeTime: true });
  });
  afterAll(async () => {
    await browser?.close();
    await c?.close();
  });

  it('lands on a dashboard led by the request figures', async () => {
    await page.goto(c.url);
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByText('Welcome, Administrator').waitFor();

    await expect.poll(() => page.getByTestId('stat-open').textContent()).toBe('3');
    await expect(page.getByTestId('stat-overdue').textContent()).resolves.toBe('1');
    await expect(page.getByTestId('stat-due-soon').textContent()).resolves.toBe('1');
    await expect(page.getByTestId('stat-median').textContent()).resolves.toMatch(/^\d+(\.\d)?$/);
    await page.getByText('Requests per month').waitFor();
    await page.getByTestId('requests-per-month').locator('.recharts-bar-rectangle').first().waitFor();
    await page.getByTestId('requests-per-month').getByText('Consent withdrawal').waitFor();

    // The open requests, earliest deadline first: the overdue one, then the one due this week.
    const open = page.getByTestId('open-requests').getByRole('listitem');
    await expect.poll(() => open.count()).toBe(3);
    await expect(open.nth(0).getByTestId('days-left').getAttribute('data-urgency')).resolves.toBe('overdue');
    await expect(open.nth(1).getByTestId('days-left').getAttribute('data-urgency')).resolves.toBe('soon');
    await expect(open.nth(2).getByTestId('days-left').getAttribute('data-urgency')).resolves.toBe('ok');
    await expect(open.nth(0).textContent()).resolves.toMatch(/Marco Neri.*\d+ days overdue/);
    await still(page, { notices: true });
    await screenshot(page, '20-dashboard-en');
  });

  it('imports an e-mail as a request with a guessed type', async () => {
    await page.getByRole('menuitem', { name: 'Requests' }).click();
    await page.getByRole('table').waitFor();
    await expect.poll(() => page.getByRole('table').getByRole('row').count()).toBe(4); // header + the 3 open
    await page.getByRole('button', { name: 'Import e-mails' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import e-mails' });
    await dialog.getByTestId('import-emails-input').setInputFiles(EMAIL);
    const created = dialog.getByRole('link', { name: /^DSR-2026-\d{4}$/ });
    await created.waitFor();
    await dialog.getByText('1 request created').waitFor();
    await expect(dialog.getByTestId('type-guessed').textContent()).resolves.toMatch(/Erasure\s*guess/i);
    await created.click();

    await page.getByTestId('request-reference').waitFor();
    requestUrl = page.url();
    await expect(page.getByTestId('request-status').textContent()).resolves.toBe('Received');
    await expect(page.getByTestId('request-reference').textContent()).resolves.toMatch(/^DSR-2026-\d{4}$/);
    await page.getByText('giulia.bianchi@example.it').first().waitFor();
    // The e-mail's text is the first line of the timeline.
    await page
      .getByTestId('request-timeline')
      .getByText(/vi chiedo la cancellazione/)
      .waitFor();
    // The data held, searched for the subject's e-mail, each source linking to the full search.
    const held = page.getByTestId('subject-data-email');
    await held.getByText('Leads').waitFor();
    await expect(held.getByRole('link', { name: /Leads\s*1/ }).getAttribute('href')).resolves.toBe(
      '#/find-person?q=giulia.bianchi%40example.it',
    );
    await held.getByRole('link', { name: /Conversations\s*1/ }).waitFor();
  });

  it('walks the request through type confirmation, identity check, verification, extension and closing', async () => {
    const status = page.getByTestId('request-status');
    const dialog = page.getByRole('dialog');

    await page.getByRole('button', { name: 'Confirm type' }).click();
    await page.getByText('Type confirmed').waitFor();
    await expect.poll(() => page.getByTestId('type-guessed').count()).toBe(0);

    await page.getByRole('button', { name: 'Start identity check' }).click();
    await dialog.getByLabel('What was asked (optional)').fill('Asked her to reply from the address we know.');
    await dialog.getByRole('button', { name: 'Start identity check' }).click();
    await expect.poll(() => status.textContent()).toBe('Identity check');
    await expect.poll(() => dialog.count()).toBe(0);

    await page.getByRole('button', { name: 'Verify identity' }).click();
    await dialog.getByLabel('What was seen or checked (optional)').fill('She replied from giulia.bianchi@example.it.');
    await dialog.getByRole('button', { name: 'Verify identity' }).click();
    await expect.poll(() => status.textContent()).toBe('In progress');
    await page.getByText('admin@console.test', { exact: true }).waitFor(); // verified by

    // Too short a reason is refused beside the input, and nothing is sent.
    await page.getByRole('button', { name: 'Extend' }).click();
    await dialog.getByLabel('Reason for the extension').fill('busy');
    await dialog.getByRole('button', { name: 'Extend by two months' }).click();
    await dialog
      .getByText(/10 characters/)
      .first()
      .waitFor();
    await dialog.getByLabel('Reason for the extension').fill('Many sources to search, including a long chat history.');
    await expect(dialog.getByLabel('Subject informed on').inputValue()).resolves.toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/,
    );
    await dialog.getByRole('button', { name: 'Extend by two months' }).click();
    await expect.poll(() => page.getByTestId('deadline-extended').textContent()).toMatch(/2027/);
    await expect.poll(() => page.getByRole('button', { name: 'Extend', exact: true }).count()).toBe(0); // only once

    // An erasure request closes once the erasure is complete: preview it, run it, then close.
    await expect.poll(() => page.getByRole('button', { name: 'Close', exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Preview erasure' }).click();
    await dialog.getByTestId('erasure-preview-leads').getByText('Giulia Bianchi').waitFor();
    await dialog.getByRole('button', { name: 'Erase now' }).click();
    await page
      .getByRole('dialog', { name: /^Erase the data of DSR-2026-\d{4} now\?$/ })
      .getByRole('button', { name: 'Erase now' })
      .click();
    await expect.poll(() => dialog.getByTestId('erasure-result').getAttribute('data-state')).toBe('complete');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => page.getByTestId('erasure-state').getAttribute('data-state')).toBe('complete');

    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.getByLabel('Outcome').fill('Erased her data from every source and told her by e-mail.');
    await dialog.getByRole('button', { name: 'Close the request' }).click();
    await expect.poll(() => status.textContent()).toBe('Completed');
    await expect(page.getByTestId('request-outcome').textContent()).resolves.toMatch(/Erased her data/);
    // A closed request offers no more steps, only notes.
    await expect.poll(() => page.getByRole('button', { name: 'Verify identity' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Add note' }).waitFor();

    const kinds = page.getByTestId('request-timeline').locator(':scope > li');
    const kindsShown = async () => Promise.all((await kinds.all()).map((item) => item.getAttribute('data-kind')));
    await expect.poll(kindsShown).toEqual([
      'received',
      'updated',
      'identity_check',
      'verified',
      'extended',
      'erasure_started',
      // One step per source, in the order a run takes.
      ...Array(6).fill('erasure_source_done'),
      'erasure_completed',
      'closed',
    ]);
    await expect(page.getByTestId('answered-on-time').getAttribute('data-on-time')).resolves.toBe('true');
    await page.evaluate('window.scrollTo(0, 0)');
    await still(page, { notices: true });
    await screenshot(page, '21-request-en');
  });

  it('shows the dashboard and the request in Italian', async () => {
    await page.getByRole('button', { name: 'English' }).first().click();
    await page.getByRole('menuitem', { name: 'Italiano' }).click();
    await page.goto(`${c.url}/#/`);
    await page.getByText('Richieste per mese').waitFor();
    await expect.poll(() => page.getByTestId('stat-open').textContent()).toBe('3');
    await page.getByTestId('requests-per-month').getByText('Revoca del consenso').waitFor();
    await page
      .getByTestId('open-requests')
      .getByText(/Scaduta da \d+ giorni/)
      .waitFor();
    await still(page, { notices: true });
    await screenshot(page, '22-dashboard-it');

    await page.goto(requestUrl);
    await expect.poll(() => page.getByTestId('request-status').textContent()).toBe('Evasa');
    await page.getByText('Cronologia').waitFor();
    await page.getByText('Identità verificata').first().waitFor();
    await page.getByText('Dati conservati sull’interessato').waitFor();
    await still(page, { notices: true });
    await screenshot(page, '23-request-it');
  });

  it('lets an auditor read requests but offers no action', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'en-GB',
      timezoneId: 'Europe/Rome',
    });
    const auditorPage = await context.newPage();
    auditorPage.setDefaultTimeout(15_000);
    try {
      await auditorPage.goto(c.url);
      // A fresh context's first visit can take long before the login form shows: wait longer.
      await auditorPage.locator('input[name="username"]').waitFor({ timeout: 60_000 });
      await signIn(auditorPage, auditor.email, auditor.password);
      await auditorPage.getByText('Welcome, Anna Auditor').waitFor();
      await auditorPage.goto(`${c.url}/#/requests`);
      await expect.poll(() => auditorPage.getByRole('table').getByRole('row').count()).toBe(4);
      await expect.poll(() => auditorPage.getByRole('button', { name: 'Import e-mails' }).count()).toBe(0);
      await expect.poll(() => auditorPage.getByRole('link', { name: 'Create' }).count()).toBe(0);
      await auditorPage.getByRole('table').getByText('Paolo Greco').click();
      await auditorPage.getByTestId('request-reference').waitFor();
      await expect(auditorPage.getByTestId('request-status').textContent()).resolves.toBe('Received');
      await expect.poll(() => auditorPage.getByTestId('request-actions').count()).toBe(0);
      await expect.poll(() => auditorPage.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('downloads the access package of a verified request as a ZIP named by its reference', async () => {
    // A page of its own, signed in afresh, in English (the page before was switched to Italian).
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'en-GB',
      timezoneId: 'Europe/Rome',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(c.url);
    await page.locator('input[name="username"]').waitFor({ timeout: 60_000 });
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByText('Welcome, Administrator').waitFor();

    // No download before the identity is verified.
    await page.goto(`${c.url}/#/requests/${accessRequest.id}/show`);
    await page.getByTestId('request-reference').waitFor();
    await page.getByRole('button', { name: 'Verify identity' }).waitFor();
    expect(await page.getByRole('link', { name: /ZIP/ }).count()).toBe(0);
    const verified = await c.api(`/api/requests/${accessRequest.id}/verify`, {
      token,
      body: { method: 'email_from_known_address' },
    });
    expect(verified.status).toBe(200);
    await page.reload();

    const button = page.getByRole('link', { name: /ZIP/ });
    await button.waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await still(page, { notices: true });
    await screenshot(page, '24-request-export-button');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe(`${accessRequest.reference}-access.zip`);
    const zip = await readZip(readFileSync(await download.path()));
    const manifest = JSON.parse(zip.get('manifest.json')!.toString('utf8')) as {
      reference: string;
      files: Array<{ path: string; sha256: string }>;
    };
    expect(manifest.reference).toBe(accessRequest.reference);
    for (const file of manifest.files) {
      expect(createHash('sha256').update(zip.get(file.path)!).digest('hex'), file.path).toBe(file.sha256);
    }
    // Her lead, in Italian (the request's language), and nobody else's data.
    expect(JSON.parse(zip.get('data/leads.json')!.toString('utf8'))).toEqual([
      expect.objectContaining({ email: 'laura.conti@example.it', message: 'Vorrei un preventivo' }),
    ]);
    expect(zip.get('README.txt')!.toString('utf8')).toMatch(/Garante/);
    for (const content of zip.values()) expect(content.toString('utf8')).not.toMatch(/giulia|marco\.neri/i);
    // The download is on the request's timeline.
    await page.reload();
    await page.getByTestId('request-timeline').locator('li[data-kind="exported"]').waitFor();
    await context.close();
  });
});
