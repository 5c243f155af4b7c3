import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, ingestAccepted } from '../support/ingest';
import { WEBSITE_LEAD_GIULIA, WEBSITE_LEAD_MARIA_BIANCHI } from '../support/records';
import { ADMIN, startTestConsole, type TestConsole } from '../support/test-console';
import { launchBrowser, newConsolePage, openSignInForm, screenshot, signIn, still } from './browser';
import { recordRequest } from '../support/requests';
import { signInAsAdministrator } from '../support/officer-sign-in';

/**
 * The audit log read as a ledger (issue 23) in a real Chromium: two requests side by side,
 * Giulia's and Maria's, each searched for and read. The admin filters the log by Giulia's request
 * (by its reference), shows the reads, opens her search and reads its details as labelled words;
 * then an auditor reads the same log in Italian: no action code left raw, the searched e-mail
 * masked (Art. 5(1)(c)), and picks an actor by part of her name. Screenshots go to tests/artifacts/ to be looked at.
 */
describe('the audit log as a ledger in Chromium, in English and Italian', () => {
  let c: TestConsole;
  let browser: Browser;
  let page: Page;
  let token: string;
  const auditor = { email: 'revisore@console.test', password: 'auditor password 1' };
  const GIULIA = 'giulia.bianchi@example.it';
  const MARIA = WEBSITE_LEAD_MARIA_BIANCHI.email.toLowerCase();
  let giulias: { id: string; reference: string };
  let marias: { id: string; reference: string };

  const noRawKeys = async (p: Page) => {
    const text = await p.locator('body').innerText();
    expect(text).not.toMatch(/\b(resources|app|ra)\.[a-z_-]+\.[a-z_.-]+/);
  };
  const newRequest = (name: string, email: string, language: string) =>
    recordRequest(c, token, 'access', { name, email }, { language });

  beforeAll(async () => {
    c = await startTestConsole({ serveAdmin: true, database: 'server' });
    token = await c.login();
    const key = await createApiKey(c, token);
    await ingestAccepted(c, key, 'leads', [WEBSITE_LEAD_GIULIA, WEBSITE_LEAD_MARIA_BIANCHI]);
    expect(
      (
        await c.api('/api/users', {
          token,
          body: { ...auditor, fullName: 'Rita Revisore', role: 'auditor', language: 'it' },
        })
      ).status,
    ).toBe(201);
    giulias = await newRequest('Giulia Bianchi', GIULIA, 'it');
    marias = await newRequest('Maria Bianchi', MARIA, 'it');
    for (const [request, email] of [
      [giulias, GIULIA],
      [marias, MARIA],
    ] as const) {
      const search = await c.api(`/api/subjects/search?q=${encodeURIComponent(email)}&requestId=${request.id}`, {
        token,
      });
      expect(search.status).toBe(200);
      expect((await c.api(`/api/leads?requestId=${request.id}`, { token })).status).toBe(200);
      expect(
        (await c.api(`/api/requests/${request.id}/notes`, { token, body: { text: 'Identità confermata al telefono' } }))
          .status,
      ).toBe(201);
    }
    // Two more pages of the leads for Giulia's request, one after the other: one line of two reads.
    for (const range of ['[0,0]', '[1,1]'])
      expect((await c.api(`/api/leads?requestId=${giulias.id}&range=${range}`, { token })).status).toBe(200);

    browser = await launchBrowser();
    page = await newConsolePage(browser, { height: 900 });
    await signInAsAdministrator(page, c.url);
  });
  afterAll(async () => {
    await browser?.close();
    await c?.close();
  });

  it('lists who did what on which request, a run of reads as one line that opens to each read', async () => {
    await page.goto(`${c.url}/#/audit-events`);
    await page.getByText('Reads of the same list or record by the same person in a row are one line').waitFor();
    const table = page.locator('table').first();
    await table.getByText('Person searched').first().waitFor();
    const text = await table.innerText();
    expect(text).toContain(giulias.reference);
    expect(text).toContain(marias.reference);
    expect(text).toContain(`Searched “${GIULIA}”`);
    expect(text).toContain('Note added');
    // Words, not codes or ids.
    expect(text).not.toMatch(/\b(auth|users?|requests?|subject|records?|audit-events?|request-events)\.[a-z_]+\b/);
    expect(text).not.toContain(giulias.id);
    // The two pages read one after the other: one line, with how many and when.
    const run = table
      .locator('tbody tr')
      .filter({ hasText: 'Records listed' })
      .filter({ hasText: /2 reads/ });
    expect(await run.count(), text).toBe(1);
    expect(await run.innerText()).toMatch(/2 reads, \d\d:\d\d–\d\d:\d\d/);
    expect(await run.innerText()).toContain(giulias.reference);
    // The line opens in place, from the keyboard too.
    await run.focus();
    await page.keyboard.press('Enter');
    const reads = page.getByTestId('read-run-events');
    await reads.waitFor();
    expect(await reads.locator('tbody tr').count()).toBe(2);
    const each = await reads.innerText();
    expect(each).toContain('records 1–1 of 2');
    expect(each).toContain('records 2–2 of 2');
    await still(page);
    await screenshot(page, 'audit-01-ledger-en');
    await run.click();
    await reads.waitFor({ state: 'detached' });
  });

  it("filters by Giulia's request, shows its reads, and never Maria's request", async () => {
    const input = page.getByRole('combobox', { name: 'Request' });
    await input.click();
    await input.fill(giulias.reference);
    await page.getByRole('option', { name: giulias.reference }).click();
    await expect.poll(() => page.url()).toContain(encodeURIComponent(giulias.id));
    const rows = page.locator('table tbody tr.RaDataTable-row');
    await expect.poll(async () => (await page.locator('table').innerText()).includes(marias.reference)).toBe(false);
    await rows.filter({ hasText: 'Note added' }).waitFor();
    for (const row of await rows.all()) expect(await row.innerText()).toContain(giulias.reference);
    // Grouped: the first read of the leads, and the run of two pages.
    await expect.poll(() => rows.filter({ hasText: 'Records listed' }).count()).toBe(2);
    await page.getByLabel('Each read on its own line').check();
    await expect.poll(() => rows.filter({ hasText: 'Records listed' }).count()).toBe(3);
    expect(await page.getByText('Reads of the same list or record').count()).toBe(0);
    const text = await page.locator('table').innerText();
    expect(text).not.toContain(marias.reference);
    expect(text).not.toContain(MARIA);
    // The period: the native field writes the date as the browser does; under it, the console's words.
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'From' }).click();
    await page.locator('input[name="at_gte"]').fill(new Date().toISOString().slice(0, 10));
    const today = new Intl.DateTimeFormat('en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${new Date().toISOString().slice(0, 10)}T12:00:00Z`));
    await page.getByTestId('date-in-words').waitFor({ state: 'visible' });
    await expect.poll(() => page.getByTestId('date-in-words').innerText()).toBe(today);
    // The filter applies after a pause in typing: in the address first, or it would bring the list
    // back after the next step has opened an event.
    await expect.poll(() => decodeURIComponent(page.url())).toContain('"at_gte"');
    await rows.filter({ hasText: 'Note added' }).waitFor();
    await still(page);
    await screenshot(page, 'audit-02-filtered-by-request-en');
  });

  it("opens Giulia's search and reads its details as labelled words", async () => {
    // A page loaded afresh, with the filters kept: a filter typed in the test before applies after
    // a pause, and once brought the list back over the event opened here (CI, 2026-12-03).
    await page.reload();
    await page.locator('table tbody tr').filter({ hasText: 'Person searched' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/audit-events\/[^/]+\/show/);
    const details = page.getByTestId('audit-details');
    await details.waitFor();
    const text = await details.innerText();
    expect(text).toMatch(/Searched for\s+giulia\.bianchi@example\.it/);
    expect(text).toMatch(/Understood as\s+Email address/);
    expect(text).toMatch(/Found\s+Leads\s+1/);
    expect(text).not.toMatch(/[{}"]/);
    expect(text).not.toContain(giulias.id);
    await page.getByRole('link', { name: `Open request ${giulias.reference}` }).waitFor();
    await noRawKeys(page);
    await still(page);
    await screenshot(page, 'audit-03-search-event-en');
    await page.getByRole('link', { name: `Open request ${giulias.reference}` }).click();
    await expect.poll(() => page.url()).toContain(`/requests/${giulias.id}/show`);
  });

  it('reads the same log in Italian as an auditor: words for every action, the search masked', async () => {
    const other = await newConsolePage(browser, { height: 900, locale: 'it-IT', romeTime: true });
    await openSignInForm(other, c.url);
    // One wrong password first: the failed sign-in's reason must read in Italian too.
    await signIn(other, auditor.email, 'not the password at all', 'Accedi');
    await other.locator('input[name="password"]').fill('');
    await other.locator('.MuiSnackbar-root').waitFor();
    await signIn(other, auditor.email, auditor.password, 'Accedi');
    await other.getByRole('menuitem', { name: /Registro di audit|Eventi di audit/ }).click();
    await other.getByText('Le letture consecutive dello stesso elenco o record').waitFor();
    const table = other.locator('table').first();
    await table.getByText('Persona cercata').first().waitFor();
    const list = await table.innerText();
    for (const english of ['Person searched', 'Note added', 'Signed in', 'Request registered'])
      expect(list).not.toContain(english);
    expect(list).toMatch(/Accesso non riuscito\s+Password errata/);
    expect(list).not.toContain('wrong password');
    expect(list).not.toContain(GIULIA);
    expect(list).toContain('Cercato «g•••@example.it»');
    await noRawKeys(other);
    await still(other);
    await screenshot(other, 'audit-04-ledger-auditor-it');

    // Maria's request, with its reads: issue 23's Italian log showed `records.listed`, `record.viewed`.
    const input = other.getByRole('combobox', { name: 'Richiesta' });
    await input.click();
    await input.fill(marias.reference);
    await other.getByRole('option', { name: marias.reference }).click();
    await other.getByLabel('Ogni lettura su una riga').check();
    await table.getByText('Elenco record consultato').first().waitFor();
    await expect.poll(async () => (await table.innerText()).includes(giulias.reference)).toBe(false);
    const reads = await table.innerText();
    expect(reads).not.toMatch(/records\.listed|record\.viewed|subject\.searched|request\.[a-z_]+/);
    expect(reads).not.toContain('Records listed');
    expect(reads).toContain('Lead');
    await noRawKeys(other);
    await still(other);
    await screenshot(other, 'audit-04b-request-reads-auditor-it');
    await table.locator('tbody tr').filter({ hasText: 'Persona cercata' }).click();
    const details = other.getByTestId('audit-details');
    await details.waitFor();
    const text = await details.innerText();
    expect(text).toMatch(/Cercato\s+m•••@example\.it/);
    expect(text).toMatch(/Inteso come\s+Indirizzo email/i);
    expect(text).toMatch(/Trovato\s+Lead\s+1/);
    expect(text).not.toContain(MARIA);
    await other.getByText('Mostrato in parte').waitFor();
    await other.getByRole('link', { name: `Apri la richiesta ${marias.reference}` }).waitFor();
    await noRawKeys(other);
    await still(other);
    await screenshot(other, 'audit-05-search-event-auditor-it');

    // Who: part of a name picks the account from those that acted; her lines only, none of the admin's.
    await other.goto(`${c.url}/#/audit-events?filter=${encodeURIComponent(JSON.stringify({ reads: 'grouped' }))}`);
    const actor = other.getByRole('combobox', { name: 'Autore' });
    await actor.click();
    await actor.fill('rita');
    await expect.poll(() => other.getByRole('option').allInnerTexts()).toEqual([`Rita Revisore · ${auditor.email}`]);
    await other.getByRole('option').click();
    await expect.poll(async () => (await table.innerText()).includes(ADMIN.email)).toBe(false);
    const rows = table.locator('tbody tr.RaDataTable-row');
    await rows.filter({ hasText: 'Accesso effettuato' }).first().waitFor();
    for (const row of await rows.all()) expect(await row.innerText()).toContain(auditor.email);
    await still(other);
    await screenshot(other, 'audit-06-by-actor-auditor-it');
    await other.context().close();
  });
});
