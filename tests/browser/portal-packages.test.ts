import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, ingestAccepted } from '../support/ingest';
import { startPortalInBrowser, PORTAL_WIDTHS, type PortalInBrowser } from '../support/portal-browser';
import type { SmtpReceiver } from '../support/smtp-receiver';
import { ADMIN, sql, type TestConsole } from '../support/test-console';
import { readZip } from '../support/zip';
import { newConsolePage, openSignInForm, screenshot, signIn, still } from './browser';

/**
 * A package published on the privacy portal, as the subject downloads it in a real Chromium with
 * JavaScript off: the link from the e-mail, the code asked and read from the mailbox, a wrong
 * code, the right one answered with the ZIP (opened here), and the page once the link expired.
 * On a phone (390 px) and a desktop (1440 px), in Italian and English, axe-core on every page
 * (in a second context with scripts on, since the pages allow none). Then the officer's card.
 */

const TEXTS = {
  it: {
    locale: 'it-IT',
    heading: 'Scarichi i suoi dati',
    sendCode: 'Inviatemi il codice',
    sent: 'Le abbiamo inviato il codice per e-mail',
    code: 'Codice di 6 cifre',
    download: 'Scarica il file ZIP',
    wrong: 'Il codice non è corretto. Tentativi rimasti: 4.',
    expired: 'Questo link è scaduto',
    other: 'English',
  },
  en: {
    locale: 'en-GB',
    heading: 'Download your data',
    sendCode: 'Send me the code',
    sent: 'We have sent you the code by e-mail',
    code: '6-digit code',
    download: 'Download the ZIP file',
    wrong: 'The code is not correct. Tries left: 4.',
    expired: 'This link has expired',
    other: 'Italiano',
  },
} as const;

describe('a package published on the privacy portal, downloaded in a browser without JavaScript', () => {
  let c: TestConsole;
  let smtp: SmtpReceiver;
  let portal: PortalInBrowser;
  let admin: string;
  let key: string;

  beforeAll(async () => {
    portal = await startPortalInBrowser({ downloads: true });
    ({ c, smtp } = portal);
    admin = await c.login();
    key = await createApiKey(c, admin);
  }, 120_000);

  afterAll(() => portal?.close());

  /** A verified access request in `language`, with one record of the person's. */
  const verifiedRequest = async (language: 'it' | 'en', label: string) => {
    const email = `package.${label}@example.it`;
    await ingestAccepted(c, key, 'leads', {
      externalId: `pkg-${label}`,
      firstName: 'Giulia',
      lastName: 'Scaricata',
      email,
      message: `Messaggio di ${label}`,
      submittedAt: '2026-11-02T10:00:00Z',
    });
    const request = await c.api('/api/requests', {
      token: admin,
      body: {
        type: 'access',
        channel: 'email',
        language,
        receivedAt: new Date().toISOString(),
        subjectName: 'Giulia Scaricata',
        subjectEmail: email,
      },
    });
    await c.api(`/api/requests/${request.body.id}/verify`, {
      token: admin,
      body: { method: 'email_from_known_address' },
    });
    return { email, request: request.body as { id: string; reference: string } };
  };

  /** The link of the e-mail that announced `reference`'s package. */
  const linkFor = async (email: string, reference: string) => {
    const mail = await smtp.waitFor(
      (m) => m.envelopeTo.includes(email) && (m.parsed.subject ?? '').includes(reference),
    );
    return /(http:\S+\/privacy\/package\/[A-Za-z0-9_-]{43})/.exec(mail.parsed.text ?? '')![1];
  };

  /** A verified access request in `language`, its package published; the link from the e-mail. */
  const published = async (language: 'it' | 'en', label: string) => {
    const { email, request } = await verifiedRequest(language, label);
    const publication = await c.api(`/api/requests/${request.id}/portal-packages`, {
      token: admin,
      body: { kind: 'access' },
    });
    expect(publication.status).toBe(201);
    return { email, link: await linkFor(email, request.reference), request, packageId: publication.body.id as string };
  };

  for (const language of ['it', 'en'] as const) {
    const texts = TEXTS[language];
    for (const [device, width] of Object.entries(PORTAL_WIDTHS)) {
      it(`asks for the code, refuses a wrong one and gives the ZIP (${language}, ${device} ${width} px)`, async () => {
        const { email, link, request, packageId } = await published(language, `${language}-${device}`);
        // The browser prefers the other language: the page speaks the request's.
        const page = await portal.subjectPage(width, language === 'it' ? 'en-GB' : 'it-IT');
        await page.goto(link, { timeout: 60_000 });
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(texts.heading);
        expect(await page.getByRole('link', { name: texts.other }).count()).toBe(1);
        const main = await page.locator('main').innerText();
        expect(main).toContain(`${request.reference}-access.zip`);
        expect(main).not.toContain('Giulia');
        expect(main).not.toContain(email);
        await portal.fullShot(page, `portal-package-${language}-${width}`);
        await portal.accessible(link);

        const before = smtp.messages.length;
        await page.getByRole('button', { name: texts.sendCode }).click();
        await page.waitForURL(/done=sent/);
        expect(await page.locator('[role=status]').textContent()).toContain(texts.sent);
        await portal.fullShot(page, `portal-package-code-${language}-${width}`);
        await portal.accessible(page.url());
        const mail = await smtp.waitFor((m) => m.envelopeTo.includes(email) && smtp.messages.indexOf(m) >= before);
        const code = /\b(\d{6})\b/.exec(mail.parsed.text ?? '')![1];

        await page.getByLabel(texts.code).fill(code === '000000' ? '111111' : '000000');
        await page.getByRole('button', { name: texts.download }).click();
        await page.waitForLoadState();
        expect(await page.locator('[role=alert]').textContent()).toBe(texts.wrong);
        if (device === 'phone') await portal.fullShot(page, `portal-package-wrong-${language}-${width}`);

        await page.getByLabel(texts.code).fill(code);
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: texts.download }).click(),
        ]);
        expect(download.suggestedFilename()).toBe(`${request.reference}-access.zip`);
        const entries = await readZip(readFileSync(await download.path()));
        expect(JSON.parse(entries.get('manifest.json')!.toString()).reference).toBe(request.reference);
        expect(entries.get('data/leads.json')!.toString()).toContain(email);

        // Expired (the clock set through the row): the page says so in the request's language.
        await sql(c, `UPDATE portal_packages SET expires_at = now() - interval '1 minute' WHERE id = $1`, [packageId]);
        await page.goto(link);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(texts.expired);
        await portal.fullShot(page, `portal-package-expired-${language}-${width}`);
        await portal.accessible(link);
      });
    }
  }

  for (const [language, locale, button] of [
    ['en', 'en-GB', 'Sign in'],
    ['it', 'it-IT', 'Accedi'],
  ] as const) {
    it(`lets the officer publish, see the download and withdraw (${language})`, async () => {
      const { email, request } = await verifiedRequest(language, `officer-${language}`);
      const page = await newConsolePage(portal.browser, { height: 1400, locale, romeTime: true });
      await openSignInForm(page, c.url);
      await signIn(page, ADMIN.email, ADMIN.password, button);
      await page
        .getByText(language === 'it' ? 'Ti diamo il benvenuto, Administrator' : 'Welcome, Administrator')
        .waitFor();
      await page.goto(`${c.url}/#/requests/${request.id}/show`);
      const card = page.getByTestId('packages-card');
      await card.getByTestId('packages-none').waitFor();

      // The confirmation says to which address, in which language and until when.
      await card
        .getByRole('button', {
          name:
            language === 'it'
              ? 'Pubblica all’interessato il pacchetto di accesso'
              : 'Publish the access package to the subject',
        })
        .click();
      const dialog = page.getByRole('dialog');
      const words = await dialog.innerText();
      expect(words).toContain(email);
      expect(words).toContain(language === 'it' ? 'valido 7 giorni, fino al' : 'valid for 7 days, until');
      expect(words).toContain(language === 'it' ? 'un’e-mail in italiano' : 'an e-mail in English');
      await still(page);
      await dialog.screenshot({ path: await screenshot(page, `portal-package-officer-publish-${language}`) });
      await dialog
        .getByRole('button', { name: language === 'it' ? 'Pubblica e invia l’e-mail' : 'Publish and send the e-mail' })
        .click();
      await card.locator('[data-testid=package][data-state=open]').waitFor({ timeout: 60_000 });
      const link = await linkFor(email, request.reference);

      // One download by the subject, through the pages.
      const subject = await portal.subjectPage(1440, locale);
      await subject.goto(link);
      const before = smtp.messages.length;
      await subject.getByRole('button', { name: TEXTS[language].sendCode }).click();
      await subject.waitForURL(/done=sent/);
      const mail = await smtp.waitFor((m) => m.envelopeTo.includes(email) && smtp.messages.indexOf(m) >= before);
      await subject.getByLabel(TEXTS[language].code).fill(/\b(\d{6})\b/.exec(mail.parsed.text ?? '')![1]);
      await Promise.all([
        subject.waitForEvent('download'),
        subject.getByRole('button', { name: TEXTS[language].download }).click(),
      ]);

      await page.reload();
      await card.getByTestId('package').waitFor();
      await expect
        .poll(() => card.getByTestId('package-downloads').innerText())
        .toContain(language === 'it' ? 'Scaricato una volta' : 'Downloaded once');
      const text = await card.innerText();
      expect(text).toContain(language === 'it' ? 'Aperto' : 'Open');
      expect(text).toContain(email);
      await card.scrollIntoViewIfNeeded();
      await still(page, { notices: true });
      await card.screenshot({ path: await screenshot(page, `portal-package-officer-${language}`) });

      // Withdrawing: a confirmation that names the address; then the link stops.
      await card.getByRole('button', { name: language === 'it' ? 'Ritira' : 'Withdraw', exact: true }).click();
      expect(await dialog.innerText()).toContain(email);
      await dialog
        .getByRole('button', { name: language === 'it' ? 'Ritira e cancella il file' : 'Withdraw and delete the file' })
        .click();
      await card.locator('[data-testid=package][data-state=withdrawn]').waitFor();
      await still(page, { notices: true });
      await card.screenshot({ path: await screenshot(page, `portal-package-officer-withdrawn-${language}`) });
      await subject.goto(link);
      expect(await subject.getByRole('heading', { level: 1 }).textContent()).toBe(TEXTS[language].expired);
      await page.context().close();
    });
  }
});
