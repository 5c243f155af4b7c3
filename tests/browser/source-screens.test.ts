import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, ingestAccepted } from '../support/ingest';
import { CALLBACK_CHAT } from '../support/records';
import { ADMIN, sql, startTestConsole, type TestConsole } from '../support/test-console';
import { launchBrowser, newConsolePage, openSignInForm, screenshot, signIn, still } from './browser';
import { signInAsAdministrator } from '../support/officer-sign-in';

/**
 * The source lists as the officer reads them (issue 23): each conversation with the person behind
 * it, a consent named by when it was given (not by its id) and its policy's date in words, in
 * English and in Italian.
 */
describe('the source screens name the person and the date, not codes', () => {
  let c: TestConsole;
  let browser: Browser;
  let consentId: string;

  beforeAll(async () => {
    c = await startTestConsole({ serveAdmin: true, database: 'server' });
    const token = await c.login();
    const key = await createApiKey(c, token);
    await ingestAccepted(c, key, 'chat-conversations', [
      {
        ...CALLBACK_CHAT,
        externalId: 'chat-visitor',
        visitorName: 'Giulia Bianchi',
        visitorEmail: 'giulia@example.it',
      },
      { ...CALLBACK_CHAT, externalId: 'chat-anonymous', startedAt: '2026-11-04T18:00:00Z' },
    ]);
    await ingestAccepted(c, key, 'consents', {
      externalId: 'consent-screens',
      consentId: 'c0f1e2d3-screens',
      email: null,
      categories: { necessary: true, statistics: true },
      action: 'grant',
      policyVersion: '2026-06-11',
      doNotTrack: false,
      recordedAt: '2026-11-02T09:59:00Z',
    });
    [{ id: consentId }] = await sql(c, `SELECT id FROM consent_records WHERE external_id = 'consent-screens'`);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await c?.close();
  });

  it('in English', async () => {
    const page = await newConsolePage(browser, { romeTime: true });
    await signInAsAdministrator(page, c.url);

    await page.goto(`${c.url}/#/chat-conversations`);
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    expect(await page.locator('table thead').innerText()).toContain('Visitor');
    const visitor = await rows.filter({ hasText: 'chat-visitor' }).innerText();
    expect(visitor).toContain('Giulia Bianchi');
    expect(visitor).toContain('giulia@example.it');
    // The other conversation is not given her name.
    const anonymous = await rows.filter({ hasText: 'chat-anonymous' }).innerText();
    expect(anonymous).toContain('Not stated');
    expect(anonymous).not.toContain('Giulia');
    await still(page);
    await screenshot(page, '112-conversations-visitor-en');

    await page.goto(`${c.url}/#/consents/${consentId}/show`);
    await page.getByText('Consent · 2 Nov 2026, 10:59').first().waitFor();
    const body = await page.locator('main').innerText();
    expect(body).toContain('11 June 2026');
    expect(body).not.toContain('2026-06-11');
    await still(page);
    await screenshot(page, '113-consent-en');
    await page.context().close();
  });

  it('in Italian', async () => {
    const page = await newConsolePage(browser, { romeTime: true, locale: 'it-IT' });
    await openSignInForm(page, c.url);
    await signIn(page, ADMIN.email, ADMIN.password, 'Accedi');
    await page.getByText('Ti diamo il benvenuto, Administrator').waitFor();
    await page.goto(`${c.url}/#/chat-conversations`);
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    expect(await page.locator('table thead').innerText()).toContain('Visitatore');
    expect(await rows.filter({ hasText: 'chat-anonymous' }).innerText()).toContain('Non indicato');
    await page.goto(`${c.url}/#/consents/${consentId}/show`);
    await page.getByText('Consenso · 2 nov 2026, 10:59').first().waitFor();
    expect(await page.locator('main').innerText()).toContain('11 giugno 2026');
    await still(page);
    await screenshot(page, '114-consent-it');
    await page.context().close();
  });
});
