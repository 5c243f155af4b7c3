import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, ingestAccepted } from '../support/ingest';
import { startConsoleWithMailbox } from '../support/mailbox-console';
import { codeMailedTo, csrfOf, PortalVisitor, textOf } from '../support/portal-visitor';
import { type SmtpReceiver } from '../support/smtp-receiver';
import { sql, type TestConsole } from '../support/test-console';
import { readZip } from '../support/zip';

/**
 * Packages published to the subject on the privacy portal (docs/portal.md), over real HTTP:
 * the officer publishes, the subject reads the e-mail from a real SMTP receiver, opens the link
 * as a browser without JavaScript does (a cookie jar, forms posted URL-encoded), asks for the
 * code, enters it and gets the ZIP, opened here as a ZIP. GDPR Art. 15(3) and 20(1): the copy
 * is given to the person, and to no one else; Art. 32: the link is secret and expires.
 */

/** One visitor, from the loopback: their own cookies, in Italian unless told. */
class Visitor extends PortalVisitor {
  constructor(base: string, language = 'it-IT,it;q=0.9') {
    super(base, { language });
  }
}
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const DAY = 24 * 3600_000;

describe('packages published on the privacy portal', () => {
  let c: TestConsole;
  let smtp: SmtpReceiver;
  let admin: string;
  let officer: string;
  let auditor: string;
  const giulia = { email: 'giulia.pacchetto@example.it', id: '', reference: '' };
  const maria = { email: 'maria.package@example.org', id: '', reference: '' };

  const timeline = (requestId: string) =>
    sql<{ kind: string; message: string | null; details: Record<string, unknown> }>(
      c,
      `SELECT kind, message, details FROM request_events WHERE request_id = $1 ORDER BY at, kind`,
      [requestId],
    );
  const audit = (action: string) =>
    sql<{ entity_id: string; actor_email: string | null; details: Record<string, unknown> }>(
      c,
      `SELECT entity_id, actor_email, details FROM audit_events WHERE action = $1 ORDER BY at`,
      [action],
    );
  const chunks = async (packageId: string) =>
    Number(
      (await sql(c, `SELECT count(*)::int AS n FROM portal_package_chunks WHERE package_id = $1`, [packageId]))[0].n,
    );
  const publish = (requestId: string, kind: string, token = officer, body: Record<string, unknown> = {}) =>
    c.api(`/api/requests/${requestId}/portal-packages`, { token, body: { kind, ...body } });
  /** The e-mail with the link, for `email`, after `after` messages; the link's token. */
  const linkMail = async (email: string, reference: string) => {
    const mail = await smtp.waitFor(
      (m) => m.envelopeTo.includes(email) && (m.parsed.subject ?? '').includes(reference),
    );
    const token = /\/privacy\/package\/([A-Za-z0-9_-]{43})/.exec(mail.parsed.text ?? '')![1];
    return { mail, token };
  };
  const codeFor = (email: string, after: number) => codeMailedTo(smtp, email, after);
  /** Asks for a code from the link's page and reads it from the mailbox. */
  const askCode = async (visitor: Visitor, token: string, email: string, lang = 'it') => {
    const page = await visitor.get(`/privacy/package/${token}`);
    const before = smtp.messages.length;
    const sent = await visitor.post(`/privacy/package/${token}/code`, [['lang', lang]], csrfOf(page.html));
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(`/privacy/package/${token}?done=sent&lang=${lang}`);
    return codeFor(email, before);
  };
  const enter = async (visitor: Visitor, token: string, code: string, lang = 'it') => {
    const page = await visitor.get(`/privacy/package/${token}?lang=${lang}`);
    return visitor.post(
      `/privacy/package/${token}`,
      [
        ['code', code],
        ['lang', lang],
      ],
      csrfOf(page.html),
    );
  };

  beforeAll(async () => {
    ({ c, smtp } = await startConsoleWithMailbox({ env: { LETTER_RETRY_SECONDS: '1' } }));
    admin = await c.login();
    for (const [role, email] of [
      ['officer', 'officer.packages@console.test'],
      ['auditor', 'auditor.packages@console.test'],
    ] as const) {
      const created = await c.api('/api/users', {
        token: admin,
        body: { email, password: 'a long enough password 1', role, fullName: role },
      });
      expect(created.status).toBe(201);
      if (role === 'officer') officer = await c.login(email, 'a long enough password 1');
      else auditor = await c.login(email, 'a long enough password 1');
    }
    const key = await createApiKey(c, admin);
    await ingestAccepted(c, key, 'leads', [
      {
        externalId: 'pp-1',
        firstName: 'Giulia',
        lastName: 'Pacchetto',
        email: giulia.email,
        message: 'Preventivo per la vetrina di Giulia',
        submittedAt: '2026-11-02T10:00:00Z',
      },
      {
        externalId: 'pp-2',
        firstName: 'Maria',
        lastName: 'Package',
        email: maria.email,
        message: 'Quote for Maria’s shop window',
        submittedAt: '2026-11-03T10:00:00Z',
      },
    ]);
    for (const [person, type, language, name] of [
      [giulia, 'access', 'it', 'Giulia Pacchetto'],
      [maria, 'portability', 'en', 'Maria Package'],
    ] as const) {
      const request = await c.api('/api/requests', {
        token: officer,
        body: {
          type,
          channel: 'email',
          language,
          receivedAt: new Date().toISOString(),
          subjectName: name,
          subjectEmail: person.email,
        },
      });
      expect(request.status).toBe(201);
      person.id = request.body.id;
      person.reference = request.body.reference;
    }
  });

  afterAll(async () => {
    await c?.close();
    await smtp?.close();
  });

  it('refuses to publish before the identity is verified, the wrong kind, bad addresses, and to an auditor', async () => {
    const early = await publish(giulia.id, 'access');
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/Verify the subject's identity/);
    for (const person of [giulia, maria])
      expect(
        (
          await c.api(`/api/requests/${person.id}/verify`, {
            token: officer,
            body: { method: 'email_from_known_address' },
          })
        ).status,
      ).toBe(200);
    const wrongKind = await publish(giulia.id, 'portability');
    expect(wrongKind.status).toBe(409);
    expect(wrongKind.body.reason).toBe('package_kind_mismatch');
    const badKind = await publish(giulia.id, 'everything');
    expect(badKind.status).toBe(400);
    const badIps = await publish(giulia.id, 'access', officer, { ips: ['not-an-ip'] });
    expect(badIps.status).toBe(400);
    expect(badIps.body.errors.ips).toMatch(/not an IP address/);
    expect((await publish(giulia.id, 'access', auditor)).status).toBe(403);
    // Nothing was made, stored or sent.
    expect(await sql(c, `SELECT id FROM portal_packages`)).toEqual([]);
    expect(await sql(c, `SELECT 1 FROM portal_package_chunks`)).toEqual([]);
  });

  let giuliaToken = '';
  let giuliaPackage = '';
  let mariaToken = '';
  let mariaPackage = '';

  it("publishes the package: an e-mail in the request's language with the link, sealed in the outbox", async () => {
    const before = Date.now();
    const published = await publish(giulia.id, 'access');
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({
      kind: 'access',
      email: giulia.email,
      state: 'open',
      fileName: `${giulia.reference}-access.zip`,
      withdrawnAt: null,
      fileDeletedAt: null,
      downloads: [],
    });
    giuliaPackage = published.body.id;
    // 7 days by default (PORTAL_PACKAGE_DAYS).
    const expires = Date.parse(published.body.expiresAt);
    expect(expires - before).toBeGreaterThanOrEqual(7 * DAY - 1000);
    expect(expires - Date.now()).toBeLessThanOrEqual(7 * DAY);

    const { mail, token } = await linkMail(giulia.email, giulia.reference);
    giuliaToken = token;
    const body = textOf(mail);
    expect(mail.parsed.subject).toBe(`I suoi dati sono pronti da scaricare (${giulia.reference})`);
    expect(body).toContain('Gentile Giulia Pacchetto,');
    expect(body).toContain('accesso ai dati personali (art. 15 GDPR)');
    expect(body).toContain(`${c.url}/privacy/package/${token}`);
    expect(body).toMatch(/fino al \d{1,2} [a-z]+ 20\d\d alle ore \d\d:\d\d/);
    expect(body.indexOf('/privacy/package/')).toBeLessThan(body.indexOf('Cordiali saluti'));
    expect(body).not.toMatch(/\b(the|your|you|data)\b/);

    // The outbox shows a marker in the link's place; the link is kept nowhere once sent.
    const outbox = await c.api(`/api/requests/${giulia.id}/letters`, { token: officer });
    const letter = outbox.body.find((l: { kind: string }) => l.kind === 'package_link');
    expect(letter.state).toBe('sent');
    expect(letter.text).not.toContain(token);
    expect(letter.text).toContain('[indirizzo personale: inviato solo all’interessato, per e-mail]');
    const [stored] = await sql(c, `SELECT body, sealed_parts FROM letters WHERE id = $1`, [letter.id]);
    expect(stored.sealed_parts).toBeNull();
    // The token is kept as its SHA-256 only; the ZIP in sealed pieces (no ZIP header readable).
    const [row] = await sql(c, `SELECT * FROM portal_packages WHERE id = $1`, [giuliaPackage]);
    expect(row.token_hash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.letter_id).toBe(letter.id);
    const pieces = await sql<{ sealed: Buffer }>(c, `SELECT sealed FROM portal_package_chunks WHERE package_id = $1`, [
      giuliaPackage,
    ]);
    expect(pieces.length).toBeGreaterThan(0);
    for (const p of pieces) expect(p.sealed.includes(Buffer.from('PK\u0003\u0004'))).toBe(false);

    // On the timeline and in the audit log, by the officer.
    const events = await timeline(giulia.id);
    expect(events.find((e) => e.kind === 'package_published')?.details).toMatchObject({
      packageId: giuliaPackage,
      to: giulia.email,
      sha256: row.sha256,
    });
    expect(events.find((e) => e.kind === 'exported')?.details).toMatchObject({ via: 'privacy_portal' });
    const [published_] = await audit('request.package_published');
    expect(published_).toMatchObject({ entity_id: giulia.id, actor_email: 'officer.packages@console.test' });

    // Once open, the same package is not published twice.
    const again = await publish(giulia.id, 'access');
    expect(again.status).toBe(409);
    expect(again.body.reason).toBe('package_already_published');

    // Maria's, in English.
    const hers = await publish(maria.id, 'portability');
    expect(hers.status).toBe(201);
    mariaPackage = hers.body.id;
    const second = await linkMail(maria.email, maria.reference);
    mariaToken = second.token;
    expect(second.mail.parsed.subject).toBe(`Your data are ready to download (${maria.reference})`);
    expect(textOf(second.mail)).toMatch(/until \d{1,2} [A-Z][a-z]+ 20\d\d at \d\d:\d\d/);
    expect(mariaToken).not.toBe(giuliaToken);
  });

  it("shows a page that names no one, sends the code to the request's e-mail, and answers the right code with her ZIP", async () => {
    const visitor = new Visitor(c.url, 'en-GB,en;q=0.9');
    const page = await visitor.get(`/privacy/package/${giuliaToken}`);
    expect(page.status).toBe(200);
    // The request's language, whatever the browser prefers; the other one a link away.
    expect(page.html).toContain('<html lang="it">');
    expect(page.html).toContain('Scarichi i suoi dati');
    expect(page.html).toContain(`${giulia.reference}-access.zip`);
    expect(page.html).toContain(`href="/privacy/package/${giuliaToken}?lang=en"`);
    expect(page.html).not.toMatch(/Giulia|Pacchetto|example\.it/);
    expect(page.html).not.toMatch(/<script|style=/i);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(page.headers.get('cache-control')).toBe('no-store');
    // No code asked yet: only the button that sends one.
    expect(page.html).not.toContain('name="code"');

    const code = await askCode(visitor, giuliaToken, giulia.email);
    const codeMail = smtp.messages.filter((m) => m.envelopeTo.includes(giulia.email)).at(-1)!;
    expect(codeMail.envelopeTo).toEqual([giulia.email]);
    expect(textOf(codeMail)).toContain('10 minuti');
    const [row] = await sql(c, `SELECT code_hash FROM portal_packages WHERE id = $1`, [giuliaPackage]);
    expect(row.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.code_hash).not.toContain(code);
    const waiting = await visitor.get(`/privacy/package/${giuliaToken}?done=sent&lang=it`);
    expect(waiting.html).toContain('name="code"');
    expect(waiting.html).toContain('Le abbiamo inviato il codice per e-mail');

    const zip = await enter(visitor, giuliaToken, code);
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    expect(zip.headers.get('content-disposition')).toBe(`attachment; filename="${giulia.reference}-access.zip"`);
    const [stored] = await sql(c, `SELECT sha256, size FROM portal_packages WHERE id = $1`, [giuliaPackage]);
    expect(sha256(zip.body)).toBe(stored.sha256);
    expect(zip.body.length).toBe(stored.size);
    const entries = await readZip(zip.body);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString());
    expect(manifest).toMatchObject({ reference: giulia.reference, kind: 'access' });
    const leads = entries.get('data/leads.json')!.toString();
    expect(leads).toContain(giulia.email);
    expect(leads).toContain('Preventivo per la vetrina di Giulia');
    // Nobody else's data: not Maria's.
    for (const [, content] of entries) {
      expect(content.toString()).not.toContain(maria.email);
      expect(content.toString()).not.toContain('Maria');
    }
    expect(entries.get('README.txt')!.toString()).toContain(`risponde alla richiesta ${giulia.reference}`);

    // One code, one download: the same code again is refused.
    const reused = await enter(visitor, giuliaToken, code);
    expect(reused.status).toBe(422);
    expect(reused.html).toContain('Chieda prima il codice');

    // The download is on the timeline and in the audit log, and the officer sees it.
    const downloaded = (await timeline(giulia.id)).filter((e) => e.kind === 'package_downloaded');
    expect(downloaded).toHaveLength(1);
    expect(downloaded[0].details).toMatchObject({ packageId: giuliaPackage, bytesSent: stored.size });
    expect((await audit('request.package_downloaded')).map((a) => a.entity_id)).toEqual([giulia.id]);
    expect((await audit('portal.package_code_sent')).map((a) => a.entity_id)).toContain(giuliaPackage);
    const list = await c.api(`/api/requests/${giulia.id}/portal-packages`, { token: auditor });
    expect(list.status).toBe(200);
    expect(list.body.days).toBe(7);
    expect(list.body.packages[0].downloads).toEqual([{ at: expect.any(String), size: stored.size, complete: true }]);
    // Reading it is audited, like the letters.
    expect((await audit('portal_packages.viewed')).map((a) => a.entity_id)).toContain(giulia.id);
    // Maria's package was not touched.
    expect((await timeline(maria.id)).some((e) => e.kind === 'package_downloaded')).toBe(false);
  });

  it('refuses a wrong code, locks the code after 5 wrong ones (the right one then fails too), expires a code after 10 minutes, and sends 3 codes an hour', async () => {
    const visitor = new Visitor(c.url);
    const code = await askCode(visitor, giuliaToken, giulia.email);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 1; i <= 5; i++) {
      const answer = await enter(visitor, giuliaToken, wrong);
      expect(answer.status).toBe(422);
      expect(answer.headers.get('content-type')).toContain('text/html');
      if (i < 5) expect(answer.html).toContain(`Tentativi rimasti: ${5 - i}`);
      else expect(answer.html).toContain('Troppi tentativi errati');
    }
    const locked = await enter(visitor, giuliaToken, code);
    expect(locked.status).toBe(422);
    expect(locked.html).toContain('Troppi tentativi errati');
    expect(locked.headers.get('content-type')).not.toBe('application/zip');
    const wrongs = (await audit('portal.package_code_wrong')).filter((a) => a.entity_id === giuliaPackage);
    expect(wrongs.map((a) => a.details.tries)).toEqual([1, 2, 3, 4, 5]);

    // An expired code (the clock set through the row, 11 minutes back) says so.
    const fresh = await askCode(visitor, giuliaToken, giulia.email);
    await sql(c, `UPDATE portal_packages SET code_sent_at = now() - interval '11 minutes' WHERE id = $1`, [
      giuliaPackage,
    ]);
    const expired = await enter(visitor, giuliaToken, fresh);
    expect(expired.status).toBe(422);
    expect(expired.html).toContain('Il codice è scaduto');

    // Three codes an hour per package: the fourth is refused (429), and no mail goes.
    const page = await visitor.get(`/privacy/package/${giuliaToken}`);
    const before = smtp.messages.length;
    const fourth = await visitor.post(`/privacy/package/${giuliaToken}/code`, [['lang', 'it']], csrfOf(page.html));
    expect(fourth.status).toBe(429);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages.length).toBe(before);
    // Only the downloads made: one.
    expect((await timeline(giulia.id)).filter((e) => e.kind === 'package_downloaded')).toHaveLength(1);
  });

  it('refuses a post without its CSRF token, and never reads a code then', async () => {
    const visitor = new Visitor(c.url);
    await visitor.get(`/privacy/package/${mariaToken}`);
    const noToken = await visitor.post(`/privacy/package/${mariaToken}/code`, [['lang', 'en']], null);
    expect(noToken.status).toBe(403);
    const forged = await visitor.post(`/privacy/package/${mariaToken}`, [['code', '123456']], 'forged-token-value');
    expect(forged.status).toBe(403);
    const [row] = await sql(c, `SELECT code_hash, code_tries FROM portal_packages WHERE id = $1`, [mariaPackage]);
    expect(row).toEqual({ code_hash: null, code_tries: 0 });
  });

  it('answers an unknown or hostile token with the same "link not valid" page, and changes nothing (fast-check)', async () => {
    const visitor = new Visitor(c.url);
    const reference = await visitor.get(`/privacy/package/${'A'.repeat(43)}`);
    expect(reference.status).toBe(404);
    expect(reference.html).toContain('Link non valido');
    const events = async () => Number((await sql(c, `SELECT count(*)::int AS n FROM audit_events`))[0].n);
    const before = await events();
    const page = await visitor.get(`/privacy/package/${giuliaToken}`);
    const csrf = csrfOf(page.html);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ minLength: 1, maxLength: 80 }),
          fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
          fc.constantFrom('__proto__', 'constructor', `${giuliaToken}x`, giuliaToken.slice(1), '%00', '..%2F..'),
        ),
        async (raw) => {
          // A guess may not be the real token: that one is the secret.
          fc.pre(raw !== giuliaToken && raw !== mariaToken);
          // ".." is a path step, not a token: every client resolves it before sending (RFC 3986,
          // 5.2.4), so the request would be for the portal's own page, /privacy/.
          fc.pre(raw !== '..');
          const token = encodeURIComponent(raw);
          const shown = await visitor.get(`/privacy/package/${token}`);
          expect(shown.status, raw).toBe(404);
          expect(shown.html).toBe(reference.html);
          const code = await visitor.post(`/privacy/package/${token}/code`, [['lang', 'it']], csrf);
          expect(code.status, raw).toBe(404);
          const download = await visitor.post(`/privacy/package/${token}`, [['code', '123456']], csrf);
          expect(download.status, raw).toBe(404);
          expect(download.headers.get('content-type')).toContain('text/html');
        },
      ),
      { numRuns: 40 },
    );
    // Nothing was recorded or sent for the guesses (the page visit above is a read, not audited).
    expect(await events()).toBe(before);
  });

  it('shows a link cut short the portal\'s "link not valid" page in the visitor\'s language, never JSON', async () => {
    const italian = new Visitor(c.url);
    const english = new Visitor(c.url, 'en-GB,en;q=0.9');
    const cutShort = [
      '/privacy/package/',
      '/privacy/package',
      '/privacy/status/',
      '/privacy/verify',
      '/privacy/nothing',
    ];
    for (const path of cutShort) {
      for (const [visitor, title, other] of [
        [italian, 'Link non valido', 'Link not valid'],
        [english, 'Link not valid', 'Link non valido'],
      ] as const) {
        const shown = await visitor.get(path);
        expect(shown.status, path).toBe(404);
        expect(shown.headers.get('content-type'), path).toContain('text/html');
        expect(shown.html, path).toContain(title);
        expect(shown.html, path).not.toContain(other);
        expect(shown.html, path).not.toContain('Cannot GET');
      }
    }
    const posted = await italian.post('/privacy/package/', [['code', '123456']], null);
    expect(posted.status).toBe(404);
    expect(posted.headers.get('content-type')).toContain('text/html');
    // The API's own addresses still answer its JSON.
    const api = await fetch(`${c.url}/api/nothing-here`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ statusCode: 404, reason: 'not_found' });
  });

  it("lets the officer withdraw a publication: the link stops, the file is deleted at once, said in the subject's language", async () => {
    expect(await chunks(mariaPackage)).toBeGreaterThan(0);
    const refused = await c.api(`/api/requests/${maria.id}/portal-packages/${mariaPackage}/withdraw`, {
      token: auditor,
      method: 'POST',
    });
    expect(refused.status).toBe(403);
    // The package belongs to its request only.
    const elsewhere = await c.api(`/api/requests/${giulia.id}/portal-packages/${mariaPackage}/withdraw`, {
      token: officer,
      method: 'POST',
    });
    expect(elsewhere.status).toBe(404);
    const withdrawn = await c.api(`/api/requests/${maria.id}/portal-packages/${mariaPackage}/withdraw`, {
      token: officer,
      method: 'POST',
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', withdrawnBy: 'officer.packages@console.test' });
    expect(withdrawn.body.fileDeletedAt).not.toBeNull();
    expect(await chunks(mariaPackage)).toBe(0);
    expect(await chunks(giuliaPackage)).toBeGreaterThan(0);
    const again = await c.api(`/api/requests/${maria.id}/portal-packages/${mariaPackage}/withdraw`, {
      token: officer,
      method: 'POST',
    });
    expect(again.status).toBe(409);
    expect(again.body.reason).toBe('package_already_withdrawn');

    const visitor = new Visitor(c.url, 'it-IT,it;q=0.9');
    const gone = await visitor.get(`/privacy/package/${mariaToken}`);
    expect(gone.status).toBe(410);
    // Maria's request is in English: so is the page, whatever the browser prefers.
    expect(gone.html).toContain('<html lang="en">');
    expect(gone.html).toContain('This link has expired');
    expect(gone.html).toContain(maria.reference);
    expect(gone.html).not.toContain('name="code"');
    const page = await visitor.get(`/privacy/package/${giuliaToken}`);
    const code = await visitor.post(`/privacy/package/${mariaToken}/code`, [['lang', 'en']], csrfOf(page.html));
    expect(code.status).toBe(410);
    const events = await timeline(maria.id);
    expect(events.find((e) => e.kind === 'package_withdrawn')?.details).toMatchObject({
      packageId: mariaPackage,
      fileDeleted: true,
    });
    expect((await audit('request.package_withdrawn')).map((a) => a.entity_id)).toEqual([maria.id]);
  });

  it("deletes an expired package's file at the retention sweep; the link says it expired; the officer sees it all", async () => {
    // The clock, through the row: the link ended a minute ago.
    await sql(c, `UPDATE portal_packages SET expires_at = now() - interval '1 minute' WHERE id = $1`, [giuliaPackage]);
    const visitor = new Visitor(c.url, 'en-GB,en;q=0.9');
    const page = await visitor.get(`/privacy/package/${giuliaToken}`);
    expect(page.status).toBe(410);
    expect(page.html).toContain('<html lang="it">');
    expect(page.html).toContain('Questo link è scaduto');
    expect(page.html).toContain(giulia.reference);
    const english = await visitor.get(`/privacy/package/${giuliaToken}?lang=en`);
    expect(english.html).toContain('This link has expired');
    // A code asked or entered now: refused with the same page.
    const csrf = csrfOf((await visitor.get('/privacy')).html);
    const late = await visitor.post(`/privacy/package/${giuliaToken}`, [['code', '123456']], csrf);
    expect(late.status).toBe(410);
    expect(late.html).toContain('This link has expired');

    // Until the sweep the file is still there; the sweep deletes it, and only it.
    expect(await chunks(giuliaPackage)).toBeGreaterThan(0);
    const sweep = await c.api('/api/retention/sweep', { token: officer, method: 'POST' });
    expect(sweep.status).toBe(200);
    expect(await chunks(giuliaPackage)).toBe(0);
    const [row] = await sql(c, `SELECT file_deleted_at, code_hash FROM portal_packages WHERE id = $1`, [giuliaPackage]);
    expect(row.file_deleted_at).not.toBeNull();
    expect(row.code_hash).toBeNull();
    const deleted = (await timeline(giulia.id)).find((e) => e.kind === 'package_deleted');
    expect(deleted?.details).toMatchObject({ packageId: giuliaPackage });
    const [swept] = await audit('retention.portal_packages_deleted');
    expect(swept.details.packages).toEqual([
      { id: giuliaPackage, requestId: giulia.id, file: `${giulia.reference}-access.zip` },
    ]);
    // Maria's (withdrawn, already deleted) is not deleted twice.
    expect((await timeline(maria.id)).some((e) => e.kind === 'package_deleted')).toBe(false);
    // A second sweep finds nothing left.
    await c.api('/api/retention/sweep', { token: officer, method: 'POST' });
    expect(await audit('retention.portal_packages_deleted')).toHaveLength(1);

    const list = await c.api(`/api/requests/${giulia.id}/portal-packages`, { token: officer });
    expect(list.body.packages).toEqual([
      expect.objectContaining({
        id: giuliaPackage,
        state: 'expired',
        fileDeletedAt: expect.any(String),
        letter: expect.objectContaining({ state: 'sent' }),
        downloads: [expect.objectContaining({ complete: true })],
      }),
    ]);
    // Once over, the package may be published again (a new link, a new file).
    const again = await publish(giulia.id, 'access');
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(giuliaPackage);
  });
});
