import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../support/test-console';
import { createApiKey, ingestAccepted } from '../support/ingest';
import { launchBrowser, newConsolePage, screenshot, still } from './browser';
import { signInAsAdministrator } from '../support/officer-sign-in';

/**
 * The officer's screens of issue 23 in a real Chromium: Chiara Neri was erased (Art. 17) by one
 * request; searching her afterwards says so, with the date and a link to that request, not
 * "nothing found". She then writes again: the new request names her earlier one, and the same
 * e-mail imported twice says it made nothing new (Art. 12(3) and (5)). Chiara Nerini, with a
 * similar address, has a request of her own that never shows. English, then Italian.
 */
describe('an erased person searched, and a person who asks again, in Chromium', () => {
  let c: TestConsole;
  let browser: Browser;
  let page: Page;
  let erasure: { id: string; reference: string };
  let repeated: { id: string; reference: string };
  let nerini: { id: string; reference: string };
  let erasedOn: Date;

  const EMAIL = 'chiara.neri@example.it';
  const day = (locale: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Rome' }).format(erasedOn);
  const eml = [
    `From: Chiara Neri <${EMAIL}>`,
    'To: privacy@vimage.it',
    'Subject: Quali dati avete ancora su di me?',
    'Date: Tue, 1 Dec 2026 09:12:04 +0100',
    'Message-ID: <again-1@example.it>',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Buongiorno, vorrei sapere quali dati conservate ancora su di me. Chiara Neri',
    '',
  ].join('\r\n');

  beforeAll(async () => {
    c = await startTestConsole({ serveAdmin: true, database: 'server' });
    const token = await c.login();
    const key = await createApiKey(c, token);
    await ingestAccepted(c, key, 'leads', [
      {
        externalId: 'chiara-lead',
        firstName: 'Chiara',
        lastName: 'Neri',
        email: EMAIL,
        message: 'Preventivo insegna',
        submittedAt: '2026-10-02T10:00:00Z',
      },
      {
        externalId: 'nerini-lead',
        firstName: 'Chiara',
        lastName: 'Nerini',
        email: 'chiara.nerini@example.it',
        submittedAt: '2026-10-03T10:00:00Z',
      },
    ]);
    const post = (path: string, body: unknown = {}) => c.api(path, { token, body });
    const request = async (type: string, name: string, email: string) => {
      const res = await post('/api/requests', {
        type,
        channel: 'email',
        language: 'it',
        receivedAt: new Date(Date.now() - 20 * 86_400_000).toISOString(),
        subjectName: name,
        subjectEmail: email,
      });
      expect(res.status).toBe(201);
      return res.body as { id: string; reference: string };
    };
    erasure = await request('erasure', 'Chiara Neri', EMAIL);
    nerini = await request('access', 'Chiara Nerini', 'chiara.nerini@example.it');
    expect((await post(`/api/requests/${erasure.id}/verify`, { method: 'email_from_known_address' })).status).toBe(200);
    expect((await post(`/api/requests/${erasure.id}/erase`)).body.state).toBe('complete');
    erasedOn = new Date();
    expect((await post(`/api/requests/${erasure.id}/close`, { outcome: 'Dati cancellati' })).status).toBe(200);
    // She writes again; the same e-mail is imported twice.
    const intake = () =>
      c.api('/api/intake/email', { token, body: eml, headers: { 'content-type': 'message/rfc822' } });
    const first = await intake();
    expect(first.status).toBe(201);
    expect(first.body.otherRequests.map((r: { reference: string }) => r.reference)).toEqual([erasure.reference]);
    repeated = first.body;
    const again = await intake();
    expect(again.body).toMatchObject({ duplicate: true, alreadyImported: { reference: repeated.reference } });

    browser = await launchBrowser();
    page = await newConsolePage(browser, { romeTime: true, height: 1300 });
    await signInAsAdministrator(page, c.url);
  });
  afterAll(async () => {
    await browser?.close();
    await c?.close();
  });

  it('the search says she was erased, when and by which request, with a link to it', async () => {
    await page.goto(`${c.url}/#/find-person?q=${encodeURIComponent(EMAIL)}`);
    const notice = page.getByTestId('erased-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toContain(`Erased on ${day('en-GB')} by request ${erasure.reference}`);
    expect(await page.getByTestId('find-person-nothing').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toMatch(/check how it is written/i);
    await still(page);
    await screenshot(page, 'erased-find-person-en');
    await notice.getByTestId('erased-request-link').click();
    await page.waitForURL(new RegExp(`#/requests/${erasure.id}/show$`));
  });

  it('the new request names her earlier one and the repeated import; the subject panel says she was erased', async () => {
    await page.goto(`${c.url}/#/requests/${repeated.id}/show`);
    const card = page.getByTestId('other-requests');
    await card.waitFor();
    await card.getByText('Other requests from this person').waitFor();
    const others = card.getByTestId('other-request');
    expect(await others.evaluateAll((rows) => rows.map((r) => (r as any).dataset.reference))).toEqual([
      erasure.reference,
    ]);
    expect(await others.first().innerText()).toMatch(/Erasure[\s\S]*same e-mail/);
    expect(await card.getByTestId('duplicate-imports').innerText()).toMatch(
      /This same e-mail was imported again on .*nothing new was created/,
    );
    await card.getByRole('link', { name: erasure.reference }).waitFor();
    const panel = page.getByTestId('subject-data-email');
    await panel.getByTestId('erased-notice').waitFor();
    expect(await panel.innerText()).toContain(`Erased on ${day('en-GB')} by request ${erasure.reference}`);
    expect((await page.locator('body').innerText()).toLowerCase()).not.toContain('nerini');
    await still(page);
    await screenshot(page, 'other-requests-en');
  });

  it('Chiara Nerini’s request, a similar address, names no one else', async () => {
    const answered = page.waitForResponse((r) => r.url().includes(`/requests/${nerini.id}/other-requests`));
    await page.goto(`${c.url}/#/requests/${nerini.id}/show`);
    expect(await (await answered).json()).toMatchObject({ requests: [], duplicateImports: [] });
    await page.getByTestId('subject-data-email').getByText('1 record').waitFor();
    expect(await page.getByTestId('other-requests').count()).toBe(0);
    expect(await page.getByTestId('erased-notice').count()).toBe(0);
  });

  it('says the same in Italian', async () => {
    await page.getByRole('button', { name: 'English' }).first().click();
    await page.getByRole('menuitem', { name: 'Italiano' }).click();
    await page.goto(`${c.url}/#/find-person?q=${encodeURIComponent(EMAIL)}`);
    const notice = page.getByTestId('erased-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toContain(`Cancellato il ${day('it-IT')} con la richiesta ${erasure.reference}`);
    expect(await notice.innerText()).toContain('elenco di soppressione');
    await still(page);
    await screenshot(page, 'erased-find-person-it');

    await page.goto(`${c.url}/#/requests/${repeated.id}/show`);
    const card = page.getByTestId('other-requests');
    await card.getByText('Altre richieste di questa persona').waitFor();
    expect(await card.getByTestId('other-request').first().innerText()).toMatch(/Cancellazione[\s\S]*stessa email/);
    expect(await card.getByTestId('duplicate-imports').innerText()).toMatch(
      /Questa stessa email è stata importata di nuovo il .*non è stata creata una nuova richiesta/,
    );
    const panel = page.getByTestId('subject-data-email');
    await panel.getByTestId('erased-notice').waitFor();
    expect(await panel.innerText()).toContain(`Cancellato il ${day('it-IT')}`);
    const text = await page.locator('body').innerText();
    for (const english of ['Erased on', 'Other requests', 'same e-mail', 'imported again'])
      expect(text).not.toContain(english);
    await still(page);
    await screenshot(page, 'other-requests-it');
  });
});
