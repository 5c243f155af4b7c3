import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestConsole, type TestConsole } from '../support/test-console';
import { launchBrowser, newConsolePage, openSignInForm, screenshot, signIn, still } from './browser';
import { ingestAccepted } from '../support/ingest';
import {
  WEBSITE_LEAD_GIULIA,
  WEBSITE_LEAD_MARIA_BIANCHI,
  CALLBACK_CHAT,
  GIULIA_CALENDAR_CONNECTION,
  SITE_VISIT_EVENT,
} from '../support/records';

/**
 * "Find a person" in a real Chromium against the real console: Giulia Bianchi is sent through
 * the ingestion API into every source, each holding a different writing of her identifiers,
 * next to Maria Bianchi (a similar name). The officer searches her phone, opens what was found,
 * switches to Italian, browses a source, and an admin makes an API key shown once.
 * Screenshots go to tests/artifacts/ to be looked at.
 */
describe('find a person, the personal-data sources and API keys in Chromium', () => {
  let c: TestConsole;
  let browser: Browser;
  let page: Page;

  const PHONE_AS_TYPED = '347 123 4567';
  const SOURCES_FOUND = [
    'leads',
    'chat-conversations',
    'chat-messages',
    'calendar-connections',
    'calendar-events',
    'consents',
  ];

  beforeAll(async () => {
    c = await startTestConsole({ serveAdmin: true, database: 'server' });
    const token = await c.login();
    const created = await c.api('/api/api-keys', { token, body: { name: 'Website' } });
    expect(created.status).toBe(201);
    const key: string = created.body.key;
    const ingest = (source: string, body: unknown) => ingestAccepted(c, key, source, body);

    // Giulia Bianchi: the lead gives e-mail and phone; the chat only the phone, written differently.
    await ingest('leads', [
      WEBSITE_LEAD_GIULIA,
      // Maria Bianchi: a similar name, her own e-mail and phone.
      WEBSITE_LEAD_MARIA_BIANCHI,
    ]);
    await ingest('chat-conversations', CALLBACK_CHAT);
    await ingest('calendar-connections', GIULIA_CALENDAR_CONNECTION);
    await ingest('calendar-events', [SITE_VISIT_EVENT]);
    await ingest('consents', {
      externalId: 'consent-1',
      consentId: 'c0f1e2d3-giulia-browser',
      email: 'giulia.bianchi@example.it',
      categories: {
        necessary: true,
        functional: false,
        ai_chatbot: true,
        statistics: true,
        analytics: false,
        marketing: false,
      },
      action: 'grant',
      policyVersion: '2026-06-11',
      doNotTrack: false,
      recordedAt: '2026-11-02T09:59:00Z',
    });
    await ingest('access-logs', {
      ip: '93.44.12.7',
      userAgent: 'Mozilla/5.0',
      path: '/vetrine',
      method: 'GET',
      status: 200,
      at: '2026-11-02T09:58:00Z',
    });

    browser = await launchBrowser();
    page = await newConsolePage(browser);
    await openSignInForm(page, c.url);
  });
  afterAll(async () => {
    await browser?.close();
    await c?.close();
  });

  it('signs in and finds Giulia in every source from her phone, and never Maria', async () => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByText('Welcome, Administrator').waitFor();

    await page.getByRole('menuitem', { name: 'Find a person' }).click();
    await page.getByText('What can I search for?').waitFor();
    await page.getByRole('textbox', { name: 'Who are you looking for?' }).fill(PHONE_AS_TYPED);
    await page.getByRole('button', { name: 'Search', exact: true }).click();

    for (const source of SOURCES_FOUND) {
      await page.getByTestId(`source-card-${source}`).waitFor();
    }
    await expect(page.getByTestId('source-card-access-logs').count()).resolves.toBe(0);
    // The search is in the URL, so it can be linked to.
    expect(decodeURIComponent(new URL(page.url()).hash).replace(/\+/g, ' ')).toBe(`#/find-person?q=${PHONE_AS_TYPED}`);

    const summary = page.getByTestId('find-person-summary');
    await expect(summary.textContent()).resolves.toContain('a phone number');
    await expect(summary.textContent()).resolves.toContain('+39 347 123 4567');
    // Her e-mail was found in the lead that matched the phone, and searched as well.
    await expect(summary.getByTestId('identifier-linked').allTextContents()).resolves.toContain(
      'giulia.bianchi@example.it',
    );
    // The chat message that gave only the phone, with the number marked as she wrote it.
    await expect(page.getByTestId('source-card-chat-messages').locator('mark').textContent()).resolves.toBe(
      '0039 347 123 4567',
    );
    // The consent holds only her e-mail: linked, not direct.
    await expect(page.getByTestId('source-card-consents').getByText('Linked', { exact: true }).count()).resolves.toBe(
      1,
    );
    await page.getByText('Every search is recorded in the audit log').waitFor();

    const text = (await page.locator('body').innerText()).toLowerCase();
    expect(text).not.toContain('maria.bianchi');
    expect(await page.content()).not.toContain('maria.bianchi');
    await still(page);
    await screenshot(page, '10-find-person-en');
  });

  it('opens the conversation found, with its transcript', async () => {
    await page.getByTestId('source-card-chat-conversations').getByTestId('find-person-record').first().click();
    const transcript = page.getByTestId('chat-transcript');
    await transcript.waitFor();
    await transcript.getByText('potete richiamarmi al 0039 347 123 4567').waitFor();
    await transcript.getByText('Un consulente la chiamerà').waitFor();
    expect(page.url()).toMatch(/#\/chat-conversations\/[0-9a-f-]{36}\/show$/);
    await still(page);
    await screenshot(page, '11-conversation-en');
  });

  it('shows the same search in Italian, straight from its link', async () => {
    await page.getByRole('button', { name: 'English' }).first().click();
    await page.getByRole('menuitem', { name: 'Italiano' }).click();
    await page.goto(`${c.url}/#/find-person?q=${encodeURIComponent(PHONE_AS_TYPED)}`);
    await page.getByText('Interpretata come').waitFor();
    for (const source of SOURCES_FOUND) {
      await page.getByTestId(`source-card-${source}`).waitFor();
    }
    await page.getByText('Ogni ricerca resta nel registro di audit').waitFor();
    await expect(page.getByRole('heading', { name: 'Conversazioni in chat' }).count()).resolves.toBe(1);
    expect((await page.locator('body').innerText()).toLowerCase()).not.toContain('maria.bianchi');
    await still(page);
    await screenshot(page, '12-find-person-it');
  });

  it('lists the leads, in Italian', async () => {
    await page.getByRole('menuitem', { name: 'Lead' }).click();
    await page.getByRole('table').waitFor();
    await page.getByText('Giulia Bianchi').waitFor();
    await page.getByText('Maria Bianchi').waitFor();
    await expect(page.getByRole('columnheader', { name: 'Provenienza' }).count()).resolves.toBe(1);
    await still(page);
    await screenshot(page, '13-leads-it');
  });

  it('lets an admin create an API key, shown in clear once, and revoke it', async () => {
    await page.getByRole('menuitem', { name: 'Chiavi API' }).click();
    await page.getByText('Website', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Crea' }).click();
    await page.locator('input[name="name"]').fill('Sito web (collaudo)');
    await page.getByRole('button', { name: 'Salva' }).click();

    const clear = page.getByTestId('api-key-clear');
    await clear.waitFor();
    const key = (await clear.textContent()) ?? '';
    expect(key).toMatch(/^pck_[A-Za-z0-9_-]{20,}$/);
    await page.getByText('Copia la chiave adesso.').waitFor();
    await still(page);
    await screenshot(page, '14-api-key-created-it');

    await page.getByRole('button', { name: 'Ho copiato la chiave' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Sito web (collaudo)' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(`${key.slice(0, 12)}…`);
    // Once: the list shows the prefix only, and the key is nowhere on the page any more.
    expect(await page.content()).not.toContain(key);

    // The key works until it is revoked.
    const body = { email: 'collaudo@example.it', submittedAt: '2026-11-07T10:00:00Z' };
    expect((await c.api('/api/ingest/leads', { body, headers: { 'x-api-key': key } })).status).toBe(200);
    await row.getByRole('button', { name: 'Revoca' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoca' }).click();
    await row.getByText('Revocata', { exact: true }).waitFor();
    expect((await c.api('/api/ingest/leads', { body, headers: { 'x-api-key': key } })).status).toBe(401);
  });
});
