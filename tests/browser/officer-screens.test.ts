import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type TestMailServer } from '../support/dovecot';
import { ingestAccepted } from '../support/ingest';
import { startSmtpReceiver, type SmtpReceiver } from '../support/smtp-receiver';
import { CALLBACK_CHAT, WEBSITE_LEAD_GIULIA } from '../support/records';
import { ADMIN, startTestConsole, type TestConsole } from '../support/test-console';
import { launchBrowser, newConsolePage, screenshot, still } from './browser';
import { signInAsAdministrator } from '../support/officer-sign-in';

/**
 * The officer's screens for what the API gained with issues 16, 18 and 19, in a real Chromium
 * against the real console reading a real IMAP server: the other mail of privacy@ (read now, an
 * auto-reply a person wrote after all made a request), a letter template edited (a missing
 * placeholder refused beside the field, then a new version), a register's Italian text, a match
 * of "Find a person" corrected from own to mention, and the chat visitor's identity; then every
 * screen again in Italian, with no raw message key and no English left.
 */
describe('the officer screens of the mailbox, letters, registers and whose data in Chromium', () => {
  let c: TestConsole;
  let imap: TestMailServer;
  let smtp: SmtpReceiver;
  let browser: Browser;
  let page: Page;
  let token: string;

  const GIULIA = 'giulia.bianchi@example.it';
  // The address Giulia gave the chat widget: another of hers, so that the search by the lead's
  // e-mail reaches the chat only through the lead (and not once the lead is corrected).
  const GIULIA_IN_CHAT = 'g.bianchi@example.com';
  // An auto-reply by its headers, but Giulia wrote under it: the officer judges it a request.
  const AUTO_REPLY = [
    `From: Giulia Bianchi <${GIULIA}>`,
    'To: privacy@vimage.it',
    'Subject: Richiesta di accesso ai miei dati',
    'Date: Mon, 02 Nov 2026 10:00:00 +0100',
    'Message-ID: <auto-reply-officer-screens@example.it>',
    'Auto-Submitted: auto-replied',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Sono fuori ufficio. Comunque vorrei sapere quali dati avete su di me.',
    '',
  ].join('\r\n');

  // A colleague forwards a letter asking two rights (issue 19, reading): the subject is its
  // original sender, and the second right needs a request of its own.
  const LAURA = 'laura.bianchi@example.it';
  const COLLEAGUE = 'marco.conti@vimage.it';
  const FORWARDED = [
    `From: Marco Conti <${COLLEAGUE}>`,
    'To: privacy@vimage.it',
    'Subject: Fwd: Richiesta sui miei dati personali',
    'Date: Tue, 03 Nov 2026 09:15:00 +0100',
    'Message-ID: <forwarded-two-rights-officer-screens@vimage.it>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    "Ciao, è arrivata all'indirizzo commerciale: la giro a voi come da procedura.",
    'Marco',
    '',
    '---------- Forwarded message ---------',
    `Da: Bianchi, Laura <${LAURA}>`,
    'Date: lun 2 nov 2026 alle ore 18:40',
    'Subject: Richiesta sui miei dati personali',
    'To: <commerciale@vimage.it>',
    '',
    'Buongiorno,',
    "chiedo l'accesso ai dati personali che mi riguardano (art. 15 GDPR); ricevuta la copia, chiedo la cancellazione di tutti i miei dati personali (art. 17 GDPR).",
    '',
    'Cordiali saluti,',
    '-- ',
    'Laura Bianchi',
    '',
  ].join('\r\n');
  // A complaint to the Garante: a person wrote it, but it asks us no right.
  const COMPLAINANT = 'paolo.greco@example.it';
  const COMPLAINT = [
    `From: Paolo Greco <${COMPLAINANT}>`,
    'To: privacy@vimage.it',
    'Subject: Reclamo',
    'Date: Tue, 03 Nov 2026 10:00:00 +0100',
    'Message-ID: <complaint-officer-screens@example.it>',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Con la presente sporgo reclamo al Garante per la protezione dei dati personali: non avete risposto alla mia richiesta.',
    '',
  ].join('\r\n');
  let laurasRequest: { id: string; reference: string; receivedAt: string };

  const requestsOf = async (email: string) =>
    (
      await c.api(`/api/requests?filter=${encodeURIComponent(JSON.stringify({ subjectEmail: email }))}&range=[0,99]`, {
        token,
      })
    ).body as Array<Record<string, any>>;

  /** The body's text has no raw message key (`resources.x.y`, `app.x.y`, `ra.x.y`). */
  const noRawKeys = async () => {
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/\b(resources|app|ra)\.[a-z_-]+\.[a-z_.-]+/);
  };

  beforeAll(async () => {
    imap = await startDovecot();
    smtp = await startSmtpReceiver();
    c = await startTestConsole({
      serveAdmin: true,
      database: 'server',
      env: {
        IMAP_URL: imap.url,
        MAILBOX_POLL_CRON: 'off',
        MAILBOX_IDLE: 'off',
        // The letters go out to a real SMTP server; a refused one waits for the officer's retry.
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Privacy Vimage <privacy@vimage.it>',
        LETTER_RETRY_SECONDS: '86400',
      },
    });
    token = await c.login();
    const created = await c.api('/api/api-keys', { token, body: { name: 'Website' } });
    expect(created.status).toBe(201);
    const key: string = created.body.key;
    await ingestAccepted(c, key, 'leads', [WEBSITE_LEAD_GIULIA]);
    await ingestAccepted(c, key, 'chat-conversations', {
      ...CALLBACK_CHAT,
      visitorEmail: GIULIA_IN_CHAT,
      visitorName: 'Giulia Bianchi',
    });
    await imap.deliver(AUTO_REPLY);
    browser = await launchBrowser();
    page = await newConsolePage(browser, { height: 900, romeTime: true });
    await signInAsAdministrator(page, c.url);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await c?.close();
    await imap?.stop();
    await smtp?.close();
  });

  it('reads the mailbox now and makes a request of an auto-reply a person wrote', async () => {
    await page.getByRole('menuitem', { name: 'Other mail' }).click();
    // The console reads the mailbox once at start: "Read now" reads it again, finding nothing new.
    await page.getByTestId('mailbox-status').waitFor();
    await page.getByRole('button', { name: 'Read now' }).click();
    await page.getByText(/^Mailbox read\. New requests: 0, replies: 0, other mail: [01]\.$/).waitFor();
    const row = page.locator('table tbody tr');
    await row.getByText('Automatic reply').waitFor();
    await row.getByText('Auto-Submitted: auto-replied').waitFor();
    await row.getByText('Richiesta di accesso ai miei dati').waitFor();
    await page.getByTestId('mailbox-status').getByText('last read').waitFor();
    await noRawKeys();
    await still(page, { notices: true });
    await screenshot(page, '80-other-mail-list-en');

    await row.first().click();
    await page.getByRole('link', { name: 'Download the message (.eml)' }).waitFor();
    await page.getByText('Why it is not a request').waitFor();
    await noRawKeys();
    await still(page);
    await screenshot(page, '81-other-mail-show-en');

    await page.getByRole('button', { name: 'Make it a request' }).click();
    await page.getByText('its legal deadline runs from the day the message was received').waitFor();
    await still(page);
    await screenshot(page, '82-other-mail-make-request-en');
    await page.getByRole('dialog').getByRole('button', { name: 'Make it a request' }).click();
    await page.waitForURL(/#\/requests\/[0-9a-f-]{36}\/show$/);
    const requestId = /requests\/([0-9a-f-]{36})\/show/.exec(page.url())![1];
    const other = await c.api('/api/mailbox/other-mail', { token });
    expect(other.body).toHaveLength(1);
    expect(other.body[0].requestId).toBe(requestId);
    const request = await c.api(`/api/requests/${requestId}`, { token });
    expect(request.body.subjectEmail).toBe(GIULIA);
  });

  it('refuses a template without a placeholder the law requires, then saves a new version', async () => {
    await page.getByRole('menuitem', { name: 'Letter templates' }).click();
    const rows = page.locator('table tbody tr');
    // The letters of the console's language, English here: 15 of the 30 (the filter picks Italian).
    await expect.poll(() => rows.count()).toBe(15);
    const templates = await c.api('/api/letter-templates', { token });
    expect(templates.body.filter((t: { language: string }) => t.language === 'en')).toHaveLength(15);
    await noRawKeys();
    await still(page);
    await screenshot(page, '83-letter-templates-en');

    await page.goto(`${c.url}/#/letter-templates/${encodeURIComponent('acknowledgement/en')}/show`);
    await page.getByTestId('template-placeholders').getByText('{{deadline}}').waitFor();
    await page.getByRole('link', { name: 'Edit' }).click();
    const body = page.locator('textarea[name="body"]');
    const original = await body.inputValue();
    expect(original).toContain('{{deadline}}');
    await body.fill(original.replaceAll('{{deadline}}', 'soon'));
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('must quote {{deadline}}').waitFor();
    await noRawKeys();
    await still(page, { notices: true });
    await screenshot(page, '84-letter-template-missing-placeholder-en');

    await body.fill(`${original}\n\nWe will keep you informed.`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/show$/);
    await page.getByText('We will keep you informed.').waitFor();
    const saved = await c.api('/api/letter-templates/acknowledgement/en', { token });
    expect(saved.body.version).toBe(1);
    await still(page, { notices: true });
    await screenshot(page, '85-letter-template-version-en');
  });

  it("fills an activity's Italian text, with the internal notes marked apart", async () => {
    await page.getByRole('menuitem', { name: 'Activities' }).click();
    await page.locator('table tbody tr').first().click();
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.locator('textarea[name="purposesIt"]').fill('Rispondere alle richieste di contatto dal sito.');
    await page.locator('textarea[name="purposesEn"]').fill('Answer the contact requests from the website.');
    await page.locator('textarea[name="internalNotesIt"]').fill('Verificare la base giuridica con il legale.');
    await page.getByText('Internal — never shown to the data subject').first().waitFor();
    await still(page);
    await screenshot(page, '86-activity-edit-en');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/show$/);
    // The English console shows the English twin; the Italian one is kept for the Italian.
    await page.getByTestId('twin-purposes').getByText('Answer the contact requests from the website.').waitFor();
    const shown = await c.api(`/api/activities/${/activities\/([^/]+)\/show/.exec(page.url())![1]}`, { token });
    expect(shown.body.purposesIt).toBe('Rispondere alle richieste di contatto dal sito.');
    await page.getByTestId('internal-internalNotes').getByText('Verificare la base giuridica con il legale.').waitFor();
    await noRawKeys();
    await still(page, { notices: true });
    await screenshot(page, '87-activity-show-en');
  });

  it("corrects whose an identifier is, and the match's label follows", async () => {
    await page.goto(`${c.url}/#/find-person?q=${encodeURIComponent(GIULIA)}`);
    const lead = page.getByTestId('source-card-leads');
    await lead.getByTestId('find-person-relation').getByText('Own record').waitFor();
    await page.getByTestId('find-person-reindex').waitFor();
    await still(page);
    await screenshot(page, '88-find-person-own-en');

    // The lead's e-mail, phone and name all say it is hers: each is corrected to a mention.
    const search = await c.api(`/api/subjects/search?q=${encodeURIComponent(GIULIA)}`, { token });
    const entries = (search.body.sources as Array<{ source: string; records: Array<{ entries: unknown[] }> }>).find(
      (s) => s.source === 'leads',
    )!.records[0].entries;
    expect(entries.length).toBeGreaterThan(0);
    for (let i = 0; i < entries.length; i++) {
      await lead.getByTestId('find-person-correct').first().click();
      const dialog = page.getByTestId('correct-role-dialog');
      await dialog.getByRole('combobox').click();
      await page.getByRole('option').nth(i).click();
      await dialog.getByLabel('A mention: the record is someone else’s and names this person').check();
      await dialog.getByLabel('Why (for the audit log)').fill('The form was filled in by her colleague.');
      if (i === 0) {
        await still(page);
        await screenshot(page, '89-find-person-correct-en');
      }
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    await lead.getByTestId('find-person-relation').getByText('Mentions the person').waitFor();
    await still(page, { notices: true });
    await screenshot(page, '90-find-person-mention-en');
  });

  it("shows the chat visitor's identity on the conversation", async () => {
    await page.getByRole('menuitem', { name: 'Conversations' }).click();
    await page.locator('table tbody tr').first().click();
    await page.getByTestId('chat-visitor').getByText(GIULIA_IN_CHAT).waitFor();
    await page.getByTestId('chat-visitor').getByText('Giulia Bianchi').waitFor();
    await still(page);
    await screenshot(page, '91-chat-visitor-en');
  });

  it('shows how a forwarded letter was read, and opens a request for its second right', async () => {
    await imap.deliver(FORWARDED);
    await imap.deliver(COMPLAINT);
    const giuliaBefore = await requestsOf(GIULIA);
    await page.getByRole('menuitem', { name: 'Other mail' }).click();
    await page.getByRole('button', { name: 'Read now' }).click();
    await page.getByText(/^Mailbox read\. New requests: 1, replies: 0, other mail: 1\.$/).waitFor();
    // The complaint: other mail that asks no right, with its own words; no request, no deadline.
    const complaintRow = page.locator('table tbody tr', { hasText: 'Reclamo' });
    await complaintRow.getByText('Asks no right').waitFor();
    await complaintRow.getByText('A complaint to a supervisory authority: “sporgo reclamo”').waitFor();
    expect(await requestsOf(COMPLAINANT)).toEqual([]);
    await noRawKeys();
    await still(page, { notices: true });
    await screenshot(page, '99a-other-mail-no-request-en');

    // The forwarded letter: Laura's request, never the colleague's.
    const [request] = await requestsOf(LAURA);
    expect(request).toMatchObject({ type: 'access', subjectName: 'Laura Bianchi', channel: 'email' });
    expect(await requestsOf(COLLEAGUE)).toEqual([]);
    laurasRequest = request as typeof laurasRequest;
    await page.goto(`${c.url}/#/requests/${request.id}/show`);
    const reading = page.getByTestId('letter-reading');
    await reading.waitFor();
    const rights = reading.getByTestId('rights-asked');
    await rights.getByText('Rights asked:').waitFor();
    expect(await rights.locator('.MuiChip-label').allInnerTexts()).toEqual(['Access', 'Erasure']);
    // The rights the reading found say it all: no second "Type guessed" chip beside them.
    expect(await page.locator('li[data-kind="received"]').innerText()).not.toContain('Type guessed');
    await reading
      .getByTestId('further-rights')
      .getByText('This request handles one right (Access).', { exact: false })
      .waitFor();
    await reading
      .getByTestId('forwarded-by')
      .getByText(`Forwarded by ${COLLEAGUE}: the subject is the original sender Laura Bianchi <${LAURA}>`, {
        exact: false,
      })
      .waitFor();
    await reading.getByText('Set aside, not read: forwarding note, signature').waitFor();
    await noRawKeys();
    await reading.scrollIntoViewIfNeeded();
    await still(page);
    await screenshot(page, '99b-letter-reading-en');

    await reading.getByRole('button', { name: 'Open a request for erasure' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Open a request for erasure?').waitFor();
    await dialog.getByText(`received on the same day as ${request.reference}`, { exact: false }).waitFor();
    await still(page);
    await screenshot(page, '99c-open-further-request-en');
    await dialog.getByRole('button', { name: 'Open a request for erasure' }).click();
    await page.waitForURL(
      (url) => /#\/requests\/[0-9a-f-]{36}\/show$/.test(url.href) && !url.href.includes(request.id),
    );
    const newId = /requests\/([0-9a-f-]{36})\/show/.exec(page.url())![1];
    const opened = (await c.api(`/api/requests/${newId}`, { token })).body;
    expect(opened).toMatchObject({
      type: 'erasure',
      subjectEmail: LAURA,
      subjectName: 'Laura Bianchi',
      channel: 'email',
      receivedAt: request.receivedAt,
      dueDate: request.dueDate,
    });
    expect(opened.description).toContain(request.reference);
    await page
      .getByText(opened.reference as string)
      .first()
      .waitFor();
    await page.getByText(`Request ${opened.reference} opened for erasure`).waitFor();
    await still(page, { notices: true });
    await screenshot(page, '99d-further-request-opened-en');
    const audit = await c.api(
      `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ action: 'request.created', entityId: newId }))}`,
      { token },
    );
    expect(audit.body).toEqual([expect.objectContaining({ entityId: newId, actorEmail: ADMIN.email })]);

    // The letter's request now links to the one opened, with no second button; nobody else's requests changed.
    expect((await requestsOf(LAURA)).map((r) => r.type).sort()).toEqual(['access', 'erasure']);
    expect(await requestsOf(GIULIA)).toEqual(giuliaBefore);
    await page.goto(`${c.url}/#/requests/${request.id}/show`);
    await page
      .getByTestId('further-rights')
      .getByRole('link', { name: `Erasure: ${opened.reference}` })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Open a request for erasure' }).count()).toBe(0);
  });

  it('shows every new screen in Italian', async () => {
    await page.getByRole('button', { name: 'English' }).first().click();
    await page.getByRole('menuitem', { name: 'Italiano' }).click();

    await page.getByRole('menuitem', { name: 'Altra posta' }).click();
    await page.locator('table tbody tr').getByText('Risposta automatica').waitFor();
    await page.getByTestId('mailbox-status').getByText('letta l’ultima volta').waitFor();
    await page.locator('table tbody tr').getByText('Resa richiesta').waitFor();
    await noRawKeys();
    await still(page);
    await screenshot(page, '92-other-mail-list-it');
    await page.locator('table tbody tr').first().click();
    await page.getByText('Perché non è una richiesta').waitFor();
    await noRawKeys();
    await still(page);
    await screenshot(page, '93-other-mail-show-it');

    await page.getByRole('menuitem', { name: 'Modelli di lettera' }).click();
    await page.locator('table tbody tr').getByText('Conferma di ricezione').first().waitFor();
    await noRawKeys();
    await still(page);
    await screenshot(page, '94-letter-templates-it');
    await page.goto(`${c.url}/#/letter-templates/${encodeURIComponent('acknowledgement/it')}/edit`);
    await page.getByText('Salvando si crea una nuova versione').waitFor();
    await noRawKeys();
    await still(page);
    await screenshot(page, '95-letter-template-edit-it');

    await page.getByRole('menuitem', { name: 'Attività' }).click();
    await page.locator('table tbody tr').first().click();
    await page.getByText('Interna — mai mostrata all’interessato').waitFor();
    await noRawKeys();
    await still(page);
    await screenshot(page, '96-activity-show-it');

    await page.goto(`${c.url}/#/find-person?q=${encodeURIComponent(GIULIA)}`);
    await page.getByTestId('source-card-leads').getByRole('button', { name: 'Correggi' }).first().waitFor();
    await page.getByText('Ricostruisci l’indice').waitFor();
    await noRawKeys();
    await still(page);
    await screenshot(page, '97-find-person-it');
    await page.getByTestId('find-person-reindex').click();
    await page.getByText('Ricostruire l’indice di ricerca?').waitFor();
    await still(page);
    await screenshot(page, '98-find-person-reindex-it');
    await page.getByRole('dialog').getByRole('button', { name: 'Ricostruisci l’indice' }).click();
    await page.getByText('L’indice è stato ricostruito').waitFor();
    // The officer's correction stays through the rebuild.
    await page.getByTestId('source-card-leads').getByTestId('find-person-relation').waitFor();
  });

  it('shows how the letter was read, the letters sent and refused, and the letter that asks no right, in Italian', async () => {
    // The acknowledgement refused once by the mail server (451), then sent on the officer's retry.
    smtp.refuseNext(1);
    const letter = await c.api(`/api/requests/${laurasRequest.id}/letters`, {
      token,
      body: { kind: 'acknowledgement' },
    });
    expect(letter.body).toMatchObject({ state: 'failed', attempts: 1 });
    const retry = await c.api(`/api/requests/${laurasRequest.id}/letters/${letter.body.id}/retry`, {
      token,
      body: {},
    });
    expect(retry.body).toMatchObject({ state: 'sent', attempts: 2 });
    // The page is in Italian since the test before.
    await page.goto(`${c.url}/#/requests/${laurasRequest.id}/show`);
    const timeline = page.getByTestId('request-timeline');
    const failed = timeline.locator('li[data-kind="letter_failed"]');
    await failed.getByText('Lettera non inviata').waitFor();
    await failed
      .getByText(`Conferma di ricezione a ${LAURA}, tentativo 1: rifiutata dal server di posta (`, { exact: false })
      .waitFor();
    await failed.getByText('Nuovo tentativo automatico previsto per il', { exact: false }).waitFor();
    const sent = timeline.locator('li[data-kind="letter_sent"]');
    await sent.getByText('Lettera inviata').waitFor();
    await sent.getByText(`Conferma di ricezione a ${LAURA}: «${letter.body.subject}»`).waitFor();
    await expect.poll(() => timeline.innerText()).not.toMatch(/Letter (not )?sent|it will be tried again/);
    await sent.scrollIntoViewIfNeeded();
    await still(page, { notices: true });
    await screenshot(page, '99g-letters-on-timeline-it');

    const reading = page.getByTestId('letter-reading');
    await reading.getByText('Diritti chiesti:').waitFor();
    expect(await reading.getByTestId('rights-asked').locator('.MuiChip-label').allInnerTexts()).toEqual([
      'Accesso',
      'Cancellazione',
    ]);
    await reading.getByText('Questa richiesta tratta un solo diritto (Accesso).', { exact: false }).waitFor();
    await reading.getByRole('link', { name: /^Cancellazione: DSR-/ }).waitFor();
    await reading
      .getByText(`Inoltrata da ${COLLEAGUE}: l’interessato è il mittente originale`, { exact: false })
      .waitFor();
    await reading.getByText('Parti non lette: nota di inoltro, firma').waitFor();
    const text = await page.locator('body').innerText();
    for (const english of ['Rights asked', 'Forwarded by', 'Set aside', 'No readable stamp'])
      expect(text).not.toContain(english);
    await noRawKeys();
    await reading.scrollIntoViewIfNeeded();
    await still(page, { notices: true });
    await screenshot(page, '99e-letter-reading-it');

    await page.getByRole('menuitem', { name: 'Altra posta' }).click();
    const complaintRow = page.locator('table tbody tr', { hasText: 'Reclamo' });
    await complaintRow.getByText('Non chiede alcun diritto').waitFor();
    await complaintRow.getByText('Un reclamo a un’autorità di controllo: «sporgo reclamo»').waitFor();
    await noRawKeys();
    await still(page);
    await screenshot(page, '99f-other-mail-no-request-it');
  });
});
