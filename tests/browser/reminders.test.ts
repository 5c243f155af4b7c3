import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';
import { launchBrowser, newConsolePage, screenshot, signIn, still } from './browser';

/**
 * Issue 19, reminders: the dashboard tells the officer how many requests wait on the subject and
 * opens the list filtered to them; an admin sets the language of a user's reminders e-mail. In
 * English and in Italian.
 */
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

describe('reminders in the admin UI', () => {
  let c: TestConsole;
  let browser: Browser;
  let page: Page;
  let admin: string;
  let waiting: { id: string; reference: string };
  let other: { id: string; reference: string };

  beforeAll(async () => {
    c = await startTestConsole({ serveAdmin: true, database: 'server' });
    admin = await c.login();
    const create = async (subjectName: string) => {
      const res = await c.api('/api/requests', {
        token: admin,
        body: { type: 'access', channel: 'email', language: 'it', receivedAt: daysAgo(5), subjectName },
      });
      expect(res.status).toBe(201);
      return res.body as { id: string; reference: string };
    };
    waiting = await create('Mario Rossi');
    other = await create('Luca Neri');
    const asked = await c.api(`/api/requests/${waiting.id}/identity-info-requested`, {
      token: admin,
      body: {
        what: 'a copy of an identity document',
        how: 'email',
        askedAt: daysAgo(4),
        respondBy: new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10),
      },
    });
    expect(asked.status).toBe(200);
    browser = await launchBrowser();
    page = await newConsolePage(browser, { height: 900, timeout: 30_000, romeTime: true });
  });
  afterAll(async () => {
    await browser?.close();
    await c?.close();
  });

  it('shows the requests waiting on the subject on the dashboard and lists exactly those', async () => {
    await page.goto(c.url);
    await signIn(page, ADMIN.email, ADMIN.password);
    const alert = page.getByTestId('waiting-on-subject');
    await alert
      .getByText(
        '1 open request is waiting on the subject: the information to identify them was asked for and has not arrived.',
      )
      .waitFor();
    await still(page);
    await screenshot(page, 'reminders-dashboard-en');

    await alert.getByRole('link', { name: 'Open the list' }).click();
    await page.getByText(waiting.reference).waitFor();
    await page.getByText('Mario Rossi').first().waitFor();
    // The list may show the unfiltered page it had before the filter's answer: wait for the one row.
    await page.getByText('1-1 of 1').waitFor();
    expect(await page.getByText(other.reference).count()).toBe(0);
    // The list says it is narrowed, and shows every open request again on demand.
    const notice = page.getByTestId('waiting-on-subject-filter');
    await notice
      .getByText(
        'Only the open requests waiting on the subject: the information to identify them was asked for and has not arrived.',
      )
      .waitFor();
    await still(page);
    await screenshot(page, 'reminders-waiting-list-en');
    await notice.getByRole('button', { name: 'Show all' }).click();
    await page.getByText(other.reference).waitFor();
    await page.getByText('1-2 of 2').waitFor();
    await notice.waitFor({ state: 'detached' });
  });

  it("sets a user's reminders language in the user's form", async () => {
    const user = { email: uniqueEmail('john'), password: 'reminders passphrase 2026' };
    const created = await c.api('/api/users', {
      token: admin,
      body: { ...user, fullName: 'John Doe', role: 'officer' },
    });
    expect(created.status).toBe(201);
    expect(created.body.language).toBeNull();

    await page.goto(`${c.url}/#/users/${created.body.id}`);
    await page
      .getByText("The language of the daily reminders e-mail. If none is chosen, the console's default.")
      .waitFor();
    await page.getByRole('combobox', { name: 'E-mail language' }).click();
    await page.getByRole('option', { name: 'English' }).click();
    await still(page);
    await screenshot(page, 'reminders-user-language-en');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/show$/);
    await page.locator('.ra-field-language').getByText('English', { exact: true }).waitFor();
    await expect
      .poll(async () => (await c.api(`/api/users/${created.body.id}`, { token: admin })).body.language)
      .toBe('en');
    // Another user's language is untouched.
    const me = (await c.api('/api/auth/me', { token: admin })).body as { id: string };
    expect((await c.api(`/api/users/${me.id}`, { token: admin })).body.language).toBeNull();

    await page.getByRole('button', { name: 'English' }).first().click();
    await page.getByRole('menuitem', { name: 'Italiano' }).click();
    await page.goto(`${c.url}/#/users/${created.body.id}`);
    await page.getByText("La lingua dell'email quotidiana di promemoria").waitFor();
    await page.getByRole('combobox', { name: 'Lingua delle email' }).waitFor();
    await still(page);
    await screenshot(page, 'reminders-user-language-it');

    await page.goto(`${c.url}/#/`);
    await page
      .getByTestId('waiting-on-subject')
      .getByText(
        "1 richiesta aperta è in attesa dell'interessato: le informazioni per identificarlo sono state chieste e non sono ancora arrivate.",
      )
      .waitFor();
    await page.getByTestId('waiting-on-subject').getByRole('link', { name: 'Apri l’elenco' }).waitFor();
    await still(page);
    await screenshot(page, 'reminders-dashboard-it');

    await page.getByTestId('waiting-on-subject').getByRole('link', { name: 'Apri l’elenco' }).click();
    await page.getByText('1-1 di 1').waitFor();
    await page
      .getByTestId('waiting-on-subject-filter')
      .getByText("Solo le richieste aperte in attesa dell'interessato")
      .waitFor();
    await page.getByTestId('waiting-on-subject-filter').getByRole('button', { name: 'Mostra tutte' }).waitFor();
    await still(page);
    await screenshot(page, 'reminders-waiting-list-it');
  });
});
