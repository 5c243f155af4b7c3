import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';
import { postBatch } from '../support/ingest';
import { recordRequest } from '../support/requests';

/**
 * Every read of personal data leaves one audit event (issue 14): one per page read, naming what
 * it returned, or one per record read, naming the record. Every GET of the OpenAPI document has a
 * decision here, audited (with its action) or not (with why): a new GET without one fails.
 */
const SOURCES = [
  'leads',
  'chat-conversations',
  'chat-messages',
  'calendar-connections',
  'calendar-events',
  'consents',
  'access-logs',
];
const REGISTERS = ['processors', 'activities', 'cookies', 'retention-policies'];

const READS: Record<string, string | { none: string }> = {
  'GET /api/requests': 'requests.listed',
  'GET /api/requests/{id}': 'request.viewed',
  'GET /api/request-events': 'request-events.listed',
  'GET /api/requests/{id}/recipients': 'recipients.viewed',
  'GET /api/requests/{id}/holds': 'legal_holds.viewed',
  // It tells which requests a person made (Art. 12(3) and (5)): read like a request.
  'GET /api/requests/{id}/other-requests': 'request.other_requests_viewed',
  'GET /api/requests/{id}/review': 'request.review_viewed',
  'GET /api/audit-events': 'audit-events.listed',
  'GET /api/audit-events/{id}': 'audit-event.viewed',
  'GET /api/users': 'users.listed',
  'GET /api/users/{id}': 'user.viewed',
  'GET /api/users/{id}/sessions': 'user.sessions_viewed',
  'GET /api/subjects/search': 'subject.searched',
  'GET /api/requests/{id}/export.zip': 'request.exported',
  'GET /api/requests/{id}/identity-documents/{documentId}': 'request.identity_document_viewed',
  'GET /api/requests/{id}/attachments/{attachmentId}': 'request.attachment_viewed',
  'GET /api/health': { none: 'no data' },
  'GET /api/auth/me': { none: "the caller's own account" },
  'GET /api/requests/stats': { none: 'counts only' },
  'GET /api/requests/{id}/erasure': { none: 'per source a status and counts' },
  'GET /api/audit/verify': { none: 'a count and event ids, no content' },
  'GET /api/audit/actors': {
    none: 'the staff accounts that acted, as every line of the log names them; no data subject',
  },
  'GET /api/api-keys': { none: 'key names and prefixes' },
  'GET /api/api-keys/{id}': { none: 'key names and prefixes' },
  'GET /api/activities/record.html': { none: 'the register of processing activities' },
  'GET /api/retention/report': { none: 'counts per policy' },
  'GET /api/retention/sweeps': { none: 'counts per policy; the staff member who started a sweep' },
  'GET /api/retention/sweeps/{id}': { none: 'counts per policy; the staff member who started a sweep' },
  'GET /api/breaches/{id}/affected': 'breach.affected_listed',
  'GET /api/breaches/{id}/communication/recipients.csv': 'breach.recipients_exported',
  'GET /api/breaches': { none: 'the breach register: facts, dates, decisions; no data subject named' },
  'GET /api/breaches/{id}': { none: 'the breach register: facts, dates, decisions; no data subject named' },
  'GET /api/breaches/export.csv': { none: 'the breach register: facts, dates, decisions; no data subject named' },
  'GET /api/breaches/register.html': { none: 'the breach register: facts, dates, decisions; no data subject named' },
  'GET /api/breaches/{id}/affected/count': { none: 'counts only' },
  'GET /api/breaches/{id}/communication': { none: 'the letter, with no recipient' },
  'GET /api/requests/{id}/letters': 'letters.viewed',
  'GET /api/requests/{id}/portal-packages': 'portal_packages.viewed',
  'GET /api/letter-templates': { none: 'the templates, with placeholders: no person named' },
  'GET /api/letter-templates/{key}/{language}': { none: 'the templates, with placeholders: no person named' },
  // Other mail holds senders' addresses and words: read like a request.
  'GET /api/mailbox/other-mail': 'other-mail.listed',
  'GET /api/mailbox/other-mail/{id}': 'other-mail.viewed',
  'GET /api/mailbox/messages/{id}/raw': 'mailbox.message_downloaded',
  'GET /api/mailbox/status': { none: "the mailbox's settings and last reading's counts: no person named" },
  'GET /api/reminders/schedule': { none: "the digest's schedule and the next run: no person named" },
};
for (const source of SOURCES) {
  READS[`GET /api/${source}`] = 'records.listed';
  READS[`GET /api/${source}/{id}`] = 'record.viewed';
}
for (const register of REGISTERS) {
  for (const path of [`/api/${register}`, `/api/${register}/export.csv`, `/api/${register}/{id}`])
    READS[`GET ${path}`] = { none: 'registers hold no personal data' };
}

interface Event {
  id: string;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  details: any;
  text: string;
}

describe('every read of personal data leaves one audit event', () => {
  let c: TestConsole;
  let admin: string;
  let auditor: string;
  const auditorEmail = uniqueEmail('reader');
  let rectification: { id: string; reference: string };
  let second: { id: string; reference: string };
  /** Read by nobody: no read event may name it, its reference or its subject. */
  let unread: { id: string; reference: string };
  const unreadEmail = 'bruno.ferri@example.it';
  let officerId: string;

  const post = (path: string, body: unknown) => c.api(path, { token: admin, body });
  const newRequest = (type: string, email: string) =>
    recordRequest(c, admin, type, { name: email.split('@')[0], email }, { language: 'it' });
  const lastId = async () => String((await sql(c, 'SELECT coalesce(max(id), 0)::text AS id FROM audit_events'))[0].id);
  /** The events after `after`, read from the database (reading them through the API would add one). */
  const eventsAfter = async (after: string): Promise<Event[]> =>
    (
      await sql(
        c,
        `SELECT id::text, actor_email, action, entity, entity_id, details, details::text AS text FROM audit_events WHERE id > $1 ORDER BY id`,
        [after],
      )
    ).map((r) => ({
      id: r.id,
      actorEmail: r.actor_email,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      details: r.details,
      text: r.text,
    }));
  /** Calls `path` as `token` and answers the response and the one event it left (fails unless exactly one). */
  const readOnce = async (path: string, token: string) => {
    const before = await lastId();
    const res = await c.api(path, { token });
    expect(res.status, path).toBe(200);
    const events = await eventsAfter(before);
    expect(
      events.map((e) => e.action),
      path,
    ).toHaveLength(1);
    return { res, event: events[0] };
  };
  const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));

  beforeAll(async () => {
    c = await startTestConsole();
    admin = await c.login();
    expect(
      (
        await post('/api/users', {
          email: auditorEmail,
          fullName: 'Rita Reader',
          role: 'auditor',
          password: 'reader passphrase 2026',
        })
      ).status,
    ).toBe(201);
    auditor = await c.login(auditorEmail, 'reader passphrase 2026');
    officerId = (
      await post('/api/users', {
        email: uniqueEmail('unread'),
        fullName: 'Otto Unread',
        role: 'officer',
        password: 'unread passphrase 2026',
      })
    ).body.id;
    const key = (await post('/api/api-keys', { name: 'Website' })).body.key;
    const ingest = (source: string, body: unknown) => postBatch(c, key, source, body);
    expect(
      (
        await ingest('leads', {
          externalId: 'f-lead',
          firstName: 'Franca',
          lastName: 'Neri',
          email: 'franca.neri@example.it',
          submittedAt: '2026-10-02T10:00:00Z',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await ingest('leads', {
          externalId: 'b-lead',
          firstName: 'Bruno',
          lastName: 'Ferri',
          email: unreadEmail,
          submittedAt: '2026-10-03T10:00:00Z',
        })
      ).status,
    ).toBe(200);

    rectification = await newRequest('rectification', 'franca.neri@example.it');
    second = await newRequest('rectification', 'carla.conti@example.it');
    unread = await newRequest('access', unreadEmail);
    expect(
      (await post(`/api/requests/${rectification.id}/verify`, { method: 'email_from_known_address' })).status,
    ).toBe(200);
    expect((await post(`/api/requests/${rectification.id}/rectify`, { lastName: 'Neri Galli' })).status).toBe(200);
  });

  afterAll(() => c?.close());

  it('has a decision for every GET of the API', async () => {
    const doc = (await c.api('/api/docs-json', { token: admin })).body;
    const gets = Object.entries<Record<string, unknown>>(doc.paths).flatMap(([path, item]) =>
      'get' in item ? [`GET ${path}`] : [],
    );
    expect(gets.length).toBeGreaterThan(30);
    expect(
      gets.filter((op) => !(op in READS)),
      'GETs without a decision in tests/api/read-audit.test.ts',
    ).toEqual([]);
  });

  it('the requests list: one event per page, with the filter, the range and the ids returned', async () => {
    const filter = JSON.stringify({ type: 'rectification' });
    const { res, event } = await readOnce(
      `/api/requests?filter=${encodeURIComponent(filter)}&range=[0,0]&sort=${q(['reference', 'ASC'])}`,
      auditor,
    );
    expect(res.body.map((r: any) => r.id)).toEqual([rectification.id]);
    expect(event).toMatchObject({
      action: 'requests.listed',
      actorEmail: auditorEmail,
      entity: 'request',
      entityId: null,
      details: { filter, range: '[0,0]', returned: 1, total: 2, ids: [rectification.id] },
    });

    const page2 = await readOnce(
      `/api/requests?filter=${encodeURIComponent(filter)}&range=[1,1]&sort=${q(['reference', 'ASC'])}`,
      auditor,
    );
    expect(page2.event.details.ids).toEqual([second.id]);
    // Many rows, still one event.
    const both = await readOnce(`/api/requests?filter=${encodeURIComponent(filter)}`, auditor);
    expect(both.event.details.ids).toEqual(both.res.body.map((r: any) => r.id));
    expect(both.event.details.ids).toHaveLength(2);
  });

  it('one request: names it and its reference', async () => {
    const { event } = await readOnce(`/api/requests/${rectification.id}`, auditor);
    expect(event).toMatchObject({
      action: 'request.viewed',
      actorEmail: auditorEmail,
      entity: 'request',
      entityId: rectification.id,
      details: { reference: rectification.reference },
    });
  });

  it("a request's timeline: one event naming the request and the events returned", async () => {
    const { res, event } = await readOnce(`/api/request-events?filter=${q({ requestId: rectification.id })}`, auditor);
    expect(res.body.length).toBeGreaterThanOrEqual(3);
    expect(event).toMatchObject({
      action: 'request-events.listed',
      actorEmail: auditorEmail,
      entity: 'request',
      entityId: rectification.id,
      details: { ids: res.body.map((e: any) => e.id), returned: res.body.length },
    });
  });

  it('the Art. 19 recipients (the notices name the subject): one event naming the request and the processors', async () => {
    const { res, event } = await readOnce(`/api/requests/${rectification.id}/recipients`, auditor);
    expect(res.body.recipients.length).toBeGreaterThan(0);
    expect(event).toMatchObject({
      action: 'recipients.viewed',
      actorEmail: auditorEmail,
      entity: 'request',
      entityId: rectification.id,
      details: { reference: rectification.reference, ids: res.body.recipients.map((r: any) => r.processorId) },
    });
  });

  it("a request's legal holds (the officer's reasons may speak of the person): one event naming the request", async () => {
    const { res, event } = await readOnce(`/api/requests/${rectification.id}/holds`, auditor);
    expect(res.body.holds).toEqual([]);
    expect(event).toMatchObject({
      action: 'legal_holds.viewed',
      actorEmail: auditorEmail,
      entity: 'request',
      entityId: rectification.id,
      details: { reference: rectification.reference, ids: [] },
    });
  });

  it("a request's other requests from the same person (Art. 12(3) and (5)): one event naming the request and those listed", async () => {
    const { res, event } = await readOnce(`/api/requests/${rectification.id}/other-requests`, auditor);
    expect(res.status).toBe(200);
    expect(event).toMatchObject({
      action: 'request.other_requests_viewed',
      actorEmail: auditorEmail,
      entity: 'request',
      entityId: rectification.id,
      details: { reference: rectification.reference, ids: res.body.requests.map((r: any) => r.id) },
    });
  });

  it('the audit log: one event per page, appended after the read (never in the page it records); the chain stays intact', async () => {
    const { res, event } = await readOnce('/api/audit-events?range=[0,4]', auditor);
    const ids = res.body.map((e: any) => e.id);
    expect(event).toMatchObject({
      action: 'audit-events.listed',
      actorEmail: auditorEmail,
      entity: 'audit_event',
      details: { range: '[0,4]', returned: 5, ids },
    });
    expect(ids).not.toContain(event.id);
    expect(Number(event.id)).toBeGreaterThan(Math.max(...ids.map(Number)));
    // The next read of the first page shows the previous read's event at its top, and nothing else new.
    const again = await readOnce('/api/audit-events?range=[0,4]', auditor);
    expect(again.res.body[0]).toMatchObject({ id: event.id, action: 'audit-events.listed' });
    expect(again.res.body.slice(1).map((e: any) => e.id)).toEqual(ids.slice(0, 4));

    const one = await readOnce(`/api/audit-events/${ids[2]}`, auditor);
    expect(one.event).toMatchObject({
      action: 'audit-event.viewed',
      actorEmail: auditorEmail,
      entity: 'audit_event',
      entityId: ids[2],
    });

    const verify = await c.api('/api/audit/verify', { token: auditor });
    const [{ n }] = await sql(c, 'SELECT count(*)::int AS n FROM audit_events');
    expect(verify.body).toMatchObject({ valid: true, checked: n });
  });

  it('staff accounts: staff are people too', async () => {
    const { res, event } = await readOnce(`/api/users?filter=${q({ role: 'auditor' })}`, admin);
    expect(event).toMatchObject({
      action: 'users.listed',
      actorEmail: 'admin@console.test',
      entity: 'user',
      details: { ids: res.body.map((u: any) => u.id) },
    });
    expect(event.details.ids).not.toContain(officerId);
    const auditorId = res.body.find((u: any) => u.email === auditorEmail).id;
    const one = await readOnce(`/api/users/${auditorId}`, admin);
    expect(one.event).toMatchObject({
      action: 'user.viewed',
      actorEmail: 'admin@console.test',
      entity: 'user',
      entityId: auditorId,
    });
    // When and from where a member of staff is signed in (address, browser) is about them too.
    const sessions = await readOnce(`/api/users/${auditorId}/sessions`, admin);
    expect(sessions.event).toMatchObject({
      action: 'user.sessions_viewed',
      actorEmail: 'admin@console.test',
      entity: 'user',
      entityId: auditorId,
    });
  });

  it("the sources' lists keep the ids they returned too", async () => {
    const { res, event } = await readOnce(`/api/leads?filter=${q({ email: 'franca.neri@example.it' })}`, auditor);
    expect(res.body).toHaveLength(1);
    expect(event).toMatchObject({
      action: 'records.listed',
      actorEmail: auditorEmail,
      entity: 'leads',
      details: { ids: [res.body[0].id], returned: 1 },
    });
    const one = await readOnce(`/api/leads/${res.body[0].id}`, auditor);
    expect(one.event).toMatchObject({ action: 'record.viewed', entity: 'leads', entityId: res.body[0].id });
  });

  it('a read that fails reads nothing and records nothing; the reads without personal data record nothing', async () => {
    const before = await lastId();
    expect((await c.api('/api/requests/00000000-0000-4000-8000-000000000000', { token: auditor })).status).toBe(404);
    expect((await c.api(`/api/requests?filter=${encodeURIComponent('{bad')}`, { token: auditor })).status).toBe(400);
    expect((await c.api('/api/audit-events/987654321', { token: auditor })).status).toBe(404);
    for (const path of [
      '/api/requests/stats',
      `/api/requests/${rectification.id}/erasure`,
      '/api/audit/verify',
      '/api/retention/report',
      '/api/retention/sweeps',
      '/api/processors',
      '/api/activities',
      '/api/cookies',
      '/api/retention-policies',
      '/api/auth/me',
    ]) {
      expect((await c.api(path, { token: auditor })).status, path).toBe(200);
    }
    expect((await eventsAfter(before)).map((e) => e.action)).toEqual([]);
  });

  it('a request, a person and a staff member read by nobody are named by no read event', async () => {
    const reads = (await eventsAfter('0')).filter((e) => /\.(listed|viewed)$/.test(e.action));
    expect(reads.length).toBeGreaterThanOrEqual(12);
    const naming = (needle: string) =>
      reads.filter((e) => e.entityId === needle || e.text.includes(needle)).map((e) => `${e.id} ${e.action}`);
    expect(naming(unread.id)).toEqual([]);
    expect(naming(unread.reference)).toEqual([]);
    expect(naming(unreadEmail)).toEqual([]);
    expect(naming(officerId)).toEqual([]);
    const [bruno] = await sql(c, `SELECT id::text FROM leads WHERE external_id = 'b-lead'`);
    expect(naming(bruno.id)).toEqual([]);
  });
});
