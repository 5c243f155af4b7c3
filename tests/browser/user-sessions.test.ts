import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';
import { launchBrowser, newConsolePage, screenshot, signIn } from './browser';

/**
 * Issue 22: on a user's page the admin sees the user's open sessions and ends one of them, in
 * English and in Italian.
 */
describe("a user's sessions in the admin UI", () => {
  let c: TestConsole;
  let browser: Browser;
  let page: Page;
  let adminToken: string;

  beforeAll(async () => {
    c = await startTestConsole({ serveAdmin: true, database: 'server' });
    adminToken = await c.login();
    browser = await launchBrowser();
    page = await newConsolePage(browser, { height: 900, timeout: 30_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await c?.close();
  });

  it('lists the open sessions with address and browser, and signs one out after a confirmation', async () => {
    const user = { email: uniqueEmail('laptop'), password: 'sessions page passphrase' };
    const created = await c.api('/api/users', {
      token: adminToken,
      body: { ...user, fullName: 'Laptop Owner', role: 'officer' },
    });
    expect(created.status).toBe(201);
    const signIns: Record<string, string> = {};
    for (const agent of ['Lost phone browser', 'Office desktop browser']) {
      const res = await c.api('/api/auth/login', { body: user, headers: { 'user-agent': agent } });
      signIns[agent] = res.body.token;
    }

    await page.goto(c.url);
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByText('Welcome, Administrator').waitFor();
    await page.goto(`${c.url}/#/users/${created.body.id}/show`);
    const sessions = page.getByTestId('user-sessions');
    await sessions.getByText('Open sessions').waitFor();
    await sessions.getByText('Lost phone browser').waitFor();
    await sessions.getByText('Office desktop browser').waitFor();
    for (const header of ['Signed in', 'Last used', 'Expires', 'Address', 'Browser'])
      await sessions.getByText(header, { exact: true }).waitFor();
    await screenshot(page, 'user-sessions-en');

    await sessions
      .getByRole('row')
      .filter({ hasText: 'Lost phone browser' })
      .getByRole('button', { name: 'Sign out' })
      .click();
    await page.getByText('Sign Laptop Owner out of this session?').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('The session has been ended').waitFor();
    await sessions.getByText('Lost phone browser').waitFor({ state: 'detached' });
    await sessions.getByText('Office desktop browser').waitFor();
    expect((await c.api('/api/auth/me', { token: signIns['Lost phone browser'] })).status).toBe(401);
    expect((await c.api('/api/auth/me', { token: signIns['Office desktop browser'] })).status).toBe(200);

    await page.getByRole('button', { name: 'English' }).first().click();
    await page.getByRole('menuitem', { name: 'Italiano' }).click();
    await sessions.getByText('Sessioni aperte').waitFor();
    await sessions.getByRole('button', { name: 'Disconnetti' }).waitFor();
    await screenshot(page, 'user-sessions-it');
  });
});
