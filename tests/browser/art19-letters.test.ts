import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, postBatch } from '../support/ingest';
import { startSmtpReceiver, type SmtpReceiver } from '../support/smtp-receiver';
import { sql, startTestConsole, type TestConsole } from '../support/test-console';
import { launchBrowser, newConsolePage, screenshot, still } from './browser';
import { signInAsAdministrator } from '../support/officer-sign-in';

/**
 * GDPR Art. 19 from the request page in Chromium: after an erasure, the officer previews and
 * sends a recipient's notice as a letter, sees it sent on the recipients' card, and sends the
 * subject the list of recipients in their language. The letters are read at a real SMTP
 * receiver. Screenshots in English and Italian go to tests/artifacts/.
 */
describe('Art. 19 letters in Chromium', () => {
  let c: TestConsole;
  let smtp: SmtpReceiver;
  let browser: Browser;
  let page: Page;
  let request: { id: string; reference: string };

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    c = await startTestConsole({
      serveAdmin: true,
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Privacy Vimage <privacy@vimage.it>', LETTER_RETRY_SECONDS: '3600' },
    });
    const token = await c.login();
    const key = await createApiKey(c, token);
    await postBatch(c, key, 'leads', {
      externalId: 'elena-lead',
      firstName: 'Elena',
      lastName: 'Greco',
      email: 'elena.greco@example.it',
      phone: '347 555 1212',
      message: 'Vorrei un preventivo',
      submittedAt: '2026-10-02T10:00:00Z',
    });
    await postBatch(c, key, 'chat-conversations', {
      externalId: 'elena-chat',
      provider: 'anthropic',
      startedAt: '2026-10-05T18:00:00Z',
      messages: [{ role: 'user', content: 'Scrivetemi a elena.greco@example.it', sentAt: '2026-10-05T18:00:05Z' }],
    });
    await sql(c, `UPDATE processors SET contact = 'dpo@anthropic.example' WHERE name = 'Anthropic, PBC'`);
    const res = await c.api('/api/requests', {
      token,
      body: {
        type: 'erasure',
        channel: 'email',
        language: 'it',
        receivedAt: new Date(Date.now() - 86_400_000).toISOString(),
        subjectName: 'Elena Greco',
        subjectEmail: 'elena.greco@example.it',
      },
    });
    request = res.body;
    await c.api(`/api/requests/${request.id}/verify`, { token, body: { method: 'email_from_known_address' } });
    expect((await c.api(`/api/requests/${request.id}/erase`, { token, body: {} })).body.state).toBe('complete');
    browser = await launchBrowser();
    page = await newConsolePage(browser, { height: 1000, romeTime: true });
  });
  afterAll(async () => {
    await browser?.close();
    await c?.close();
    await smtp?.close();
  });

  it('sends a recipient its notice from the request page, and the list to the subject', async () => {
    await signInAsAdministrator(page, c.url);
    await page.goto(`${c.url}/#/requests/${request.id}/show`);
    const card = page.getByTestId('recipients-card');
    const anthropic = card.locator('[data-testid="recipient"][data-name="Anthropic, PBC"]');
    await anthropic.getByTestId('notice-not-sent').getByText('Not sent yet').waitFor();
    // A recipient with no address in the register cannot be written to from here.
    const aruba = card.locator('[data-testid="recipient"][data-name="Aruba S.p.A."]');
    await aruba.getByText('No e-mail address in the processor register').waitFor();
    expect(await aruba.getByTestId('send-notice').count()).toBe(0);

    await anthropic.getByTestId('send-notice').click();
    const dialog = page.getByTestId('letter-dialog');
    await dialog
      .getByTestId('letter-recipient')
      .getByText(/dpo@anthropic\.example/)
      .waitFor();
    await expect
      .poll(() => dialog.getByTestId('letter-subject').inputValue())
      .toMatch(/^comunicazione ai sensi dell'art\. 19 GDPR \(rif\. DSR-/);
    await still(page);
    await screenshot(page, 'art19-notice-dialog');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await anthropic.locator('[data-testid="letter-state"][data-state="sent"]').waitFor();
    const notice = await smtp.waitFor((m) => m.envelopeTo.includes('dpo@anthropic.example'));
    expect(notice.parsed.text).toContain('Spettabile Anthropic, PBC,');
    expect(notice.parsed.text).not.toContain('elena.greco@example.it');

    await card.getByTestId('send-recipients-list').click();
    await expect
      .poll(() => dialog.getByTestId('letter-subject').inputValue())
      .toMatch(/^I destinatari dei suoi dati personali \(DSR-/);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const list = await smtp.waitFor((m) => m.envelopeTo.includes('elena.greco@example.it'));
    expect(list.parsed.text).toMatch(/^Gentile Elena Greco,/);
    expect(list.parsed.text).toContain('- Anthropic, PBC, ');
    await card.getByTestId('notice-letter').nth(1).waitFor();
    await card.evaluate((element: any) => element.scrollIntoView({ block: 'start' }));
    await still(page, { notices: true });
    await screenshot(page, 'art19-recipients-sent');
  });

  it('shows the same in Italian', async () => {
    await page.getByRole('button', { name: 'English' }).first().click();
    await page.getByRole('menuitem', { name: 'Italiano' }).click();
    const card = page.getByTestId('recipients-card');
    await card.getByText('Invia l’elenco all’interessato').waitFor();
    await card.getByText(/^Inviata a dpo@anthropic\.example, /).waitFor();
    await card.evaluate((element: any) => element.scrollIntoView({ block: 'start' }));
    await still(page);
    await screenshot(page, 'art19-recipients-sent-it');
  });
});
