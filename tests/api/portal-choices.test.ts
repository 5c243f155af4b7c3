import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, postBatch } from '../support/ingest';
import { startConsoleWithMailbox } from '../support/mailbox-console';
import { codeMailedTo, csrfOf, PortalVisitor, textOf, type Fields } from '../support/portal-visitor';
import { startSmtpReceiver, type SmtpReceiver } from '../support/smtp-receiver';
import { sql, startTestConsole, type TestConsole } from '../support/test-console';

/**
 * The privacy portal's withdrawal of consent (Art. 7(3)) and objection to direct marketing (Art.
 * 21(2)-(3)), its attachments, and the optional Cloudflare Turnstile, over real HTTP as a browser
 * without JavaScript posts them (URL-encoded, or multipart with documents), the e-mails read
 * from a real SMTP receiver and Turnstile's siteverify played by a real local server.
 */

/** One visitor: their own cookies and network address, in English unless told. */
class Visitor extends PortalVisitor {
  constructor(base: string, ip: string, language = 'en-GB,en;q=0.9') {
    super(base, { ip, language });
  }
}

/** A real one-page PDF and a real 1×1 PNG: what a subject's scanner or phone makes. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let ipCounter = 10;
const nextIp = () => `198.51.100.${ipCounter++}`;

describe('the privacy portal: withdrawal of consent, objection to marketing, attachments', () => {
  let c: TestConsole;
  let smtp: SmtpReceiver;
  let admin: string;
  let apiKey: string;

  const codeFor = (email: string, after: number) => codeMailedTo(smtp, email, after);
  const requestsOf = (email: string) =>
    sql<{ id: string; reference: string; type: string; channel: string; language: string; status: string }>(
      c,
      `SELECT id, reference, type, channel, language, status FROM requests WHERE subject_email = $1 ORDER BY type`,
      [email],
    );
  const timeline = (requestId: string) =>
    sql<{ kind: string; message: string | null; details: Record<string, any>; actor_email: string | null }>(
      c,
      `SELECT kind, message, details, actor_email FROM request_events WHERE request_id = $1 ORDER BY at, kind`,
      [requestId],
    );
  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    Number((await sql(c, `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params))[0].n);

  /** The choices form sent and its code entered: answers the status link. */
  const chooseAndConfirm = async (visitor: Visitor, fields: Fields, email: string, lang: 'it' | 'en') => {
    const before = smtp.messages.length;
    const csrf = await visitor.csrf(`/privacy/choices?lang=${lang}`);
    const sent = await visitor.post('/privacy/choices', [...fields, ['email', email], ['lang', lang]], csrf);
    expect(sent.status, sent.html.slice(0, 2000)).toBe(303);
    expect(sent.location).toMatch(/^\/privacy\/choices\/verify\/[0-9a-f-]{36}\?lang=/);
    const code = await codeFor(email, before);
    const verifyPath = sent.location!.split('?')[0];
    const codePage = await visitor.get(sent.location!);
    expect(codePage.html).toContain(`action="${verifyPath}"`);
    const done = await visitor.post(
      verifyPath,
      [
        ['code', code],
        ['lang', lang],
      ],
      csrfOf(codePage.html),
    );
    expect(done.status).toBe(303);
    expect(done.location).toMatch(/^\/privacy\/status\/[A-Za-z0-9_-]{43}\?/);
    return done.location!;
  };

  beforeAll(async () => {
    ({ c, smtp } = await startConsoleWithMailbox({ env: { LETTER_RETRY_SECONDS: '1' } }));
    admin = await c.login();
    apiKey = await createApiKey(c, admin);
  });

  afterAll(async () => {
    await c?.close();
    await smtp?.close();
  });

  it('offers the consent categories of the register and the objection to direct marketing, in English and Italian, with no script', async () => {
    const en = await new Visitor(c.url, nextIp()).get('/privacy/choices');
    expect(en.status).toBe(200);
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain('GDPR Art. 7(3)');
    expect(en.html).toContain('GDPR Art. 21(2)');
    expect(en.html).toContain('GDPR Art. 21(3)');
    // The register's consent-based activities rest on these; nothing else is offered.
    for (const category of ['contact_form', 'functional', 'ai_chatbot', 'analytics'])
      expect(en.html).toContain(`value="${category}"`);
    expect(en.html).not.toContain('value="necessary"');
    expect(en.html).toContain('Google Analytics 4 (the “Analytics” category)');
    expect(en.html).not.toMatch(/<script|style=/i);
    // Its notice names the data this page asks for.
    expect(en.html).toContain('Data processed: the choices you make, name and e-mail.');
    const csp = en.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('challenges.cloudflare.com');
    expect(csp).not.toContain('script-src');

    const it = await new Visitor(c.url, nextIp(), 'it-IT').get('/privacy/choices');
    expect(it.html).toContain('<html lang="it">');
    expect(it.html).toContain('art. 7, par. 3, GDPR');
    expect(it.html).toContain('Mi oppongo al trattamento dei miei dati per finalità di marketing diretto');
    // The request form links to it.
    expect((await new Visitor(c.url, nextIp(), 'it-IT').get('/privacy')).html).toContain(
      'href="/privacy/choices?lang=it"',
    );
  });

  it('Art. 7(3) and Art. 21(2)-(3): the choices take effect once the code is entered, for the proven e-mail only; the other Giulia Rossi is untouched', async () => {
    const giulia = 'giulia.rossi@example.it';
    const other = 'g.rossi.altra@example.com';
    // Both gave the same consents on the website and sent the contact form, with the same name.
    for (const [email, consentId] of [
      [giulia, 'cons-giulia'],
      [other, 'cons-altra'],
    ]) {
      const consent = await postBatch(c, apiKey, 'consents', {
        externalId: `${consentId}-grant`,
        consentId,
        email,
        categories: { necessary: true, ai_chatbot: true, analytics: true, functional: true },
        action: 'grant',
        policyVersion: '2026-05',
        recordedAt: '2026-11-20T09:00:00Z',
      });
      expect(consent.status).toBe(200);
      const lead = await postBatch(c, apiKey, 'leads', {
        externalId: `${consentId}-lead`,
        firstName: 'Giulia',
        lastName: 'Rossi',
        email,
        submittedAt: '2026-11-20T10:00:00Z',
      });
      expect(lead.status).toBe(200);
    }

    const visitor = new Visitor(c.url, nextIp());
    const csrf = await visitor.csrf('/privacy/choices?lang=en');
    const sent = await visitor.post(
      '/privacy/choices',
      [
        ['categories', 'ai_chatbot'],
        ['categories', 'analytics'],
        ['direct_marketing', 'yes'],
        ['name', 'Giulia Rossi'],
        ['email', 'Giulia.Rossi@Example.it'],
        ['lang', 'en'],
      ],
      csrf,
    );
    expect(sent.status).toBe(303);
    // Nothing is requested or stopped before the code.
    expect(await requestsOf(giulia)).toEqual([]);
    expect(await count('processing_stops')).toBe(0);
    const [pending] = await sql(c, `SELECT categories, direct_marketing, code_hash FROM portal_choice_forms`);
    expect(pending).toMatchObject({ categories: ['ai_chatbot', 'analytics'], direct_marketing: true });
    const code = await codeFor(giulia, 0);
    expect(pending.code_hash).not.toContain(code);
    const verifyPath = sent.location!.split('?')[0];
    const wrong = await visitor.post(
      verifyPath,
      [
        ['code', code === '000000' ? '111111' : '000000'],
        ['lang', 'en'],
      ],
      csrf,
    );
    expect(wrong.status).toBe(422);
    expect(wrong.html).toContain('Tries left: 4');
    expect(await count('processing_stops')).toBe(0);
    const done = await visitor.post(
      verifyPath,
      [
        ['code', code],
        ['lang', 'en'],
      ],
      csrf,
    );
    expect(done.status).toBe(303);
    expect(await count('portal_choice_forms')).toBe(0);

    const requests = await requestsOf(giulia);
    expect(requests.map((r) => [r.type, r.channel, r.language])).toEqual([
      ['consent_withdrawal', 'web_form', 'en'],
      ['objection', 'web_form', 'en'],
    ]);
    const [withdrawal, objection] = requests;
    const wEvents = await timeline(withdrawal.id);
    expect(wEvents.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['received', 'identity_evidence', 'consent_withdrawn']),
    );
    const withdrawn = wEvents.find((e) => e.kind === 'consent_withdrawn')!;
    // By the system, at once: no officer decided it.
    expect(withdrawn.actor_email).toBeNull();
    expect(withdrawn.details).toMatchObject({ categories: ['ai_chatbot', 'analytics'], identifiersFlagged: 1 });
    expect(withdrawn.details.effects.map((e: { activity: string }) => e.activity).sort()).toEqual([
      'AI chatbot',
      'Google Tag Manager and Google Analytics 4',
    ]);
    const decided = (await timeline(objection.id)).find((e) => e.kind === 'objection_decided')!;
    expect(decided.details).toMatchObject({
      outcome: 'processing_stopped',
      directMarketing: true,
      assessment: null,
      identifiersFlagged: 1,
    });
    // The letters are sent once she has her page: waited for here.
    await expect
      .poll(async () =>
        (
          await sql(c, `SELECT action FROM audit_events WHERE entity_id = ANY($1::text[])`, [requests.map((r) => r.id)])
        ).map((a) => a.action),
      )
      .toEqual(
        expect.arrayContaining([
          'request.created',
          'request.identity_evidence',
          'subject.consent_withdrawn',
          'subject.objection_decided',
          'letter.sent',
        ]),
      );

    // The consent record the banner reads: the two categories refused from now on, functional kept.
    const [latest] = await sql(
      c,
      `SELECT action, categories, consent_id FROM consent_records WHERE email = $1 ORDER BY recorded_at DESC LIMIT 1`,
      [giulia],
    );
    expect(latest).toMatchObject({ action: 'withdraw', consent_id: 'cons-giulia' });
    expect(latest.categories).toMatchObject({ ai_chatbot: false, analytics: false, functional: true, necessary: true });
    const [otherLatest] = await sql(
      c,
      `SELECT action, categories FROM consent_records WHERE email = $1 ORDER BY recorded_at DESC LIMIT 1`,
      [other],
    );
    expect(otherLatest).toMatchObject({ action: 'grant', categories: { ai_chatbot: true, analytics: true } });

    // Stops in force: a withdrawal per activity, all direct marketing (no activity named); only hashes.
    const stops = await sql(
      c,
      `SELECT reason, activity_name, request_id FROM processing_stops ORDER BY reason, activity_name`,
    );
    expect(stops.map((s) => [s.reason, s.activity_name])).toEqual([
      ['direct_marketing', null],
      ['withdrawal', 'AI chatbot'],
    ]);
    expect(JSON.stringify(await sql(c, `SELECT * FROM processing_stops`))).not.toContain('giulia');

    // What the stops do at ingestion: her new chat and lead are flagged, the other Giulia Rossi's are not.
    const chats = await postBatch(c, apiKey, 'chat-conversations', [
      { externalId: 'gr-chat', provider: 'anthropic', startedAt: '2026-12-01T10:00:00Z', visitorEmail: giulia },
      { externalId: 'ga-chat', provider: 'anthropic', startedAt: '2026-12-01T10:00:00Z', visitorEmail: other },
    ]);
    expect(chats.body).toMatchObject({ created: 2, flaggedAfterStop: 1 });
    const leads = await postBatch(c, apiKey, 'leads', [
      {
        externalId: 'gr-lead-2',
        firstName: 'Giulia',
        lastName: 'Rossi',
        email: giulia,
        submittedAt: '2026-12-01T10:00:00Z',
      },
      {
        externalId: 'ga-lead-2',
        firstName: 'Giulia',
        lastName: 'Rossi',
        email: other,
        submittedAt: '2026-12-01T10:00:00Z',
      },
    ]);
    expect(leads.body).toMatchObject({ created: 2, flaggedAfterStop: 1 });
    const flaggedOf = async (email: string) =>
      Number(
        (
          await sql(
            c,
            `SELECT count(DISTINCT f.record_id)::int AS n FROM processing_stop_flags f
             LEFT JOIN leads l ON f.source = 'leads' AND l.id::text = f.record_id
             LEFT JOIN chat_conversations cc ON f.source = 'chat-conversations' AND cc.id::text = f.record_id
             WHERE l.email = $1 OR cc.visitor_email = $1`,
            [email],
          )
        )[0].n,
      );
    expect(await flaggedOf(giulia)).toBe(2);
    expect(await flaggedOf(other)).toBe(0);
    expect(await requestsOf(other)).toEqual([]);
    expect(
      (await c.api(`/api/subjects/search?q=${encodeURIComponent(other)}`, { token: admin })).body.processingStops,
    ).toEqual([]);

    // The letters, in English, say what was done; the other person receives nothing.
    const withdrawalLetter = await smtp.waitFor(
      (m) => m.envelopeTo.includes(giulia) && (m.parsed.subject ?? '').includes(withdrawal.reference),
    );
    const wText = textOf(withdrawalLetter);
    expect(wText).toContain(`Withdrawal of your consent (${withdrawal.reference})`);
    expect(wText).toContain('Chat with the virtual assistant (the “AI Chatbot” category)');
    expect(wText).toContain('Google Analytics 4 (the “Analytics” category)');
    expect(wText).toContain('Art. 7(3)');
    expect(wText).not.toContain('Functional services');
    expect(wText).toContain(`${c.url}/privacy/status/`);
    // The link opens the page in her language, whatever her browser prefers.
    expect(wText).toMatch(/\/privacy\/status\/[\w-]+\?lang=en\b/);
    expect(wText.indexOf('/privacy/status/')).toBeLessThan(wText.indexOf('Kind regards'));
    const objectionLetter = await smtp.waitFor(
      (m) => m.envelopeTo.includes(giulia) && (m.parsed.subject ?? '').includes(objection.reference),
    );
    const oText = textOf(objectionLetter);
    expect(oText).toContain('no longer processed for direct marketing (GDPR Art. 21(2) and (3))');
    expect(oText).toContain('without any assessment');
    expect(oText).not.toContain('consent you withdrew');
    expect(smtp.messages.some((m) => m.envelopeTo.includes(other))).toBe(false);
    // Staff read the letter with a marker in the link's place.
    const outbox = await c.api(`/api/requests/${withdrawal.id}/letters`, { token: admin });
    const kept = outbox.body.find((l: { kind: string }) => l.kind === 'completion');
    expect(kept.text).not.toContain('/privacy/status/');
    expect(kept.text).toContain('Chat with the virtual assistant');

    // The status page shows both requests.
    const status = await visitor.get(done.location!);
    expect(status.status).toBe(200);
    expect(status.html).toContain(withdrawal.reference);
    expect(status.html).toContain(objection.reference);
    expect(status.html).toContain('Withdrawal of your consent');
    expect(status.html).toContain('Your choices are in force.');
    expect(status.html).not.toContain('acknowledgement of receipt, with the link');
    // Her letters shown again: the link's place in words for her, not staff's marker.
    expect(status.html).toContain('(the address is in the e-mail we sent you)');
    expect(status.html).not.toContain('[personal address');
  });

  it('writes to an Italian subject in Italian: only the objection to direct marketing', async () => {
    const email = 'marco.bianchi.choices@example.it';
    await chooseAndConfirm(
      new Visitor(c.url, nextIp(), 'it-IT'),
      [
        ['direct_marketing', 'yes'],
        ['name', 'Marco Bianchi'],
      ],
      email,
      'it',
    );
    const requests = await requestsOf(email);
    expect(requests.map((r) => [r.type, r.language])).toEqual([['objection', 'it']]);
    const letter = await smtp.waitFor(
      (m) => m.envelopeTo.includes(email) && (m.parsed.subject ?? '').includes(requests[0].reference),
    );
    const body = textOf(letter);
    expect(body).toContain('Opposizione al trattamento dei suoi dati personali');
    expect(body).toContain('marketing diretto (art. 21, par. 2 e 3, GDPR)');
    expect(body).toContain('Cordiali saluti');
    expect(body).not.toMatch(/\b(the|your|withdrew)\b/);
  });

  it('refuses a form with nothing chosen or a category it does not offer, showing why, storing nothing', async () => {
    const visitor = new Visitor(c.url, nextIp());
    const csrf = await visitor.csrf('/privacy/choices?lang=en');
    const before = await count('portal_choice_forms');
    const none = await visitor.post(
      '/privacy/choices',
      [
        ['name', 'Anna Verdi'],
        ['email', 'anna.verdi@example.it'],
        ['lang', 'en'],
      ],
      csrf,
    );
    expect(none.status).toBe(422);
    expect(none.html).toContain('Choose at least one consent to withdraw, or the objection to direct marketing.');
    expect(none.html).toContain('value="anna.verdi@example.it"');
    const necessary = await visitor.post(
      '/privacy/choices',
      [
        ['categories', 'necessary'],
        ['name', 'Anna Verdi'],
        ['email', 'anna.verdi@example.it'],
        ['lang', 'en'],
      ],
      csrf,
    );
    expect(necessary.status).toBe(422);
    expect(necessary.html).toContain('Choose from the items listed.');
    const noCsrf = await visitor.post('/privacy/choices', [['direct_marketing', 'yes']], 'forged');
    expect(noCsrf.status).toBe(403);
    expect(await count('portal_choice_forms')).toBe(before);
  });

  it('hostile input on the choices fields (fast-check): a 4xx page, nothing stored, nothing stopped', async () => {
    const visitor = new Visitor(c.url, nextIp());
    const csrf = await visitor.csrf('/privacy/choices');
    const stopsBefore = await count('processing_stops');
    const hostileCategory = fc.oneof(
      fc.constantFrom(
        '__proto__',
        'constructor',
        'necessary',
        '<script>alert(1)</script>',
        "'; DROP TABLE requests; --",
        '',
      ),
      fc.string({ unit: 'binary', maxLength: 40 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(hostileCategory, { minLength: 1, maxLength: 4 }),
        fc.oneof(fc.constant('yes'), fc.string({ maxLength: 10 })),
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.string({ unit: 'binary', maxLength: 300 }),
        async (categories, marketing, name, email) => {
          const page = await visitor.post(
            '/privacy/choices',
            [
              ...categories.map((k): [string, string] => ['categories', k]),
              ['direct_marketing', marketing],
              ['name', name],
              ['email', email],
            ],
            csrf,
          );
          expect(page.status).toBeGreaterThanOrEqual(400);
          expect(page.status).toBeLessThan(500);
          expect(page.html).not.toContain('<script>alert(1)</script>');
        },
      ),
      { numRuns: 40 },
    );
    expect(await count('portal_choice_forms')).toBe(0);
    expect(await count('processing_stops')).toBe(stopsBefore);
  });

  it('attachments on the form: a PDF and a PNG, sealed, on each request’s timeline, downloaded by the officer (audited)', async () => {
    const email = 'sara.documenti@example.it';
    const visitor = new Visitor(c.url, nextIp(), 'it-IT');
    const form = await visitor.get('/privacy?lang=it');
    // No JavaScript needed: a plain multipart form with a file input.
    expect(form.html).toContain('enctype="multipart/form-data"');
    expect(form.html).toMatch(/<input type="file" id="attachments" name="attachments" multiple/);
    const before = smtp.messages.length;
    const sent = await visitor.postMultipart(
      '/privacy',
      [
        ['rights', 'access'],
        ['rights', 'rectification'],
        ['name', 'Sara Documenti'],
        ['email', email],
        ['message', 'Allego il documento e la foto della ricevuta.'],
        ['lang', 'it'],
      ],
      [
        { name: 'carta identità.pdf', content: PDF, type: 'application/pdf' },
        { name: '../../ricevuta.png', content: PNG, type: 'image/png' },
      ],
      csrfOf(form.html),
    );
    expect(sent.status, sent.html.slice(0, 1500)).toBe(303);
    // Waiting with the form, sealed: the bytes are not readable in the table.
    const pending = await sql(
      c,
      `SELECT file_name, content_type, sealed FROM request_attachments WHERE submission_id IS NOT NULL`,
    );
    expect(pending.map((p) => [p.file_name, p.content_type]).sort()).toEqual([
      ['carta identità.pdf', 'application/pdf'],
      ['ricevuta.png', 'image/png'],
    ]);
    for (const p of pending) {
      expect(Buffer.from(p.sealed).includes('%PDF')).toBe(false);
      expect(Buffer.from(p.sealed).includes(PNG.subarray(1, 8))).toBe(false);
    }
    const code = await codeFor(email, before);
    const verifyPath = sent.location!.split('?')[0];
    const done = await visitor.post(
      verifyPath,
      [
        ['code', code],
        ['lang', 'it'],
      ],
      await visitor.csrf(sent.location!),
    );
    expect(done.status).toBe(303);
    expect(await count('request_attachments', 'submission_id IS NOT NULL')).toBe(0);

    const requests = await requestsOf(email);
    expect(requests).toHaveLength(2);
    for (const r of requests) {
      const attached = (await timeline(r.id)).filter((e) => e.kind === 'subject_attachment');
      expect(attached.map((e) => e.details.fileName).sort()).toEqual(['carta identità.pdf', 'ricevuta.png']);
      const pdf = attached.find((e) => e.details.contentType === 'application/pdf')!;
      const download = await fetch(`${c.url}/api/requests/${r.id}/attachments/${pdf.details.attachmentId}`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('application/pdf');
      expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
      const [viewed] = await sql(
        c,
        `SELECT details FROM audit_events WHERE action = 'request.attachment_viewed' AND entity_id = $1`,
        [r.id],
      );
      expect(viewed.details).toMatchObject({ attachmentId: pdf.details.attachmentId, fileName: 'carta identità.pdf' });
    }
    // Another request's id does not open it.
    const [first, second] = requests;
    const firstPdf = (await timeline(first.id)).find((e) => e.kind === 'subject_attachment')!;
    const crossed = await c.api(`/api/requests/${second.id}/attachments/${firstPdf.details.attachmentId}`, {
      token: admin,
    });
    expect(crossed.status).toBe(404);
    expect(crossed.body.reason).toBeTruthy();

    // More documents through the status link: on each request of the link.
    const statusPath = done.location!;
    const status = await visitor.get(statusPath);
    expect(status.html).toContain('enctype="multipart/form-data"');
    const more = await visitor.postMultipart(
      `${statusPath.split('?')[0]}/messages`,
      [
        ['message', 'Ecco anche la bolletta.'],
        ['lang', 'it'],
      ],
      [{ name: 'bolletta.PDF', content: PDF }],
      csrfOf(status.html),
    );
    expect(more.status).toBe(303);
    for (const r of requests) {
      const attached = (await timeline(r.id)).filter((e) => e.kind === 'subject_attachment');
      expect(attached.map((e) => e.details.fileName)).toContain('bolletta.pdf');
      expect(attached.find((e) => e.details.fileName === 'bolletta.pdf')!.details.via).toBe('portal_message');
    }
  });

  it('refuses a document that is not what it says (type read from the content), too many or too large, storing nothing', async () => {
    const email = 'finto.pdf@example.it';
    const visitor = new Visitor(c.url, nextIp(), 'it-IT');
    const fields: Fields = [
      ['rights', 'access'],
      ['name', 'Finto Documento'],
      ['email', email],
      ['message', 'Allego un documento.'],
      ['lang', 'it'],
    ];
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const fake = await visitor.postMultipart(
      '/privacy',
      fields,
      [{ name: 'documento.pdf', content: html, type: 'application/pdf' }],
      await visitor.csrf('/privacy'),
    );
    expect(fake.status).toBe(422);
    expect(fake.html).toContain('Alleghi solo documenti PDF o immagini JPEG o PNG.');
    // What was typed comes back.
    expect(fake.html).toContain('value="finto.pdf@example.it"');
    const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await visitor.postMultipart(
      '/privacy',
      fields,
      [{ name: 'grande.pdf', content: big }],
      await visitor.csrf('/privacy'),
    );
    expect(tooBig.status).toBe(422);
    expect(tooBig.html).toContain('5 MB al massimo');
    const four = Array.from({ length: 4 }, (_, i) => ({ name: `p${i}.png`, content: PNG }));
    const tooMany = await visitor.postMultipart('/privacy', fields, four, await visitor.csrf('/privacy'));
    expect(tooMany.status).toBe(422);
    expect(tooMany.html).toContain('al massimo 3 documenti');
    expect(await count('portal_submissions', 'email = $1', [email])).toBe(0);
    expect(await count('request_attachments', 'file_name LIKE $1', ['p_.png'])).toBe(0);
  });

  it('hostile multipart bodies (fast-check): a 4xx page and nothing stored', async () => {
    const visitor = new Visitor(c.url, nextIp());
    const csrf = await visitor.csrf('/privacy');
    const submissions = await count('portal_submissions');
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2000 }),
        fc.string({ unit: 'binary', maxLength: 80 }),
        fc.constantFrom('x', 'XyZ', '----WebKitFormBoundary1a2b'),
        async (bytes, fileName, boundary) => {
          // A body built by hand: broken parts, hostile names, random bytes as the "file".
          const body = Buffer.concat([
            Buffer.from(
              `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n` +
                `--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="${fileName.replace(/"/g, '')}"\r\n\r\n`,
            ),
            Buffer.from(bytes),
            Buffer.from(`\r\n--${boundary}--\r\n`),
          ]);
          const res = await visitor.postRaw('/privacy', body, `multipart/form-data; boundary=${boundary}`);
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: 30 },
    );
    expect(await count('portal_submissions')).toBe(submissions);
  });
});

/** Cloudflare's siteverify, played on the loopback: `good-token` passes, anything else fails. */
async function startFakeSiteverify(): Promise<{ url: string; calls: URLSearchParams[]; close(): Promise<void> }> {
  const calls: URLSearchParams[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      calls.push(form);
      const success = form.get('secret') === 'test-secret' && form.get('response') === 'good-token';
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify(success ? { success: true } : { success: false, 'error-codes': ['invalid-input-response'] }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/turnstile/v0/siteverify`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('the privacy portal with Cloudflare Turnstile configured', () => {
  let c: TestConsole;
  let smtp: SmtpReceiver;
  let siteverify: Awaited<ReturnType<typeof startFakeSiteverify>>;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    siteverify = await startFakeSiteverify();
    c = await startTestConsole({
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Privacy Vimage <privacy@vimage.it>',
        TURNSTILE_SITE_KEY: '0x4AAAAAAAtestsitekey',
        TURNSTILE_SECRET: 'test-secret',
        TURNSTILE_VERIFY_URL: siteverify.url,
      },
    });
  });

  afterAll(async () => {
    await c?.close();
    await smtp?.close();
    await siteverify?.close();
  });

  it('carries the widget, and its CSP lets Turnstile’s origin in (only on the forms)', async () => {
    for (const path of ['/privacy', '/privacy/choices']) {
      const page = await new Visitor(c.url, nextIp()).get(path);
      expect(page.html).toContain(
        '<script src="https://challenges.cloudflare.com/turnstile/v0/api.js" async defer></script>',
      );
      expect(page.html).toContain('data-sitekey="0x4AAAAAAAtestsitekey"');
      const csp = page.headers.get('content-security-policy')!;
      expect(csp).toContain('script-src https://challenges.cloudflare.com');
      expect(csp).toContain('frame-src https://challenges.cloudflare.com');
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("default-src 'none'");
    }
    // The code page has no widget: its policy stays without scripts.
    const code = await new Visitor(c.url, nextIp()).get('/privacy/verify/00000000-0000-4000-8000-000000000000');
    expect(code.headers.get('content-security-policy')).not.toContain('challenges.cloudflare.com');
  });

  it('verifies the token at the verify URL: a bad one shows the form again and stores nothing; a good one goes on', async () => {
    const email = 'turnstile.person@example.it';
    const visitor = new Visitor(c.url, nextIp());
    const fields: Fields = [
      ['rights', 'access'],
      ['name', 'Tina Stile'],
      ['email', email],
      ['message', 'What do you keep about me?'],
      ['lang', 'en'],
    ];
    const bad = await visitor.post(
      '/privacy',
      [...fields, ['cf-turnstile-response', 'bad-token']],
      await visitor.csrf('/privacy'),
    );
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('The anti-robot check did not succeed. Please try again.');
    const call = siteverify.calls.at(-1)!;
    expect(call.get('secret')).toBe('test-secret');
    expect(call.get('response')).toBe('bad-token');
    expect(call.get('remoteip')).toBe(visitor.ip);
    const missing = await visitor.post('/privacy', fields, await visitor.csrf('/privacy'));
    expect(missing.status).toBe(422);
    expect(Number((await sql(c, `SELECT count(*)::int AS n FROM portal_submissions`))[0].n)).toBe(0);
    expect(smtp.messages).toHaveLength(0);

    const good = await visitor.post(
      '/privacy',
      [...fields, ['cf-turnstile-response', 'good-token']],
      await visitor.csrf('/privacy'),
    );
    expect(good.status).toBe(303);
    await smtp.waitFor((m) => m.envelopeTo.includes(email));

    const choicesBad = await visitor.post(
      '/privacy/choices',
      [
        ['direct_marketing', 'yes'],
        ['name', 'Tina Stile'],
        ['email', email],
        ['lang', 'en'],
        ['cf-turnstile-response', 'bad-token'],
      ],
      await visitor.csrf('/privacy/choices'),
    );
    expect(choicesBad.status).toBe(422);
    expect(choicesBad.html).toContain('The anti-robot check did not succeed.');
    const choicesGood = await visitor.post(
      '/privacy/choices',
      [
        ['direct_marketing', 'yes'],
        ['name', 'Tina Stile'],
        ['email', email],
        ['lang', 'en'],
        ['cf-turnstile-response', 'good-token'],
      ],
      await visitor.csrf('/privacy/choices'),
    );
    expect(choicesGood.status).toBe(303);
  });
});
