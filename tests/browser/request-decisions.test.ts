import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, ingestAccepted } from '../support/ingest';
import { startSmtpReceiver, type SmtpReceiver } from '../support/smtp-receiver';
import { ADMIN, sql, startTestConsole, type TestConsole } from '../support/test-console';
import { ARTIFACTS, launchBrowser, newConsolePage, still } from './browser';
import { recordRequest } from '../support/requests';
import { signInAsAdministrator } from '../support/officer-sign-in';
import { recordContactQualification } from '../support/activities';

/**
 * The officer's legal decisions and letters on the request page (issues 17 and 19), in a real
 * Chromium against the real console and a real SMTP receiver: a legal hold placed on Anna's
 * erasure and lifted; Olga's objection decided without compelling grounds, its stop on her subject
 * panel and in `processing_stops`, while Piero has none; a letter to Piero previewed, sent and read
 * as he reads it (Italian), and a refused one retried; then every card again in Italian.
 */
describe('legal holds, objection decisions and letters on the request page in Chromium', () => {
  let c: TestConsole;
  let smtp: SmtpReceiver;
  let browser: Browser;
  let page: Page;
  let token: string;
  let anna: { id: string; reference: string };
  let olga: { id: string; reference: string };
  let piero: { id: string; reference: string };

  const ANNA = 'anna.ferri@example.it';
  const OLGA = 'olga.neri@example.it';
  const PIERO = 'piero.verdi@example.it';
  const DAY = 86_400_000;
  const REVIEW_BY = new Date(Date.now() + 400 * DAY).toISOString().slice(0, 10);
  // Words of an English letter: none may be in the letter Piero reads in Italian.
  const ENGLISH = ['the', 'and', 'you', 'your', 'we', 'our', 'of', 'to', 'request', 'please', 'received'];
  const words = (text: string) =>
    new Set(
      text
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .filter(Boolean),
    );

  const lead = (externalId: string, firstName: string, lastName: string, email: string) => ({
    externalId,
    firstName,
    lastName,
    email,
    message: 'Vorrei un preventivo per la vetrina.',
    submittedAt: '2026-11-02T10:00:00Z',
  });
  const newRequest = (type: string, subjectName: string, subjectEmail: string, verify: boolean) =>
    recordRequest(c, token, type, { name: subjectName, email: subjectEmail }, { language: 'it', verified: verify });
  const open = async (request: { id: string }) => {
    await page.goto(`${c.url}/#/requests/${request.id}/show`);
    await page.getByTestId('request-reference').waitFor();
  };
  /** A card alone, for looking at it. */
  const shot = async (testId: string, name: string) => {
    await still(page);
    await page.getByTestId(testId).screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  };
  const dialogShot = async (name: string) => {
    await still(page);
    await page.getByRole('dialog').screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  };
  const noRawKeys = async () => {
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/\b(resources|app|ra)\.[a-z_-]+\.[a-z_.-]+/);
  };

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    c = await startTestConsole({
      serveAdmin: true,
      database: 'server',
      // No automatic retry during the test: the officer retries the refused letter by hand.
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Privacy Vimage <privacy@vimage.it>', LETTER_RETRY_SECONDS: '3600' },
    });
    token = await c.login();
    const key = await createApiKey(c, token);
    await recordContactQualification(c, token);
    await ingestAccepted(c, key, 'leads', [
      lead('anna-lead', 'Anna', 'Ferri', ANNA),
      lead('olga-lead', 'Olga', 'Neri', OLGA),
      lead('piero-lead', 'Piero', 'Verdi', PIERO),
    ]);
    anna = await newRequest('erasure', 'Anna Ferri', ANNA, true);
    olga = await newRequest('objection', 'Olga Neri', OLGA, true);
    piero = await newRequest('access', 'Piero Verdi', PIERO, false);
    browser = await launchBrowser();
    page = await newConsolePage(browser, { height: 1000, romeTime: true });
    await signInAsAdministrator(page, c.url);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await c?.close();
    await smtp?.close();
  });

  it("places a legal hold on Anna's lead, lists it, and lifts it", async () => {
    await open(anna);
    const card = page.getByTestId('legal-holds-card');
    await card.getByText('No legal hold: the erasure takes every record of the person.').waitFor();
    await card.getByRole('button', { name: 'Place a legal hold' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Source' }).click();
    await page.getByRole('option', { name: 'Leads' }).click();
    await dialog.getByRole('combobox', { name: 'Ground (GDPR Art. 17(3))' }).click();
    await page
      .getByRole('option', { name: 'Establishment, exercise or defence of legal claims (Art. 17(3)(e))' })
      .click();
    await dialog.getByLabel('Why (for the file)').fill('Preventivo contestato: diffida ricevuta il 10 novembre');
    await dialog.getByLabel('Review by').fill(REVIEW_BY);
    await noRawKeys();
    await dialogShot('101-legal-hold-place-en');
    await dialog.getByRole('button', { name: 'Place the hold' }).click();
    await dialog.waitFor({ state: 'detached' });

    const hold = card.getByTestId('legal-hold');
    await hold.getByText('Leads: 1 record kept').waitFor();
    await hold.getByTestId('hold-state').getByText('In force').waitFor();
    await hold.getByText('Establishment, exercise or defence of legal claims (Art. 17(3)(e))').waitFor();
    await hold.getByText(/^No end date known: review by /).waitFor();
    await hold.getByText('Why: Preventivo contestato: diffida ricevuta il 10 novembre').waitFor();
    const [annaLead] = await sql(c, `SELECT id::text AS id FROM leads WHERE email = $1`, [ANNA]);
    const holds = await sql(
      c,
      `SELECT h.request_id, h.source, h.ground, h.lifted_at, r.record_id
         FROM legal_holds h JOIN legal_hold_records r ON r.hold_id = h.id`,
    );
    // Anna's one lead, nobody else's.
    expect(holds).toEqual([
      { request_id: anna.id, source: 'leads', ground: 'legal_claims', lifted_at: null, record_id: annaLead.id },
    ]);
    await noRawKeys();
    await shot('legal-holds-card', '102-legal-holds-card-en');

    await hold.getByRole('button', { name: 'Lift the hold' }).click();
    await dialog.getByLabel('Why it is lifted').fill('Controversia chiusa con transazione il 3 marzo');
    await dialogShot('103-legal-hold-lift-en');
    await dialog.getByRole('button', { name: 'Lift the hold' }).click();
    await dialog.waitFor({ state: 'detached' });
    await hold.getByTestId('hold-state').getByText('Lifted').waitFor();
    await hold.getByText(`Lifted by ${ADMIN.email}`, { exact: false }).waitFor();
    // Lifted and not erased yet: the next run of the erasure takes it.
    await hold.getByTestId('hold-freed').waitFor();
    expect(await hold.getByRole('button', { name: 'Lift the hold' }).count()).toBe(0);
    const [lifted] = await sql(c, `SELECT lifted_at, lift_reason FROM legal_holds`);
    expect(lifted.lifted_at).not.toBeNull();
    expect(lifted.lift_reason).toBe('Controversia chiusa con transazione il 3 marzo');
    await still(page, { notices: true });
    await shot('legal-holds-card', '104-legal-holds-lifted-en');
  });

  it("decides Olga's objection without compelling grounds: the stop shows on her page and in the database", async () => {
    await open(olga);
    const card = page.getByTestId('objection-card');
    await card.getByText('No decision recorded yet.').waitFor();
    await card.getByRole('button', { name: 'Decide the objection' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('objection-activities').getByText('Contact qualification').click();
    // Only activities on legitimate interests are offered: "Contact form" is on consent.
    expect(await dialog.getByTestId('objection-activities').getByText('Contact form').count()).toBe(0);
    await dialog.getByLabel('No compelling legitimate grounds: the processing stops').check();
    await noRawKeys();
    await dialogShot('105-objection-decide-en');
    await dialog.getByRole('button', { name: 'Record the decision' }).click();
    await dialog.getByText('Processing stopped: 1 identifier of the person is flagged.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });

    await card
      .getByTestId('objection-decision')
      .getByText(/no compelling legitimate grounds, the processing stops/)
      .waitFor();
    await card.getByText('Activities: Contact qualification').waitFor();
    await card.getByTestId('objection-stops').getByText('Processing stopped: Contact qualification').waitFor();
    const panel = page.getByTestId('subject-data-stops');
    await panel.getByText('Processing stopped: Contact qualification').waitFor();
    await panel.getByText(olga.reference).waitFor();
    await panel.getByText('0 records flagged since', { exact: false }).waitFor();

    const stops = await sql(c, `SELECT request_id, activity_name, lifted_at FROM processing_stops`);
    expect(stops).toEqual([{ request_id: olga.id, activity_name: 'Contact qualification', lifted_at: null }]);

    // Olga fills in the contact form again: ingestion stores it flagged, and her panel counts it.
    const key = await createApiKey(c, token, 'Website again');
    await ingestAccepted(c, key, 'leads', lead('olga-lead-2', 'Olga', 'Neri', OLGA));
    await page.reload();
    await panel.getByText('1 record flagged since', { exact: false }).waitFor();
    await noRawKeys();
    await shot('objection-card', '106-objection-card-en');
    await page.getByTestId('subject-data-stops').scrollIntoViewIfNeeded();
    await shot('subject-data-stops', '107-subject-stops-en');
  });

  it('previews and sends the acknowledgement Piero reads in Italian, and retries a refused letter', async () => {
    await open(piero);
    // Piero, the second person: his panel has loaded his records and shows no stop.
    await page.getByTestId('subject-data-email').getByText('1 record').waitFor();
    expect(await page.getByTestId('subject-data-stops').count()).toBe(0);
    const search = await c.api(`/api/subjects/search?q=${encodeURIComponent(PIERO)}`, { token });
    expect(search.body.processingStops).toEqual([]);

    const card = page.getByTestId('letters-card');
    await card.getByText('Due in this state: Acknowledgement of receipt.').waitFor();
    await card.getByText('No letter written yet.').waitFor();
    await card.getByRole('button', { name: 'Preview and send' }).click();
    const dialog = page.getByRole('dialog');
    const subject = dialog.getByTestId('letter-subject');
    await expect.poll(() => subject.inputValue()).toContain(piero.reference);
    expect(await dialog.getByTestId('letter-text').inputValue()).toContain('Gentile Piero Verdi,');
    await dialog.getByText(`To ${PIERO}, in Italian`, { exact: false }).waitFor();
    expect(smtp.messages).toEqual([]);
    await noRawKeys();
    await dialogShot('108-letter-preview-en');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await dialog.waitFor({ state: 'detached' });

    const sent = card.locator('[data-testid="letter"][data-kind="acknowledgement"]');
    await sent.getByTestId('letter-state').getByText('Sent').waitFor();
    await sent.getByText('1 attempt', { exact: false }).waitFor();
    const [letter] = (await c.api(`/api/requests/${piero.id}/letters`, { token })).body as Array<{
      state: string;
      messageId: string;
    }>;
    expect(letter.state).toBe('sent');
    await sent.getByTestId('letter-message-id').getByText(letter.messageId, { exact: false }).waitFor();
    const mail = await smtp.waitFor((m) => m.parsed.messageId === letter.messageId);
    expect(mail.envelopeTo).toEqual([PIERO]);
    const text = `${mail.parsed.subject ?? ''}\n${mail.parsed.text ?? ''}`;
    expect(text).toContain(piero.reference);
    expect(text).toContain('Gentile Piero Verdi,');
    expect(text).toContain('abbiamo ricevuto');
    expect(ENGLISH.filter((w) => words(text).has(w))).toEqual([]);
    expect(smtp.messages).toHaveLength(1);

    // The mail server refuses the next letter: it stays failed until the officer retries it.
    smtp.refuseNext(1);
    await card.getByRole('button', { name: 'Write a letter' }).click();
    await dialog.getByTestId('letter-kind').click();
    await page.getByRole('option', { name: 'No data held' }).click();
    await expect.poll(() => dialog.getByTestId('letter-text').inputValue()).toContain(PIERO);
    await dialog.getByRole('button', { name: 'Send' }).click();
    await dialog.waitFor({ state: 'detached' });
    const failed = card.locator('[data-testid="letter"][data-kind="no_data"]');
    await failed.getByTestId('letter-state').getByText('Failed').waitFor();
    await failed
      .getByTestId('letter-error')
      .getByText(/^Not sent: /)
      .waitFor();
    expect(smtp.refused()).toBe(1);
    await still(page, { notices: true });
    await shot('letters-card', '109-letters-failed-en');
    await failed.getByRole('button', { name: 'Retry now' }).click();
    await failed.getByTestId('letter-state').getByText('Sent').waitFor();
    await failed.getByText('2 attempts', { exact: false }).waitFor();
    await expect.poll(() => smtp.messages.length).toBe(2);
    const noData = smtp.messages[1];
    expect(noData.envelopeTo).toEqual([PIERO]);
    expect(ENGLISH.filter((w) => words(noData.parsed.text ?? '').has(w))).toEqual([]);
    await noRawKeys();
    await still(page, { notices: true });
    await shot('letters-card', '110-letters-card-en');
  });

  it('shows the three cards and the stops in Italian', async () => {
    // At the top of a page: the app bar, with its language menu, hides while the page is scrolled.
    await open(anna);
    await page.getByRole('button', { name: 'English' }).first().click();
    await page.getByRole('menuitem', { name: 'Italiano' }).click();
    const holds = page.getByTestId('legal-holds-card');
    await holds.getByText('Vincoli di conservazione').waitFor();
    await holds.getByTestId('hold-state').getByText('Revocato').waitFor();
    await holds.getByText('Lead: 1 record conservato').waitFor();
    await holds
      .getByText('Accertamento, esercizio o difesa di un diritto in sede giudiziaria (art. 17, par. 3, lett. e))')
      .waitFor();
    await noRawKeys();
    await shot('legal-holds-card', '111-legal-holds-card-it');
    await holds.getByRole('button', { name: 'Applica un vincolo' }).click();
    await page.getByRole('dialog').getByText('Fino a quando', { exact: true }).waitFor();
    await noRawKeys();
    await dialogShot('112-legal-hold-place-it');
    await page.getByRole('dialog').getByRole('button', { name: 'Annulla' }).click();

    await open(olga);
    const objection = page.getByTestId('objection-card');
    await objection.getByText(/nessun motivo legittimo cogente, il trattamento cessa/).waitFor();
    await page.getByTestId('subject-data-stops').getByText('Trattamento interrotto: Contact qualification').waitFor();
    await page.getByTestId('subject-data-stops').getByText('1 record segnalato da allora', { exact: false }).waitFor();
    await noRawKeys();
    await shot('objection-card', '113-objection-card-it');
    await shot('subject-data-stops', '114-subject-stops-it');
    await objection.getByRole('button', { name: 'Decidi di nuovo' }).click();
    await page.getByRole('dialog').getByText('Valutazione (art. 21, par. 1)').waitFor();
    await noRawKeys();
    await dialogShot('115-objection-decide-it');
    await page.getByRole('dialog').getByRole('button', { name: 'Annulla' }).click();

    await open(piero);
    const letters = page.getByTestId('letters-card');
    await letters.getByText('Lettere', { exact: true }).waitFor();
    await expect.poll(() => letters.getByTestId('letter-state').getByText('Inviata').count()).toBe(2);
    await noRawKeys();
    await shot('letters-card', '116-letters-card-it');
    await letters.getByRole('button', { name: 'Scrivi una lettera' }).click();
    await page.getByRole('dialog').getByText(`A ${PIERO}, in italiano`, { exact: false }).waitFor();
    await noRawKeys();
    await dialogShot('117-letter-preview-it');
    await page.getByRole('dialog').getByRole('button', { name: 'Annulla' }).click();
  });
});
