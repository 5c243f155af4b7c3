import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, startTestConsole, type TestConsole } from '../support/test-console';
import { openPackage, recordRequest } from '../support/requests';

/**
 * Re-indexing under the current rules of whose an identifier is (Art. 15(4) GDPR): an index
 * written by older rules (here: a staff address in a client's lead taken as the lead's owner)
 * keeps handing one person's records to another until its entries are rebuilt. The officer's own
 * corrections stay as the officer set them; a second person's entries do not change.
 */
describe('re-indexing the personal-data index (Art. 15(4))', () => {
  let c: TestConsole;
  let token: string;
  let key: string;

  const GIULIA = 'giulia.ferri@vimage.it';
  const ORSOLA = 'orsola.marini@example.it';
  const BRUNO = 'bruno.costa@example.it';

  const entries = (where: string, params: unknown[] = []) =>
    sql<{ source: string; kind: string; value: string; field: string; role: string }>(
      c,
      `SELECT source, kind, value, field, role FROM subject_identifiers WHERE ${where} ORDER BY source, record_id, kind, value, field`,
      params,
    );
  const accessPackageOf = async (email: string) => {
    const request = await recordRequest(c, token, 'access', { email }, { language: 'it', verified: true });
    return (await openPackage(c, token, request.id)).all;
  };
  const reindex = async () => {
    const res = await c.api('/api/subjects/reindex', { token, method: 'POST' });
    expect(res.status).toBe(200);
    return Object.fromEntries(
      (res.body.sources as Array<{ source: string; added: number; removed: number; keptAsCorrected: number }>).map(
        (s) => [s.source, s],
      ),
    );
  };

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
    key = (await c.api('/api/api-keys', { token, body: { name: 'Website' } })).body.key;
    const leads = await c.api('/api/ingest/leads', {
      headers: { 'x-api-key': key },
      body: [
        {
          externalId: 'lead-orsola',
          firstName: 'Orsola',
          lastName: 'Marini',
          email: ORSOLA,
          phone: '339 777 4545',
          message: `Ho già parlato con ${GIULIA}, vorrei un preventivo`,
          submittedAt: '2026-11-17T09:30:00Z',
        },
        {
          externalId: 'lead-bruno',
          firstName: 'Bruno',
          lastName: 'Costa',
          email: BRUNO,
          message: `Scrivetemi a ${BRUNO}`,
          submittedAt: '2026-11-18T09:30:00Z',
        },
      ],
    });
    expect(leads.status).toBe(200);
    const chat = await c.api('/api/ingest/chat-conversations', {
      headers: { 'x-api-key': key },
      body: {
        externalId: 'chat-giulia-test',
        provider: 'anthropic',
        startedAt: '2026-11-19T08:00:00Z',
        visitorEmail: GIULIA,
        messages: [{ role: 'user', content: 'Prova del widget', sentAt: '2026-11-19T08:00:05Z' }],
      },
    });
    expect(chat.status).toBe(200);
    // The index as an older version wrote it: the staff address in the client's lead as its owner.
    await sql(c, `UPDATE subject_identifiers SET role = 'owner' WHERE value = $1 AND source = 'leads'`, [GIULIA]);
  });
  afterAll(() => c?.close());

  it('an index written by older rules hands the client’s lead to the staff member (the harm it undoes)', async () => {
    expect(await accessPackageOf(GIULIA)).toContain('Orsola');
  });

  it('rebuilds the entries under today’s rules, keeps the officer’s correction and leaves the other person alone', async () => {
    const bruno = await entries('value LIKE $1 OR value = $2', ['%bruno%', BRUNO]);
    // The staff member tested the chat widget herself: the officer confirms that chat is hers.
    const [chatEntry] = await sql<{ id: string }>(
      c,
      `SELECT id::text AS id FROM subject_identifiers WHERE value = $1 AND source = 'chat-conversations'`,
      [GIULIA],
    );
    const corrected = await c.api(`/api/subjects/identifiers/${chatEntry.id}`, {
      token,
      method: 'PATCH',
      body: { role: 'owner', reason: 'Her own test of the widget, confirmed by her' },
    });
    expect(corrected.status).toBe(200);

    const counts = await reindex();
    expect(counts.leads).toMatchObject({ records: 2, added: 1, removed: 1, keptAsCorrected: 0 });
    expect(counts['chat-conversations']).toMatchObject({ records: 1, added: 0, removed: 0, keptAsCorrected: 1 });
    expect(await entries(`value = $1 AND source = 'leads'`, [GIULIA])).toEqual([
      { source: 'leads', kind: 'email', value: GIULIA, field: 'message', role: 'mention' },
    ]);
    expect(await entries(`value = $1 AND source = 'chat-conversations'`, [GIULIA])).toEqual([
      { source: 'chat-conversations', kind: 'email', value: GIULIA, field: 'visitorEmail', role: 'owner' },
    ]);
    expect(await entries('value LIKE $1 OR value = $2', ['%bruno%', BRUNO])).toEqual(bruno);

    const giulias = await accessPackageOf(GIULIA);
    expect(giulias).not.toContain('Orsola');
    // Her phone however it is written; not '339' alone, which a checksum in the manifest may hold.
    expect(giulias.replace(/[\s.+-]/g, '')).not.toMatch(/3397774545/);
    expect(await accessPackageOf(ORSOLA)).toContain('Orsola');
  });

  it('is audited per batch, changes nothing when run again, and is for admins only', async () => {
    const audit = await sql<{ details: { source: string; added: number; removed: number } }>(
      c,
      `SELECT details FROM audit_events WHERE action = 'subject.index_rebuilt' ORDER BY id`,
    );
    expect(audit.map((a) => [a.details.source, a.details.added, a.details.removed])).toEqual([['leads', 1, 1]]);
    const again = await reindex();
    for (const count of Object.values(again)) expect([count.added, count.removed]).toEqual([0, 0]);

    const officer = { email: 'officer@console.test', password: 'granite lantern orbit 4711' };
    const created = await c.api('/api/users', { token, body: { ...officer, fullName: 'Officer', role: 'officer' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const officerToken = await c.login(officer.email, officer.password);
    const refused = await c.api('/api/subjects/reindex', { token: officerToken, method: 'POST' });
    expect(refused.status).toBe(403);
  });
});
