import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';
import { launchBrowser, newConsolePage, screenshot, signIn, still } from './browser';
import { signInAsAdministrator } from '../support/officer-sign-in';

/**
 * The registers an auditor asks for, in a real Chromium against the real console, seeded from
 * the published policies: the sub-processor list with its filters, a processor opened, edited
 * and a new one created, the CSV of the register, the dashboard's flag for a processor past its
 * review, and the printable record of processing in Italian and English; an auditor reads the
 * registers in Italian without the buttons that change them.
 */
const romeDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });

describe('registers in Chromium', () => {
  let c: TestConsole;
  let browser: Browser;
  let page: Page;
  const auditor = { email: uniqueEmail('auditor'), password: 'auditor passphrase 2026' };

  beforeAll(async () => {
    c = await startTestConsole({ serveAdmin: true, database: 'server' });
    const token = await c.login();
    expect(
      (await c.api('/api/users', { token, body: { ...auditor, fullName: 'Ada Auditor', role: 'auditor' } })).status,
    ).toBe(201);
    // Cloudflare's review date is put three days back through the API: the dashboard must say so.
    const found = await c.api(`/api/processors?filter=${encodeURIComponent(JSON.stringify({ q: 'Cloudflare' }))}`, {
      token,
    });
    expect(found.body).toHaveLength(1);
    const updated = await c.api(`/api/processors/${found.body[0].id}`, {
      token,
      method: 'PUT',
      body: { nextReviewDue: romeDay(-3) },
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body.reviewOverdue).toBe(true);
    browser = await launchBrowser();
    page = await newConsolePage(browser, { height: 900, romeTime: true, downloads: true });
    await signInAsAdministrator(page, c.url);
  });
  afterAll(async () => {
    await browser?.close();
    await c?.close();
  });

  it('flags on the dashboard the processors past their review, linking to them', async () => {
    const flag = page.getByTestId('processors-review-overdue');
    await flag.waitFor();
    // What the seeded register lacks, as missing (Art. 28(3), Art. 46): no processor has a DPA date,
    // and Anthropic's transfer rests on the SCC alone with no TIA date.
    expect(await page.getByTestId('processorsMissingDpa').innerText()).toContain(
      '10 sub-processors in use have no signed DPA recorded',
    );
    expect(await page.getByTestId('processorsMissingTia').innerText()).toContain(
      '1 transfer on the SCC alone has no transfer impact assessment recorded',
    );
    await flag.scrollIntoViewIfNeeded();
    await still(page);
    await screenshot(page, '44-dashboard-review-overdue');
    await flag.getByRole('link').click();
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('Cloudflare, Inc.');
    await page.getByTestId('review-overdue').first().waitFor();
  });

  it('lists the sub-processors the privacy policy names, with filters and the review flag', async () => {
    await page.getByRole('menuitem', { name: 'Sub-processors' }).click();
    await page.waitForURL(/#\/processors/);
    // The dashboard's filter is removed: the whole register.
    for (const button of await page.getByRole('button', { name: /Remove this filter/ }).all()) await button.click();
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBe(10);
    const text = await page.locator('table').innerText();
    for (const name of [
      'Aruba S.p.A.',
      'Serverplan S.r.l.',
      'Cloudflare, Inc.',
      'Calendly LLC',
      'Anthropic, PBC',
      'OpenAI, LLC',
      'Google Ireland Limited',
      'Self-hosted analytics',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toContain('SCC + Data Privacy Framework');
    await expect.poll(() => page.getByTestId('review-overdue').count()).toBe(1);
    expect(await page.getByTestId('processor-gap-dpa_missing').count()).toBe(10);
    const tia = page.getByTestId('processor-gap-tia_missing');
    expect(await tia.count()).toBe(1);
    expect(await rows.filter({ has: tia }).innerText()).toContain('Anthropic, PBC');
    await still(page);
    await screenshot(page, '40-processors-list');

    await page.getByPlaceholder('Name, service, location').fill('AI assistant');
    await expect.poll(() => rows.count()).toBe(3); // Anthropic, OpenAI, Gemini
    await page.getByPlaceholder('Name, service, location').fill('');
    await expect.poll(() => rows.count()).toBe(10);

    // An enum filter from "Add filter": the two processors still under review (Gemini, Google Calendar).
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Status' }).click();
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Under review' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.locator('table').innerText()).toContain('Google (Gemini)');
    await page.getByRole('button', { name: /Remove this filter/ }).click();
    await expect.poll(() => rows.count()).toBe(10);
  });

  it('opens a processor, edits it, and creates a new one', async () => {
    await page.locator('table tbody tr', { hasText: 'Anthropic, PBC' }).click();
    await page.getByText('Standard Contractual Clauses (2021/914)').first().waitFor();
    await still(page);
    await screenshot(page, '41-processor-show');

    await page.getByRole('link', { name: 'Edit' }).click();
    const contact = page.getByLabel('Contact');
    await contact.fill('privacy@anthropic.com');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('privacy@anthropic.com').waitFor();
    expect((await sql(c, `SELECT contact FROM processors WHERE name = 'Anthropic, PBC'`))[0].contact).toBe(
      'privacy@anthropic.com',
    );
    const audit = await sql(
      c,
      `SELECT details FROM audit_events WHERE action = 'processor.updated' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit[0].details).toMatchObject({ before: { contact: null }, after: { contact: 'privacy@anthropic.com' } });

    await page.goto(`${c.url}/#/processors/create`);
    await page.getByLabel('Name').fill('Mailjet SAS');
    await page.getByRole('textbox', { name: 'Service', exact: true }).fill('Newsletter sending');
    await page.getByLabel('Service (Italian)').fill('Invio della newsletter');
    await page.getByRole('textbox', { name: 'Location', exact: true }).fill('France (EU)');
    await page.getByLabel('Country').fill('fr');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Mailjet SAS').first().waitFor();
    expect(
      (await sql(c, `SELECT country, transfer_mechanism, service_it FROM processors WHERE name = 'Mailjet SAS'`))[0],
    ).toEqual({ country: 'FR', transfer_mechanism: 'none', service_it: 'Invio della newsletter' });
  });

  it('downloads the whole register as CSV', async () => {
    await page.goto(`${c.url}/#/processors`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('processors.csv');
    const path = await download.path();
    const csv = readFileSync(path, 'utf8');
    expect(csv.split('\n')[0]).toContain('Name,Service,Data categories');
    expect(csv).toContain('Mailjet SAS');
  });

  it('lists the activities and prints the record of processing in Italian and English', async () => {
    await page.getByRole('menuitem', { name: 'Activities' }).click();
    await page.locator('table tbody tr', { hasText: 'AI chatbot' }).waitFor();
    expect(await page.locator('table').innerText()).toContain('Anthropic, PBC (US)');
    await page.getByRole('link', { name: 'Printable record' }).click();
    const frame = page.frameLocator('[data-testid=record-frame]');
    await page.getByTestId('record-lang-it').click();
    await frame.getByText('Registro delle attività di trattamento').first().waitFor();
    await still(page);
    await screenshot(page, '42-record-of-processing-it');
    await page.getByTestId('record-lang-en').click();
    await frame.getByText('Record of processing activities').first().waitFor();
    await frame.getByText('Anthropic, PBC').first().waitFor();
    await still(page);
    await screenshot(page, '43-record-en');
  });

  it('opens an activity with its recipients and retention, and its form links both', async () => {
    await page.getByRole('menuitem', { name: 'Activities' }).click();
    await page.locator('table tbody tr', { hasText: 'AI chatbot' }).click();
    await page.getByRole('link', { name: /Anthropic, PBC · US/ }).waitFor();
    await page.getByRole('link', { name: '12 months' }).waitFor();
    await still(page);
    await screenshot(page, '47-activity-show');

    await page.getByRole('link', { name: 'Edit' }).click();
    // ReferenceArrayInput: the recipients as chips; ReferenceInput: the retention policy by name.
    await page.getByRole('button', { name: 'Anthropic, PBC' }).waitFor();
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Retention' }).innerText())
      .toContain('AI-chat conversations');
    await still(page);
    await screenshot(page, '48-activity-edit');
  });

  it('shows the cookie inventory and the retention policies', async () => {
    await page.getByRole('menuitem', { name: 'Cookies', exact: true }).click();
    await page.locator('table tbody tr', { hasText: 'vimage_cookie_consent' }).waitFor();
    expect(await page.locator('table').innerText()).toContain('Local storage');
    // Each system's cookies under its own banner's categories (issue 18).
    const gads = page.locator('table tbody tr', { hasText: '__gads' });
    expect(await gads.innerText()).toMatch(/Platform \(calendar sync\)\s+Advertising & marketing/);
    const consent = page.locator('table tbody tr', { hasText: 'vimage_cookie_consent' });
    expect(await consent.innerText()).toMatch(/Website\s+Necessary/);
    await still(page);
    await screenshot(page, '50-cookies-two-systems');
    await page.getByRole('menuitem', { name: 'Retention rules' }).click();
    await page.locator('table tbody tr', { hasText: 'Contact-form data' }).waitFor();
    expect(await page.locator('table').innerText()).toContain('24 months from collection');
    await still(page);
    await screenshot(page, '45-retention-policies');
  });

  it('lets an auditor read the registers, in Italian, without changing them', async () => {
    const other = await newConsolePage(browser, { height: 900, locale: 'it-IT', romeTime: true });
    await other.goto(c.url);
    await signIn(other, auditor.email, auditor.password, 'Accedi');
    await other.getByTestId('processors-review-overdue').waitFor();
    expect(await other.getByTestId('processors-review-overdue').innerText()).toContain(
      'Apri i responsabili da rivedere',
    );
    // Mailjet, created above with no DPA date, is the eleventh.
    expect(await other.getByTestId('processorsMissingDpa').innerText()).toContain(
      '11 responsabili in uso non hanno un DPA firmato registrato',
    );
    await still(other);
    await screenshot(other, '49-dashboard-register-gaps-it');

    await other.getByRole('menuitem', { name: 'Responsabili' }).click();
    const rows = other.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBe(11);
    expect(await other.locator('table').innerText()).toContain('Clausole contrattuali standard (2021/914)');
    expect(await rows.filter({ hasText: 'Anthropic, PBC' }).innerText()).toContain('TIA non registrata');
    await other.getByRole('link', { name: 'Esporta CSV' }).waitFor();
    expect(await other.getByRole('link', { name: 'Crea', exact: true }).count()).toBe(0);
    // The services in Italian (issue 23); Mailjet, created with an Italian service, too.
    expect(await rows.filter({ hasText: 'Aruba S.p.A.' }).innerText()).toContain("Servizio SMTP per l'invio di e-mail");
    expect(await rows.filter({ hasText: 'Mailjet SAS' }).innerText()).toContain('Invio della newsletter');
    await rows.filter({ hasText: 'Cloudflare, Inc.' }).click();
    await other.getByText('Revisione scaduta').waitFor();
    await other.getByRole('link', { name: 'Elenco' }).waitFor();
    expect(await other.getByRole('link', { name: 'Modifica', exact: true }).count()).toBe(0);
    await other
      .getByTestId('twin-transferNotes')
      .getByText(/^Clausole contrattuali tipo \(SCC\)/)
      .waitFor();
    expect(await other.locator('main').innerText()).toContain('Dati del browser');
    await still(other);
    await screenshot(other, '46a-processor-show-it');

    // The activities and an activity's page: names, categories, notes, transfers in Italian.
    await other.getByRole('menuitem', { name: 'Attività', exact: true }).click();
    await other.locator('table tbody tr', { hasText: 'Modulo di contatto' }).waitFor();
    expect(await other.locator('table').innerText()).not.toMatch(/Contact form|AI chatbot|Consent management/);
    await still(other);
    await screenshot(other, '46b-activities-it');
    await other.locator('table tbody tr', { hasText: 'Modulo di contatto' }).click();
    await other.getByText('Visitatori del sito web che compilano il modulo di contatto').waitFor();
    await other.getByText('Ragione sociale').waitFor();
    await other.getByText(/^Dati di provenienza \(parametri UTM/).waitFor();
    // What Cloudflare receives of the form, said in Italian on its recipient's chip.
    await other.getByRole('link', { name: /Cloudflare, Inc\. · US · .* · Indirizzo IP, Dati del browser/ }).waitFor();
    await other.getByRole('link', { name: '24 mesi dalla raccolta, fatti salvi gli obblighi di legge' }).waitFor();
    expect(await other.getByTestId('twin-fallback').count()).toBe(0);
    await still(other);
    await screenshot(other, '46c-activity-show-it');

    await other.getByRole('menuitem', { name: 'Cookie', exact: true }).click();
    const gads = other.locator('table tbody tr', { hasText: '__gads' });
    expect(await gads.innerText()).toMatch(/Piattaforma \(sincronizzazione calendario\)\s+Pubblicità e marketing/);
    expect(await gads.innerText()).toContain('Non indicata');
    expect(await other.locator('table tbody tr', { hasText: 'cf_clearance' }).innerText()).toContain('30 minuti');
    await still(other);
    await screenshot(other, '46d-cookies-it');

    await other.getByRole('menuitem', { name: 'Conservazione', exact: true }).click();
    const leads = other.locator('table tbody tr', { hasText: 'Dati del modulo di contatto' });
    expect(await leads.innerText()).toContain('24 mesi dalla raccolta');
    expect(await other.locator('table').innerText()).not.toMatch(/Contact-form data|months/);
    expect(await other.getByRole('link', { name: 'Crea', exact: true }).count()).toBe(0);
    await still(other);
    await screenshot(other, '46-retention-rules-it-auditor');
    await other.context().close();
  });
});
