import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, postBatch } from '../support/ingest';
import { ADMIN, startTestConsole, type TestConsole } from '../support/test-console';
import { launchBrowser, newConsolePage, openSignInForm, screenshot, signIn, still } from './browser';

/**
 * Issue 18 in Chromium, in English and Italian: a revoked calendar connection whose tokens are
 * still held says so (revoked on its date; held, encrypted, unused until the sweep of its date),
 * never "held" as if active; and the dashboard warns of processing activities with no retention
 * period recorded (Art. 30(1)(f)), which the record of processing lists as missing.
 */
describe('revoked calendar tokens and missing retention, in Chromium', () => {
  let c: TestConsole;
  let browser: Browser;
  let luciaId: string;

  beforeAll(async () => {
    c = await startTestConsole({
      serveAdmin: true,
      database: 'server',
      env: { RETENTION_SWEEP_CRON: '0 3 * * *', RETENTION_SWEEP_TIME_ZONE: 'Europe/Rome' },
    });
    const token = await c.login();
    const key = await createApiKey(c, token);
    await postBatch(c, key, 'calendar-connections', [
      {
        externalId: 'lucia-cal',
        accountEmail: 'lucia.conti@example.it',
        accessToken: 'ya29.LUCIA-ACCESS',
        refreshToken: '1//LUCIA-REFRESH',
        scopes: ['calendar'],
        connectedAt: '2026-09-01T08:00:00Z',
        revokedAt: '2026-11-20T10:30:00Z',
      },
      {
        externalId: 'marco-cal',
        accountEmail: 'marco.neri@example.it',
        accessToken: 'ya29.MARCO-ACCESS',
        refreshToken: '1//MARCO-REFRESH',
        scopes: ['calendar'],
        connectedAt: '2026-09-02T08:00:00Z',
      },
    ]);
    await postBatch(c, key, 'access-logs', [
      {
        ip: '203.0.113.7',
        userAgent: '=cmd|" /C calc"!A0',
        path: '/contatti',
        method: 'GET',
        status: 200,
        at: new Date().toISOString(),
      },
    ]);
    const list = await c.api('/api/calendar-connections', { token });
    luciaId = list.body.find((r: { accountEmail: string }) => r.accountEmail === 'lucia.conti@example.it').id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await c?.close();
  });

  const signedIn = async (locale: string, button: string): Promise<Page> => {
    const page = await newConsolePage(browser, { height: 800, locale, romeTime: true, downloads: true });
    await openSignInForm(page, c.url);
    await signIn(page, ADMIN.email, ADMIN.password, button);
    await page.getByTestId('activitiesMissingRetention').waitFor();
    return page;
  };

  it.each([
    {
      lang: 'en',
      locale: 'en-GB',
      button: 'Sign in',
      dashboard: '3 processing activities have no retention period recorded (Art. 30(1)(f))',
      notice:
        'Revoked on 20 November 2026: the tokens are still held, encrypted and no longer used, until the retention sweep deletes them on',
      listChip: 'Held, unused, until',
      active: 'Held, encrypted, in use',
      revoked: 'Revoked on 20 Nov 2026',
      exportButton: 'Export',
      csvHeader: ['"Date and time"', '"IP address"', '"Path"'],
    },
    {
      lang: 'it',
      locale: 'it-IT',
      button: 'Accedi',
      dashboard:
        '3 attività di trattamento non hanno un termine di conservazione registrato (art. 30, par. 1, lett. f)',
      notice:
        'Revocato il 20 novembre 2026: i token sono ancora conservati, cifrati e non più utilizzati, finché la pulizia periodica della conservazione non li cancella il',
      listChip: 'Presenti, non in uso, fino al',
      active: 'Presenti, cifrati, in uso',
      revoked: 'Revocato il 20 nov 2026',
      exportButton: 'Esporta',
      csvHeader: ['"Data e ora"', '"Indirizzo IP"', '"Percorso"'],
    },
  ])('says it in $lang: the dashboard, the connections list and the revoked connection', async (t) => {
    const page = await signedIn(t.locale, t.button);
    const warning = page.getByTestId('activitiesMissingRetention');
    expect(await warning.innerText()).toContain(t.dashboard);
    await warning.scrollIntoViewIfNeeded();
    await still(page);
    await screenshot(page, `18-dashboard-missing-retention-${t.lang}`);

    await page.goto(`${c.url}/#/calendar-connections`);
    const rows = page.locator('table tbody tr');
    await rows.filter({ hasText: 'lucia.conti@example.it' }).waitFor();
    const lucia = await rows.filter({ hasText: 'lucia.conti@example.it' }).innerText();
    expect(lucia).toContain(t.revoked);
    expect(lucia).toContain(t.listChip);
    expect(lucia).not.toContain(t.active);
    // The other person's, still connected: in use.
    expect(await rows.filter({ hasText: 'marco.neri@example.it' }).innerText()).toContain(t.active);
    await still(page);
    await screenshot(page, `18-calendar-connections-${t.lang}`);

    await page.goto(`${c.url}/#/calendar-connections/${luciaId}/show`);
    const notice = page.getByTestId('revoked-tokens-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toContain(t.notice);
    await still(page);
    await screenshot(page, `18-revoked-calendar-connection-${t.lang}`);

    // The access-log list's Export: what the list shows (the IP), headed in the page's language, formula-safe.
    await page.goto(`${c.url}/#/access-logs`);
    await page.locator('table tbody tr', { hasText: '203.0.113.7' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: t.exportButton }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const [header, row] = csv.split('\n');
    for (const h of t.csvHeader) expect(header).toContain(h);
    expect(header).not.toMatch(/"(ip|userAgent|restrictedAt)"/);
    expect(row).toContain('"203.0.113.7"');
    expect(row).toContain(`"'=cmd|"" /C calc""!A0"`);
    await page.context().close();
  });
});
