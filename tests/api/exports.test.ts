import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';
import { readZip } from '../support/zip';
import { createApiKey, postBatch } from '../support/ingest';
import { recordRequest } from '../support/requests';

describe('access and portability packages (ZIP)', () => {
  let c: TestConsole;
  let token: string;
  let key: string;
  let requestId: string;

  const ingest = (source: string, body: unknown) => postBatch(c, key, source, body);
  const download = async (id: string, kind: string, as = token) => {
    const res = await fetch(`${c.url}/api/requests/${id}/export.zip?kind=${kind}`, {
      headers: { authorization: `Bearer ${as}` },
    });
    return { res, body: Buffer.from(await res.arrayBuffer()) };
  };
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
    key = await createApiKey(c, token);
    await ingest('leads', [
      {
        externalId: 'l1',
        firstName: 'Giulia',
        lastName: 'Bianchi',
        email: 'giulia.bianchi@example.it',
        phone: '347 123 4567',
        message: 'Preventivo vetrina',
        utmSource: 'google',
        utmCampaign: 'vetrine',
        submittedAt: '2026-11-02T10:00:00Z',
      },
      {
        externalId: 'l2',
        firstName: 'Maria',
        lastName: 'Bianchi',
        email: 'maria.bianchi@example.it',
        phone: '347 765 4321',
        submittedAt: '2026-11-03T10:00:00Z',
      },
    ]);
    await ingest('chat-conversations', {
      externalId: 'c1',
      provider: 'anthropic',
      startedAt: '2026-11-05T18:00:00Z',
      messages: [
        { role: 'user', content: 'Richiamatemi al 0039 347 123 4567', sentAt: '2026-11-05T18:00:05Z' },
        { role: 'assistant', content: 'Certo, la richiameremo.', sentAt: '2026-11-05T18:00:07Z' },
      ],
    });
    await ingest('calendar-connections', {
      externalId: 'k1',
      accountEmail: 'giulia.bianchi@example.it',
      accessToken: 'ya29.SECRET-ACCESS',
      refreshToken: '1//SECRET-REFRESH',
      scopes: ['calendar'],
      connectedAt: '2026-11-06T08:00:00Z',
    });
    await ingest('calendar-events', [
      {
        externalId: 'e1',
        connectionExternalId: 'k1',
        origin: 'manual',
        title: 'Call progetto',
        attendees: [
          { email: 'giulia.bianchi@example.it', name: 'Giulia Bianchi' },
          { email: 'maria.bianchi@example.it', name: 'Maria Bianchi' },
        ],
        startsAt: '2026-11-20T09:00:00Z',
        endsAt: '2026-11-20T10:00:00Z',
      },
      {
        externalId: 'e2',
        connectionExternalId: 'k1',
        origin: 'system',
        title: 'Sopralluogo',
        startsAt: '2026-11-21T09:00:00Z',
        endsAt: '2026-11-21T10:00:00Z',
      },
    ]);
    const request = await c.api('/api/requests', {
      token,
      body: {
        type: 'access',
        channel: 'email',
        language: 'en',
        receivedAt: new Date().toISOString(),
        subjectName: 'Giulia Bianchi',
        subjectEmail: 'giulia.bianchi@example.it',
      },
    });
    requestId = request.body.id;
  });
  afterAll(() => c?.close());

  it('refuses before the identity is verified (409), and auditors altogether (403)', async () => {
    const early = await download(requestId, 'access');
    expect(early.res.status).toBe(409);
    expect(JSON.parse(early.body.toString()).message).toMatch(/Verify the subject's identity/);
    await c.api(`/api/requests/${requestId}/verify`, { token, body: { method: 'email_from_known_address' } });
    const auditor = { email: uniqueEmail('auditor'), password: 'auditor password 1' };
    await c.api('/api/users', { token, body: { ...auditor, fullName: 'Auditor', role: 'auditor' } });
    expect((await download(requestId, 'access', await c.login(auditor.email, auditor.password))).res.status).toBe(403);
    expect((await download(requestId, 'everything')).res.status).toBe(400);
  });

  it('answers an access package whose manifest checksums match, with data equal to the database and nobody else in it', async () => {
    const { res, body } = await download(requestId, 'access');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(/filename="DSR-\d{4}-\d{4}-access\.zip"/);
    const zip = await readZip(body);
    const manifest = JSON.parse(zip.get('manifest.json')!.toString());
    expect(manifest).toMatchObject({ kind: 'access', reference: expect.stringMatching(/^DSR-/) });
    const paths = manifest.files.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(
      [
        'README.html',
        'README.txt',
        ...['calendar-connections', 'calendar-events', 'chat-messages', 'leads'].flatMap((s) => [
          `data/${s}.csv`,
          `data/${s}.json`,
        ]),
      ].sort(),
    );
    for (const file of manifest.files) {
      const content = zip.get(file.path)!;
      expect(content.length, file.path).toBe(file.size);
      expect(sha(content), file.path).toBe(file.sha256);
    }
    // No consent was recorded for her: no empty consents file.
    expect(zip.has('data/consents.json')).toBe(false);

    const leads = JSON.parse(zip.get('data/leads.json')!.toString());
    const [row] = await sql(c, `SELECT first_name, email, utm_campaign, message FROM leads WHERE external_id = 'l1'`);
    expect(leads).toEqual([
      expect.objectContaining({
        firstName: row.first_name,
        email: row.email,
        utmCampaign: row.utm_campaign,
        message: row.message,
      }),
    ]);
    expect(leads[0]).not.toHaveProperty('id');
    const chat = JSON.parse(zip.get('data/chat-messages.json')!.toString());
    expect(chat.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant']);
    const events = JSON.parse(zip.get('data/calendar-events.json')!.toString());
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ you: 'Giulia Bianchi giulia.bianchi@example.it', otherParticipants: 1 });
    const csv = zip
      .get('data/leads.csv')!
      .toString()
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    expect(csv).toHaveLength(2);

    const everything = [...zip.values()].map((b) => b.toString()).join('\n');
    expect(everything).not.toContain('maria.bianchi');
    expect(everything).not.toContain('SECRET');
    expect(everything).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/); // no internal ids

    const readme = zip.get('README.txt')!.toString();
    for (const phrase of [
      'Article 15',
      'Contact-form requests',
      'Anthropic, PBC',
      '24 months from collection',
      'Garante',
      'Automated decision-making',
      'Rectification',
      'Erasure',
      'Portability',
    ]) {
      expect(readme).toContain(phrase);
    }
    expect(zip.get('README.html')!.toString()).toContain('<html lang="en">');
  });

  it('answers a portability package with only what she provided', async () => {
    const { body } = await download(requestId, 'portability');
    const zip = await readZip(body);
    const chat = JSON.parse(zip.get('data/chat-messages.json')!.toString());
    expect(chat.every((m: { role: string }) => m.role === 'user')).toBe(true);
    const leads = JSON.parse(zip.get('data/leads.json')!.toString());
    expect(leads[0]).not.toHaveProperty('utmCampaign');
    const events = JSON.parse(zip.get('data/calendar-events.json')!.toString());
    expect(events.map((e: { origin: string }) => e.origin)).toEqual(['manual']);
    expect(zip.has('data/calendar-connections.json')).toBe(false);
  });

  it("puts each download on the request's timeline and in the audit log with its checksum and size", async () => {
    const { body } = await download(requestId, 'access');
    const events = await c.api(
      `/api/request-events?filter=${encodeURIComponent(JSON.stringify({ requestId, kind: 'exported' }))}&sort=["at","DESC"]`,
      { token },
    );
    expect(events.body[0].details).toMatchObject({ kind: 'access', sha256: sha(body), size: body.length });
    const audit = await c.api(
      `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ action: 'request.exported', entityId: requestId }))}`,
      { token },
    );
    expect(audit.body[0].details).toMatchObject({ sha256: sha(body), size: body.length });
  });

  it('stays healthy when the client cuts the connection half-way through a large package', async () => {
    const [{ id: conversation }] = await sql(c, `SELECT id FROM chat_conversations WHERE external_id = 'c1'`);
    await sql(
      c,
      `INSERT INTO chat_messages (conversation_id, role, content, sent_at)
                  SELECT $1, 'user', repeat(md5(g::text), 20), now() FROM generate_series(1, 30000) g`,
      [conversation],
    );
    const controller = new AbortController();
    const res = await fetch(`${c.url}/api/requests/${requestId}/export.zip?kind=access`, {
      headers: { authorization: `Bearer ${token}` },
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    let received = 0;
    while (received < 64 * 1024) {
      const { value, done } = await reader.read();
      if (done) break;
      received += value.length;
    }
    controller.abort();
    expect(received).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 500));
    expect((await c.api('/api/health')).status).toBe(200);
    const again = await download(requestId, 'access');
    expect(again.res.status).toBe(200);
    const zip = await readZip(again.body);
    expect(JSON.parse(zip.get('data/chat-messages.json')!.toString())).toHaveLength(30_002);
    const timeline = await c.api(
      `/api/request-events?filter=${encodeURIComponent(JSON.stringify({ requestId, kind: 'export_interrupted' }))}`,
      { token },
    );
    expect(timeline.body.length).toBe(1);
  });

  it('writes every message of every conversation, conversation by conversation and in order, the CSV matching the JSON', async () => {
    // A second conversation of hers (she wrote her e-mail in it), started later than c1, each larger than a page of messages.
    await ingest('chat-conversations', {
      externalId: 'c2',
      provider: 'openai',
      startedAt: '2026-11-10T09:00:00Z',
      messages: [{ role: 'user', content: 'Scrivetemi a giulia.bianchi@example.it', sentAt: '2026-11-10T09:00:01Z' }],
    });
    const [{ id: second }] = await sql(c, `SELECT id FROM chat_conversations WHERE external_id = 'c2'`);
    // Sent in an order other than their ids', some at the same instant (the id breaks those ties).
    await sql(
      c,
      `INSERT INTO chat_messages (conversation_id, role, content, sent_at)
       SELECT $1, CASE WHEN g % 3 = 0 THEN 'assistant' ELSE 'user' END, 'messaggio ' || g, '2026-11-10T10:00:00Z'::timestamptz + ((4500 - g) / 2) * interval '1 second'
       FROM generate_series(1, 4500) g`,
      [second],
    );
    const expected = await sql(
      c,
      `SELECT m.role, m.content FROM chat_messages m JOIN chat_conversations k ON k.id = m.conversation_id
       WHERE k.external_id IN ('c1', 'c2') ORDER BY k.started_at, k.id, m.sent_at, m.id`,
    );
    const { res, body } = await download(requestId, 'access');
    expect(res.status).toBe(200);
    const zip = await readZip(body);
    const chat: Array<{ role: string; content: string; provider: string; sentAt: string }> = JSON.parse(
      zip.get('data/chat-messages.json')!.toString(),
    );
    expect(chat.map((m) => [m.role, m.content])).toEqual(
      expected.map((m: { role: string; content: string }) => [m.role, m.content]),
    );
    expect(chat.at(-1)!.provider).toBe('openai');
    const manifest = JSON.parse(zip.get('manifest.json')!.toString());
    expect(manifest.files.find((f: { path: string }) => f.path === 'data/chat-messages.json').records).toBe(
      expected.length,
    );
    const csv = zip
      .get('data/chat-messages.csv')!
      .toString()
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    expect(csv).toHaveLength(expected.length + 1);
    expect(csv.at(-1)).toBe(
      // No visitor identity was sent with this conversation: its two columns are empty.
      ['2026-11-10T09:00:00.000Z', 'openai', '', '', chat.at(-1)!.role, chat.at(-1)!.content, chat.at(-1)!.sentAt].join(
        ',',
      ),
    );
  });

  // The database failing half-way: the export's own connection cut while the archive is being written.
  it.skipIf(process.env.TEST_DATABASE === 'embedded')(
    'ends a package that fails half-way as failed, never as sent, and stays healthy',
    async () => {
      const exportedBefore = (
        await c.api(
          `/api/request-events?filter=${encodeURIComponent(JSON.stringify({ requestId, kind: 'exported' }))}`,
          { token },
        )
      ).body.length;
      const res = await fetch(`${c.url}/api/requests/${requestId}/export.zip?kind=access`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      const chunks: Buffer[] = [];
      let received = 0;
      while (received < 64 * 1024) {
        const { value, done } = await reader.read();
        if (done) break;
        chunks.push(Buffer.from(value));
        received += value.length;
      }
      // The export reads inside its snapshot transaction: the one connection holding a snapshot.
      const killed = await sql(
        c,
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xmin IS NOT NULL AND query LIKE '%chat_messages%'`,
      );
      expect(killed).toHaveLength(1);
      let cut = false;
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          chunks.push(Buffer.from(value));
        }
      } catch {
        cut = true;
      }
      // Either the transfer broke, or what arrived is not a complete archive.
      if (!cut) await expect(readZip(Buffer.concat(chunks))).rejects.toThrow();
      await new Promise((r) => setTimeout(r, 300));
      const failed = (
        await c.api(
          `/api/request-events?filter=${encodeURIComponent(JSON.stringify({ requestId, kind: 'export_failed' }))}`,
          { token },
        )
      ).body;
      expect(failed).toHaveLength(1);
      // The server's own words, or pg's when the cut is seen on the next query.
      expect(failed[0].details.error).toMatch(/terminat|connection error/i);
      expect(
        (
          await c.api(
            `/api/request-events?filter=${encodeURIComponent(JSON.stringify({ requestId, kind: 'exported' }))}`,
            { token },
          )
        ).body.length,
      ).toBe(exportedBefore);
      expect((await c.api('/api/health')).status).toBe(200);
      expect((await download(requestId, 'access')).res.status).toBe(200);
    },
  );

  it('builds the package whatever a person typed (Art. 15(3)): a message that only looks like an instant is shown as written', async () => {
    await ingest('chat-conversations', {
      externalId: 'c-typed-instants',
      provider: 'openai',
      startedAt: '2026-11-12T09:00:00Z',
      messages: [
        { role: 'user', content: 'Sono anna.tempo@example.it', sentAt: '2026-11-12T09:00:01Z' },
        { role: 'user', content: '2026-13-01T00:00:00Z', sentAt: '2026-11-12T09:00:02Z' },
        { role: 'user', content: '2026-01-01T00:00:00Z', sentAt: '2026-11-12T09:00:03Z' },
      ],
    });
    const request = await recordRequest(
      c,
      token,
      'access',
      { name: 'Anna Tempo', email: 'anna.tempo@example.it' },
      { language: 'it', verified: true },
    );
    const { res, body } = await download(request.id, 'access');
    expect(res.status).toBe(200);
    const zip = await readZip(body);
    const chat = JSON.parse(zip.get('data/chat-messages.json')!.toString()) as Array<{ content: string }>;
    expect(chat.map((m) => m.content)).toEqual([
      'Sono anna.tempo@example.it',
      '2026-13-01T00:00:00Z',
      '2026-01-01T00:00:00Z',
    ]);
    const readme = zip.get('README.html')!.toString();
    expect(readme).toContain('</b>2026-13-01T00:00:00Z</div>');
    expect(readme).toContain('</b>2026-01-01T00:00:00Z</div>');
    expect(readme).toContain('<b>Lei · 12 nov 2026, 10:00:02</b>');
    // Giulia's package holds none of Anna's conversation (her request verified here when this test runs alone).
    await c.api(`/api/requests/${requestId}/verify`, { token, body: { method: 'email_from_known_address' } });
    const giulia = await readZip((await download(requestId, 'access')).body);
    expect(giulia.get('README.html')!.toString()).not.toContain('anna.tempo@example.it');
    expect(giulia.get('data/chat-messages.json')!.toString()).not.toContain('2026-13-01T00:00:00Z');
  });
});

describe('a download whose client stops reading', () => {
  let c: TestConsole;
  afterAll(() => c?.close());

  it('holds the database back meanwhile, then is given up after EXPORT_STALL_SECONDS: recorded as interrupted, its connection released, the console serving', async () => {
    c = await startTestConsole({ env: { EXPORT_STALL_SECONDS: '3' } });
    const token = await c.login();
    const key = await createApiKey(c, token);
    const email = uniqueEmail('stalled');
    await c.api('/api/ingest/chat-conversations', {
      body: {
        externalId: 'stalled',
        provider: 'openai',
        startedAt: '2026-11-05T18:00:00Z',
        messages: [{ role: 'user', content: `Scrivetemi a ${email}`, sentAt: '2026-11-05T18:00:01Z' }],
      },
      headers: { 'x-api-key': key },
    });
    const [{ id: conversation }] = await sql(c, `SELECT id FROM chat_conversations WHERE external_id = 'stalled'`);
    // Far more than the sockets buffer, in text that compresses little: 12 MB, and on a server
    // (where PostgreSQL must be seen held back, below) 50 MB, beyond what the sockets between
    // PostgreSQL, the console and the client hold (about 30 MB of such text here).
    const md5s = Array.from({ length: c.databaseUrl ? 16 : 4 }, (_, i) => `md5((g * ${i + 1})::text)`).join(' || ');
    await sql(
      c,
      `INSERT INTO chat_messages (conversation_id, role, content, sent_at)
       SELECT $1, 'user', ${md5s}, '2026-11-05T18:00:02Z'::timestamptz + g * interval '1 millisecond'
       FROM generate_series(1, 100000) g`,
      [conversation],
    );
    const request = (
      await c.api('/api/requests', {
        token,
        body: { type: 'access', channel: 'email', receivedAt: new Date().toISOString(), subjectEmail: email },
      })
    ).body;
    await c.api(`/api/requests/${request.id}/verify`, { token, body: { method: 'email_from_known_address' } });

    const res = await fetch(`${c.url}/api/requests/${request.id}/export.zip?kind=access`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const reader = res.body!.getReader();
    await reader.read();
    // The client reads nothing more.
    if (c.databaseUrl) {
      // The messages come from one query (readStreaming): while the download waits, PostgreSQL
      // waits to send the rest, rather than the console reading it all into memory.
      const exporting = () =>
        sql(
          c,
          `SELECT state, wait_event FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%FROM chat_messages WHERE conversation_id%'`,
        );
      await expect
        .poll(exporting, { timeout: 1_500, interval: 50 })
        .toEqual([{ state: 'active', wait_event: 'ClientWrite' }]);
      // And stays so: unread, the query would have been sent whole well within this second. It
      // is still running a second later, waiting on the console again (on a loaded machine the
      // console may still be deflating a page it had taken, and PostgreSQL sending one more).
      await new Promise((r) => setTimeout(r, 1_000));
      await expect
        .poll(exporting, { timeout: 1_500, interval: 50 })
        .toEqual([{ state: 'active', wait_event: 'ClientWrite' }]);
    }
    const interrupted = async () =>
      (
        await c.api(
          `/api/request-events?filter=${encodeURIComponent(JSON.stringify({ requestId: request.id, kind: 'export_interrupted' }))}`,
          { token },
        )
      ).body;
    await expect.poll(async () => (await interrupted()).length, { timeout: 15_000, interval: 250 }).toBe(1);
    const [event] = await interrupted();
    expect(event.details).toMatchObject({ kind: 'access', reason: 'client_stalled' });
    expect(event.message).toMatch(/the client stopped reading for 3 s/);
    await reader.cancel().catch(() => {});
    if (c.databaseUrl) {
      // The query given up half-way went with its connection: no session holds a snapshot any more.
      const held = () =>
        sql(
          c,
          `SELECT pid, state, query FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xmin IS NOT NULL`,
        );
      await expect.poll(held, { timeout: 5_000, interval: 100 }).toEqual([]);
    }
    expect((await c.api('/api/health')).status).toBe(200);
    expect((await c.api(`/api/requests/${request.id}`, { token })).status).toBe(200);
  });
});
