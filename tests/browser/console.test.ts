import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, sql, startTestConsole, type TestConsole } from '../support/test-console';
import { launchBrowser, newConsolePage, screenshot, signIn } from './browser';

/**
 * The officer's first minutes, in a real Chromium against the real console serving the built
 * UI: sign in, the landing screen, the language switch, users and the audit log, sign out.
 * Screenshots go to tests/artifacts/ to be looked at.
 */
describe('admin UI in Chromium', () => {
  let c: TestConsole;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    c = await startTestConsole({ serveAdmin: true, database: 'server' });
    browser = await launchBrowser();
    page = await newConsolePage(browser, { timeout: 30_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await c?.close();
  });

  it('shows a translated sign-in page and refuses a wrong password', async () => {
    await page.goto(c.url);
    await page.locator('input[name="username"]').waitFor();
    await screenshot(page, '01-login-en');
    await signIn(page, ADMIN.email, 'wrong password!!');
    await page
      .getByText(/Authentication failed|Invalid e-mail or password/i)
      .first()
      .waitFor();
    await screenshot(page, '01b-login-refused-en');
  });

  it('signs in and lands on the dashboard with the name in the app bar and an intact audit chain', async () => {
    await page.locator('input[name="password"]').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Welcome, Administrator').waitFor();
    const status = page.getByTestId('audit-integrity-status');
    await status.waitFor();
    await expect(status.textContent()).resolves.toMatch(/^Intact — \d+ events checked$/);
    await page.getByText('Recent activity').waitFor();
    await page
      .getByText(/sign(ed)? in/i)
      .first()
      .waitFor();
    await screenshot(page, '02-landing-en');
  });

  it('switches to Italian', async () => {
    await page.getByRole('button', { name: 'English' }).first().click();
    await page.getByRole('menuitem', { name: 'Italiano' }).click();
    await page.getByText('Benvenuto, Administrator').or(page.getByText('Benvenuta, Administrator')).first().waitFor();
    await expect(page.getByTestId('audit-integrity-status').textContent()).resolves.toMatch(/^Integro/);
    await screenshot(page, '03-landing-it');
  });

  it('lists users and the audit log, in Italian', async () => {
    await page.goto(`${c.url}/#/users`);
    await page.getByText(ADMIN.email).first().waitFor();
    await screenshot(page, '04-users-it');
    await page.goto(`${c.url}/#/audit-events`);
    await page.getByRole('table').waitFor();
    await expect(page.getByRole('row').count()).resolves.toBeGreaterThan(2);
    await screenshot(page, '05-audit-events-it');
  });

  it('warns, in both languages, when recent reads wait outside the audit chain', async () => {
    // Every chaining now fails at its last step: the reads of the dashboard stay in the inbox.
    await sql(c, `ALTER TABLE audit_checkpoint ADD CONSTRAINT test_no_append CHECK (false) NOT VALID`);
    try {
      await sql(
        c,
        `INSERT INTO audit_inbox (at, actor_email, action, entity, details)
         VALUES (now(), 'gone@console.test', 'subject.searched', 'subject', '{}'), (now(), 'gone@console.test', 'subject.searched', 'subject', '{}')`,
      );
      // Back on the dashboard, it shows its last verification (minutes old at most, with its
      // time) until asked again: each new one recomputes the whole chain on the server.
      const verifications: string[] = [];
      const count = (request: { url: () => string }) =>
        request.url().includes('/api/audit/verify') && verifications.push(request.url());
      page.on('request', count);
      await page.goto(`${c.url}/#/`);
      await page.getByTestId('audit-integrity-status').waitFor();
      await page.waitForTimeout(500);
      expect(verifications).toEqual([]);
      await page.getByRole('button', { name: 'Verifica di nuovo' }).click();
      await expect.poll(() => verifications.length).toBe(1);
      page.off('request', count);
      const pending = page.getByTestId('audit-integrity-pending');
      await expect
        .poll(() => pending.textContent())
        .toMatch(/^\d+ eventi recenti sono in attesa di entrare nella catena/);
      // The chain itself is still intact: what waits is outside it, not a break.
      await expect(page.getByTestId('audit-integrity-status').textContent()).resolves.toMatch(/^Integro/);
      await pending.scrollIntoViewIfNeeded();
      await screenshot(page, '03b-integrity-pending-it');
      // The app bar, hidden while the page is scrolled down, comes back at the top.
      await page.evaluate('window.scrollTo(0, 0)');
      await page.getByRole('button', { name: 'Italiano' }).first().click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await expect.poll(() => pending.textContent()).toMatch(/^\d+ recent events are waiting to join the chain/);
      await pending.scrollIntoViewIfNeeded();
      await screenshot(page, '03c-integrity-pending-en');
      await page.evaluate('window.scrollTo(0, 0)');
    } finally {
      await sql(c, `ALTER TABLE audit_checkpoint DROP CONSTRAINT IF EXISTS test_no_append`);
    }
    // Chained once it works again: the next verification has nothing waiting.
    await page.getByRole('button', { name: 'Verify again' }).click();
    await expect.poll(() => page.getByTestId('audit-integrity-pending').count()).toBe(0);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.getByRole('button', { name: 'English' }).first().click();
    await page.getByRole('menuitem', { name: 'Italiano' }).click();
    await page
      .getByText(/^Integro/)
      .first()
      .waitFor();
  });

  it('signs out back to the sign-in page', async () => {
    await page.goto(`${c.url}/#/`);
    await page
      .getByRole('button', { name: /Profilo|Profile/ })
      .first()
      .click();
    await page.getByRole('menuitem', { name: /Esci|Logout/ }).click();
    await page.getByRole('button', { name: 'Accedi' }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
  });
});
