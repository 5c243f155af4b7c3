import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type TestMailServer } from '../support/dovecot';
import { startSmtpReceiver, type SmtpReceiver } from '../support/smtp-receiver';
import { dropTestDatabase, sql, startTestConsole, type TestConsole } from '../support/test-console';

/**
 * The privacy@ mailbox read over IMAP from a real server (dovecot on the loopback): mail is
 * APPENDed to its INBOX as the provider's server would deliver it, and the console reads it.
 */
describe('the privacy@ mailbox over IMAP', () => {
  let imap: TestMailServer;
  let smtp: SmtpReceiver;
  let c: TestConsole;
  let token: string;
  // The same key across a restart: the sealed messages must open again.
  const env = (server: TestMailServer, extra: Record<string, string> = {}) => ({
    IMAP_URL: server.url,
    IMAP_PROCESSED_FOLDER: 'Privacy/Importati',
    MAILBOX_POLL_CRON: 'off',
    MAILBOX_IDLE: 'off',
    ENCRYPTION_KEY: key,
    // The officer's letters go out here: the subject's answer to one threads to its request.
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Privacy Vimage <privacy@vimage.it>',
    ...extra,
  });
  const key = randomBytes(32).toString('hex');
  const run = randomBytes(4).toString('hex');
  let dataDir: string | undefined;
  /** The first console's server database, kept across the restart and dropped at the end. */
  let firstDatabase: string | null = null;

  beforeAll(async () => {
    imap = await startDovecot();
    smtp = await startSmtpReceiver();
    // The embedded database restarts on its own folder; a server's by its URL.
    dataDir = process.env.TEST_DATABASE === 'embedded' ? mkdtempSync(join(tmpdir(), 'mailbox-test-')) : undefined;
    c = await startTestConsole({ env: env(imap), dataDir });
    firstDatabase = c.databaseUrl;
    token = await c.login();
  }, 60_000);

  afterAll(async () => {
    await c?.close();
    if (firstDatabase) await dropTestDatabase(firstDatabase);
    await imap?.stop();
    await smtp?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const read = async () => {
    const response = await c.api('/api/mailbox/read', { method: 'POST', token });
    expect(response.status).toBe(200);
    return response.body as Record<string, number>;
  };
  const requestsOf = async (email: string) => {
    const response = await c.api(
      `/api/requests?filter=${encodeURIComponent(JSON.stringify({ subjectEmail: email }))}`,
      {
        token,
      },
    );
    expect(response.status).toBe(200);
    return (response.body as Array<Record<string, any>>).filter((r) => r.subjectEmail === email);
  };
  const timeline = async (requestId: string) => {
    const filter = encodeURIComponent(JSON.stringify({ requestId }));
    const response = await c.api(`/api/request-events?filter=${filter}&range=[0,99]`, { token });
    expect(response.status).toBe(200);
    return response.body as Array<Record<string, any>>;
  };
  const address = (name: string) => `${name}.${run}@example.it`;

  it('makes a request of a new message, and marks and moves it on the server', async () => {
    const email = address('giulia.bianchi');
    await imap.deliver(
      mail({
        from: `Giulia Bianchi <${email}>`,
        subject: 'Richiesta di cancellazione dei miei dati',
        messageId: `<first.${run}@example.it>`,
        body: 'Buongiorno, chiedo la cancellazione di tutti i miei dati personali ai sensi dell art. 17 GDPR.',
      }),
    );
    const summary = await read();
    expect(summary).toMatchObject({ found: 1, stored: 1, requests: 1, moved: 1, failed: 0 });
    const [request] = await requestsOf(email);
    expect(request).toMatchObject({
      type: 'erasure',
      channel: 'email',
      status: 'received',
      subjectName: 'Giulia Bianchi',
    });
    expect(request.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const events = await timeline(request.id as string);
    expect(events.find((e) => e.kind === 'received')?.details.mailboxMessageId).toEqual(expect.any(String));

    expect(await imap.messages('INBOX')).toHaveLength(0);
    const moved = await imap.messages('Privacy/Importati');
    expect(moved).toHaveLength(1);
    expect(moved[0].flags).toContain('\\Seen');
  });

  it('never imports the same message twice: read again, delivered again, or after a crash and a restart', async () => {
    const email = address('marco.verdi');
    const raw = mail({
      from: email,
      subject: 'Accesso ai dati',
      messageId: `<twice.${run}@example.it>`,
      body: 'Vorrei ricevere copia dei dati personali che mi riguardano (art. 15).',
    });
    await imap.deliver(raw);
    expect(await read()).toMatchObject({ stored: 1, requests: 1 });
    expect(await read()).toMatchObject({ found: 0, stored: 0, requests: 0 });

    // The same message in the INBOX again (a move that did not finish, a copy put back): known by its Message-ID.
    await imap.deliver(raw);
    expect(await read()).toMatchObject({ found: 1, stored: 0, known: 1, requests: 0, moved: 1 });
    expect(await requestsOf(email)).toHaveLength(1);

    // A crash after the request was made but before the message was marked filed, then a restart:
    // the message is in the INBOX again and its row says it is stored, not filed.
    const [row] = await sql<{ id: string }>(c, `SELECT id FROM mailbox_messages WHERE message_id = $1`, [
      `<twice.${run}@example.it>`,
    ]);
    await sql(c, `UPDATE mailbox_messages SET filed_at = NULL, disposition = NULL, request_id = NULL WHERE id = $1`, [
      row.id,
    ]);
    await imap.deliver(raw);
    await c.running.close();
    const restarted = await startTestConsole({
      env: env(imap, firstDatabase ? { DATABASE_URL: firstDatabase } : {}),
      dataDir,
    });
    // The same database as before the restart (the helper made an empty one too, dropped on close).
    c = { ...restarted, databaseUrl: firstDatabase };
    token = await c.login();
    // The reading at start files it again, from its sealed copy, onto the request it made before.
    await expect.poll(async () => (await imap.messages('INBOX')).length, { timeout: 20_000 }).toBe(0);
    const requests = await requestsOf(email);
    expect(requests).toHaveLength(1);
    const [filed] = await sql<{ request_id: string; disposition: string }>(
      c,
      `SELECT request_id, disposition FROM mailbox_messages WHERE id = $1`,
      [row.id],
    );
    expect(filed).toEqual({ request_id: requests[0].id, disposition: 'request' });
  }, 60_000);

  it("puts a subject's reply on their request's timeline, and leaves another person's request alone", async () => {
    const anna = address('anna.neri');
    const luca = address('luca.gallo');
    await imap.deliver(
      mail({
        from: anna,
        subject: 'Opposizione al trattamento',
        messageId: `<anna.${run}@example.it>`,
        body: 'Mi oppongo al trattamento dei miei dati per finalità di marketing.',
      }),
    );
    await imap.deliver(
      mail({
        from: luca,
        subject: 'Accesso ai dati',
        messageId: `<luca.${run}@example.it>`,
        body: 'Chiedo accesso ai miei dati personali.',
      }),
    );
    expect(await read()).toMatchObject({ requests: 2 });
    const [annaRequest] = await requestsOf(anna);
    const [lucaRequest] = await requestsOf(luca);
    const lucaBefore = await timeline(lucaRequest.id as string);

    // A reply in the thread (In-Reply-To), then one naming the reference in its subject only.
    await imap.deliver(
      mail({
        from: anna,
        subject: 'Re: Opposizione al trattamento',
        messageId: `<anna-reply.${run}@example.it>`,
        headers: { 'In-Reply-To': `<anna.${run}@example.it>`, References: `<anna.${run}@example.it>` },
        body: 'Allego il documento richiesto.',
      }),
    );
    await imap.deliver(
      mail({
        from: anna,
        subject: `Re: ${annaRequest.reference} sollecito`,
        messageId: `<anna-ref.${run}@example.it>`,
        body: 'Vi scrivo di nuovo per sollecitare una risposta.',
      }),
    );
    // Anna naming Luca's reference: never on Luca's request.
    await imap.deliver(
      mail({
        from: anna,
        subject: `Re: ${lucaRequest.reference}`,
        messageId: `<anna-wrong.${run}@example.it>`,
        body: 'Chiedo la cancellazione dei miei dati.',
      }),
    );
    // Anna answering the officer's acknowledgement (sent by the console), in a subject of her own.
    const letter = await c.api(`/api/requests/${annaRequest.id}/letters`, { token, body: { kind: 'acknowledgement' } });
    expect(letter.status).toBe(201);
    await imap.deliver(
      mail({
        from: anna,
        subject: 'Grazie',
        messageId: `<anna-letter.${run}@example.it>`,
        headers: { 'In-Reply-To': letter.body.messageId as string },
        body: 'Grazie della conferma.',
      }),
    );
    expect(await read()).toMatchObject({ replies: 3, requests: 1, failed: 0 });

    const annaEvents = await timeline(annaRequest.id as string);
    const replies = annaEvents.filter((e) => e.kind === 'email_received');
    expect(replies.map((e) => e.details.matchedBy).sort()).toEqual(['reference', 'thread', 'thread']);
    expect(replies.map((e) => e.message as string).join('\n')).toContain('Grazie della conferma.');
    expect(replies.map((e) => e.message as string).join('\n')).toContain('Allego il documento richiesto.');
    expect(await timeline(lucaRequest.id as string)).toEqual(lucaBefore);
    expect(await requestsOf(luca)).toHaveLength(1);
    // Anna's letter naming someone else's reference is a request of her own.
    expect(await requestsOf(anna)).toHaveLength(2);
  });

  it('puts auto-replies, bounces and list mail aside with no deadline, and makes a request of one on demand', async () => {
    const sender = address('ferie');
    await imap.deliver(
      mail({
        from: sender,
        subject: 'Risposta automatica: fuori ufficio',
        messageId: `<auto.${run}@example.it>`,
        headers: { 'Auto-Submitted': 'auto-replied' },
        body: 'Sono fuori ufficio fino al 10. Per la cancellazione dei dati scrivere a ...',
      }),
    );
    await imap.deliver(bounce(run));
    await imap.deliver(
      mail({
        from: address('newsletter'),
        subject: 'Le offerte della settimana',
        messageId: `<list.${run}@example.it>`,
        headers: { 'List-Id': '<offerte.shop.example>', 'List-Unsubscribe': '<mailto:unsubscribe@shop.example>' },
        body: 'Offerte imperdibili. Per cancellarti dalla lista clicca qui.',
      }),
    );
    const before = await c.api('/api/requests?range=[0,0]', { token });
    expect(await read()).toMatchObject({ other: 3, requests: 0, replies: 0 });
    const after = await c.api('/api/requests?range=[0,0]', { token });
    expect(after.headers.get('content-range')).toBe(before.headers.get('content-range'));

    const list = await c.api('/api/mailbox/other-mail?sort=["receivedAt","ASC"]&range=[0,9]', { token });
    expect(list.status).toBe(200);
    expect(list.headers.get('content-range')).toBe('mailbox/other-mail 0-2/3');
    const items = list.body as Array<Record<string, any>>;
    expect(items.map((i) => i.kind).sort()).toEqual(['auto_reply', 'delivery_report', 'list_mail']);
    for (const item of items) {
      expect(item).not.toHaveProperty('dueDate');
      expect(item.requestId).toBeNull();
    }
    const filtered = await c.api(
      `/api/mailbox/other-mail?filter=${encodeURIComponent(JSON.stringify({ kind: 'auto_reply' }))}`,
      { token },
    );
    expect((filtered.body as unknown[]).length).toBe(1);

    const auto = items.find((i) => i.kind === 'auto_reply')!;
    expect(auto).toMatchObject({ fromAddress: sender, reason: 'Auto-Submitted: auto-replied' });
    const made = await c.api(`/api/mailbox/other-mail/${auto.id}/make-request`, { method: 'POST', token });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ subjectEmail: sender, status: 'received', channel: 'email' });
    expect(made.body.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const again = await c.api(`/api/mailbox/other-mail/${auto.id}/make-request`, { method: 'POST', token });
    expect(again.status).toBe(409);
    expect((await c.api(`/api/mailbox/other-mail/${auto.id}`, { token })).body).toMatchObject({
      requestId: made.body.id,
      madeRequestBy: 'admin@console.test',
    });
    const audit = await c.api(
      `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ action: 'mailbox.other_mail_made_request' }))}`,
      { token },
    );
    expect((audit.body as Array<{ entityId: string }>).map((e) => e.entityId)).toContain(auto.id);
  });

  it('keeps the raw message sealed at rest, and gives it to the officer as it arrived', async () => {
    const email = address('sara.russo');
    const secret = `Il mio codice cliente è ${run}-RISERVATO`;
    const raw = mail({
      from: email,
      subject: 'Rettifica dati',
      messageId: `<sealed.${run}@example.it>`,
      body: `Chiedo la rettifica del mio indirizzo. ${secret}`,
    });
    await imap.deliver(raw);
    expect(await read()).toMatchObject({ requests: 1 });
    const [row] = await sql<{ id: string; sealed: Buffer; sha256: string }>(
      c,
      `SELECT id, sealed, sha256 FROM mailbox_messages WHERE message_id = $1`,
      [`<sealed.${run}@example.it>`],
    );
    const stored = Buffer.from(row.sealed);
    for (const plain of [secret, email, 'Rettifica dati']) {
      expect(stored.includes(plain)).toBe(false);
      expect(stored.includes(Buffer.from(plain).toString('base64'))).toBe(false);
    }

    const download = await c.api(`/api/mailbox/messages/${row.id}/raw`, { token });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toContain('message/rfc822');
    expect(download.body).toBe(raw);
    const audit = await c.api(
      `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ action: 'mailbox.message_downloaded' }))}`,
      { token },
    );
    expect((audit.body as Array<{ entityId: string }>).map((e) => e.entityId)).toContain(row.id);
    const imports = await c.api(
      `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ action: 'mailbox.request_created' }))}&range=[0,99]`,
      { token },
    );
    expect(
      (imports.body as Array<{ details: { mailboxMessageId: string } }>).map((e) => e.details.mailboxMessageId),
    ).toContain(row.id);
  });

  it('deletes other mail past OTHER_MAIL_RETENTION_DAYS with its raw copy, never what became a request', async () => {
    const old = new Date(Date.now() - 200 * 24 * 60 * 60 * 1000).toUTCString().replace('GMT', '+0000');
    await imap.deliver(
      mail({
        from: address('old-newsletter'),
        subject: 'Offerte di primavera',
        messageId: `<expired.${run}@example.it>`,
        headers: { Received: `from mx.shop.example by mx.aruba.it; ${old}`, 'List-Id': '<offerte.shop.example>' },
        body: 'Offerte.',
      }),
    );
    // The auto-reply made a request of, as old: kept, whatever its age.
    await sql(c, `UPDATE other_mail SET received_at = now() - interval '200 days' WHERE request_id IS NOT NULL`);
    expect(await read()).toMatchObject({ other: 1, deleted: 1 });
    expect(
      await sql(c, `SELECT id FROM mailbox_messages WHERE message_id = $1`, [`<expired.${run}@example.it>`]),
    ).toEqual([]);
    const list = await c.api('/api/mailbox/other-mail?range=[0,99]', { token });
    expect((list.body as Array<{ subject: string }>).map((i) => i.subject)).not.toContain('Offerte di primavera');
    expect((list.body as Array<{ requestId: string | null }>).filter((i) => i.requestId !== null).length).toBe(1);
    const audit = await c.api(
      `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ action: 'mailbox.other_mail_deleted' }))}`,
      { token },
    );
    expect((audit.body as Array<{ details: { count: number; retentionDays: number } }>)[0].details).toMatchObject({
      count: 1,
      retentionDays: 90,
    });
  });

  it('puts a complaint to the Garante in other mail as asking no right, and makes a request of the letter beside it', async () => {
    const complainant = address('chiara.esposito');
    const asker = address('paolo.ferri');
    await imap.deliver(
      mail({
        from: `Chiara Esposito <${complainant}>`,
        subject: 'Reclamo',
        messageId: `<complaint.${run}@example.it>`,
        body: "Io sottoscritta con la presente sporgo reclamo secondo l'Articolo 77 del GDPR: il titolare non ha risposto alla mia richiesta di accesso entro un mese.",
      }),
    );
    await imap.deliver(
      mail({
        from: `Paolo Ferri <${asker}>`,
        subject: 'Accesso e cancellazione',
        messageId: `<beside.${run}@example.it>`,
        body: 'Chiedo accesso ai miei dati personali e poi la loro cancellazione.',
      }),
    );
    const otherBefore = await c.api('/api/mailbox/other-mail?range=[0,99]', { token });
    expect(await read()).toMatchObject({ stored: 2, requests: 1, other: 1, failed: 0 });

    // The complaint: no request, no deadline; in other mail as no_request, with the words that lodge it.
    expect(await requestsOf(complainant)).toEqual([]);
    const filter = encodeURIComponent(JSON.stringify({ kind: 'no_request' }));
    const listed = await c.api(`/api/mailbox/other-mail?filter=${filter}&range=[0,9]`, { token });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      expect.objectContaining({
        kind: 'no_request',
        fromAddress: complainant,
        subject: 'Reclamo',
        reason: 'complaint: "sporgo reclamo"',
        requestId: null,
      }),
    ]);
    expect(listed.body[0]).not.toHaveProperty('dueDate');
    const otherAfter = await c.api('/api/mailbox/other-mail?range=[0,99]', { token });
    expect((otherAfter.body as unknown[]).length).toBe((otherBefore.body as unknown[]).length + 1);
    const [filed] = await sql<{ disposition: string; request_id: string | null }>(
      c,
      `SELECT disposition, request_id FROM mailbox_messages WHERE message_id = $1`,
      [`<complaint.${run}@example.it>`],
    );
    expect(filed).toEqual({ disposition: 'other', request_id: null });

    // The letter beside it asks two rights: a request of the first, both on its received line.
    const [request] = await requestsOf(asker);
    expect(request).toMatchObject({ type: 'access', status: 'received', subjectName: 'Paolo Ferri' });
    expect(request.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const received = (await timeline(request.id as string)).find((e) => e.kind === 'received');
    expect(received?.details.requestedTypes).toEqual(['access', 'erasure']);
    expect(received?.details).not.toHaveProperty('complaint');

    // The officer may still judge the complaint a request: it becomes one, its received line says it is a complaint.
    const made = await c.api(`/api/mailbox/other-mail/${listed.body[0].id}/make-request`, { method: 'POST', token });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ subjectEmail: complainant, status: 'received' });
    const madeLine = (await timeline(made.body.id as string)).find((e) => e.kind === 'received');
    expect(madeLine?.details).toMatchObject({ complaint: 'sporgo reclamo', requestedTypes: [] });
  });

  it('files a batch together: a reply finds the request made just before it, and one message that fails loses no other', async () => {
    const sara = address('sara.fontana');
    const broken = address('piero.broken');
    const elena = address('elena.riva');
    const auditOf = async (entityId: string, action: string) => {
      const filter = encodeURIComponent(JSON.stringify({ entityId, action }));
      const response = await c.api(`/api/audit-events?filter=${filter}`, { token });
      expect(response.status).toBe(200);
      return response.body as Array<Record<string, any>>;
    };
    // Filing Piero's letter fails in the database (a trigger standing for a constraint, a full
    // disk...) after his request and its audit event were made: both must be undone.
    await sql(
      c,
      `CREATE FUNCTION refuse_piero() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.disposition IS NOT NULL AND NEW.message_id = '<piero.${run}@example.it>' THEN
           RAISE EXCEPTION 'refused for the test';
         END IF;
         RETURN NEW;
       END $$`,
    );
    await sql(
      c,
      `CREATE TRIGGER refuse_piero BEFORE UPDATE ON mailbox_messages FOR EACH ROW EXECUTE FUNCTION refuse_piero()`,
    );
    try {
      await imap.deliver(
        mail({
          from: sara,
          subject: 'Cancellazione',
          messageId: `<sara.${run}@example.it>`,
          body: 'Chiedo la cancellazione dei miei dati personali.',
        }),
      );
      await imap.deliver(
        mail({
          from: sara,
          subject: 'Re: Cancellazione',
          messageId: `<sara-reply.${run}@example.it>`,
          headers: { 'In-Reply-To': `<sara.${run}@example.it>` },
          body: 'Allego copia del documento.',
        }),
      );
      await imap.deliver(
        mail({
          from: broken,
          subject: 'Accesso',
          messageId: `<piero.${run}@example.it>`,
          body: 'Chiedo accesso ai miei dati personali.',
        }),
      );
      await imap.deliver(
        mail({
          from: elena,
          subject: 'Rettifica',
          messageId: `<elena.${run}@example.it>`,
          body: 'Vi chiedo di correggere il mio indirizzo: Via Po 3, Torino.',
        }),
      );
      // One reading, one batch: the reply after its letter, Piero's letter failing in between.
      expect(await read()).toMatchObject({ found: 4, stored: 4, requests: 2, replies: 1, failed: 1, moved: 3 });
    } finally {
      await sql(c, `DROP TRIGGER refuse_piero ON mailbox_messages`);
      await sql(c, `DROP FUNCTION refuse_piero()`);
    }
    const [saraRequest] = await requestsOf(sara);
    const [elenaRequest] = await requestsOf(elena);
    expect(saraRequest.type).toBe('erasure');
    expect(elenaRequest.type).toBe('rectification');
    expect(saraRequest.reference).not.toBe(elenaRequest.reference);
    const saraReply = (await timeline(saraRequest.id as string)).find((e) => e.kind === 'email_received');
    expect(saraReply?.message).toContain('Allego copia del documento.');
    // Each filing audited once, the failed one not at all; the chain holds.
    expect(await auditOf(saraRequest.id as string, 'mailbox.request_created')).toHaveLength(1);
    expect(await auditOf(saraRequest.id as string, 'mailbox.reply_filed')).toHaveLength(1);
    expect(await auditOf(elenaRequest.id as string, 'mailbox.request_created')).toHaveLength(1);
    expect(await requestsOf(broken)).toHaveLength(0);
    // No audit event of a request that was undone.
    const orphans = await sql<{ n: number }>(
      c,
      `SELECT count(*)::int AS n FROM audit_events a
       WHERE a.action = 'request.created' AND NOT EXISTS (SELECT 1 FROM requests r WHERE r.id::text = a.entity_id)`,
    );
    expect(orphans[0].n).toBe(0);
    const [pieroRow] = await sql<{ filed_at: string | null }>(
      c,
      `SELECT filed_at FROM mailbox_messages WHERE message_id = $1`,
      [`<piero.${run}@example.it>`],
    );
    expect(pieroRow.filed_at).toBeNull();
    expect((await imap.messages('INBOX')).length).toBe(1);

    // The failure gone, the next reading files Piero's letter, and nobody else's again.
    expect(await read()).toMatchObject({ found: 1, known: 1, requests: 1, failed: 0, moved: 1 });
    expect(await requestsOf(broken)).toHaveLength(1);
    expect(await requestsOf(sara)).toHaveLength(1);
    expect((await c.api('/api/audit/verify', { token })).body).toMatchObject({ valid: true });
  });

  it('reads a new message within 30 seconds with IDLE, with no schedule', async () => {
    await c.running.close();
    c = await startTestConsole({ env: env(imap, { MAILBOX_IDLE: 'on' }) });
    token = await c.login();
    const email = address('idle');
    // Let the IDLE connection settle on the folder.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const sent = Date.now();
    await imap.deliver(
      mail({
        from: email,
        subject: 'Revoca del consenso',
        messageId: `<idle.${run}@example.it>`,
        body: 'Revoco il consenso al trattamento dei miei dati.',
      }),
    );
    await expect.poll(async () => (await requestsOf(email)).length, { timeout: 30_000, interval: 250 }).toBe(1);
    expect(Date.now() - sent).toBeLessThan(30_000);
  }, 60_000);

  it('refuses an officer action on mail that is not there, and auditors cannot read raw mail', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await c.api(`/api/mailbox/messages/${missing}/raw`, { token })).status).toBe(404);
    expect((await c.api(`/api/mailbox/other-mail/${missing}/make-request`, { method: 'POST', token })).status).toBe(
      404,
    );
    expect((await c.api('/api/mailbox/status', { token })).body).toMatchObject({
      configured: true,
      folder: 'INBOX',
      processedFolder: 'Privacy/Importati',
    });
  });
});

describe('without IMAP_URL', () => {
  it('starts as before, and says the mailbox is not set up', async () => {
    const c = await startTestConsole();
    try {
      const token = await c.login();
      expect((await c.api('/api/mailbox/status', { token })).body).toEqual({ configured: false });
      const read = await c.api('/api/mailbox/read', { method: 'POST', token });
      expect(read.status).toBe(409);
      expect(read.body.message).toMatch(/IMAP_URL/);
    } finally {
      await c.close();
    }
  }, 60_000);
});

describe('a mail server that cannot be reached', () => {
  it('leaves the console working, and says so when asked to read', async () => {
    // Port 1 (tcpmux): nothing listens there. A free port from the ephemeral range could be taken
    // by another file's server between the pick and the console's try (ClosedAfterConnect).
    const port = 1;
    const c = await startTestConsole({
      env: { IMAP_URL: `imap://privacy:not-in-the-answer@127.0.0.1:${port}/INBOX`, MAILBOX_POLL_CRON: 'off' },
    });
    try {
      expect((await c.api('/api/health')).status).toBe(200);
      const token = await c.login();
      const read = await c.api('/api/mailbox/read', { method: 'POST', token });
      expect(read.status).toBe(502);
      expect(read.body.message).toBe(
        `The mail server 127.0.0.1:${port} could not be reached or dropped the connection (ECONNREFUSED)`,
      );
      expect((await c.api('/api/requests', { token })).status).toBe(200);
    } finally {
      await c.close();
    }
  }, 60_000);
});

function mail(m: { from: string; subject: string; messageId: string; body: string; headers?: Record<string, string> }) {
  const headers = {
    From: m.from,
    To: 'privacy@vimage.it',
    Subject: m.subject,
    Date: new Date().toUTCString().replace('GMT', '+0000'),
    'Message-ID': m.messageId,
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Transfer-Encoding': '8bit',
    ...m.headers,
  };
  return `${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n')}\r\n\r\n${m.body}\r\n`;
}

/** A delivery status notification (RFC 3464) for a letter the console sent. */
function bounce(run: string): string {
  return [
    'From: Mail Delivery System <MAILER-DAEMON@smtp.aruba.it>',
    'To: privacy@vimage.it',
    'Subject: Undelivered Mail Returned to Sender',
    `Message-ID: <bounce.${run}@smtp.aruba.it>`,
    `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain',
    '',
    'I am sorry to have to inform you that your message could not be delivered.',
    '--b1',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; smtp.aruba.it',
    '',
    'Final-Recipient: rfc822; nobody@example.it',
    'Action: failed',
    'Status: 5.1.1',
    '--b1--',
    '',
  ].join('\r\n');
}
