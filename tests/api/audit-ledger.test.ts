import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';
import { recordRequest } from '../support/requests';

/**
 * The audit log read as a ledger (issue 23): each event names the request it is about by its
 * reference, and the list filters by request, by the person searched and without the reads.
 * Two requests side by side: what one filter finds never includes the other's events. What was
 * searched is personal data: officers and admins read it in full (Art. 5(2), accountability),
 * an auditor masked (Art. 5(1)(c), minimisation).
 */
describe('audit log as a ledger: request references, filters, searched identifiers', () => {
  let c: TestConsole;
  let admin: string;
  let officer: string;
  let auditor: string;
  const anna = { name: 'Anna Ledger', email: uniqueEmail('anna'), phone: '+39 347 555 0101' };
  const bruno = { name: 'Bruno Ledger', email: uniqueEmail('bruno'), phone: '+39 348 777 0202' };
  let requestA: { id: string; reference: string };
  let requestB: { id: string; reference: string };

  const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));
  const list = async (token: string, filter: Record<string, unknown>, range = [0, 499]) => {
    const res = await c.api(`/api/audit-events?filter=${q(filter)}&range=${q(range)}`, { token });
    expect(res.status).toBe(200);
    return res.body as Array<Record<string, any>>;
  };
  const newRequest = (token: string, person: typeof anna) =>
    recordRequest(c, token, 'access', { name: person.name, email: person.email });

  beforeAll(async () => {
    c = await startTestConsole();
    admin = await c.login();
    for (const role of ['officer', 'auditor']) {
      const email = uniqueEmail(role);
      const created = await c.api('/api/users', {
        token: admin,
        body: { email, fullName: `Ledger ${role}`, role, password: 'ledger password 1' },
      });
      expect(created.status).toBe(201);
      if (role === 'officer') officer = await c.login(email, 'ledger password 1');
      else auditor = await c.login(email, 'ledger password 1');
    }
    requestA = await newRequest(officer, anna);
    requestB = await newRequest(officer, bruno);
    // Work on each request: a note, a search for the person, a read of a source and of the request.
    for (const [request, person] of [
      [requestA, anna],
      [requestB, bruno],
    ] as const) {
      expect(
        (await c.api(`/api/requests/${request.id}/notes`, { token: officer, body: { text: 'Called back' } })).status,
      ).toBe(201);
      for (const searched of [person.email, person.phone]) {
        const search = await c.api(`/api/subjects/search?q=${encodeURIComponent(searched)}&requestId=${request.id}`, {
          token: officer,
        });
        expect(search.status).toBe(200);
      }
      expect((await c.api(`/api/leads?requestId=${request.id}`, { token: officer })).status).toBe(200);
      expect((await c.api(`/api/requests/${request.id}`, { token: officer })).status).toBe(200);
    }
  });
  afterAll(() => c?.close());

  it('answers each event with the request it is about, by its reference, and the whole page in one go', async () => {
    const events = await list(admin, {});
    const created = events.filter((e) => e.action === 'request.created');
    expect(created.map((e) => [e.requestId, e.requestReference]).sort()).toEqual(
      [
        [requestA.id, requestA.reference],
        [requestB.id, requestB.reference],
      ].sort(),
    );
    // Events that name the request as their reason (a search, a source read) carry it too.
    const searches = events.filter((e) => e.action === 'subject.searched');
    expect(searches.map((e) => e.requestReference).sort()).toEqual(
      [requestA.reference, requestA.reference, requestB.reference, requestB.reference].sort(),
    );
    const reads = events.filter((e) => e.action === 'records.listed');
    expect(new Set(reads.map((e) => e.requestReference))).toEqual(new Set([requestA.reference, requestB.reference]));
    // An event about no request says so.
    const signIn = events.find((e) => e.action === 'auth.login')!;
    expect(signIn).toMatchObject({ requestId: null, requestReference: null });
    // One record read answers the same.
    const one = await c.api(`/api/audit-events/${created[0].id}`, { token: auditor });
    expect(one.body).toMatchObject({ requestId: created[0].requestId, requestReference: created[0].requestReference });
  });

  it("filters by request: the first request's events, never the second's", async () => {
    const events = await list(admin, { requestId: requestA.id });
    expect(new Set(events.map((e) => e.requestReference))).toEqual(new Set([requestA.reference]));
    expect(events.map((e) => e.action).sort()).toEqual(
      [
        'request.created',
        'request.note_added',
        'subject.searched',
        'subject.searched',
        'records.listed',
        'request.viewed',
      ].sort(),
    );
    const queries = events.filter((e) => e.action === 'subject.searched').map((e) => e.details.query);
    expect(queries.sort()).toEqual([anna.email, anna.phone].sort());
    // Bruno's request: his own, none of Anna's.
    const other = await list(admin, { requestId: requestB.id });
    expect(other.length).toBeGreaterThan(0);
    expect(other.every((e) => e.requestId === requestB.id)).toBe(true);
    expect(other.some((e) => e.details?.query === anna.email)).toBe(false);
  });

  it('leaves the reads out when asked (the console asks by default), and shows a read asked for by name', async () => {
    const withoutReads = await list(admin, { requestId: requestA.id, reads: false });
    const actions = withoutReads.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['request.created', 'request.note_added', 'subject.searched']));
    for (const read of ['records.listed', 'request.viewed', 'audit-events.listed', 'requests.listed'])
      expect(actions).not.toContain(read);
    // Every read of the log is itself a read: none of them in the whole list without reads.
    expect((await list(admin, { reads: false })).some((e) => e.action === 'audit-events.listed')).toBe(false);
    const askedFor = await list(admin, { requestId: requestA.id, reads: false, action: 'records.listed' });
    expect(askedFor.length).toBe(1);
    expect(askedFor[0]).toMatchObject({ action: 'records.listed', requestReference: requestA.reference });
    // Filters combine with the text search and the period.
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const combined = await list(admin, { requestId: requestA.id, reads: false, q: 'request.note', at_gte: since });
    expect(combined.map((e) => e.action)).toEqual(['request.note_added']);
  });

  it('filters by the person searched: her e-mail, her phone however it is typed, never the other person', async () => {
    const byEmail = await list(officer, { person: anna.email.toUpperCase(), action: 'subject.searched' });
    // Both searches of her request: the one by her e-mail, and the one by her phone for the same request.
    expect(byEmail.map((e) => e.details.query).sort()).toEqual([anna.email, anna.phone].sort());
    // Without the action, everything about her: her request's events, none of Bruno's.
    const all = await list(officer, { person: anna.email });
    expect(all.length).toBeGreaterThan(byEmail.length);
    expect(new Set(all.map((e) => e.requestReference))).toEqual(new Set([requestA.reference]));
    const byPhone = await list(officer, { person: '347-5550101', action: 'subject.searched' });
    // Her request holds no phone: by the phone, only the search for it.
    expect(byPhone.map((e) => e.details.query)).toEqual([anna.phone]);
    expect(byPhone[0].requestReference).toBe(requestA.reference);
    const byActor = await list(admin, { person: '@console.test', actorEmail: 'nobody@example.org' });
    expect(byActor).toEqual([]);
    const both = await list(admin, { person: '@console.test', action: 'subject.searched' });
    expect(new Set(both.map((e) => e.details.query))).toEqual(new Set([anna.email, bruno.email]));
  });

  it('shows what was searched in full to officers and admins, masked to an auditor (Art. 5(1)(c), 5(2))', async () => {
    const [forOfficer, forAuditor] = await Promise.all([
      list(officer, { requestId: requestA.id, action: 'subject.searched' }),
      list(auditor, { requestId: requestA.id, action: 'subject.searched' }),
    ]);
    expect(forOfficer.map((e) => e.details.query).sort()).toEqual([anna.email, anna.phone].sort());
    expect(forAuditor.map((e) => e.details.query).sort()).toEqual(
      [`a•••@${anna.email.split('@')[1]}`, '•••101'].sort(),
    );
    // The rest of the event, its hash included, is the same for both.
    expect(forAuditor.map((e) => e.hash).sort()).toEqual(forOfficer.map((e) => e.hash).sort());
    expect(JSON.stringify(forAuditor)).not.toContain(anna.email);
    // The auditor may look for a person; what they asked for is kept, masked in their own view.
    const found = await list(auditor, { person: bruno.email, action: 'subject.searched' });
    expect(found.map((e) => e.requestReference)).toEqual([requestB.reference, requestB.reference]);
    const [read] = await list(auditor, { action: 'audit-events.listed' }, [0, 0]);
    expect(read.details.filter).not.toContain(bruno.email);
    expect(JSON.parse(read.details.filter).person).toBe(`b•••@${bruno.email.split('@')[1]}`);
    const [same] = await list(admin, { action: 'audit-events.listed', id: Number(read.id) });
    expect(JSON.parse(same.details.filter).person).toBe(bruno.email);
    // The stored event is the one searched: the chain holds it as written.
    const stored = await sql(c, `SELECT details->>'query' AS q FROM audit_events WHERE id = $1`, [forAuditor[0].id]);
    expect([anna.email, anna.phone]).toContain(stored[0].q);
    expect((await c.api('/api/audit/verify', { token: auditor })).body).toMatchObject({ valid: true, reason: null });
  });

  it('lists who acted for the actor filter, by name, a deleted account by its e-mail; each actor only their events', async () => {
    // One who never signs in (not listed), one who signs in and whose account is then deleted.
    const idle = uniqueEmail('idle');
    const leaver = uniqueEmail('leaver');
    const ids: Record<string, string> = {};
    for (const [email, fullName] of [
      [idle, 'Ledger idle'],
      [leaver, 'Ledger leaver'],
    ]) {
      const created = await c.api('/api/users', {
        token: admin,
        body: { email, fullName, role: 'auditor', password: 'ledger password 1' },
      });
      expect(created.status).toBe(201);
      ids[email] = created.body.id;
    }
    await c.login(leaver, 'ledger password 1');
    expect((await c.api(`/api/users/${ids[leaver]}`, { token: admin, method: 'DELETE' })).status).toBe(200);

    const res = await c.api('/api/audit/actors', { token: auditor });
    expect(res.status).toBe(200);
    const actors = res.body as Array<{ id: string; fullName: string | null; email: string; deleted: boolean }>;
    const names = actors.map((a) => a.fullName ?? a.email);
    // The console's accounts that acted, by name; the deleted one last, by the e-mail it acted with.
    expect(names).toEqual(['Administrator', 'Ledger auditor', 'Ledger officer', leaver]);
    expect(actors.at(-1)).toMatchObject({ id: ids[leaver], fullName: null, email: leaver, deleted: true });
    expect(actors.map((a) => a.email)).not.toContain(idle);

    // The officer's events: every one theirs, the requests' work included, none of the admin's.
    const officerId = actors.find((a) => a.fullName === 'Ledger officer')!.id;
    const officers = await list(auditor, { actorId: officerId, reads: false });
    expect(new Set(officers.map((e) => e.actorId))).toEqual(new Set([officerId]));
    expect(officers.map((e) => e.action)).toEqual(expect.arrayContaining(['request.created', 'request.note_added']));
    const leavers = await list(auditor, { actorId: ids[leaver] });
    expect(leavers.map((e) => [e.action, e.actorEmail])).toEqual([['auth.login', leaver]]);
  });

  it('refuses a bad filter with a clear 400 and records no read', async () => {
    const count = async () => (await sql(c, `SELECT count(*)::int AS n FROM audit_events`))[0].n as number;
    const before = await count();
    for (const [filter, field] of [
      [{ requestId: 'DSR-2026-0001' }, 'filter.requestId'],
      [{ requestId: 42 }, 'filter.requestId'],
      [{ person: '   ' }, 'filter.person'],
      [{ person: 'x'.repeat(255) }, 'filter.person'],
      [{ reads: 'sometimes' }, 'filter.reads'],
      [{ actorId: 'Ledger officer' }, 'filter.actorId'],
      [{ requestId: requestA.id, colour: 'red' }, 'filter'],
    ] as const) {
      const res = await c.api(`/api/audit-events?filter=${q(filter)}`, { token: admin });
      expect(res.status, JSON.stringify(filter)).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/json/);
      expect(JSON.stringify(res.body)).toContain(field);
    }
    expect((await c.api('/api/audit-events?filter={nope', { token: admin })).status).toBe(400);
    expect(await count()).toBe(before);
  });

  it("finds a request's reads however its id was typed (Art. 5(2)): upper case, or a list of one in a timeline's filter", async () => {
    const before = (await list(admin, { requestId: requestA.id })).length;
    const upper = requestA.id.toUpperCase();
    for (const path of [
      `/api/requests/${upper}`,
      `/api/leads?requestId=${upper}`,
      `/api/subjects/search?q=${encodeURIComponent(anna.email)}&requestId=${upper}`,
      `/api/request-events?filter=${q({ requestId: upper })}`,
      `/api/request-events?filter=${q({ requestId: [upper] })}`,
    ])
      expect((await c.api(path, { token: officer })).status, path).toBe(200);
    const events = await list(admin, { requestId: requestA.id });
    const added = events.slice(0, events.length - before);
    expect(added.map((e) => e.action).sort()).toEqual(
      ['request.viewed', 'records.listed', 'subject.searched', 'request-events.listed', 'request-events.listed'].sort(),
    );
    expect(added.every((e) => e.requestReference === requestA.reference)).toBe(true);
    // None of them is in Bruno's request.
    const other = await list(admin, { requestId: requestB.id });
    expect(other.some((e) => added.some((a) => a.id === e.id))).toBe(false);
    // Recorded as the ledger compares them: in lower case.
    const stored = await sql(
      c,
      `SELECT entity_id, details->>'requestId' AS named FROM audit_events WHERE id = ANY($1::bigint[])`,
      [added.map((e) => e.id)],
    );
    for (const row of stored) for (const id of [row.entity_id, row.named]) if (id) expect(id).toBe(id.toLowerCase());
  });
});
