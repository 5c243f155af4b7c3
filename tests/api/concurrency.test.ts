import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';
import { readZip } from '../support/zip';
import { postBatch } from '../support/ingest';

/** Two people, or a person and the website, acting on the same thing at once: no lost update, no half state. */
describe('concurrency', () => {
  let c: TestConsole;
  let admin: string;
  let officers: [string, string];
  let key: string;

  const create = async (body: Record<string, unknown>) =>
    (
      await c.api('/api/requests', {
        token: admin,
        body: { channel: 'email', receivedAt: new Date().toISOString(), ...body },
      })
    ).body;
  const ingest = (source: string, body: unknown) => postBatch(c, key, source, body);

  beforeAll(async () => {
    c = await startTestConsole();
    admin = await c.login();
    const tokens: string[] = [];
    for (const name of ['first', 'second']) {
      const user = { email: uniqueEmail(name), password: `${name} officer pass 9` };
      await c.api('/api/users', { token: admin, body: { ...user, fullName: name, role: 'officer' } });
      tokens.push(await c.login(user.email, user.password));
    }
    officers = tokens as [string, string];
    key = (await c.api('/api/api-keys', { token: admin, body: { name: 'Website' } })).body.key;
  });
  afterAll(() => c?.close());

  it('lets one of two officers editing the same version win, and tells the other to reload', async () => {
    const request = await create({ type: 'access', subjectName: 'Mario Rossi' });
    const [a, b] = await Promise.all([
      c.api(`/api/requests/${request.id}`, {
        token: officers[0],
        method: 'PUT',
        body: { ...request, subjectName: 'Mario Rossi (first)' },
      }),
      c.api(`/api/requests/${request.id}`, {
        token: officers[1],
        method: 'PUT',
        body: { ...request, subjectName: 'Mario Rossi (second)' },
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.message).toMatch(/Someone else changed this request meanwhile/);
    const winner = a.status === 200 ? a : b;
    const now = (await c.api(`/api/requests/${request.id}`, { token: admin })).body;
    expect(now.subjectName).toBe(winner.body.subjectName);
    const updates = await sql(
      c,
      `SELECT count(*)::int AS n FROM request_events WHERE request_id = $1 AND kind = 'updated'`,
      [request.id],
    );
    expect(updates[0].n).toBe(1);
  });

  it('applies one of a close and a reject sent at once, never both', async () => {
    const request = await create({ type: 'access', subjectEmail: uniqueEmail('subject') });
    await c.api(`/api/requests/${request.id}/verify`, { token: admin, body: { method: 'email_from_known_address' } });
    const results = await Promise.all([
      c.api(`/api/requests/${request.id}/close`, { token: officers[0], body: { outcome: 'Answered' } }),
      c.api(`/api/requests/${request.id}/reject`, {
        token: officers[1],
        body: { reason: 'excessive', ground: 'repetitive' },
      }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const kinds = (
      await sql(c, `SELECT kind FROM request_events WHERE request_id = $1 AND kind IN ('closed', 'rejected')`, [
        request.id,
      ])
    ).map((r) => r.kind);
    expect(kinds).toHaveLength(1);
    const now = (await c.api(`/api/requests/${request.id}`, { token: admin })).body;
    expect(now.status).toBe(kinds[0] === 'closed' ? 'completed' : 'rejected');
  });

  it('gives requests made at once each its own reference, the next ones of the year, never one given before', async () => {
    const receivedAt = '2024-06-03T10:00:00+02:00';
    const first = await create({ type: 'access', subjectEmail: uniqueEmail('ref'), receivedAt });
    const made = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        create({ type: 'erasure', subjectEmail: uniqueEmail(`ref${i}`), receivedAt: '2024-06-04T10:00:00+02:00' }),
      ),
    );
    const numbers = made.map((r) => Number((r.reference as string).slice('DSR-2024-'.length))).sort((a, b) => a - b);
    const start = Number((first.reference as string).slice('DSR-2024-'.length));
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => start + 1 + i));
    // The newest request of the year deleted (a test's shortcut for a record removed): its number is not given again.
    const last = made.find((r) => r.reference === `DSR-2024-${String(start + 8).padStart(4, '0')}`)!;
    await sql(c, `DELETE FROM request_events WHERE request_id = $1`, [last.id]);
    await sql(c, `DELETE FROM requests WHERE id = $1`, [last.id]);
    const after = await create({ type: 'access', subjectEmail: uniqueEmail('ref-after'), receivedAt });
    expect(after.reference).toBe(`DSR-2024-${String(start + 9).padStart(4, '0')}`);
  });

  it('runs one of two erasures started at once; the records are erased once', async () => {
    const email = uniqueEmail('twice');
    await ingest('leads', { email, firstName: 'Twice', submittedAt: '2026-10-02T10:00:00Z' });
    const request = await create({ type: 'erasure', subjectEmail: email });
    await c.api(`/api/requests/${request.id}/verify`, { token: admin, body: { method: 'email_from_known_address' } });
    const runs = await Promise.all(
      officers.map((token) => c.api(`/api/requests/${request.id}/erase`, { token, body: {} })),
    );
    const statuses = runs.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    expect(runs.find((r) => r.status === 409)!.body.message).toMatch(/already (running|complete)/);
    const status = (await c.api(`/api/requests/${request.id}/erasure`, { token: admin })).body;
    expect(status.completedAt).toEqual(expect.any(String));
    expect(status.steps.find((s: any) => s.source === 'leads')).toMatchObject({ recordsAffected: 1, attempts: 1 });
  });

  it('leaves nothing of the person when the website sends their data during the erasure', async () => {
    const email = uniqueEmail('racing');
    await ingest('leads', { email, firstName: 'Racing', submittedAt: '2026-10-02T10:00:00Z' });
    const request = await create({ type: 'erasure', subjectEmail: email });
    await c.api(`/api/requests/${request.id}/verify`, { token: admin, body: { method: 'email_from_known_address' } });
    const batches = Array.from({ length: 6 }, (_, i) =>
      ingest('leads', { email, firstName: `Racing ${i}`, submittedAt: new Date().toISOString() }),
    );
    const [erasure, ...ingested] = await Promise.all([
      c.api(`/api/requests/${request.id}/erase`, { token: admin, body: {} }),
      ...batches,
    ]);
    expect(erasure.body.state).toBe('complete');
    for (const res of ingested) expect(res.status).toBe(200);
    expect((await sql(c, `SELECT count(*)::int AS n FROM leads WHERE lower(email) = $1`, [email]))[0].n).toBe(0);
    const refused = ingested.reduce((n, r) => n + r.body.suppressed, 0);
    const lateErased = (
      await sql(
        c,
        `SELECT coalesce(sum((details->>'recordsAffected')::int), 0)::int AS n FROM request_events WHERE request_id = $1 AND kind = 'erasure_source_done' AND details->>'source' = 'leads'`,
        [request.id],
      )
    )[0].n;
    // Every batch was either refused at the gate or erased with the rest.
    expect(refused + lateErased).toBe(7);
  });

  // On a server the package reads one snapshot; the embedded database (one session) reads page by page.
  it.skipIf(process.env.TEST_DATABASE === 'embedded')(
    'writes a whole package while a retention sweep deletes what it holds, and the sweep completes',
    async () => {
      const email = uniqueEmail('swept');
      const externalId = `swept-${Date.now()}`;
      // A conversation whose last message is 13 months old: past the 12 months the chat policy allows.
      // 100,000 messages that compress little: far more than the sockets buffer while the client waits.
      const old = new Date(Date.now() - 400 * 86_400_000).toISOString();
      await ingest('chat-conversations', {
        externalId,
        provider: 'openai',
        startedAt: old,
        messages: [{ role: 'user', content: `Scrivetemi a ${email}`, sentAt: old }],
      });
      const [{ id: conversation }] = await sql(c, `SELECT id FROM chat_conversations WHERE external_id = $1`, [
        externalId,
      ]);
      await sql(
        c,
        `INSERT INTO chat_messages (conversation_id, role, content, sent_at)
       SELECT $1, CASE WHEN g % 2 = 0 THEN 'user' ELSE 'assistant' END, 'Messaggio ' || g || ' ' || md5(g::text) || md5((g + 1)::text) || md5((g * 7)::text) || md5((g * 13)::text),
              $2::timestamptz + g * interval '1 millisecond'
       FROM generate_series(1, 100000) g`,
        [conversation, old],
      );
      const request = await create({ type: 'access', subjectEmail: email });
      await c.api(`/api/requests/${request.id}/verify`, { token: admin, body: { method: 'email_from_known_address' } });

      const res = await fetch(`${c.url}/api/requests/${request.id}/export.zip?kind=access`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      const chunks: Buffer[] = [Buffer.from((await reader.read()).value)];
      // The download has begun and waits for this reader: the sweep runs meanwhile.
      const sweep = await c.api('/api/retention/sweep', { token: admin, body: {} });
      expect(sweep.status).toBe(200);
      expect(sweep.body.status).toBe('completed');
      expect(
        (await sql(c, `SELECT count(*)::int AS n FROM chat_messages WHERE conversation_id = $1`, [conversation]))[0].n,
      ).toBe(0);
      for (let part = await reader.read(); !part.done; part = await reader.read()) chunks.push(Buffer.from(part.value));

      // The package is the conversation as it was when the download began: whole, and as its manifest says.
      const zip = await readZip(Buffer.concat(chunks));
      const manifest = JSON.parse(zip.get('manifest.json')!.toString());
      for (const file of manifest.files)
        expect(createHash('sha256').update(zip.get(file.path)!).digest('hex'), file.path).toBe(file.sha256);
      const messages = JSON.parse(zip.get('data/chat-messages.json')!.toString());
      expect(messages).toHaveLength(100_001);
      expect(manifest.files.find((f: any) => f.path === 'data/chat-messages.csv').records).toBe(100_001);
      const exported = (
        await c.api(
          `/api/request-events?filter=${encodeURIComponent(JSON.stringify({ requestId: request.id, kind: 'exported' }))}`,
          { token: admin },
        )
      ).body;
      expect(exported).toHaveLength(1);
    },
  );
});
