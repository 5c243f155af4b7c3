import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleWithMailbox } from '../support/mailbox-console';
import { codeMailedTo, csrfOf, PortalVisitor, textOf } from '../support/portal-visitor';
import { type SmtpReceiver } from '../support/smtp-receiver';
import { sql, startTestConsole, type TestConsole } from '../support/test-console';

/**
 * The privacy portal over real HTTP, as a browser without JavaScript uses it (forms posted
 * URL-encoded, a cookie jar, redirects followed by hand), with its e-mails read from a real
 * SMTP receiver: the code, the acknowledgement and its status link.
 */

/** One visitor: their own cookies and network address, in Italian unless told. */
class Visitor extends PortalVisitor {
  constructor(base: string, ip: string, language = 'it-IT,it;q=0.9') {
    super(base, { ip, language });
  }
}
/** The page's words, tags and the tokens that make each page unique left out. */
const visible = (html: string) =>
  html.replace(/name="_csrf" value="[^"]+"/g, '').replace(/\/privacy\/verify\/[0-9a-f-]{36}/g, '/privacy/verify/ID');

const form = (email: string, rights = ['access'], extra: Array<[string, string]> = []): Array<[string, string]> => [
  ...rights.map((r): [string, string] => ['rights', r]),
  ['name', 'Giulia Bianchi'],
  ['email', email],
  ['phone', '+39 347 123 4567'],
  ['message', 'Vorrei sapere quali dati personali conservate su di me.'],
  ['lang', 'it'],
  ...extra,
];

let ipCounter = 10;
const nextIp = () => `203.0.113.${ipCounter++}`;

describe('the privacy portal', () => {
  let c: TestConsole;
  let smtp: SmtpReceiver;
  let admin: string;

  const codeFor = (email: string, after: number) => codeMailedTo(smtp, email, after);
  const requestsOf = (email: string) =>
    sql<{ id: string; reference: string; type: string; channel: string; language: string; status: string }>(
      c,
      `SELECT id, reference, type, channel, language, status FROM requests WHERE subject_email = $1 ORDER BY reference`,
      [email],
    );
  const timeline = (requestId: string) =>
    sql<{ kind: string; message: string | null; details: Record<string, unknown> }>(
      c,
      `SELECT kind, message, details FROM request_events WHERE request_id = $1 ORDER BY at, kind`,
      [requestId],
    );
  const count = async (table: string) => Number((await sql(c, `SELECT count(*)::int AS n FROM ${table}`))[0].n);

  /** The whole flow for one person: form, code from the mail, status link. */
  const confirm = async (visitor: Visitor, email: string, rights: string[], lang: 'it' | 'en' = 'it') => {
    const before = smtp.messages.length;
    const sent = await visitor.submit(`/privacy?lang=${lang}`, '/privacy', [
      ...form(email, rights).filter(([k]) => k !== 'lang'),
      ['lang', lang],
    ]);
    expect(sent.status).toBe(303);
    const verifyPath = sent.location!;
    const code = await codeFor(email, before);
    const done = await visitor.submit(verifyPath, verifyPath.split('?')[0], [
      ['code', code],
      ['lang', lang],
    ]);
    expect(done.status).toBe(303);
    expect(done.location).toMatch(/^\/privacy\/status\/[A-Za-z0-9_-]{43}\?/);
    const token = /status\/([A-Za-z0-9_-]{43})/.exec(done.location!)![1];
    return { token, statusPath: done.location! };
  };

  beforeAll(async () => {
    ({ c, smtp } = await startConsoleWithMailbox({ env: { LETTER_RETRY_SECONDS: '1' } }));
    admin = await c.login();
  });

  afterAll(async () => {
    await c?.close();
    await smtp?.close();
  });

  it('shows the form and its notice in Italian and English, with a strict CSP and no script', async () => {
    const it = await new Visitor(c.url, nextIp()).get('/privacy');
    expect(it.status).toBe(200);
    expect(it.headers.get('content-type')).toContain('text/html');
    const csp = it.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(it.headers.get('cache-control')).toBe('no-store');
    expect(it.html).not.toMatch(/<script|style=/i);
    expect(it.html).toContain('<html lang="it">');
    expect(it.html).toContain('Vimage Srl');
    expect(it.html).toContain('art. 6, par. 1, lett. c');
    expect(it.html).toContain('Accesso ai miei dati (art. 15)');
    expect(it.html).toContain('href="/privacy?lang=en"');
    expect(it.headers.getSetCookie().join()).toMatch(/pp_csrf=.*Path=\/privacy.*HttpOnly.*SameSite=Strict/i);

    const en = await new Visitor(c.url, nextIp(), 'en-GB,en;q=0.9').get('/privacy');
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain('GDPR Art. 6(1)(c)');
    expect(en.html).toContain('Access to my data (Art. 15)');
    expect(en.html).toContain('href="/privacy?lang=it"');
    expect((await new Visitor(c.url, nextIp(), 'en').get('/privacy?lang=it')).html).toContain('<html lang="it">');
    const css = await fetch(`${c.url}/privacy/portal.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
  });

  let giulia: { token: string; statusPath: string; requests: Awaited<ReturnType<typeof requestsOf>> };

  it('registers the requests only once the code from the e-mail is entered, then acknowledges them with the status link', async () => {
    const email = 'giulia.portal@example.it';
    const visitor = new Visitor(c.url, nextIp());
    const requestsBefore = await count('requests');
    const before = smtp.messages.length;
    const sent = await visitor.submit('/privacy', '/privacy', form(email, ['access', 'erasure']));
    expect(sent.status).toBe(303);
    expect(sent.location).toMatch(/^\/privacy\/verify\/[0-9a-f-]{36}\?lang=it$/);
    // Nothing is a request yet; the code is stored only as a keyed hash.
    expect(await count('requests')).toBe(requestsBefore);
    const code = await codeFor(email, before);
    const [pending] = await sql(c, `SELECT code_hash, tries FROM portal_submissions WHERE email = $1`, [email]);
    expect(pending.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(pending.code_hash).not.toContain(code);
    const codeMail = smtp.messages.find((m) => m.envelopeTo.includes(email))!;
    expect(textOf(codeMail)).toContain('10 minuti');
    expect(codeMail.parsed.from?.value[0].address).toBe('privacy@vimage.it');

    const codePage = await visitor.get(sent.location!);
    expect(codePage.status).toBe(200);
    expect(codePage.html).toContain('Controlli la sua casella di posta');
    const done = await visitor.post(
      sent.location!.split('?')[0],
      [
        ['code', code],
        ['lang', 'it'],
      ],
      csrfOf(codePage.html),
    );
    expect(done.status).toBe(303);
    const token = /status\/([A-Za-z0-9_-]{43})/.exec(done.location!)![1];

    const requests = await requestsOf(email);
    expect(requests.map((r) => [r.type, r.channel, r.language, r.status])).toEqual([
      ['access', 'web_form', 'it', 'received'],
      ['erasure', 'web_form', 'it', 'received'],
    ]);
    for (const r of requests) {
      const events = await timeline(r.id);
      const evidence = events.find((e) => e.kind === 'identity_evidence');
      expect(evidence?.message).toContain(`Control of the e-mail address proven: the code sent to ${email}`);
      expect(evidence?.details).toMatchObject({ evidence: 'email_control', email });
    }
    // The submission is gone; the link is kept only as the token's SHA-256.
    expect(await sql(c, `SELECT 1 FROM portal_submissions WHERE email = $1`, [email])).toEqual([]);
    const links = await sql(c, `SELECT token_hash, request_ids FROM portal_links WHERE $1 = ANY(request_ids)`, [
      requests[0].id,
    ]);
    expect(links).toHaveLength(1);
    expect(links[0].token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(await sql(c, `SELECT * FROM portal_links`))).not.toContain(token);
    const audit = await sql(c, `SELECT action FROM audit_events WHERE entity_id = $1 OR details::text LIKE $2`, [
      requests[0].id,
      `%${requests[0].reference}%`,
    ]);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['request.created', 'request.identity_evidence', 'portal.confirmed', 'letter.queued']),
    );

    // One acknowledgement per request, in Italian, each with the status link.
    for (const r of requests) {
      const ack = await smtp.waitFor(
        (m) => m.envelopeTo.includes(email) && (m.parsed.subject ?? '').includes(r.reference),
      );
      const body = textOf(ack);
      expect(body).toContain('Abbiamo ricevuto la sua richiesta');
      expect(body).toContain(`${c.url}/privacy/status/${token}?lang=it`);
      expect(body.indexOf('/privacy/status/')).toBeLessThan(body.indexOf('Cordiali saluti'));
      // The link opens her requests: the outbox staff read shows a marker in its place, and once
      // the letter is sent the link is kept nowhere but in the subject's mailbox (Art. 32).
      const outbox = await c.api(`/api/requests/${r.id}/letters`, { token: admin });
      const letter = outbox.body.find((l: { kind: string }) => l.kind === 'acknowledgement');
      expect(letter.text).not.toContain(token);
      expect(letter.text).toContain('[indirizzo personale: inviato solo all’interessato, per e-mail]');
      const [stored] = await sql(c, `SELECT body, sealed_parts FROM letters WHERE id = $1`, [letter.id]);
      expect(stored.body).not.toContain(token);
      expect(stored.sealed_parts).toBeNull();
    }

    // Sent once she had her page: each acknowledgement recorded as sent.
    await expect
      .poll(async () =>
        (await sql(c, `SELECT state FROM letters WHERE request_id = ANY($1::uuid[])`, [requests.map((r) => r.id)])).map(
          (l) => l.state,
        ),
      )
      .toEqual(requests.map(() => 'sent'));

    // The status page: references, rights, status, deadline, the letters' text; no internal note.
    expect(
      (await c.api(`/api/requests/${requests[0].id}/notes`, { token: admin, body: { text: 'NOTA-INTERNA-9931' } }))
        .status,
    ).toBe(201);
    const status = await visitor.get(done.location!);
    expect(status.status).toBe(200);
    expect(status.html).toContain('La sua richiesta è stata registrata');
    for (const r of requests) expect(status.html).toContain(r.reference);
    expect(status.html).toContain('Accesso ai miei dati (art. 15)');
    expect(status.html).toContain('Cancellazione dei miei dati (art. 17)');
    expect(status.html).toContain('Ricevuta');
    const [due] = await sql(
      c,
      `SELECT to_char(working_due_date, 'YYYY-MM-DD') AS d, to_char(due_date, 'YYYY-MM-DD') AS legal FROM requests WHERE id = $1`,
      [requests[0].id],
    );
    const dueWords = new Intl.DateTimeFormat('it-IT', { day: 'numeric', month: 'long', year: 'numeric' }).format(
      new Date(`${due.d}T12:00:00Z`),
    );
    expect(status.html).toContain(`Contiamo di risponderle entro il</dt><dd>${dueWords}`);
    const legalWords = new Intl.DateTimeFormat('it-IT', { day: 'numeric', month: 'long', year: 'numeric' }).format(
      new Date(`${due.legal}T12:00:00Z`),
    );
    expect(status.html).toContain(`Termine di legge (art. 12, par. 3, GDPR)</dt><dd>${legalWords}`);
    expect(status.html).toContain('Abbiamo ricevuto la sua richiesta');
    // The letters shown again: the link's place in words for her, never staff's marker.
    expect(status.html).toContain('(l’indirizzo è nell’e-mail che le abbiamo inviato)');
    expect(status.html).not.toContain('[indirizzo personale');
    expect(status.html).not.toContain('NOTA-INTERNA-9931');
    expect(status.html).not.toContain('Vorrei sapere quali dati');
    expect(status.headers.get('cache-control')).toBe('no-store');
    expect(status.headers.get('referrer-policy')).toBe('no-referrer');
    giulia = { token, statusPath: done.location!, requests };
  });

  it('puts the subject’s further information on the timeline of each request, audited', async () => {
    const visitor = new Visitor(c.url, nextIp());
    const path = `/privacy/status/${giulia.token}`;
    const added = await visitor.submit(path, `${path}/messages`, [
      ['message', 'Il mio vecchio indirizzo era via Roma 1, Mirano.'],
      ['lang', 'it'],
    ]);
    expect(added.status).toBe(303);
    expect((await visitor.get(added.location!)).html).toContain('il suo messaggio è stato aggiunto');
    for (const r of giulia.requests) {
      const message = (await timeline(r.id)).find((e) => e.kind === 'subject_message');
      expect(message?.message).toBe('Il mio vecchio indirizzo era via Roma 1, Mirano.');
    }
    const audit = await sql(c, `SELECT count(*)::int AS n FROM audit_events WHERE action = 'request.subject_message'`);
    expect(audit[0].n).toBe(2);
    // An empty message: the page again with the error, nothing added.
    const empty = await visitor.submit(path, `${path}/messages`, [
      ['message', '   '],
      ['lang', 'it'],
    ]);
    expect(empty.status).toBe(422);
    expect(empty.html).toContain('Descriva la sua richiesta.');
    expect((await timeline(giulia.requests[0].id)).filter((e) => e.kind === 'subject_message')).toHaveLength(1);
  });

  it('answers the code at once while the mail server takes its time, and sends the acknowledgement after', async () => {
    const email = 'slow.mail@example.it';
    const visitor = new Visitor(c.url, nextIp());
    const before = smtp.messages.length;
    const sent = await visitor.submit('/privacy', '/privacy', form(email, ['access']));
    const code = await codeFor(email, before);
    smtp.holdNext(1, 4_000);
    const started = Date.now();
    const done = await visitor.submit(sent.location!, sent.location!.split('?')[0], [
      ['code', code],
      ['lang', 'it'],
    ]);
    expect(done.status).toBe(303);
    expect(done.location).toMatch(/\/privacy\/status\//);
    expect(Date.now() - started).toBeLessThan(2_000);
    const [request] = await requestsOf(email);
    const ack = await smtp.waitFor(
      (m) => m.envelopeTo.includes(email) && (m.parsed.subject ?? '').includes(request.reference),
    );
    expect(textOf(ack)).toContain('Abbiamo ricevuto la sua richiesta');
    await expect
      .poll(async () => (await sql(c, `SELECT state FROM letters WHERE request_id = $1`, [request.id]))[0].state)
      .toBe('sent');
  });

  it('keeps the status link sealed through a refused send, and sends it on the retry', async () => {
    const email = 'refused.portal@example.it';
    const visitor = new Visitor(c.url, nextIp());
    const before = smtp.messages.length;
    const sent = await visitor.submit('/privacy', '/privacy', form(email, ['access']));
    const code = await codeFor(email, before);
    const refusedBefore = smtp.refused();
    smtp.refuseNext(1);
    const done = await visitor.submit(sent.location!, sent.location!.split('?')[0], [
      ['code', code],
      ['lang', 'it'],
    ]);
    const token = /status\/([A-Za-z0-9_-]{43})/.exec(done.location!)![1];
    const [request] = await requestsOf(email);
    // The first try was refused; the scheduled retry (LETTER_RETRY_SECONDS=1) still has the link.
    const ack = await smtp.waitFor(
      (m) => m.envelopeTo.includes(email) && (m.parsed.subject ?? '').includes(request.reference),
    );
    expect(smtp.refused()).toBe(refusedBefore + 1);
    expect(textOf(ack)).toContain(`${c.url}/privacy/status/${token}`);
    await expect
      .poll(async () => (await sql(c, `SELECT state FROM letters WHERE request_id = $1`, [request.id]))[0].state)
      .toBe('sent');
    const [stored] = await sql(c, `SELECT body, attempts, sealed_parts FROM letters WHERE request_id = $1`, [
      request.id,
    ]);
    expect(stored.attempts).toBe(2);
    expect(stored.sealed_parts).toBeNull();
    expect(stored.body).not.toContain(token);
  });

  it('tells the subject when the code cannot be mailed, keeps nothing waiting, and audits it', async () => {
    const email = 'code.refused@example.it';
    const bystander = 'code.bystander@example.it';
    const visitor = new Visitor(c.url, nextIp());
    const before = smtp.messages.length;
    await visitor.submit('/privacy', '/privacy', form(bystander, ['access']));
    await codeFor(bystander, before);
    const [{ n: bystanderRows }] = await sql(c, `SELECT count(*)::int AS n FROM portal_submissions WHERE email = $1`, [
      bystander,
    ]);
    expect(bystanderRows).toBe(1);

    const submissions = await count('portal_submissions');
    const refusedBefore = smtp.refused();
    smtp.refuseNext(1);
    const page = await new Visitor(c.url, nextIp()).submit('/privacy', '/privacy', form(email, ['erasure']));
    expect(smtp.refused()).toBe(refusedBefore + 1);
    expect(page.status).toBe(503);
    expect(page.html).toContain('Non siamo riusciti a inviare il codice in questo momento');
    expect(page.html).not.toContain('Sending failed');
    // Nothing waits for a code the subject never got; the bystander's submission stays.
    expect(await count('portal_submissions')).toBe(submissions);
    expect(await sql(c, `SELECT id FROM portal_submissions WHERE email = $1`, [email])).toEqual([]);
    expect((await sql(c, `SELECT id FROM portal_submissions WHERE email = $1`, [bystander])).length).toBe(1);
    expect(await requestsOf(email)).toEqual([]);
    const [notSent] = await sql(
      c,
      `SELECT entity, details FROM audit_events WHERE action = 'portal.code_not_sent' ORDER BY id DESC LIMIT 1`,
    );
    expect(notSent.entity).toBe('portal_submission');
    expect(JSON.stringify(notSent.details)).not.toContain(email);
    expect(smtp.messages.slice(before).some((m) => m.envelopeTo.includes(email))).toBe(false);

    // Our mail server's failures do not spend her tries: after three refused sends, her three
    // tries of the hour are all still hers (PORTAL_LIMITS.perEmail), and then no more.
    smtp.refuseNext(2);
    for (let i = 0; i < 2; i++)
      expect((await new Visitor(c.url, nextIp()).submit('/privacy', '/privacy', form(email, ['erasure']))).status).toBe(
        503,
      );
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push(
        (await new Visitor(c.url, nextIp()).submit('/privacy', '/privacy', form(email, ['erasure']))).status,
      );
    expect(statuses).toEqual([303, 303, 303, 429]);
  });

  it('keeps a second person’s requests apart: their page, their timeline, their link', async () => {
    const peterEmail = 'peter.portal@example.org';
    const peter = await confirm(new Visitor(c.url, nextIp(), 'en-GB'), peterEmail, ['portability'], 'en');
    const [peterRequest] = await requestsOf(peterEmail);
    expect(peterRequest).toMatchObject({ type: 'portability', language: 'en', channel: 'web_form' });
    const ack = await smtp.waitFor(
      (m) => m.envelopeTo.includes(peterEmail) && (m.parsed.subject ?? '').includes(peterRequest.reference),
    );
    expect(textOf(ack)).toContain('We have received your request');
    expect(textOf(ack)).toContain(`/privacy/status/${peter.token}?lang=en`);
    // His timeline once his acknowledgement is recorded as sent (it goes out after his page).
    await expect
      .poll(async () => (await sql(c, `SELECT state FROM letters WHERE request_id = $1`, [peterRequest.id]))[0].state)
      .toBe('sent');
    const peterTimeline = await timeline(peterRequest.id);

    const visitor = new Visitor(c.url, nextIp());
    const giuliaPage = await visitor.get(`/privacy/status/${giulia.token}?lang=en`);
    expect(giuliaPage.html).not.toContain(peterRequest.reference);
    const peterPage = await visitor.get(`/privacy/status/${peter.token}?lang=en`);
    expect(peterPage.html).toContain(peterRequest.reference);
    expect(peterPage.html).toContain('Data portability (Art. 20)');
    for (const r of giulia.requests) expect(peterPage.html).not.toContain(r.reference);

    // Giulia's token never opens Peter's page, nor a near miss of either token any page.
    const near = `${peter.token.slice(0, -1)}${peter.token.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [near, 'x'.repeat(43), '__proto__', 'constructor', giulia.token.toLowerCase()]) {
      if (bad === giulia.token) continue;
      const page = await visitor.get(`/privacy/status/${encodeURIComponent(bad)}`);
      expect(page.status, bad).toBe(404);
      expect(page.html).not.toContain(peterRequest.reference);
    }
    // A message through Giulia's link lands on Giulia's requests only.
    const path = `/privacy/status/${giulia.token}`;
    expect(
      (
        await visitor.submit(path, `${path}/messages`, [
          ['message', 'Second message from Giulia.'],
          ['lang', 'en'],
        ])
      ).status,
    ).toBe(303);
    expect(await timeline(peterRequest.id)).toEqual(peterTimeline);
    const [peterNow] = await requestsOf(peterEmail);
    expect(peterNow).toEqual(peterRequest);
  });

  it('locks the code after five wrong tries: the right one no longer works, nothing is registered', async () => {
    const email = 'lucia.lock@example.it';
    const visitor = new Visitor(c.url, nextIp());
    const before = smtp.messages.length;
    const sent = await visitor.submit('/privacy', '/privacy', form(email));
    const code = await codeFor(email, before);
    const wrong = code === '000000' ? '111111' : '000000';
    const action = sent.location!.split('?')[0];
    for (let left = 4; left >= 1; left--) {
      const page = await visitor.submit(sent.location!, action, [
        ['code', wrong],
        ['lang', 'it'],
      ]);
      expect(page.status).toBe(422);
      expect(page.html).toContain(`Tentativi rimasti: ${left}.`);
    }
    const fifth = await visitor.submit(sent.location!, action, [
      ['code', wrong],
      ['lang', 'it'],
    ]);
    expect(fifth.status).toBe(410);
    expect(fifth.html).toContain('Troppi tentativi errati');
    const right = await visitor.submit(sent.location!, action, [
      ['code', code],
      ['lang', 'it'],
    ]);
    expect(right.status).toBe(410);
    expect(right.html).toContain('Troppi tentativi errati');
    expect(await requestsOf(email)).toEqual([]);
    const [row] = await sql(c, `SELECT tries FROM portal_submissions WHERE email = $1`, [email]);
    expect(row.tries).toBe(5);
  });

  it('refuses a code entered after 10 minutes', async () => {
    const email = 'marco.late@example.it';
    const visitor = new Visitor(c.url, nextIp(), 'en');
    const before = smtp.messages.length;
    const sent = await visitor.submit('/privacy?lang=en', '/privacy', [
      ...form(email).filter(([k]) => k !== 'lang'),
      ['lang', 'en'],
    ]);
    const code = await codeFor(email, before);
    await sql(
      c,
      `UPDATE portal_submissions SET code_sent_at = now() - interval '10 minutes 1 second' WHERE email = $1`,
      [email],
    );
    const late = await visitor.submit(sent.location!, sent.location!.split('?')[0], [
      ['code', code],
      ['lang', 'en'],
    ]);
    expect(late.status).toBe(410);
    expect(late.html).toContain('The code has expired');
    expect(await requestsOf(email)).toEqual([]);
  });

  it('answers the same whether the e-mail is known or not', async () => {
    const known = 'giulia.portal@example.it';
    const unknown = 'nobody.here@example.it';
    expect((await requestsOf(known)).length).toBeGreaterThan(0);
    const pages: string[] = [];
    for (const email of [known, unknown]) {
      const visitor = new Visitor(c.url, nextIp());
      const before = smtp.messages.length;
      const sent = await visitor.submit('/privacy', '/privacy', form(email));
      expect(sent.status).toBe(303);
      expect(sent.location).toMatch(/^\/privacy\/verify\/[0-9a-f-]{36}\?lang=it$/);
      const page = await visitor.get(sent.location!);
      expect(page.status).toBe(200);
      pages.push(visible(page.html));
      await codeFor(email, before);
    }
    expect(pages[0]).toBe(pages[1]);
  });

  it('limits codes per e-mail address and per network address', async () => {
    const email = 'many.codes@example.it';
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await new Visitor(c.url, nextIp()).submit('/privacy', '/privacy', form(email))).status);
    expect(statuses).toEqual([303, 303, 303, 429]);
    const ip = nextIp();
    const fromOne: number[] = [];
    for (let i = 0; i < 11; i++)
      fromOne.push(
        (await new Visitor(c.url, ip).submit('/privacy', '/privacy', form(`office.${i}@example.it`))).status,
      );
    expect(fromOne.slice(0, 10).every((s) => s === 303)).toBe(true);
    expect(fromOne[10]).toBe(429);
    const throttled = await new Visitor(c.url, ip).submit('/privacy', '/privacy', form('office.x@example.it'));
    expect(throttled.html).toContain('Troppe richieste');
    expect(await sql(c, `SELECT 1 FROM portal_submissions WHERE email = 'office.10@example.it'`)).toEqual([]);
    // An IPv6 sender counts by its /64: eleven addresses of one block are one sender; another
    // block is another.
    const fromBlock: number[] = [];
    for (let i = 1; i <= 11; i++)
      fromBlock.push(
        (
          await new Visitor(c.url, `2001:db8:7:9::${i.toString(16)}`).submit(
            '/privacy',
            '/privacy',
            form(`block.${i}@example.it`),
          )
        ).status,
      );
    expect(fromBlock.slice(0, 10).every((s) => s === 303)).toBe(true);
    expect(fromBlock[10]).toBe(429);
    expect(
      (await new Visitor(c.url, '2001:db8:7:a::1').submit('/privacy', '/privacy', form('block.other@example.it')))
        .status,
    ).toBe(303);
    // The counters keep no readable address.
    expect(JSON.stringify(await sql(c, `SELECT key FROM portal_throttles`))).not.toMatch(
      /example\.it|203\.0\.113|2001/,
    );
  });

  it('refuses a form without its CSRF token (403), storing nothing', async () => {
    const submissions = await count('portal_submissions');
    const visitor = new Visitor(c.url, nextIp());
    await visitor.get('/privacy');
    const missing = await visitor.post('/privacy', form('csrf.missing@example.it'), null);
    expect(missing.status).toBe(403);
    expect(missing.html).toContain('Pagina scaduta');
    expect((await visitor.post('/privacy', form('csrf.wrong@example.it'), 'x'.repeat(43))).status).toBe(403);
    // A token from another browser's page does not match this cookie.
    const other = await new Visitor(c.url, nextIp()).get('/privacy');
    expect(
      (await new Visitor(c.url, nextIp()).post('/privacy', form('csrf.nocookie@example.it'), csrfOf(other.html)))
        .status,
    ).toBe(403);
    expect((await visitor.post(`/privacy/status/${giulia.token}/messages`, [['message', 'hi']], null)).status).toBe(
      403,
    );
    expect(await count('portal_submissions')).toBe(submissions);
  });

  it('answers hostile input with a 4xx page in the page’s language, never a 500, and stores nothing', async () => {
    const visitor = new Visitor(c.url, nextIp());
    const csrf = csrfOf((await visitor.get('/privacy')).html);
    const counts = async () => [
      await count('portal_submissions'),
      await count('requests'),
      await count('portal_links'),
    ];
    const before = await counts();
    const mailsBefore = smtp.messages.length;
    const builtin = fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'hasOwnProperty',
      'valueOf',
      '__defineGetter__',
    );
    const control = fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u2028', '\u009b');
    const poisoned = fc.oneof(
      builtin.map((b) => ({ field: 'rights', value: b })),
      builtin.map((b) => ({ field: 'email', value: b })),
      fc
        .tuple(fc.constantFrom('name', 'message', 'phone', 'email'), control, fc.string({ maxLength: 20 }))
        .map(([field, ch, rest]) => ({ field, value: `Giulia${ch}x${rest}` })),
    );
    await fc.assert(
      fc.asyncProperty(
        poisoned,
        fc.array(fc.tuple(builtin, fc.string({ maxLength: 10 })), { maxLength: 4 }),
        async ({ field, value }, extra) => {
          const fields = form('hostile@example.it').map(([k, v]): [string, string] =>
            k === field ? [k, value] : [k, v],
          );
          const page = await visitor.post('/privacy', [...fields, ...extra], csrf);
          expect(page.status).toBe(422);
          expect(page.headers.get('content-type')).toContain('text/html');
          expect(page.html).toContain('La richiesta non è stata inviata');
        },
      ),
      { numRuns: 150 },
    );
    // Raw bodies that would pollute a parser that made objects of field names.
    for (const raw of [
      `__proto__[polluted]=1&constructor[prototype][polluted]=1&_csrf=${csrf}`,
      `rights=access&rights[__proto__]=x&_csrf=${csrf}`,
      `%E0%A4%A=bad&_csrf=${csrf}`,
      `name=${'%00'.repeat(50)}&_csrf=${csrf}`,
    ]) {
      const page = await visitor.post('/privacy', raw, null);
      expect(page.status, raw).toBeGreaterThanOrEqual(400);
      expect(page.status, raw).toBeLessThan(500);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    for (const path of ['/privacy/verify/__proto__', '/privacy/verify/constructor', '/privacy/status/__proto__']) {
      const page = await visitor.get(path);
      expect(page.status, path).toBe(404);
      expect(page.html).toContain('Link non valido');
    }
    const codeFields = await visitor.post(
      '/privacy/verify/00000000-0000-4000-8000-000000000000',
      [
        ['code', '__proto__'],
        ['constructor', '1'],
      ],
      csrf,
    );
    expect(codeFields.status).toBe(404);
    const json = await fetch(`${c.url}/privacy`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"__proto__":{"x":1}}',
    });
    expect(json.status).toBe(400);
    const huge = await visitor.post('/privacy', `message=${'a'.repeat(40_000)}&_csrf=${csrf}`, null);
    expect(huge.status).toBe(413);
    expect(huge.html).toContain('Invio troppo grande');
    // A form with documents over the 16 MB it accepts: the portal's page, in the reader's language, not JSON.
    for (const [lang, words] of [
      ['it', 'al massimo 3 allegati, di 5 MB ciascuno'],
      ['en', 'at most 3 documents, of 5 MB each'],
    ] as const) {
      const boundary = 'portal-too-large';
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
        ),
        Buffer.alloc(17 * 1024 * 1024, 0x20),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const tooLarge = await fetch(`${c.url}/privacy?lang=${lang}`, {
        method: 'POST',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        body,
      });
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await tooLarge.text()).toContain(words);
    }
    expect(await counts()).toEqual(before);
    expect(smtp.messages.length).toBe(mailsBefore);
  });

  it('answers a robot that fills the trap field as if sent, and sends and stores nothing', async () => {
    const submissions = await count('portal_submissions');
    const mails = smtp.messages.length;
    const page = await new Visitor(c.url, nextIp()).submit(
      '/privacy',
      '/privacy',
      form('robot@example.it', ['access'], [['website', 'http://spam.example']]),
    );
    expect(page.status).toBe(303);
    expect(page.location).toMatch(/^\/privacy\/verify\/[0-9a-f-]{36}\?lang=it$/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await count('portal_submissions')).toBe(submissions);
    expect(smtp.messages.length).toBe(mails);
  });

  it('never reads the officer’s session: a signed-in officer gets the same public pages', async () => {
    const res = await fetch(`${c.url}/privacy`, {
      headers: { authorization: `Bearer ${admin}`, cookie: `pc_session=${admin}` },
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('admin@console.test');
  });
});

describe('the privacy portal without SMTP', () => {
  let c: TestConsole;
  beforeAll(async () => {
    c = await startTestConsole();
  });
  afterAll(() => c?.close());

  it('tells the subject to write to privacy@ instead of showing the form', async () => {
    const visitor = new Visitor(c.url, nextIp());
    const page = await visitor.get('/privacy');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Scriva a privacy@vimage.it');
    expect(page.html).not.toContain('name="rights"');
    // The page has no form to post; a post made by hand is refused (no CSRF token), and nothing kept.
    expect(csrfOf(page.html)).toBe('');
    const posted = await visitor.post('/privacy', form('nosmtp@example.it'), null);
    expect(posted.status).toBe(403);
    expect(Number((await sql(c, `SELECT count(*)::int AS n FROM portal_submissions`))[0].n)).toBe(0);
  });
});
