import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, postBatch } from '../support/ingest';
import { startSmtpReceiver, type ReceivedMail, type SmtpReceiver } from '../support/smtp-receiver';
import { sql, startTestConsole, type TestConsole } from '../support/test-console';
import { leadAndChatOf } from '../support/records';
import { recordRequest } from '../support/requests';

/**
 * GDPR Art. 19 as letters from the request page: after an erasure, the officer sends each
 * recipient that received this person's data its notice (only the categories it received), as
 * a letter through SMTP like the others (previewed, editable, on the timeline, retried when the
 * server refuses it); and, as Art. 19's last sentence asks, the list of those recipients to the
 * person, in their language. Each message is read at a real SMTP receiver as its reader reads it.
 * A second person, whose data were not erased, gets nothing and their recipients are not written to.
 */
describe('Art. 19 letters: the notices to the recipients and the list for the subject', () => {
  let c: TestConsole;
  let smtp: SmtpReceiver;
  let token: string;
  let anna: string;
  let bruno: string;
  type Recipient = { processorId: string; name: string; categories: string[]; notice: string; contact: string };
  let recipients: Recipient[];
  const post = (path: string, body: unknown = {}) => c.api(path, { token, body });
  const received = (messageId: string) => smtp.waitFor((m) => m.parsed.messageId === messageId);
  const textOf = (mail: ReceivedMail) => `${mail.parsed.subject ?? ''}\n${mail.parsed.text ?? ''}`;
  const timeline = async (id: string) =>
    (
      await c.api(
        `/api/request-events?filter=${encodeURIComponent(JSON.stringify({ requestId: id }))}&sort=["at","ASC"]&range=[0,199]`,
        { token },
      )
    ).body as Array<{ kind: string; details: Record<string, unknown> }>;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    c = await startTestConsole({
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Privacy Vimage <privacy@vimage.it>', LETTER_RETRY_SECONDS: '3600' },
    });
    token = await c.login();
    const key = await createApiKey(c, token);
    for (const p of [
      leadAndChatOf('Anna', 'anna.ferri@example.it', 'anthropic', '347 111 2222'),
      leadAndChatOf('Bruno', 'bruno.ferri@example.it', 'openai', '347 333 4444'),
    ]) {
      await postBatch(c, key, 'leads', p.lead);
      await postBatch(c, key, 'chat-conversations', p.chat);
    }
    // Each processor's contact in the register, where its notice is sent.
    await sql(
      c,
      `UPDATE processors SET contact = 'Privacy team: dpo@' || trim('-' FROM regexp_replace(lower(name), '[^a-z]+', '-', 'g')) || '.example'`,
    );
    const request = async (email: string, name: string) => {
      const { id } = await recordRequest(c, token, 'erasure', { email, name }, { language: 'it' });
      await post(`/api/requests/${id}/verify`, { method: 'email_from_known_address' });
      return id;
    };
    anna = await request('anna.ferri@example.it', 'Anna Ferri');
    bruno = await request('bruno.ferri@example.it', 'Bruno Ferri');
    // Only Anna's data are erased.
    const run = await post(`/api/requests/${anna}/erase`);
    expect(run.body.state).toBe('complete');
    recipients = (await c.api(`/api/requests/${anna}/recipients`, { token })).body.recipients as Recipient[];
  });
  afterAll(async () => {
    await c?.close();
    await smtp?.close();
  });

  it('sends each recipient that received her data its notice (Art. 19), of what it received only', async () => {
    expect(recipients.map((r) => r.name).sort()).toEqual([
      'Anthropic, PBC',
      'Aruba S.p.A.',
      'Cloudflare, Inc.',
      'Serverplan S.r.l.',
    ]);
    for (const recipient of recipients) {
      const preview = await post(`/api/requests/${anna}/letters/preview`, {
        kind: 'recipient_notice',
        processorId: recipient.processorId,
      });
      expect(preview.status).toBe(200);
      const res = await post(`/api/requests/${anna}/letters`, {
        kind: 'recipient_notice',
        processorId: recipient.processorId,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ state: 'sent', processorId: recipient.processorId, to: preview.body.to });
      const mail = await received(res.body.messageId);
      // To the processor's address in the register, and nobody else.
      expect(mail.envelopeTo).toEqual([recipient.contact.replace(/^.*: /, '')]);
      expect(mail.parsed.subject).toMatch(/^comunicazione ai sensi dell'art\. 19 GDPR \(rif\. DSR-/);
      const text = mail.parsed.text ?? '';
      expect(text).toContain(`Spettabile ${recipient.name},`);
      expect(text).toContain(`Categorie di dati interessate: ${recipient.categories.join(', ')}.`);
      expect(text).toContain('Vi chiediamo di cancellare ogni copia di tali dati');
      // Never a word of the second person.
      expect(textOf(mail)).not.toMatch(/bruno/i);
    }
    const byName = Object.fromEntries(smtp.messages.map((m) => [m.envelopeTo[0], m.parsed.text ?? ''] as const));
    // Cloudflare's Turnstile received the IP address and browser data, never the form's fields.
    const cloudflare = byName['dpo@cloudflare-inc.example'];
    expect(cloudflare).toContain('Categorie di dati interessate: Indirizzo IP, Dati del browser.');
    for (const field of ['First name', 'Telephone', 'anna.ferri@example.it']) expect(cloudflare).not.toContain(field);
    // Anthropic received her chat, never her address: its notice does not disclose it.
    expect(byName['dpo@anthropic-pbc.example']).not.toContain('anna.ferri@example.it');
    expect(byName['dpo@aruba-s-p-a.example']).toContain('anna.ferri@example.it');

    // Each on her request's timeline with the recipient and its Message-ID.
    const sent = (await timeline(anna)).filter((e) => e.kind === 'letter_sent');
    expect(sent.map((e) => e.details.to).sort()).toEqual(recipients.map((r) => r.contact.replace(/^.*: /, '')).sort());
  });

  it('keeps the officer’s edit, and a notice the server refuses is failed, shown, then sent on retry', async () => {
    const aruba = recipients.find((r) => r.name === 'Aruba S.p.A.')!;
    const preview = await post(`/api/requests/${anna}/letters/preview`, {
      kind: 'recipient_notice',
      processorId: aruba.processorId,
    });
    const text = `${preview.body.text.trim()}\nRiferimento del vostro contratto: 2024/77.`;
    smtp.refuseNext(1);
    const res = await post(`/api/requests/${anna}/letters`, {
      kind: 'recipient_notice',
      processorId: aruba.processorId,
      text,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'failed', attempts: 1, edited: true });
    expect(res.body.lastError).toMatch(/451/);
    const failed = (await timeline(anna)).find(
      (e) => e.kind === 'letter_failed' && e.details.messageId === res.body.messageId,
    );
    expect(failed?.details.error).toMatch(/451/);
    const retry = await post(`/api/requests/${anna}/letters/${res.body.id}/retry`);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ state: 'sent', attempts: 2 });
    const mail = await received(res.body.messageId);
    expect(mail.parsed.text).toContain('Riferimento del vostro contratto: 2024/77.');
  });

  it('sends her the list of the recipients (Art. 19, last sentence), in Italian', async () => {
    const res = await post(`/api/requests/${anna}/letters`, { kind: 'recipients_list' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'sent', to: 'anna.ferri@example.it', kind: 'recipients_list' });
    const mail = await received(res.body.messageId);
    expect(mail.envelopeTo).toEqual(['anna.ferri@example.it']);
    expect(mail.parsed.subject).toMatch(/^I destinatari dei suoi dati personali \(DSR-/);
    const text = mail.parsed.text ?? '';
    expect(text).toMatch(/^Gentile Anna Ferri,/);
    expect(text).toContain('(art. 19 GDPR)');
    for (const r of recipients) expect(text).toContain(`- ${r.name}, `);
    // In her language: the countries in Italian; the recipients that received nothing of hers not named.
    expect(text).toContain('(Stati Uniti; dati ricevuti: ');
    expect(text).not.toContain('OpenAI');
    expect(text).not.toMatch(/bruno/i);
    expect(
      (await timeline(anna)).some((e) => e.kind === 'letter_sent' && e.details.messageId === res.body.messageId),
    ).toBe(true);
  });

  it('leaves the second person alone: nothing to tell before his erasure, and nothing sent about him', async () => {
    const list = await post(`/api/requests/${bruno}/letters/preview`, { kind: 'recipients_list' });
    expect(list.status).toBe(409);
    expect(list.body.reason).toBe('nothing_changed_yet');
    const openai = await c.api(`/api/requests/${bruno}/recipients`, { token });
    expect(openai.body.recipients).toEqual([]);
    const notice = await post(`/api/requests/${bruno}/letters`, {
      kind: 'recipient_notice',
      processorId: recipients[0].processorId,
    });
    expect(notice.status).toBe(409);
    expect((await c.api(`/api/requests/${bruno}/letters`, { token })).body).toEqual([]);
    expect(smtp.messages.filter((m) => /bruno/i.test(`${m.envelopeTo.join()} ${textOf(m)}`))).toEqual([]);
    // His data are whole.
    const [lead] = await sql(c, `SELECT first_name FROM leads WHERE external_id = 'Bruno-lead'`);
    expect(lead.first_name).toBe('Bruno');
  });
});
