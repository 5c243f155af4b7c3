import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, ingestAccepted } from '../support/ingest';
import { startTestConsole, type TestConsole } from '../support/test-console';
import { ARTIFACTS, launchBrowser, newConsolePage, still } from './browser';
import { recordRequest } from '../support/requests';
import { signInAsAdministrator } from '../support/officer-sign-in';
import { recordContactQualification } from '../support/activities';

/**
 * Issue 17, in a real Chromium against the real console: Olga objected (GDPR Art. 21(1)) and her
 * lead sent afterwards shows the stop on the leads list, on its page and on the dashboard, while
 * Piero's shows nothing — in English, then in Italian; and the decision dialogs' refusals read in
 * Italian, by the API's reason codes: a refusal on the merits without its explanation (Art.
 * 12(4)), a refusal for unverified identity before it was asked (Art. 12(2) and (6)), a second
 * extension (Art. 12(3)), a reply date before the ask.
 */
describe('stops on records and refusals in the officer’s language, in Chromium', () => {
  let c: TestConsole;
  let browser: Browser;
  let page: Page;
  let token: string;
  let olga: { id: string; reference: string };
  const OLGA = 'olga.neri@example.it';
  const PIERO = 'piero.verdi@example.it';
  const today = (locale: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Rome' }).format(new Date());

  const lead = (externalId: string, firstName: string, lastName: string, email: string) => ({
    externalId,
    firstName,
    lastName,
    email,
    submittedAt: new Date().toISOString(),
  });
  const newRequest = (type: string, subjectName: string, subjectEmail: string, verify: boolean) =>
    recordRequest(c, token, type, { name: subjectName, email: subjectEmail }, { language: 'it', verified: verify });
  const shot = async (name: string) => {
    await still(page);
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  };
  const noRawKeys = async () => {
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/\b(resources|app|ra)\.[a-z_-]+\.[a-z_.-]+/);
  };
  const leadRow = (name: string) => page.getByRole('row').filter({ hasText: name });
  const openRequest = async (request: { id: string }) => {
    await page.goto(`${c.url}/#/requests/${request.id}/show`);
    await page.getByTestId('request-reference').waitFor();
  };
  /** The error notification, read as the officer reads it, then gone. */
  const notice = async (text: string) => {
    const snackbar = page.locator('.MuiSnackbar-root').filter({ hasText: text });
    await snackbar.waitFor();
    return snackbar;
  };

  beforeAll(async () => {
    c = await startTestConsole({ serveAdmin: true, database: 'server' });
    token = await c.login();
    const key = await createApiKey(c, token);
    const activityId = await recordContactQualification(c, token);
    olga = await newRequest('objection', 'Olga Neri', OLGA, true);
    const decided = await c.api(`/api/requests/${olga.id}/objection-decision`, {
      token,
      body: { activityIds: [activityId], assessment: 'none' },
    });
    expect(decided.status).toBe(200);
    // Sent by the website after the stop: Olga's lead is stored flagged, Piero's is not.
    await ingestAccepted(c, key, 'leads', [
      lead('olga-lead', 'Olga', 'Neri', OLGA),
      lead('piero-lead', 'Piero', 'Verdi', PIERO),
    ]);
    browser = await launchBrowser();
    page = await newConsolePage(browser, { height: 900, romeTime: true });
    await signInAsAdministrator(page, c.url);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await c?.close();
  });

  it('Art. 21(1): the dashboard, the leads list and Olga’s lead show the stop; Piero’s nothing (English)', async () => {
    const card = page.getByTestId('processing-stops-card');
    await card.getByText('Processing stopped by objections and withdrawals').waitFor();
    await expect.poll(() => card.getByTestId('stat-stops-in-force').innerText()).toBe('1');
    expect(await card.getByTestId('stat-stops-flagged').innerText()).toBe('1');
    await card.getByText('stop in force, from 1 request').waitFor();
    await card.getByText('record stored flagged since').waitFor();
    await card.scrollIntoViewIfNeeded();
    await still(page);
    await card.screenshot({ path: join(ARTIFACTS, '121-dashboard-stops-en.png') });

    // The card's chip opens the leads list filtered on the records stored under a stop.
    await card.getByTestId('stops-flagged-leads').click();
    await leadRow('Olga Neri').waitFor();
    await expect.poll(() => leadRow('Piero Verdi').count()).toBe(0);
    await leadRow('Olga Neri').getByTestId('stopped-flag').waitFor();
    await noRawKeys();
    await shot('122-leads-stopped-filter-en');

    await page.goto(`${c.url}/#/leads?filter=%7B%7D`);
    await leadRow('Piero Verdi').waitFor();
    expect(await leadRow('Piero Verdi').getByTestId('stopped-flag').count()).toBe(0);
    expect(await leadRow('Olga Neri').getByTestId('stopped-flag').count()).toBe(1);

    await leadRow('Olga Neri').click();
    const stop = page.getByTestId('record-stop');
    await stop.waitFor();
    expect(await stop.innerText()).toContain(
      `Processing stopped for Contact qualification — objection (Art. 21(1)), request ${olga.reference}, since ${today('en-GB')}.`,
    );
    await page
      .getByTestId('processing-stop-notice')
      .getByText('Stored after the person stopped this processing')
      .waitFor();
    await noRawKeys();
    await shot('123-lead-stopped-en');
    await stop.getByRole('link', { name: olga.reference }).click();
    await page.getByTestId('request-reference').getByText(olga.reference).waitFor();

    await page.goto(`${c.url}/#/leads?filter=%7B%7D`);
    await leadRow('Piero Verdi').click();
    await page.getByText('piero.verdi@example.it').first().waitFor();
    expect(await page.getByTestId('processing-stop-notice').count()).toBe(0);
  });

  it('shows the same in Italian', async () => {
    await page.goto(`${c.url}/#/`);
    await page.getByRole('button', { name: 'English' }).first().click();
    await page.getByRole('menuitem', { name: 'Italiano' }).click();
    const card = page.getByTestId('processing-stops-card');
    await card.getByText('Trattamenti interrotti da opposizioni e revoche').waitFor();
    await card.getByText('interruzione in vigore, da 1 richiesta').waitFor();
    await card.getByText('record registrato e segnalato da allora').waitFor();
    await noRawKeys();
    await card.scrollIntoViewIfNeeded();
    await still(page);
    await card.screenshot({ path: join(ARTIFACTS, '124-dashboard-stops-it.png') });

    await card.getByTestId('stops-flagged-leads').click();
    await leadRow('Olga Neri').getByText('Trattamento interrotto').waitFor();
    await noRawKeys();
    await shot('125-leads-stopped-filter-it');
    await leadRow('Olga Neri').click();
    const stop = page.getByTestId('record-stop');
    await stop.waitFor();
    expect(await stop.innerText()).toContain(
      `Trattamento interrotto per Contact qualification — opposizione (art. 21, par. 1), richiesta ${olga.reference}, dal ${today('it-IT')}.`,
    );
    await noRawKeys();
    await shot('126-lead-stopped-it');
  });

  it('says the decision dialogs’ refusals in Italian, by their reason codes (Art. 12(2), (3), (4) and (6))', async () => {
    const erasure = await newRequest('erasure', 'Piero Verdi', PIERO, true);
    const access = await newRequest('access', 'Piero Verdi', PIERO, false);
    const dialog = page.getByRole('dialog');

    // Art. 12(4): a refusal on the merits explains its ground in the words the person reads.
    await openRequest(erasure);
    await page.getByRole('button', { name: 'Respingi', exact: true }).click();
    await dialog.getByRole('combobox', { name: 'Motivo', exact: true }).click();
    await page.getByRole('option', { name: 'Nel merito' }).click();
    await dialog.getByRole('combobox', { name: 'Motivo specifico' }).click();
    await page.getByRole('option', { name: 'Art. 17, par. 3, lett. e: diritti in sede giudiziaria' }).click();
    await dialog.getByLabel('Dettagli (facoltativo)').fill('No');
    await dialog.getByRole('button', { name: 'Respingi la richiesta' }).click();
    const tooShort = 'Spiegalo con le parole che la persona leggerà, in almeno 10 caratteri.';
    await notice(tooShort);
    await dialog.getByText(tooShort).waitFor();
    await noRawKeys();
    await shot('127-refusal-details-too-short-it');
    await dialog.getByRole('button', { name: 'Annulla' }).click();
    await page.locator('.MuiSnackbar-root').waitFor({ state: 'detached', timeout: 20_000 });

    // Art. 12(2) and (6): no refusal for unverified identity before the information was asked.
    await openRequest(access);
    await page.getByRole('button', { name: 'Respingi', exact: true }).click();
    await dialog.getByRole('combobox', { name: 'Motivo', exact: true }).click();
    await page.getByRole('option', { name: 'Identità non verificata' }).click();
    await dialog.getByRole('button', { name: 'Respingi la richiesta' }).click();
    const notAsked = 'Il rifiuto per identità non verificata è possibile solo dopo aver chiesto le informazioni';
    await notice(notAsked);
    await noRawKeys();
    await shot('128-refusal-identity-not-asked-it');
    await page.locator('.MuiSnackbar-root').waitFor({ state: 'detached', timeout: 20_000 });

    // Art. 12(6): the reply date given to the person cannot precede the day of the ask.
    await openRequest(access);
    await page.getByRole('button', { name: "Chiedi informazioni sull'identità" }).click();
    await dialog.getByLabel('Cosa è stato chiesto').fill('Una copia di un documento di identità');
    await dialog.getByLabel('Rispondere entro').fill('2020-01-01');
    await dialog.getByRole('button', { name: 'Registra la richiesta' }).click();
    const replyBefore = 'La data di risposta non può precedere il giorno della domanda';
    await notice(replyBefore);
    await dialog.getByText(replyBefore).waitFor();
    await noRawKeys();
    await shot('129-refusal-reply-before-ask-it');
    await dialog.getByRole('button', { name: 'Annulla' }).click();
    await page.locator('.MuiSnackbar-root').waitFor({ state: 'detached', timeout: 20_000 });

    // Art. 12(3): one extension only — another officer extended it while this dialog was open.
    await openRequest(erasure);
    await page.getByRole('button', { name: 'Proroga', exact: true }).click();
    await dialog.getByLabel('Motivo della proroga').fill('Molte fonti da consultare, tra cui una lunga chat.');
    const meanwhile = await c.api(`/api/requests/${erasure.id}/extend`, {
      token,
      body: { reason: 'Many sources to search', communicatedAt: new Date().toISOString() },
    });
    expect(meanwhile.status).toBe(200);
    await dialog.getByRole('button', { name: 'Proroga di due mesi' }).click();
    await notice('Il termine è già stato prorogato: il GDPR consente una sola proroga di due mesi (art. 12, par. 3).');
    await noRawKeys();
    await shot('130-refusal-already-extended-it');
    // None of the API's English reached the screen.
    const text = await page.locator('body').innerText();
    for (const english of ['already extended', 'must explain', 'needs the information', 'must not be before'])
      expect(text).not.toContain(english);
  });
});
