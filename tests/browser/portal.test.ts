import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type TestConsole } from '../support/test-console';
import { startPortalInBrowser, PORTAL_WIDTHS, type PortalInBrowser } from '../support/portal-browser';
import type { SmtpReceiver } from '../support/smtp-receiver';

/**
 * The privacy portal as a data subject uses it, in a real Chromium with JavaScript turned off:
 * the form filled and sent, the code read from the e-mail and entered, the status page read and
 * more information sent. Screenshots on a phone (390 px) and a desktop (1440 px), in Italian and
 * English; axe-core checks every page against WCAG 2.1 AA (in a second context with scripts on,
 * where the test injects it, since the pages themselves allow no script).
 */

describe('the privacy portal in a browser without JavaScript', () => {
  let c: TestConsole;
  let smtp: SmtpReceiver;
  let portal: PortalInBrowser;

  beforeAll(async () => {
    portal = await startPortalInBrowser();
    ({ c, smtp } = portal);
  }, 120_000);

  afterAll(() => portal?.close());

  for (const [language, locale, texts] of [
    [
      'it',
      'it-IT',
      {
        heading: 'Privacy: le sue richieste',
        right: 'Accesso ai miei dati (art. 15)',
        right2: 'Cancellazione dei miei dati (art. 17)',
        name: 'Nome e cognome',
        email: 'Indirizzo e-mail',
        phone: 'Telefono (facoltativo)',
        message: 'La sua richiesta',
        submit: 'Invia la richiesta',
        emailError: 'Indichi un indirizzo e-mail valido',
        check: 'Controlli la sua casella di posta',
        code: 'Codice di 6 cifre',
        confirm: 'Conferma',
        registered: 'La sua richiesta è stata registrata',
        status: 'Ricevuta',
        ack: 'Abbiamo ricevuto la sua richiesta',
        more: 'Il suo messaggio',
        send: 'Invia',
        sent: 'il suo messaggio è stato aggiunto',
        other: 'English',
      },
    ],
    [
      'en',
      'en-GB',
      {
        heading: 'Privacy: your requests',
        right: 'Access to my data (Art. 15)',
        right2: 'Erasure of my data (Art. 17)',
        name: 'Full name',
        email: 'E-mail address',
        phone: 'Phone (optional)',
        message: 'Your request',
        submit: 'Send the request',
        emailError: 'Give a valid e-mail address',
        check: 'Check your mailbox',
        code: '6-digit code',
        confirm: 'Confirm',
        registered: 'Your request has been registered',
        status: 'Received',
        ack: 'We have received your request',
        more: 'Your message',
        send: 'Send',
        sent: 'your message was added',
        other: 'Italiano',
      },
    ],
  ] as const) {
    for (const [device, width] of Object.entries(PORTAL_WIDTHS)) {
      it(`takes a request, its code and shows its status (${language}, ${device} ${width} px)`, async () => {
        const email = `portal.${language}.${device}@example.it`;
        const page = await portal.subjectPage(width, locale);
        await page.goto(`${c.url}/privacy`, { timeout: 60_000 });
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(texts.heading);
        expect(await page.getByRole('link', { name: texts.other }).count()).toBe(1);
        await portal.fullShot(page, `portal-form-${language}-${width}`);
        await portal.accessible(`${c.url}/privacy?lang=${language}`);

        // A mistyped address: the form again with the error, what was typed kept.
        await page.getByLabel(texts.right, { exact: true }).check();
        await page.getByLabel(texts.right2, { exact: true }).check();
        await page.getByLabel(texts.name).fill('Giulia Bianchi');
        await page.getByLabel(texts.email).fill('giulia.bianchi@');
        await page.getByLabel(texts.phone).fill('+39 347 123 4567');
        await page.getByLabel(texts.message).fill('Vorrei sapere quali dati avete e poi cancellarli.');
        await page.getByRole('button', { name: texts.submit }).click();
        await page.waitForLoadState();
        expect(await page.locator('[role=alert]').textContent()).toContain(texts.emailError);
        expect(await page.getByLabel(texts.name).inputValue()).toBe('Giulia Bianchi');
        expect(await page.getByLabel(texts.right2, { exact: true }).isChecked()).toBe(true);
        if (device === 'phone') await portal.fullShot(page, `portal-form-error-${language}-${width}`);

        const before = smtp.messages.length;
        await page.getByLabel(texts.email).fill(email);
        await page.getByRole('button', { name: texts.submit }).click();
        await page.waitForURL(/\/privacy\/verify\//);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(texts.check);
        await portal.fullShot(page, `portal-code-${language}-${width}`);
        await portal.accessible(page.url());
        const mail = await smtp.waitFor((m) => m.envelopeTo.includes(email) && smtp.messages.indexOf(m) >= before);
        const code = /\b(\d{6})\b/.exec(mail.parsed.text ?? '')![1];

        await page.getByLabel(texts.code).fill(code);
        await page.getByRole('button', { name: texts.confirm }).click();
        await page.waitForURL(/\/privacy\/status\//);
        const body = await page.locator('main').innerText();
        expect(body).toContain(texts.registered);
        const references = await sql<{ reference: string }>(
          c,
          `SELECT reference FROM requests WHERE subject_email = $1 AND channel = 'web_form' ORDER BY reference`,
          [email],
        );
        expect(references).toHaveLength(2);
        for (const { reference } of references) expect(body).toContain(reference);
        expect(body).toContain(texts.right);
        expect(body).toContain(texts.status);
        // The acknowledgements are sent once the page is answered: listed on it once sent.
        for (const { reference } of references)
          await smtp.waitFor((m) => m.envelopeTo.includes(email) && (m.parsed.subject ?? '').includes(reference));
        await expect
          .poll(async () => {
            await page.reload();
            return page.locator('main').innerText();
          })
          .toContain(texts.ack);
        await portal.fullShot(page, `portal-status-${language}-${width}`);
        await portal.accessible(page.url());

        await page.getByLabel(texts.more).fill('Il mio vecchio indirizzo era via Roma 1.');
        await page.getByRole('button', { name: texts.send, exact: true }).click();
        await page.waitForURL(/done=sent/);
        expect(await page.locator('[role=status]').textContent()).toContain(texts.sent);
        const messages = await sql(
          c,
          `SELECT e.message FROM request_events e JOIN requests r ON r.id = e.request_id WHERE r.subject_email = $1 AND e.kind = 'subject_message'`,
          [email],
        );
        expect(messages).toHaveLength(2);
      }, 180_000);
    }
  }
});
