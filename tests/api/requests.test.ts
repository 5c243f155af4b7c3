import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';
import { signInAs } from '../support/staff';

const EMAILS = join(__dirname, '../fixtures/emails');

describe('data-subject requests: workflow, deadlines, intake', () => {
  let c: TestConsole;
  let token: string;
  let auditorToken: string;

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
    auditorToken = await signInAs(c, token, 'auditor');
  });
  afterAll(() => c?.close());

  const create = (body: Record<string, unknown>) => c.api('/api/requests', { token, body });
  const act = (id: string, action: string, body: unknown = {}) =>
    c.api(`/api/requests/${id}/${action}`, { token, body });
  const timeline = async (id: string) =>
    (
      await c.api(
        `/api/request-events?filter=${encodeURIComponent(JSON.stringify({ requestId: id }))}&sort=["at","ASC"]&range=[0,99]`,
        { token },
      )
    ).body;
  const intake = (file: string) =>
    c.api('/api/intake/email', {
      token,
      body: readFileSync(join(EMAILS, file)).toString('latin1'),
      headers: { 'content-type': 'message/rfc822' },
    });
  const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

  it('registers a request with a yearly reference and its deadlines', async () => {
    const res = await create({
      type: 'access',
      channel: 'post',
      receivedAt: '2026-01-31T10:00:00+01:00',
      subjectName: 'Mario Rossi',
      subjectEmail: 'Mario.Rossi@example.it',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      reference: expect.stringMatching(/^DSR-2026-\d{4}$/),
      status: 'received',
      subjectEmail: 'mario.rossi@example.it',
      dueDate: '2026-03-02', // 28 February 2026 is a Saturday
      slaDueDate: '2026-03-02',
      extendedDueDate: null,
      workingDueDate: '2026-03-02',
      typeGuessed: false,
    });
    const next = await create({ type: 'erasure', channel: 'phone', receivedAt: '2026-02-01T10:00:00+01:00' });
    expect(Number(next.body.reference.slice(-4))).toBe(Number(res.body.reference.slice(-4)) + 1);
    const other = await create({ type: 'erasure', channel: 'phone', receivedAt: '2025-01-05T10:00:00+01:00' });
    expect(other.body.reference).toMatch(/^DSR-2025-0001$/);
  });

  it('refuses bad input with field errors and creates nothing', async () => {
    const before = (await c.api('/api/requests?range=[0,0]', { token })).headers.get('content-range');
    const res = await create({ type: 'complaint', channel: 'fax', receivedAt: 'yesterday', subjectEmail: 'nope' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toMatchObject({
      type: expect.stringMatching(/^must be one of access/),
      channel: expect.stringMatching(/^must be one of email/),
      receivedAt: expect.stringMatching(/ISO 8601/),
      subjectEmail: 'must be an e-mail address',
    });
    expect((await c.api('/api/requests?range=[0,0]', { token })).headers.get('content-range')).toBe(before);
  });

  it('walks the workflow: identity check, verify, extend, close; all on the timeline and in the audit log', async () => {
    const { body: r } = await create({
      type: 'access',
      channel: 'email',
      receivedAt: daysFromNow(-2),
      subjectEmail: uniqueEmail('subject'),
      language: 'en',
    });
    // What the request page may offer comes from the API's rules.
    expect(r.allowedActions).toEqual([
      'identity-check',
      'identity-info-requested',
      'identity-documents',
      'verify',
      'extend',
      'fee',
      'reject',
      'note',
    ]);

    const closeTooEarly = await act(r.id, 'close', { outcome: 'Sent the data' });
    expect(closeTooEarly.status).toBe(409);
    expect(closeTooEarly.body.message).toBe("Verify the subject's identity before answering; the request is received");

    expect((await act(r.id, 'identity-check', { text: 'Asked for a reply from the known address' })).body.status).toBe(
      'identity_check',
    );
    expect((await act(r.id, 'identity-check')).status).toBe(409);

    const badVerify = await act(r.id, 'verify', { method: 'trust-me' });
    expect(badVerify.status).toBe(400);
    const verified = await act(r.id, 'verify', {
      method: 'email_from_known_address',
      note: 'Reply came from the address on file',
    });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      status: 'in_progress',
      identityMethod: 'email_from_known_address',
      identityVerifiedBy: 'admin@console.test',
      identityVerifiedAt: expect.any(String),
    });

    expect((await act(r.id, 'extend', { reason: 'short' })).status).toBe(400);
    const extended = await act(r.id, 'extend', {
      reason: 'Many sources to search and a heavy chat history',
      communicatedAt: new Date().toISOString(),
    });
    expect(extended.status).toBe(200);
    expect(extended.body.extendedDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(extended.body.extendedDueDate > extended.body.dueDate).toBe(true);
    expect(extended.body.extensionCommunicatedAt).toEqual(expect.any(String));
    const again = await act(r.id, 'extend', {
      reason: 'Another extension please',
      communicatedAt: new Date().toISOString(),
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already extended/);
    expect(extended.body.allowedActions).toEqual(['identity-documents', 'fee', 'close', 'reject', 'note']);

    expect(
      (await c.api(`/api/requests/${r.id}/notes`, { token, body: { text: 'Collected the data from every source' } }))
        .status,
    ).toBe(201);
    const closed = await act(r.id, 'close', { outcome: 'Sent a copy of the data by e-mail' });
    expect(closed.body).toMatchObject({
      status: 'completed',
      outcome: 'Sent a copy of the data by e-mail',
      closedAt: expect.any(String),
      daysLeft: null,
      allowedActions: ['note'],
    });
    expect((await act(r.id, 'reject', { reason: 'excessive' })).body.message).toMatch(
      /Nothing more can be done: the request is completed/,
    );
    expect(
      (await c.api(`/api/requests/${r.id}`, { token, method: 'PUT', body: { subjectName: 'Late change' } })).status,
    ).toBe(409);

    expect((await timeline(r.id)).map((e: { kind: string }) => e.kind)).toEqual([
      'received',
      'identity_check',
      'verified',
      'extended',
      'note',
      'closed',
    ]);
    const audit = await c.api(
      `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ entity: 'request', entityId: r.id }))}&sort=["id","ASC"]`,
      { token },
    );
    expect(audit.body.map((e: { action: string }) => e.action)).toEqual([
      'request.created',
      'request.identity_check',
      'request.verified',
      'request.extended',
      'request.note_added',
      'request.closed',
      // Reading the timeline just above is a read of the request, audited too.
      'request-events.listed',
    ]);
  });

  it('refuses an extension after the first deadline has passed', async () => {
    const { body: r } = await create({ type: 'access', channel: 'email', receivedAt: daysFromNow(-45) });
    const res = await act(r.id, 'extend', {
      reason: 'We need more time for this one',
      communicatedAt: new Date().toISOString(),
    });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/before the first deadline .* which has passed/);
    expect(r.daysLeft).toBeLessThan(0);
  });

  it('rejects with the Art. 12(4) statement in the request language', async () => {
    const { body: r } = await create({
      type: 'erasure',
      channel: 'email',
      receivedAt: daysFromNow(-1),
      language: 'it',
    });
    expect((await act(r.id, 'reject', { reason: 'because' })).status).toBe(400);
    const res = await act(r.id, 'reject', {
      reason: 'manifestly_unfounded',
      details: 'La richiesta riguarda un servizio che non offriamo.',
    });
    expect(res.body).toMatchObject({
      status: 'rejected',
      rejectionReason: 'manifestly_unfounded',
      closedAt: expect.any(String),
    });
    expect(res.body.rejectionStatement).toMatch(
      /manifestamente infondata .*\. La richiesta riguarda un servizio che non offriamo\./,
    );
    expect(res.body.rejectionStatement).toMatch(/reclamo al Garante per la protezione dei dati personali/);
  });

  it('lets auditors read but not act', async () => {
    const { body: r } = await create({ type: 'access', channel: 'email', receivedAt: daysFromNow(-1) });
    expect((await c.api(`/api/requests/${r.id}`, { token: auditorToken })).status).toBe(200);
    expect((await c.api('/api/requests/stats', { token: auditorToken })).status).toBe(200);
    for (const action of ['identity-check', 'verify', 'extend', 'close', 'reject', 'notes']) {
      expect((await c.api(`/api/requests/${r.id}/${action}`, { token: auditorToken, body: {} })).status, action).toBe(
        403,
      );
    }
    expect(
      (
        await c.api('/api/intake/email', {
          token: auditorToken,
          body: 'x',
          headers: { 'content-type': 'message/rfc822' },
        })
      ).status,
    ).toBe(403);
  });

  it('corrects an open request: a new receipt date moves the deadlines, a confirmed type is no longer a guess', async () => {
    const { body: r } = await create({ type: 'access', channel: 'email', receivedAt: '2026-03-31T10:00:00+02:00' });
    const res = await c.api(`/api/requests/${r.id}`, {
      token,
      method: 'PUT',
      body: {
        ...r,
        type: 'portability',
        receivedAt: '2026-03-06T10:00:00+01:00',
        reason: 'The letter was dated and stamped on 6 March',
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'portability', dueDate: '2026-04-07' }); // 6 April 2026 is Easter Monday
    const stale = await c.api(`/api/requests/${r.id}`, {
      token,
      method: 'PUT',
      body: { ...r, subjectName: 'Stale form' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/Someone else changed this request meanwhile/);
    const events = await timeline(r.id);
    expect(events.at(-1)).toMatchObject({
      kind: 'receipt_changed',
      message: 'The letter was dated and stamped on 6 March',
      details: {
        before: { type: 'access', dueDate: '2026-04-30' },
        after: { type: 'portability', dueDate: '2026-04-07' },
      },
    });
  });

  it.each([
    // The receipt is the company's mail server's stamp (topmost Received:), the Date: the sender's.
    [
      'it-plain-erasure.eml',
      {
        type: 'erasure',
        language: 'it',
        subjectEmail: 'giulia.bianchi@example.it',
        subjectName: 'Giulia Bianchi',
        receivedAt: '2026-11-17T08:12:04.000Z',
        senderDate: '2026-11-17T08:12:00.000Z',
      },
    ],
    [
      'en-html-access.eml',
      {
        type: 'access',
        language: 'en',
        subjectEmail: 'john.smith@example.co.uk',
        subjectName: 'John Smith',
        dueDate: '2027-01-04',
      },
    ],
    [
      'it-qp-portability.eml',
      { type: 'portability', language: 'it', subjectEmail: 'nicolo.damico@example.it', subjectName: "Nicolò D'Amico" },
    ],
    [
      'it-attachment-withdrawal.eml',
      {
        type: 'consent_withdrawal',
        language: 'it',
        subjectEmail: 'anna.verdi@example.it',
        receivedAt: '2026-11-21T10:00:09.000Z',
      },
    ],
  ])('creates a draft request from %s with a guessed type', async (file, expected) => {
    const res = await intake(file);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'received',
      channel: 'email',
      typeGuessed: true,
      duplicate: false,
      ...expected,
    });
    const [received] = await timeline(res.body.id);
    expect(received.kind).toBe('received');
    expect(received.details).toMatchObject({ subject: expect.any(String), guessedType: expected.type });
    expect(received.message.length).toBeGreaterThan(20);
    if (file.includes('attachment')) {
      expect(received.details.attachments).toEqual([
        { filename: 'carta-identita.pdf', contentType: 'application/pdf', size: expect.any(Number) },
      ]);
    }
  });

  it('reads the receipt date in Rome: 23:30 UTC on 30 November is already 1 December', async () => {
    // Imported above already: the same e-mail answers the same request.
    const res = await intake('en-html-access.eml');
    expect(res).toMatchObject({ status: 200, body: { duplicate: true, receivedAt: '2026-11-30T23:30:06.000Z' } });
    // received 1 December (Rome) -> 1 January is a holiday -> Saturday 2, Sunday 3 -> Monday 4 January 2027
    expect(res.body.dueDate).toBe('2027-01-04');
  });

  it.each([
    ['not-an-email.txt', /not an e-mail message/],
    ['no-from.eml', /not an e-mail message|no sender address/],
  ])('refuses %s with a 400 and creates nothing', async (file, message) => {
    const before = (await c.api('/api/requests?range=[0,0]', { token })).headers.get('content-range');
    const res = await intake(file);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
    expect((await c.api('/api/requests?range=[0,0]', { token })).headers.get('content-range')).toBe(before);
  });

  it('answers the dashboard figures', async () => {
    await create({ type: 'erasure', channel: 'email', receivedAt: daysFromNow(-40) }); // overdue
    await create({ type: 'access', channel: 'email', receivedAt: daysFromNow(-27) }); // due within 7 days
    const res = await c.api('/api/requests/stats', { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      openByStatus: {
        received: expect.any(Number),
        identity_check: expect.any(Number),
        in_progress: expect.any(Number),
      },
      overdue: expect.any(Number),
      dueWithin7Days: expect.any(Number),
    });
    expect(res.body.overdue).toBeGreaterThanOrEqual(2);
    expect(res.body.dueWithin7Days).toBeGreaterThanOrEqual(1);
    expect(res.body.medianDaysToClose).toEqual(expect.any(Number));
    expect(res.body.perMonth).toHaveLength(12);
    expect(res.body.processorsReviewOverdue).toBe(0);
    await c.api('/api/processors', {
      token,
      body: {
        name: 'Old Vendor',
        service: 'x',
        location: 'Italy',
        country: 'IT',
        transferMechanism: 'none',
        nextReviewDue: '2020-01-01',
      },
    });
    expect((await c.api('/api/requests/stats', { token })).body.processorsReviewOverdue).toBe(1);

    // A missing DPA (Art. 28(3)) or TIA (Art. 46, Schrems II) is shown as missing, never invented.
    const before = (await c.api('/api/requests/stats', { token })).body;
    const oldVendor = (await c.api('/api/processors?filter={"q":"Old Vendor"}', { token })).body[0];
    expect(oldVendor.gaps).toEqual(['dpa_missing']);
    const scc = await c.api('/api/processors', {
      token,
      body: {
        name: 'Clauses Only Inc.',
        service: 'Mailing',
        location: 'USA',
        country: 'US',
        transferMechanism: 'scc',
        dpaSignedOn: '2026-01-15',
      },
    });
    expect(scc.body.gaps).toEqual(['tia_missing']);
    let after = (await c.api('/api/requests/stats', { token })).body;
    expect(after.processorsMissingTia).toBe(before.processorsMissingTia + 1);
    expect(after.processorsMissingDpa).toBe(before.processorsMissingDpa);
    const assessed = await c.api(`/api/processors/${scc.body.id}`, {
      token,
      method: 'PUT',
      body: { ...scc.body, transferImpactAssessmentOn: '2026-02-01' },
    });
    expect(assessed.status).toBe(200);
    expect(assessed.body.gaps).toEqual([]);
    after = (await c.api('/api/requests/stats', { token })).body;
    expect(after.processorsMissingTia).toBe(before.processorsMissingTia);
    // The seeded register records no DPA date: every processor in use is flagged, the inactive never.
    const inUse = (await c.api('/api/processors', { token })).body.filter(
      (p: { status: string; dpaSignedOn: string | null }) => p.status !== 'inactive' && !p.dpaSignedOn,
    );
    expect(after.processorsMissingDpa).toBe(inUse.length);
    expect(res.body.perMonth.at(-1)).toMatchObject({
      month: new Date().toISOString().slice(0, 7),
      access: expect.any(Number),
      erasure: expect.any(Number),
    });
  });

  it('lists open requests earliest deadline first, with days left', async () => {
    const res = await c.api(
      `/api/requests?filter=${encodeURIComponent(JSON.stringify({ status: ['received', 'identity_check', 'in_progress'] }))}&range=[0,99]`,
      { token },
    );
    const dates = res.body.map((r: { workingDueDate: string }) => r.workingDueDate);
    expect(dates).toEqual([...dates].sort());
    expect(res.body.every((r: { daysLeft: number }) => typeof r.daysLeft === 'number')).toBe(true);
    const bad = await c.api(
      `/api/requests?filter=${encodeURIComponent(JSON.stringify({ workingDueDate_lte: '2026-02-30' }))}`,
      { token },
    );
    expect(bad.status).toBe(400);
  });
});
