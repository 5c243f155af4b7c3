import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, ingestAccepted } from '../support/ingest';
import { startSmtpReceiver, type SmtpReceiver } from '../support/smtp-receiver';
import { ADMIN, sql, startTestConsole, type TestConsole } from '../support/test-console';
import { ARTIFACTS, launchBrowser, newConsolePage, openSignInForm, signIn, still } from './browser';
import { recordRequest } from '../support/requests';
import { signInAsAdministrator } from '../support/officer-sign-in';

/**
 * The request's file (Art. 5(2) and 24: the controller shall be able to demonstrate what it did):
 * one printable page per request with its facts, decisions, letters, the packages' checksums and
 * its audit events in the chain, read in Chromium in Italian and in English and printed to PDF the
 * way the officer saves it for the Garante. A second person's request must leave no trace in it.
 */
describe("the request's file in Chromium", () => {
  let c: TestConsole;
  let smtp: SmtpReceiver;
  let browser: Browser;
  let token: string;
  let giulia: { id: string; reference: string };
  let marco: { id: string; reference: string };
  let zipSha256: string;
  const GIULIA = 'giulia.file@example.it';
  const MARCO = 'marco.file@example.org';

  const act = async (id: string, action: string, body: Record<string, unknown>) => {
    const res = await c.api(`/api/requests/${id}/${action}`, { token, body });
    expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body as Record<string, unknown>;
  };
  const newRequest = (type: string, subjectName: string, subjectEmail: string, language: string) =>
    recordRequest(c, token, type, { name: subjectName, email: subjectEmail }, { language });

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    c = await startTestConsole({
      serveAdmin: true,
      database: 'server',
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Privacy Vimage <privacy@vimage.it>', LETTER_RETRY_SECONDS: '3600' },
    });
    token = await c.login();
    const key = await createApiKey(c, token);
    await ingestAccepted(c, key, 'leads', [
      {
        externalId: 'giulia-file',
        firstName: 'Giulia',
        lastName: 'Fascicolo',
        email: GIULIA,
        message: 'Vorrei un preventivo.',
        submittedAt: '2026-11-02T10:00:00Z',
      },
    ]);
    giulia = await newRequest('access', 'Giulia Fascicolo', GIULIA, 'it');
    marco = await newRequest('access', 'Marco Other', MARCO, 'en');
    await act(giulia.id, 'verify', { method: 'email_from_known_address' });
    await act(marco.id, 'verify', { method: 'email_from_known_address' });
    await act(marco.id, 'notes', { text: 'Marco called about his own request.' });
    const letter = await c.api(`/api/requests/${giulia.id}/letters`, { token, body: { kind: 'acknowledgement' } });
    expect(letter.status).toBe(201);
    const zip = await fetch(`${c.url}/api/requests/${giulia.id}/export.zip?kind=access`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(zip.status).toBe(200);
    zipSha256 = createHash('sha256')
      .update(Buffer.from(await zip.arrayBuffer()))
      .digest('hex');
    await act(giulia.id, 'close', { outcome: 'Copia dei dati inviata per e-mail.' });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await c?.close();
    await smtp?.close();
  });

  /** Holds the chain's verification back (as on a log of a million events) until released. */
  const holdVerification = async (page: Page) => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/audit/verify', async (route) => {
      await held;
      await route.continue();
    });
    return release;
  };

  it('gathers the request, its decisions, letters, package checksum and audit events, in Italian', async () => {
    const page = await newConsolePage(browser, { height: 1000, locale: 'it-IT', romeTime: true });
    await openSignInForm(page, c.url);
    await signIn(page, ADMIN.email, ADMIN.password, 'Accedi');
    await page.getByText('Ti diamo il benvenuto, Administrator').waitFor();
    // The file is read while the chain is recomputed, and printed only once it has been.
    const release = await holdVerification(page);
    await page.goto(`${c.url}/#/requests/${giulia.id}/file`);
    await page.getByTestId('file-chain-verifying').waitFor();
    expect(await page.getByTestId('file-chain-verifying').innerText()).toMatch(
      /^Ricalcolo dell’intera catena del registro di audit/,
    );
    expect(await page.getByRole('button', { name: 'Stampa o salva in PDF' }).isDisabled()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, '110-request-file-it-verifying.png'), fullPage: true });
    release();
    await page.getByTestId('file-chain').waitFor();
    const file = page.getByTestId('request-file');
    const text = await file.innerText();

    expect(text).toContain(`Fascicolo della richiesta ${giulia.reference}`);
    expect(text).toContain('Giulia Fascicolo');
    // The decisions: the identity verified (Art. 12(6)) and the closing, in words.
    const decisions = await page.getByTestId('file-decisions').innerText();
    expect(decisions).toMatch(/Identità verificata/);
    expect(decisions).toMatch(/Chiusa/);
    expect(decisions).not.toMatch(/Lettera inviata/);
    // The letter, sent, and the package with the checksum of the very bytes downloaded.
    const letters = await page.getByTestId('file-letters').innerText();
    expect(letters).toContain(giulia.reference);
    expect(letters).toContain(GIULIA);
    expect(await page.getByTestId('file-packages').innerText()).toContain(zipSha256);
    // Each audit event with its hash as the log holds it, and the chain checked at generation.
    const hashes = await sql(
      c,
      `SELECT hash FROM audit_events WHERE entity_id = $1 AND action !~ '[._](viewed|listed)$'`,
      [giulia.id],
    );
    expect(hashes.length).toBeGreaterThan(2);
    const audit = await page.getByTestId('file-audit').innerText();
    for (const { hash } of hashes) expect(audit.replace(/\s+/g, '')).toContain(hash);
    // Every action in words, none as its code (letter.sent).
    const actions = await page.getByTestId('file-audit').locator('tbody tr td:nth-child(3)').allInnerTexts();
    expect(actions.length).toBe(hashes.length);
    for (const action of actions) expect(action).not.toMatch(/^[a-z_-]+\.[a-z_]+$/);
    expect(await page.getByTestId('file-chain').innerText()).toMatch(/integra/);
    // Nothing of the other person's request.
    expect(text).not.toContain(marco.reference);
    expect(text).not.toContain(MARCO);
    expect(text).not.toContain('Marco called');
    // No raw code or untranslated key.
    expect(text).not.toMatch(/\b(resources|app|ra)\.[a-z_-]+\.[a-z_.-]+/);
    expect(text).not.toMatch(/\b(email_from_known_address|identity_verified)\b/);
    // The timeline in Italian too: no line the API wrote in English.
    expect(text).not.toMatch(/\b(access package|interrupted after)\b/);

    await still(page);
    await page.screenshot({ path: join(ARTIFACTS, '110-request-file-it.png'), fullPage: true });

    // Printed as the officer saves it: the PDF holds the same facts, without the buttons.
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(ARTIFACTS, '110-request-file-it.pdf'), pdf);
    const { text: pages } = await extractText(new Uint8Array(pdf), { mergePages: true });
    const printed = pages.replace(/\s+/g, ' ');
    expect(printed).toContain(`Fascicolo della richiesta ${giulia.reference}`);
    // A hash may break across lines on paper: read without the line breaks.
    expect(pages.replace(/\s+/g, '')).toContain(zipSha256);
    expect(printed).not.toContain('Stampa o salva in PDF');
    expect(printed).not.toContain(marco.reference);
    await page.context().close();
  });

  it('reads the same file in English, for another request, and an auditor may open it', async () => {
    const page = await newConsolePage(browser, { height: 1000, romeTime: true });
    await signInAsAdministrator(page, c.url);
    await page.goto(`${c.url}/#/requests/${marco.id}/show`);
    // The chain's verification held back, as on a log of a million events (seconds): the file is
    // read meanwhile, and cannot be printed until the verification has answered.
    const release = await holdVerification(page);
    await page.getByRole('link', { name: 'Request file' }).click();
    const verifying = page.getByTestId('file-chain-verifying');
    await verifying.waitFor();
    expect(await verifying.innerText()).toMatch(/^Recomputing the whole chain of the audit log/);
    expect(await page.getByTestId('file-decisions').innerText()).toMatch(/Identity verified/);
    const print = page.getByRole('button', { name: 'Print or save as PDF' });
    expect(await print.isDisabled()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, '111-request-file-en-verifying.png'), fullPage: true });
    release();
    await page.getByTestId('file-chain').waitFor();
    expect(await page.getByTestId('file-chain').innerText()).toMatch(/found intact/);
    expect(await verifying.count()).toBe(0);
    expect(await print.isEnabled()).toBe(true);
    const text = await page.getByTestId('request-file').innerText();
    expect(text).toContain(`Request file ${marco.reference}`);
    expect(text).toContain('No package was downloaded.');
    expect(text).toContain('No letter written.');
    expect(await page.getByTestId('file-decisions').innerText()).toMatch(/Identity verified/);
    expect(text).toContain('Marco called about his own request.');
    expect(text).not.toContain(giulia.reference);
    expect(text).not.toContain(GIULIA);
    expect(text).not.toContain(zipSha256);
    await still(page);
    await page.screenshot({ path: join(ARTIFACTS, '111-request-file-en.png'), fullPage: true });
    await page.context().close();
  });
});
