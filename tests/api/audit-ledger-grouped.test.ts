import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, ingestAccepted } from '../support/ingest';
import { ADMIN, sql, startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';
import { recordRequest } from '../support/requests';

/**
 * The ledger's reads grouped and its person filter (issue 23). An officer paging through a
 * person's leads leaves one event per page in the chain; read grouped, the log shows them as one
 * line with a count, a span and the events behind it, paged as lines. The person filter finds
 * everything about one person (the searches, her requests' events with the package downloaded
 * and the erasure previewed, the reads of her records) and nothing of a second person's.
 * Accountability (Art. 5(2)) asks that every read stays in the chain, one event per read.
 */
describe('audit log: reads grouped, and everything about a person', () => {
  let c: TestConsole;
  let admin: string;
  let officer: string;
  const anna = { name: 'Anna Gruppo', email: uniqueEmail('anna'), phone: '+39 347 555 0303' };
  const bruno = { name: 'Bruno Gruppo', email: uniqueEmail('bruno'), phone: '+39 348 777 0404' };
  let access: { id: string; reference: string };
  let erasure: { id: string; reference: string };
  let brunos: { id: string; reference: string };
  const officerEmail = uniqueEmail('officer');
  let annaLead: string;
  let brunoLead: string;

  const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));
  const list = async (token: string, filter: Record<string, unknown>, range = [0, 499], sort?: unknown) => {
    const res = await c.api(
      `/api/audit-events?filter=${q(filter)}&range=${q(range)}${sort ? `&sort=${q(sort)}` : ''}`,
      { token },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return { rows: res.body as Array<Record<string, any>>, range: res.headers.get('content-range') };
  };
  const ok = async (path: string, token = officer) => expect((await c.api(path, { token })).status, path).toBe(200);
  const newRequest = (type: string, person: typeof anna) => recordRequest(c, officer, type, person, { language: 'it' });

  beforeAll(async () => {
    c = await startTestConsole();
    admin = await c.login();
    const email = officerEmail;
    expect(
      (
        await c.api('/api/users', {
          token: admin,
          body: { email, fullName: 'Grouped Officer', role: 'officer', password: 'grouped password 1' },
        })
      ).status,
    ).toBe(201);
    officer = await c.login(email, 'grouped password 1');
    const key = await createApiKey(c, admin);
    await ingestAccepted(c, key, 'leads', [
      {
        externalId: 'lead-anna',
        submittedAt: '2026-11-02T09:00:00Z',
        firstName: 'Anna',
        lastName: 'Gruppo',
        email: anna.email,
        phone: anna.phone,
      },
      {
        externalId: 'lead-bruno',
        submittedAt: '2026-11-02T09:00:00Z',
        firstName: 'Bruno',
        lastName: 'Gruppo',
        email: bruno.email,
        phone: bruno.phone,
      },
    ]);
    const leads = (await c.api('/api/leads', { token: admin })).body as Array<{ id: string; email: string }>;
    annaLead = leads.find((lead) => lead.email === anna.email)!.id;
    brunoLead = leads.find((lead) => lead.email === bruno.email)!.id;
    access = await newRequest('access', anna);
    erasure = await newRequest('erasure', anna);
    brunos = await newRequest('access', bruno);

    // The officer pages through the leads for Anna's request, three pages; the admin reads the
    // same list once in between (someone else's read never joins the officer's line).
    await ok(`/api/leads?requestId=${access.id}&range=${q([0, 0])}`);
    await ok(`/api/leads?requestId=${access.id}&range=${q([0, 0])}`, admin);
    await ok(`/api/leads?requestId=${access.id}&range=${q([1, 1])}`);
    await ok(`/api/leads?requestId=${access.id}&range=${q([2, 2])}`);
    // Then opens Anna's lead twice, and Bruno's lead for his request: another record, another line.
    await ok(`/api/leads/${annaLead}?requestId=${access.id}`);
    await ok(`/api/leads/${annaLead}?requestId=${access.id}`);
    await ok(`/api/leads/${brunoLead}?requestId=${brunos.id}`);
    // The admin opens Anna's lead, then Bruno's, for the same request: two records, two lines.
    await ok(`/api/leads/${annaLead}?requestId=${access.id}`, admin);
    await ok(`/api/leads/${brunoLead}?requestId=${access.id}`, admin);
    // Anna's lead read with no request named: a read of her record all the same.
    await ok(`/api/leads/${annaLead}`);
    await ok(`/api/subjects/search?q=${encodeURIComponent(anna.email)}&requestId=${access.id}`);
    await ok(`/api/subjects/search?q=${encodeURIComponent(bruno.email)}&requestId=${brunos.id}`);
    // Her access package downloaded, her erasure previewed; Bruno's package too.
    for (const request of [access, brunos]) {
      expect(
        (
          await c.api(`/api/requests/${request.id}/verify`, {
            token: officer,
            body: { method: 'email_from_known_address' },
          })
        ).status,
      ).toBeLessThan(300);
      const zip = await fetch(`${c.url}/api/requests/${request.id}/export.zip?kind=access`, {
        headers: { authorization: `Bearer ${officer}` },
      });
      expect(zip.status).toBe(200);
      await zip.arrayBuffer();
    }
    await c.api(`/api/requests/${erasure.id}/verify`, { token: officer, body: { method: 'email_from_known_address' } });
    expect(
      (await c.api(`/api/requests/${erasure.id}/erase?dryRun=true`, { token: officer, body: {} })).status,
    ).toBeLessThan(300);
  });
  afterAll(() => c?.close());

  it('shows a run of page reads as one line with its count and span, the chain one event per read', async () => {
    const { rows } = await list(admin, { reads: 'grouped', requestId: access.id, action: 'records.listed' });
    const officers = rows.filter((row) => row.actorEmail === officerEmail);
    const admins = rows.filter((row) => row.actorEmail === ADMIN.email);
    expect(officers.map((row) => row.group.count)).toEqual([3]);
    expect(admins.map((row) => row.group.count)).toEqual([1]);
    const run = officers[0];
    // The line is its newest event; the span runs from the first page read to the last.
    expect(run.id).toBe(run.group.ids.at(-1));
    expect(Date.parse(run.group.firstAt)).toBeLessThanOrEqual(Date.parse(run.group.lastAt));
    expect(run.group.lastAt).toBe(run.at);
    // In the chain, still one event per page read: the three pages, each with its own range.
    const single = await list(admin, { reads: true, id: run.group.ids.map(Number) });
    expect(single.rows.map((e) => e.action)).toEqual(['records.listed', 'records.listed', 'records.listed']);
    expect(single.rows.map((e) => JSON.parse(e.details.range)).sort()).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });

  it('keeps reads of another record, or by someone else, on lines of their own', async () => {
    const { rows } = await list(admin, { reads: 'grouped', action: 'record.viewed' });
    const lines = rows.map((row) => [row.actorEmail, row.entityId, row.details.requestId ?? null, row.group.count]);
    expect(lines).toEqual([
      [officerEmail, annaLead, null, 1],
      [ADMIN.email, brunoLead, access.id, 1],
      [ADMIN.email, annaLead, access.id, 1],
      [officerEmail, brunoLead, brunos.id, 1],
      [officerEmail, annaLead, access.id, 2],
    ]);
  });

  it('pages as lines: the total counts lines, the pages never overlap, and the read is audited', async () => {
    const all = await list(admin, { reads: 'grouped' });
    const total = all.rows.length;
    expect(all.range).toBe(`audit-events 0-${total - 1}/${total}`);
    const first = await list(admin, { reads: 'grouped' }, [0, 1]);
    const second = await list(admin, { reads: 'grouped' }, [2, 3]);
    expect(first.range).toMatch(new RegExp(`^audit-events 0-1/\\d+$`));
    const seen = [...first.rows, ...second.rows].map((row) => row.id);
    expect(new Set(seen).size).toBe(4);
    // Reading the log is itself a read: the event names every event on the lines shown.
    const [read] = (await list(admin, { reads: true, action: 'audit-events.listed' }, [0, 0])).rows;
    expect(JSON.parse(read.details.filter)).toEqual({ reads: 'grouped' });
    expect(read.details.ids).toEqual(second.rows.map((row) => row.id));
    expect(read.details.events).toEqual(second.rows.flatMap((row) => row.group.ids));
    // Past the end: no line, the total still told.
    const past = await list(admin, { reads: 'grouped' }, [5000, 5009]);
    expect(past.rows).toEqual([]);
    expect(past.range).toMatch(/^audit-events \*\/\d+$/);
    // Sorted by who acted, still lines.
    const byActor = await list(admin, { reads: 'grouped' }, [0, 499], ['actorEmail', 'ASC']);
    expect(byActor.rows.every((row) => row.group.count >= 1)).toBe(true);
  });

  it('finds everything about Anna by her e-mail or phone: searches, her requests, her records; nothing of Bruno', async () => {
    for (const person of [anna.email.toUpperCase(), '347 5550303']) {
      const { rows } = await list(admin, { person, reads: true });
      const actions = new Set(rows.map((row) => row.action));
      for (const action of [
        'subject.searched',
        'request.created',
        'request.verified',
        'request.exported',
        'erasure.previewed',
        'records.listed',
        'record.viewed',
      ])
        expect(actions, `${person}: ${action}`).toContain(action);
      // Her lead read with no request named is about her too.
      expect(rows.some((row) => row.action === 'record.viewed' && row.entityId === annaLead && !row.requestId)).toBe(
        true,
      );
      expect(new Set(rows.map((row) => row.requestReference).filter(Boolean))).toEqual(
        new Set([access.reference, erasure.reference]),
      );
      const text = JSON.stringify(rows);
      expect(text).not.toContain(bruno.email);
      expect(text).not.toContain(brunos.id);
      // Bruno's lead only where it was read for her request.
      for (const row of rows.filter((r) => r.entityId === brunoLead)) expect(row.requestId).toBe(access.id);
    }
    // Bruno's own: his request and his lead, none of Anna's.
    const { rows } = await list(admin, { person: bruno.email, reads: true });
    // His lead read by the admin for Anna's request, and the pages that showed it, are his too.
    const readsOfHis = rows.filter((row) => row.action === 'record.viewed' && row.entityId === brunoLead);
    expect(readsOfHis.map((row) => row.requestId).sort()).toEqual([access.id, brunos.id].sort());
    const pages = rows.filter((row) => row.action === 'records.listed');
    const rest = rows.filter((row) => row.action !== 'records.listed' && !readsOfHis.includes(row));
    expect(new Set(rest.map((row) => row.requestReference).filter(Boolean))).toEqual(new Set([brunos.reference]));
    expect(rows.some((row) => row.entityId === annaLead)).toBe(false);
    // A page read for Anna's request that showed his lead was a read of his data: it is his too.
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(page.details.ids).toContain(brunoLead);
    // Grouped, the same filter gives lines holding exactly the events it finds one by one.
    const filter = { person: anna.email, action: 'records.listed' };
    const grouped = await list(admin, { ...filter, reads: 'grouped' });
    const single = await list(admin, { ...filter, reads: true });
    expect(grouped.rows.length).toBeLessThan(single.rows.length);
    expect(grouped.rows.flatMap((row) => row.group.ids).sort()).toEqual(single.rows.map((row) => row.id).sort());
    // Each a page that showed her lead, or a page read for one of her requests.
    for (const row of single.rows)
      expect(row.details.ids.includes(annaLead) || [access.id, erasure.id].includes(row.requestId)).toBe(true);
  });

  it('refuses a bad reads value or a sort it cannot group by, and records no read', async () => {
    const count = async () => (await sql(c, `SELECT count(*)::int AS n FROM audit_events`))[0].n as number;
    const before = await count();
    const bad = await c.api(`/api/audit-events?filter=${q({ reads: 'lumped' })}`, { token: admin });
    expect(bad.status).toBe(400);
    expect(bad.body.reason).toBe('invalid_query');
    expect(JSON.stringify(bad.body)).toContain('filter.reads');
    const sort = await c.api(`/api/audit-events?filter=${q({ reads: 'grouped' })}&sort=${q(['hash', 'ASC'])}`, {
      token: admin,
    });
    expect(sort.status).toBe(400);
    expect(await count()).toBe(before);
  });
});
