import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, sql, type TestConsole } from '../support/test-console';
import { startPortalInBrowser, PORTAL_WIDTHS, type PortalInBrowser } from '../support/portal-browser';
import type { SmtpReceiver } from '../support/smtp-receiver';
import { openSignInForm, screenshot, signIn, still } from './browser';

/**
 * The portal's withdrawal of consent and objection to direct marketing, and its attachments, as
 * a data subject uses them in a real Chromium with JavaScript turned off: boxes ticked, the code
 * from the e-mail entered, documents chosen in the file input. Screenshots at 390 and 1440 px in
 * Italian and English; axe-core checks each new page against WCAG 2.1 AA.
 */

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

describe('the portal’s choices and attachments in a browser without JavaScript', () => {
  let c: TestConsole;
  let smtp: SmtpReceiver;
  let portal: PortalInBrowser;

  beforeAll(async () => {
    portal = await startPortalInBrowser();
    ({ c, smtp } = portal);
  }, 120_000);

  afterAll(() => portal?.close());

  const codeFrom = async (email: string, after: number) => {
    const mail = await smtp.waitFor((m) => m.envelopeTo.includes(email) && smtp.messages.indexOf(m) >= after);
    return /\b(\d{6})\b/.exec(mail.parsed.text ?? '')![1];
  };

  for (const [language, locale, texts] of [
    [
      'it',
      'it-IT',
      {
        heading: 'Revoca del consenso e opposizione al marketing',
        link: 'Vuole solo revocare un consenso',
        chatbot: 'Chat con l’assistente virtuale (categoria «AI Chatbot»)',
        marketing: 'Mi oppongo al trattamento dei miei dati per finalità di marketing diretto (art. 21, par. 2, GDPR)',
        name: 'Nome e cognome',
        email: 'Indirizzo e-mail',
        submit: 'Invia le mie scelte',
        missing: 'Scelga almeno un consenso da revocare',
        code: 'Codice di 6 cifre',
        confirm: 'Conferma',
        withdrawal: 'Revoca del consenso (art. 7, par. 3)',
        objection: 'Opposizione al trattamento (art. 21)',
        letter: 'Revoca del suo consenso',
        inForce: 'Le sue scelte sono in vigore.',
        attachments: 'Allegati (facoltativi)',
        right: 'Accesso ai miei dati (art. 15)',
        message: 'La sua richiesta',
        send: 'Invia la richiesta',
        wrongType: 'Alleghi solo documenti PDF o immagini JPEG o PNG.',
      },
    ],
    [
      'en',
      'en-GB',
      {
        heading: 'Withdraw consent and object to marketing',
        link: 'Only want to withdraw a consent',
        chatbot: 'Chat with the virtual assistant (the “AI Chatbot” category)',
        marketing: 'I object to the processing of my data for direct marketing (GDPR Art. 21(2))',
        name: 'Full name',
        email: 'E-mail address',
        submit: 'Send my choices',
        missing: 'Choose at least one consent to withdraw',
        code: '6-digit code',
        confirm: 'Confirm',
        withdrawal: 'Withdrawal of consent (Art. 7(3))',
        objection: 'Objection to processing (Art. 21)',
        letter: 'Withdrawal of your consent',
        inForce: 'Your choices are in force.',
        attachments: 'Attachments (optional)',
        right: 'Access to my data (Art. 15)',
        message: 'Your request',
        send: 'Send the request',
        wrongType: 'Attach only PDF documents or JPEG or PNG images.',
      },
    ],
  ] as const) {
    for (const [device, width] of Object.entries(PORTAL_WIDTHS)) {
      it(`withdraws consent and objects to marketing (${language}, ${device} ${width} px)`, async () => {
        const email = `choices.${language}.${device}@example.it`;
        const page = await portal.subjectPage(width, locale);
        await page.goto(`${c.url}/privacy`, { timeout: 60_000 });
        await page.getByRole('link', { name: texts.link }).click();
        await page.waitForURL(/\/privacy\/choices/);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(texts.heading);
        await portal.fullShot(page, `portal-choices-${language}-${width}`);
        await portal.accessible(`${c.url}/privacy/choices?lang=${language}`);

        // Nothing ticked: the form again, saying what is missing.
        await page.getByLabel(texts.name).fill('Giulia Rossi');
        await page.getByLabel(texts.email).fill(email);
        await page.getByRole('button', { name: texts.submit }).click();
        await page.waitForLoadState();
        expect(await page.locator('[role=alert]').textContent()).toContain(texts.missing);
        expect(await page.getByLabel(texts.email).inputValue()).toBe(email);
        if (device === 'phone') {
          await portal.fullShot(page, `portal-choices-error-${language}-${width}`);
          await portal.accessible(page.url());
        }

        const before = smtp.messages.length;
        await page.getByLabel(texts.chatbot).check();
        await page.getByLabel(texts.marketing).check();
        await page.getByRole('button', { name: texts.submit }).click();
        await page.waitForURL(/\/privacy\/choices\/verify\//);
        await portal.fullShot(page, `portal-choices-code-${language}-${width}`);
        await portal.accessible(page.url());
        await page.getByLabel(texts.code).fill(await codeFrom(email, before));
        await page.getByRole('button', { name: texts.confirm }).click();
        await page.waitForURL(/\/privacy\/status\//);
        const body = await page.locator('main').innerText();
        expect(await page.locator('[role=status]').textContent()).toContain(texts.inForce);
        expect(body).toContain(texts.withdrawal);
        expect(body).toContain(texts.objection);
        // The confirmation letters are sent and listed on the page.
        await smtp.waitFor((m) => m.envelopeTo.includes(email) && (m.parsed.subject ?? '').includes(texts.letter));
        await page.reload();
        expect(await page.locator('main').innerText()).toContain(texts.letter);
        await portal.fullShot(page, `portal-choices-status-${language}-${width}`);
        await portal.accessible(page.url());
        const stops = await sql(
          c,
          `SELECT s.reason FROM processing_stops s JOIN requests r ON r.id = s.request_id WHERE r.subject_email = $1 ORDER BY reason`,
          [email],
        );
        expect(stops.map((s) => s.reason)).toEqual(['direct_marketing', 'withdrawal']);
      }, 180_000);
    }

    it(`attaches a document to the request form and to a later message (${language}, phone 390 px)`, async () => {
      const email = `attachments.${language}@example.it`;
      const page = await portal.subjectPage(PORTAL_WIDTHS.phone, locale);
      await page.goto(`${c.url}/privacy`, { timeout: 60_000 });
      await page.getByLabel(texts.right, { exact: true }).check();
      await page.getByLabel(texts.name).fill('Sara Documenti');
      await page.getByLabel(texts.email).fill(email);
      await page.getByLabel(texts.message).fill('Allego il documento.');
      // A web page saved as .pdf: refused by its content.
      await page.getByLabel(texts.attachments).setInputFiles({
        name: 'documento.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('<html><body>not a pdf</body></html>'),
      });
      await page.getByRole('button', { name: texts.send }).click();
      await page.waitForLoadState();
      expect(await page.locator('[role=alert]').textContent()).toContain(texts.wrongType);
      await portal.fullShot(page, `portal-attachment-error-${language}-390`);
      await portal.accessible(page.url());

      const before = smtp.messages.length;
      await page
        .getByLabel(texts.attachments)
        .setInputFiles({ name: 'carta.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByRole('button', { name: texts.send }).click();
      await page.waitForURL(/\/privacy\/verify\//);
      await page.getByLabel(texts.code).fill(await codeFrom(email, before));
      await page.getByRole('button', { name: texts.confirm }).click();
      await page.waitForURL(/\/privacy\/status\//);
      await page
        .getByLabel(texts.attachments)
        .setInputFiles({ name: 'bolletta.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.locator('#more').fill('Ecco la bolletta.');
      await portal.fullShot(page, `portal-attachment-status-${language}-390`);
      await page.locator('form[action$="/messages"] button[type=submit]').click();
      await page.waitForURL(/done=sent/);
      const files = await sql(
        c,
        `SELECT a.file_name FROM request_attachments a JOIN requests r ON r.id = a.request_id WHERE r.subject_email = $1 ORDER BY a.added_at`,
        [email],
      );
      expect(files.map((f) => f.file_name)).toEqual(['carta.pdf', 'bolletta.pdf']);

      if (language === 'en') {
        // The officer finds the documents on the request's timeline, each with its download link.
        const [request] = await sql(c, `SELECT id FROM requests WHERE subject_email = $1`, [email]);
        const officer = await portal.officerPage({ height: 1400 });
        await openSignInForm(officer, c.url);
        await signIn(officer, ADMIN.email, ADMIN.password);
        // Signed in once the dashboard greets; then the request's page.
        await officer.getByText('Welcome, Administrator').waitFor({ timeout: 30_000 });
        await officer.goto(`${c.url}/#/requests/${request.id}/show`);
        await officer
          .locator('li[data-kind="subject_attachment"]')
          .first()
          .waitFor({ timeout: 30_000 })
          .catch(async (error: unknown) => {
            await officer.screenshot({
              path: await screenshot(officer, 'portal-attachment-officer-failed'),
              fullPage: true,
            });
            throw error;
          });
        expect(await officer.locator('li[data-kind="subject_attachment"]').first().innerText()).toContain(
          'Document from the data subject (portal)',
        );
        const links = officer.getByRole('link', { name: 'Open the document' });
        expect(await links.count()).toBe(2);
        expect(await links.first().getAttribute('href')).toMatch(
          new RegExp(`^/api/requests/${request.id}/attachments/[0-9a-f-]{36}$`),
        );
        await still(officer);
        await officer.screenshot({ path: await screenshot(officer, 'portal-attachment-officer-en'), fullPage: true });
      }
    }, 180_000);
  }
});
