import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, ingestAccepted } from '../support/ingest';
import { startSmtpReceiver, type ReceivedMail, type SmtpReceiver } from '../support/smtp-receiver';
import { sql, startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';

/**
 * The officer's letters over a real SMTP conversation: a receiver on the loopback takes them,
 * and each is read as its recipient would read it (mailparser): language, reference, dates,
 * no internal notes, the right recipient, and its Message-ID on the request's timeline.
 */

// 23:30 UTC on 30 November 2025 is 1 December in Rome; one month later is 1 January 2026, a
// holiday: the deadline is Friday 2 January 2026.
const RECEIVED_AT = '2025-11-30T23:30:00Z';
const INTERNAL = 'NOTA-INTERNA-4471';
const ENGLISH = ['the', 'and', 'you', 'your', 'we', 'our', 'of', 'to', 'request', 'please', 'received'];
const words = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter(Boolean),
  );

describe('letters sent over SMTP', () => {
  let c: TestConsole;
  let smtp: SmtpReceiver;
  let admin: string;
  let officer: string;
  let giulia: { id: string; reference: string; subjectEmail: string };
  let peter: { id: string; reference: string; subjectEmail: string };

  const timeline = async (id: string) =>
    (
      await c.api(
        `/api/request-events?filter=${encodeURIComponent(JSON.stringify({ requestId: id }))}&sort=["at","ASC"]&range=[0,199]`,
        { token: admin },
      )
    ).body as Array<{ kind: string; details: Record<string, unknown> }>;
  const received = (messageId: string) => smtp.waitFor((m) => m.parsed.messageId === messageId);
  const textOf = (mail: ReceivedMail) => `${mail.parsed.subject ?? ''}\n${mail.parsed.text ?? ''}`;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    c = await startTestConsole({
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Privacy Vimage <privacy@vimage.it>', LETTER_RETRY_SECONDS: '1' },
    });
    admin = await c.login();
    const officerUser = { email: uniqueEmail('officer'), password: 'officer passphrase 2026' };
    expect(
      (await c.api('/api/users', { token: admin, body: { ...officerUser, fullName: 'Officer', role: 'officer' } }))
        .status,
    ).toBe(201);
    officer = await c.login(officerUser.email, officerUser.password);
    const create = async (body: Record<string, unknown>) => {
      const res = await c.api('/api/requests', { token: officer, body: { channel: 'email', ...body } });
      expect(res.status).toBe(201);
      return res.body as { id: string; reference: string; subjectEmail: string };
    };
    giulia = await create({
      type: 'access',
      language: 'it',
      receivedAt: RECEIVED_AT,
      subjectName: 'Giulia Bianchi',
      subjectEmail: 'giulia.bianchi@example.it',
      description: `Vorrei una copia dei miei dati. ${INTERNAL}`,
    });
    peter = await create({
      type: 'erasure',
      language: 'en',
      receivedAt: RECEIVED_AT,
      subjectName: 'Peter Smith',
      subjectEmail: 'peter.smith@example.org',
    });
    expect((await c.api(`/api/requests/${giulia.id}/notes`, { token: officer, body: { text: INTERNAL } })).status).toBe(
      201,
    );
  });

  afterAll(async () => {
    await c?.close();
    await smtp?.close();
  });

  it('previews a letter in the request’s language without sending it', async () => {
    const res = await c.api(`/api/requests/${peter.id}/letters/preview`, {
      token: officer,
      body: { kind: 'acknowledgement' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'acknowledgement', language: 'en', to: 'peter.smith@example.org' });
    expect(res.body.subject).toContain(peter.reference);
    expect(res.body.text).toContain('on 1 December 2025');
    expect(res.body.text).toContain('by 2 January 2026');
    expect(smtp.messages).toEqual([]);
  });

  it('sends the acknowledgement as the subject reads it: Italian, reference, Rome dates, no internal notes', async () => {
    const res = await c.api(`/api/requests/${giulia.id}/letters`, {
      token: officer,
      body: { kind: 'acknowledgement' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'sent', attempts: 1, templateVersion: 0, edited: false });
    const mail = await received(res.body.messageId);
    expect(mail.envelopeTo).toEqual(['giulia.bianchi@example.it']);
    expect(mail.parsed.from?.value[0]).toMatchObject({ address: 'privacy@vimage.it', name: 'Privacy Vimage' });
    expect(mail.parsed.subject).toContain(giulia.reference);
    const text = textOf(mail);
    expect(text).toContain('Gentile Giulia Bianchi,');
    expect(text).toContain('abbiamo ricevuto il 1 dicembre 2025');
    expect(text).toContain('entro il 2 gennaio 2026');
    expect(text).not.toContain(INTERNAL);
    expect(text).not.toContain('Vorrei una copia');
    const found = words(text);
    expect(ENGLISH.filter((w) => found.has(w))).toEqual([]);
    expect(mail.parsed.attachments).toEqual([]);

    const sent = (await timeline(giulia.id)).find((e) => e.kind === 'letter_sent');
    expect(sent?.details).toMatchObject({ messageId: res.body.messageId, kind: 'acknowledgement' });
    const audit = await sql(c, `SELECT action FROM audit_events WHERE entity_id = $1 AND action LIKE 'letter.%'`, [
      giulia.id,
    ]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['letter.queued', 'letter.sent']));
  });

  it('keeps the officer’s own words when they edit the letter before sending', async () => {
    const text = 'Gentile Giulia Bianchi,\nle confermiamo che stiamo lavorando alla sua richiesta.\n';
    const res = await c.api(`/api/requests/${giulia.id}/letters`, {
      token: officer,
      body: { kind: 'acknowledgement', subject: `Aggiornamento sulla pratica ${giulia.reference}`, text },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'sent', edited: true });
    const mail = await received(res.body.messageId);
    expect(mail.parsed.subject).toBe(`Aggiornamento sulla pratica ${giulia.reference}`);
    expect(mail.parsed.text?.trim()).toBe(text.trim());
  });

  it('a refused send (451) is failed and shown, then sent by the officer’s retry', async () => {
    smtp.refuseNext(1);
    const res = await c.api(`/api/requests/${giulia.id}/letters`, {
      token: officer,
      body: { kind: 'extension', reasons: 'la richiesta riguarda dati conservati in più sistemi' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'failed', attempts: 1 });
    expect(res.body.lastError).toMatch(/451/);
    expect(smtp.messages.some((m) => m.parsed.messageId === res.body.messageId)).toBe(false);
    const failed = (await timeline(giulia.id)).find(
      (e) => e.kind === 'letter_failed' && e.details.messageId === res.body.messageId,
    );
    expect(failed?.details.error).toMatch(/451/);

    // The scheduled retry is put off (its own test is below): this one is the officer's.
    await sql(c, `UPDATE letters SET next_attempt_at = now() + interval '1 hour' WHERE id = $1`, [res.body.id]);
    const retry = await c.api(`/api/requests/${giulia.id}/letters/${res.body.id}/retry`, { token: officer, body: {} });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ state: 'sent', attempts: 2, lastError: null, nextAttemptAt: null });
    const mail = await received(res.body.messageId);
    expect(textOf(mail)).toContain('dal 2 gennaio 2026 al 2 marzo 2026');
    expect(textOf(mail)).toContain('per i seguenti motivi: la richiesta riguarda dati conservati in più sistemi.');
    const list = await c.api(`/api/requests/${giulia.id}/letters`, { token: officer });
    expect(list.body.find((l: { id: string }) => l.id === res.body.id)).toMatchObject({ state: 'sent', attempts: 2 });
    expect(
      (await c.api(`/api/requests/${giulia.id}/letters/${res.body.id}/retry`, { token: officer, body: {} })).status,
    ).toBe(409);
  });

  it('a refused send is tried again on its own, after the back-off', async () => {
    smtp.refuseNext(1);
    const res = await c.api(`/api/requests/${giulia.id}/letters`, { token: officer, body: { kind: 'completion' } });
    expect(res.body).toMatchObject({ state: 'failed', attempts: 1 });
    expect(res.body.nextAttemptAt).not.toBeNull();
    const mail = await received(res.body.messageId);
    expect(textOf(mail)).toContain('non alleghiamo');
    // The scheduler's try is recorded once the SMTP conversation is over.
    for (let i = 0; i < 50; i++) {
      if (
        (await timeline(giulia.id)).some((e) => e.kind === 'letter_sent' && e.details.messageId === res.body.messageId)
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const sent = (await timeline(giulia.id)).filter((e) => e.details.messageId === res.body.messageId);
    expect(sent.map((e) => e.kind)).toEqual(['letter_failed', 'letter_sent']);
  });

  it('says what a letter needs that the request does not record', async () => {
    const res = await c.api(`/api/requests/${giulia.id}/letters/preview`, {
      token: officer,
      body: { kind: 'identity_info' },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(['identityInfo', 'respondBy']);
  });

  it('an admin edits a template: a new version, audited, used by the next letter; an officer may not', async () => {
    const path = '/api/letter-templates/acknowledgement/it';
    const before = (await c.api(path, { token: officer })).body;
    expect(before).toMatchObject({ version: 0, key: 'acknowledgement', language: 'it' });
    const body = `${before.body as string}\n\nP.S. Può rispondere a questo messaggio per ogni domanda.`;
    expect((await c.api(path, { token: officer, method: 'PUT', body: { subject: before.subject, body } })).status).toBe(
      403,
    );
    const bad = await c.api(path, {
      token: admin,
      method: 'PUT',
      body: { subject: before.subject, body: `${body} {{internalNotes}}` },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.body).toMatch(/unknown placeholder/);
    const put = await c.api(path, { token: admin, method: 'PUT', body: { subject: before.subject, body } });
    expect(put.status).toBe(200);
    expect(put.body.version).toBe(1);
    const [event] = await sql(
      c,
      `SELECT details FROM audit_events WHERE action = 'letter_template.updated' ORDER BY id DESC LIMIT 1`,
    );
    expect(event.details).toMatchObject({
      key: 'acknowledgement',
      language: 'it',
      version: 1,
      before: { version: 0, body: before.body },
      after: { body },
    });
    const res = await c.api(`/api/requests/${giulia.id}/letters`, {
      token: officer,
      body: { kind: 'acknowledgement' },
    });
    expect(res.body).toMatchObject({ state: 'sent', templateVersion: 1 });
    expect((await received(res.body.messageId)).parsed.text).toContain('P.S. Può rispondere');
    expect((await c.api(path, { token: officer })).body.versions).toHaveLength(1);
  });

  it('an auditor reads the letters but sends none', async () => {
    const auditorUser = { email: uniqueEmail('auditor'), password: 'auditor passphrase 2026' };
    await c.api('/api/users', { token: admin, body: { ...auditorUser, fullName: 'Auditor', role: 'auditor' } });
    const auditor = await c.login(auditorUser.email, auditorUser.password);
    expect((await c.api(`/api/requests/${giulia.id}/letters`, { token: auditor })).status).toBe(200);
    expect(
      (await c.api(`/api/requests/${giulia.id}/letters`, { token: auditor, body: { kind: 'acknowledgement' } })).status,
    ).toBe(403);
  });

  it('sends the Art. 19 notice of recipients.ts to the processor the register names, not to the subject', async () => {
    const key = await createApiKey(c, admin);
    await ingestAccepted(c, key, 'leads', {
      externalId: 'letters-marco',
      firstName: 'Marco',
      lastName: 'Neri',
      email: 'marco.neri@example.it',
      submittedAt: '2025-11-02T10:00:00Z',
    });
    const created = await c.api('/api/requests', {
      token: officer,
      body: {
        type: 'erasure',
        channel: 'email',
        language: 'it',
        receivedAt: RECEIVED_AT,
        subjectEmail: 'marco.neri@example.it',
      },
    });
    const marco = created.body as { id: string; reference: string };
    expect(
      (
        await c.api(`/api/requests/${marco.id}/verify`, {
          token: officer,
          body: { method: 'email_from_known_address' },
        })
      ).status,
    ).toBe(200);
    expect((await c.api(`/api/requests/${marco.id}/erase`, { token: officer, body: {} })).status).toBe(200);
    const { recipients } = (await c.api(`/api/requests/${marco.id}/recipients`, { token: officer })).body as {
      recipients: Array<{ processorId: string; name: string; notice: string }>;
    };
    const [recipient] = recipients;
    expect(recipient).toBeDefined();
    // The register holds no e-mail address for it yet: the letter says so instead of guessing one.
    const noAddress = await c.api(`/api/requests/${marco.id}/letters`, {
      token: officer,
      body: { kind: 'recipient_notice', processorId: recipient.processorId },
    });
    expect(noAddress.status).toBe(409);
    await sql(c, `UPDATE processors SET contact = 'DPO: dpo@processor.example' WHERE id = $1`, [recipient.processorId]);
    const res = await c.api(`/api/requests/${marco.id}/letters`, {
      token: officer,
      body: { kind: 'recipient_notice', processorId: recipient.processorId },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'sent', to: 'dpo@processor.example', processorId: recipient.processorId });
    const mail = await received(res.body.messageId);
    expect(mail.envelopeTo).toEqual(['dpo@processor.example']);
    expect(mail.parsed.subject).toBe(`comunicazione ai sensi dell'art. 19 GDPR (rif. ${marco.reference})`);
    // The notice word for word, as the erasure module wrote it.
    expect(mail.parsed.text).toContain(recipient.notice.split('\n').slice(2).join('\n'));
    const other = await c.api(`/api/requests/${giulia.id}/letters/preview`, {
      token: officer,
      body: { kind: 'recipient_notice', processorId: recipient.processorId },
    });
    expect(other.status).toBe(409);
  });

  it('the second person’s request got nothing: every message went to the right subject', async () => {
    expect(smtp.messages.length).toBeGreaterThanOrEqual(5);
    for (const mail of smtp.messages.filter((m) => !m.envelopeTo.includes('dpo@processor.example'))) {
      expect(mail.envelopeTo).toEqual(['giulia.bianchi@example.it']);
      expect(textOf(mail)).not.toContain(peter.reference);
    }
    expect((await c.api(`/api/requests/${peter.id}/letters`, { token: officer })).body).toEqual([]);
  });
});

describe('letters without SMTP', () => {
  let c: TestConsole;
  let token: string;
  let id: string;

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
    const res = await c.api('/api/requests', {
      token,
      body: {
        type: 'erasure',
        channel: 'email',
        language: 'en',
        receivedAt: RECEIVED_AT,
        subjectEmail: 'anna.verdi@example.org',
      },
    });
    id = res.body.id;
  });
  afterAll(() => c?.close());

  it('previews, but answers 409 to sending: the console works as before', async () => {
    const preview = await c.api(`/api/requests/${id}/letters/preview`, { token, body: { kind: 'acknowledgement' } });
    expect(preview.status).toBe(200);
    expect(preview.body.text).toMatch(/^Dear Sir or Madam,/);
    const send = await c.api(`/api/requests/${id}/letters`, { token, body: { kind: 'acknowledgement' } });
    expect(send.status).toBe(409);
    expect(send.body.message).toMatch(/Sending is not configured/);
    expect((await c.api(`/api/requests/${id}/letters`, { token })).body).toEqual([]);
  });
});
