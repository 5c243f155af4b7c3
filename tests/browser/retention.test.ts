import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, sql, startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';
import { launchBrowser, newConsolePage, openSignInForm, screenshot, signIn, still } from './browser';
import { createApiKey, ingestAccepted } from '../support/ingest';

/**
 * The retention screen in a real Chromium against the real console: records on both sides of
 * each policy's period, and a person whose data is restricted. The officer reads the report,
 * runs a dry run, sweeps with a confirmation, opens the history, and reads it in Italian; an
 * auditor sees the report without the buttons. Screenshots go to tests/artifacts/.
 */
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

describe('retention report and sweep in Chromium', () => {
  let c: TestConsole;
  let browser: Browser;
  let page: Page;
  const auditor = { email: uniqueEmail('auditor'), password: 'auditor passphrase 2026' };
  const count = async (table: string, where = 'true') =>
    Number((await sql(c, `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`))[0].n);

  beforeAll(async () => {
    c = await startTestConsole({ serveAdmin: true, database: 'server' });
    const token = await c.login();
    expect(
      (await c.api('/api/users', { token, body: { ...auditor, fullName: 'Ada Auditor', role: 'auditor' } })).status,
    ).toBe(201);
    const key = await createApiKey(c, token);
    const ingest = (source: string, body: unknown) => ingestAccepted(c, key, source, body);
    const people = [
      'Anna Verdi',
      'Bruno Neri',
      'Carla Gialli',
      'Dario Blu',
      'Elena Rosa',
      'Franco Bianco',
      'Gina Viola',
    ];
    await ingest(
      'leads',
      people.map((name, i) => {
        const [first, last] = name.split(' ');
        return {
          externalId: `lead-${i}`,
          firstName: first,
          lastName: last,
          email: `${first}.${last}@example.it`.toLowerCase(),
          submittedAt: ago(i < 4 ? 760 + i * 90 : 40 + i),
        };
      }),
    );
    await ingest('leads', {
      externalId: 'lead-rita',
      firstName: 'Rita',
      lastName: 'Longo',
      email: 'rita.longo@example.it',
      submittedAt: ago(900),
    });
    await ingest('chat-conversations', [
      {
        externalId: 'chat-old-1',
        provider: 'anthropic',
        startedAt: ago(600),
        messages: [{ role: 'user', content: 'Fate vetrine per farmacie?', sentAt: ago(600) }],
      },
      {
        externalId: 'chat-old-2',
        provider: 'openai',
        startedAt: ago(420),
        messages: [{ role: 'user', content: 'Richiamatemi al 347 000 1122', sentAt: ago(420) }],
      },
      {
        externalId: 'chat-new',
        provider: 'gemini',
        startedAt: ago(12),
        messages: [{ role: 'user', content: 'Prezzi?', sentAt: ago(12) }],
      },
    ]);
    const choice = { categories: { necessary: true, statistics: true }, action: 'grant', policyVersion: '2026-06-11' };
    await ingest('consents', [
      { externalId: 'cons-1', consentId: 'cid-1', recordedAt: ago(520), ...choice },
      { externalId: 'cons-2', consentId: 'cid-2', recordedAt: ago(400), ...choice },
      {
        externalId: 'cons-rita',
        consentId: 'cid-rita',
        email: 'rita.longo@example.it',
        recordedAt: ago(380),
        ...choice,
      },
      { externalId: 'cons-3', consentId: 'cid-3', recordedAt: ago(30), ...choice },
    ]);
    await ingest('access-logs', {
      ip: '203.0.113.9',
      userAgent: 'Mozilla/5.0',
      path: '/privacy',
      method: 'GET',
      status: 200,
      at: ago(45),
    });
    // A month and more of web-server lines: 1,240 past the 30 days, 310 within.
    await sql(
      c,
      `INSERT INTO access_logs (ip, user_agent, path, method, status, at)
       SELECT ('10.0.' || (g % 250) || '.' || (g % 200))::inet, 'Mozilla/5.0', '/', 'GET', 200, now() - g * interval '139 minutes' FROM generate_series(1, 1550) g`,
    );

    // Rita asked for restriction: her lead, consent and access-log line are kept whatever their age.
    const request = await c.api('/api/requests', {
      token,
      body: {
        type: 'restriction',
        channel: 'email',
        receivedAt: new Date().toISOString(),
        subjectName: 'Rita Longo',
        subjectEmail: 'rita.longo@example.it',
      },
    });
    await c.api(`/api/requests/${request.body.id}/verify`, { token, body: { method: 'email_from_known_address' } });
    expect(
      (await c.api(`/api/requests/${request.body.id}/restrict`, { token, body: { ips: ['203.0.113.9'] } })).status,
    ).toBe(200);

    browser = await launchBrowser();
    page = await newConsolePage(browser, { height: 900, romeTime: true });
    await openSignInForm(page, c.url);
  });
  afterAll(async () => {
    await browser?.close();
    await c?.close();
  });

  it('shows the records past retention per policy, oldest first', async () => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByText('Welcome, Administrator').waitFor();
    await page.getByRole('menuitem', { name: 'Retention sweep', exact: true }).click();

    const table = page.getByTestId('retention-report');
    await table.waitFor();
    const rows = table.locator('tbody tr');
    // Oldest first: leads (1,030 days old), chat (600), consents (lapsed about 155 days ago), the access log (150).
    const keys = await Promise.all((await rows.all()).map((row) => row.getAttribute('data-policy')));
    expect(keys.slice(0, 4)).toEqual(['leads', 'chat', 'consents', 'access-logs']);
    const past = async (key: string) =>
      (await table.locator(`tr[data-policy="${key}"] [data-testid="past"]`).innerText()).trim();
    expect(await past('leads')).toBe('4');
    expect(await past('chat')).toBe('2');
    expect(await past('access-logs')).toBe('1,240');
    expect(await past('consents')).toBe('2');
    await table.locator('tr[data-policy="calendar"]').getByText('No period set').waitFor();
    await table.locator('tr[data-policy="consents"]').getByText('kept as proof').waitFor();
    // 4 leads + 2 conversations + 1,240 lines; restricted: Rita's lead, consent and line.
    expect(await page.getByTestId('retention-due').innerText()).toBe('1,246');
    expect(await page.getByTestId('retention-restricted').innerText()).toBe('3');
    await page.getByText('The daily sweep is off').waitFor();
    await page.getByText('No sweep has run yet.').waitFor();
    await still(page);
    await screenshot(page, '50-retention-report');
  });

  it('runs a dry run that changes nothing', async () => {
    const before = await count('access_logs');
    await page.getByTestId('retention-dry-run').click();
    const outcome = page.getByTestId('sweep-outcome');
    await outcome.getByText('Dry run: nothing was changed').waitFor();
    await outcome.getByText('A sweep now would delete or anonymise 1,246 records.').waitFor();
    expect(await count('access_logs')).toBe(before);
  });

  it('sweeps after a confirmation, and shows what it did', async () => {
    await page.getByTestId('retention-sweep').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Sweep the records past retention?').waitFor();
    await dialog.getByText('This deletes or anonymises 1,246 records now').waitFor();
    await still(page);
    await screenshot(page, '52-retention-confirm');
    await dialog.getByRole('button', { name: 'Sweep now' }).click();

    const outcome = page.getByTestId('sweep-outcome');
    await outcome.getByText('Sweep completed').waitFor();
    await outcome.getByText(/1,246 records deleted or anonymised in/).waitFor();
    const results = outcome.getByTestId('sweep-results');
    await results.locator('tr[data-policy="access-logs"]').getByText('Done').waitFor();
    await results.locator('tr[data-policy="consents"]').getByText('Kept').waitFor();
    // The report counted again: nothing is left past retention but what is restricted.
    await page.locator('[data-testid=retention-due]').filter({ hasText: /^0$/ }).waitFor();
    expect(await page.getByTestId('retention-restricted').innerText()).toBe('3');
    await page
      .getByTestId('retention-last-sweep')
      .getByText(/1,246 records changed/)
      .waitFor();
    expect(await count('leads')).toBe(4);
    expect(await count('leads', `external_id = 'lead-rita'`)).toBe(1);
    expect(await count('access_logs', `at < now() - interval '30 days'`)).toBe(1);
    expect(await count('consent_records')).toBe(4);
    await still(page);
    await screenshot(page, '51-retention-sweep-result');
  });

  it('keeps the history of sweeps and dry runs', async () => {
    await page.getByTestId('sweep-outcome').getByRole('button', { name: 'Close' }).click();
    const history = page.getByTestId('sweep-history');
    const rows = history.locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    await history.getByText('Dry run', { exact: true }).waitFor();
    await history.getByText('Sweep', { exact: true }).waitFor();
    await history.getByText(ADMIN.email).first().waitFor();
    // The newest (the sweep) opens to its results.
    await rows.first().click();
    await history.getByTestId('sweep-results').waitFor();
    await history.getByTestId('sweep-results').scrollIntoViewIfNeeded();
    await still(page);
    await screenshot(page, '53-retention-history');
  });

  it('reads the same in Italian', async () => {
    // The app bar hides while the page is scrolled down.
    await page.evaluate(() => (globalThis as any).scrollTo(0, 0));
    await page.getByRole('button', { name: 'English' }).first().click();
    await page.getByRole('menuitem', { name: 'Italiano' }).click();
    await page.getByText('Pulizia dei dati', { exact: true }).first().waitFor();
    await page.getByText('Oltre i termini', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Pulisci ora' }).waitFor();
    await page.evaluate(() => (globalThis as any).scrollTo(0, 0));
    await still(page);
    await screenshot(page, '54-retention-it');
  });

  it('shows an auditor the report without the buttons', async () => {
    const other = await newConsolePage(browser, { height: 900, romeTime: true, logErrors: false });
    await other.goto(c.url);
    await signIn(other, auditor.email, auditor.password);
    await other.getByRole('menuitem', { name: 'Retention sweep', exact: true }).click();
    await other.getByTestId('retention-report').waitFor();
    await other.getByTestId('sweep-history').locator('tbody tr').first().waitFor();
    expect(await other.getByTestId('retention-sweep').count()).toBe(0);
    expect(await other.getByTestId('retention-dry-run').count()).toBe(0);
    await other.context().close();
  });
});
