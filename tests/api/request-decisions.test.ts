import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, startTestConsole, type TestConsole } from '../support/test-console';
import { createApiKey, postBatch } from '../support/ingest';

/**
 * The officer's decisions on a request (docs/requests.md, "Decisions"): each one audited, with
 * its reason on the timeline, and each checked against a second request or person that must not
 * be touched.
 */
describe('request decisions', () => {
  let c: TestConsole;
  let token: string;
  let key: string;

  const ingest = (source: string, body: unknown) => postBatch(c, key, source, body);
  const post = (path: string, body: unknown = {}) => c.api(path, { token, body });
  const put = (id: string, body: unknown) => c.api(`/api/requests/${id}`, { token, method: 'PUT', body });
  const get = async (id: string) => (await c.api(`/api/requests/${id}`, { token })).body;
  const newRequest = async (body: Record<string, unknown>) => {
    const res = await post('/api/requests', {
      channel: 'email',
      language: 'en',
      receivedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; reference: string; version: number };
  };
  const events = async (id: string) =>
    (
      await c.api(
        `/api/request-events?filter=${encodeURIComponent(JSON.stringify({ requestId: id }))}&sort=${encodeURIComponent('["at","ASC"]')}`,
        { token },
      )
    ).body as Array<{
      kind: string;
      message: string | null;
      details: any;
    }>;
  const audit = async (id: string) =>
    (
      await c.api(
        `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ entity: 'request', entityId: id }))}&sort=["id","ASC"]`,
        { token },
      )
    ).body as Array<{ action: string; details: any }>;
  const count = async (table: string, where: string, params: unknown[] = []) =>
    Number((await sql(c, `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params))[0].n);

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
    key = await createApiKey(c, token);
    await ingest('leads', [
      {
        externalId: 'anna',
        firstName: 'Anna',
        lastName: 'Verdi',
        email: 'anna.verdi@example.it',
        phone: '347 111 2222',
        submittedAt: '2026-10-02T10:00:00Z',
      },
      {
        externalId: 'bruno',
        firstName: 'Bruno',
        lastName: 'Neri',
        email: 'bruno.neri@example.it',
        phone: '347 333 4444',
        submittedAt: '2026-10-03T10:00:00Z',
      },
    ]);
  });
  afterAll(() => c?.close());

  describe('a verified identity does not survive a change of the subject (Art. 12(2) and (6) GDPR)', () => {
    it("puts the identity back to be verified when the e-mail becomes someone else's: no export, no erasure, Bruno's data untouched", async () => {
      const anna = await newRequest({
        type: 'erasure',
        subjectName: 'Anna Verdi',
        subjectEmail: 'anna.verdi@example.it',
      });
      // Bruno's own request, verified, must keep its verification.
      const brunoOwn = await newRequest({
        type: 'access',
        subjectName: 'Bruno Neri',
        subjectEmail: 'bruno.neri@example.it',
      });
      expect((await post(`/api/requests/${anna.id}/verify`, { method: 'email_from_known_address' })).status).toBe(200);
      expect((await post(`/api/requests/${brunoOwn.id}/verify`, { method: 'document_seen' })).status).toBe(200);

      const changed = await put(anna.id, { subjectEmail: 'bruno.neri@example.it', subjectName: 'Bruno Neri' });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        status: 'received',
        identityVerifiedAt: null,
        identityMethod: null,
        identityVerifiedBy: null,
      });

      const erase = await post(`/api/requests/${anna.id}/erase`);
      expect(erase.status).toBe(409);
      expect(erase.body.message).toMatch(/Verify the subject's identity/);
      const exported = await fetch(`${c.url}/api/requests/${anna.id}/export.zip?kind=access`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(exported.status).toBe(409);
      expect((await post(`/api/requests/${anna.id}/close`, { outcome: 'Erased' })).status).toBe(409);

      expect(await count('leads', `email = 'bruno.neri@example.it'`)).toBe(1);
      expect(await count('suppressed_identifiers', 'true')).toBe(0);
      expect(await count('erasure_plans', 'request_id = $1', [anna.id])).toBe(0);
      expect(await get(brunoOwn.id)).toMatchObject({
        status: 'in_progress',
        identityMethod: 'document_seen',
        identityVerifiedAt: expect.any(String),
      });

      const line = (await events(anna.id)).at(-1)!;
      expect(line.kind).toBe('subject_changed');
      expect(line.message).toBe(
        'subject changed from anna.verdi@example.it to bruno.neri@example.it: identity to be verified again',
      );
      expect(line.details.identityReset).toMatchObject({
        method: 'email_from_known_address',
        verifiedBy: 'admin@console.test',
        fromStatus: 'in_progress',
        toStatus: 'received',
      });
      const audited = (await audit(anna.id)).find((e) => e.action === 'request.subject_changed');
      expect(audited?.details).toMatchObject({
        before: { subjectEmail: 'anna.verdi@example.it' },
        after: { subjectEmail: 'bruno.neri@example.it' },
      });

      // Verified again, for Bruno this time: the request acts again.
      expect((await post(`/api/requests/${anna.id}/verify`, { method: 'document_seen' })).status).toBe(200);
      expect((await post(`/api/requests/${anna.id}/erase?dryRun=true`)).status).toBe(200);
    });

    it('does the same for a phone added or replaced, not for the same e-mail written differently nor for the name alone', async () => {
      const r = await newRequest({ type: 'access', subjectName: 'Anna Verdi', subjectEmail: 'anna.verdi@example.it' });
      const other = await newRequest({
        type: 'access',
        subjectName: 'Anna Verdi',
        subjectEmail: 'anna.verdi@example.it',
        subjectPhone: '347 111 2222',
      });
      for (const id of [r.id, other.id])
        expect((await post(`/api/requests/${id}/verify`, { method: 'email_from_known_address' })).status).toBe(200);

      expect(
        (await put(r.id, { subjectEmail: 'Anna.Verdi@Example.it', subjectName: 'Anna Maria Verdi' })).body,
      ).toMatchObject({ status: 'in_progress', identityMethod: 'email_from_known_address' });
      const phone = await put(r.id, { subjectPhone: '347 333 4444' });
      expect(phone.body).toMatchObject({ status: 'received', identityVerifiedAt: null });
      expect((await events(r.id)).at(-1)!.message).toBe(
        'subject changed from (none) to 347 333 4444: identity to be verified again',
      );

      // The other request, with the same phone written differently: still verified.
      expect((await put(other.id, { subjectPhone: '+39 3471112222' })).body).toMatchObject({
        status: 'in_progress',
        identityMethod: 'email_from_known_address',
      });
      expect((await events(other.id)).map((e) => e.kind)).not.toContain('subject_changed');
    });

    it('refuses to change the subject of an erasure that already ran (409), leaving the request as it was', async () => {
      const r = await newRequest({ type: 'erasure', subjectEmail: 'nobody.here@example.it' });
      expect((await post(`/api/requests/${r.id}/verify`, { method: 'email_from_known_address' })).status).toBe(200);
      expect((await post(`/api/requests/${r.id}/erase`)).status).toBe(200);
      const res = await put(r.id, { subjectEmail: 'anna.verdi@example.it' });
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/already ran .* new request/);
      expect(await get(r.id)).toMatchObject({ subjectEmail: 'nobody.here@example.it', status: 'in_progress' });
      expect(await count('leads', `email = 'anna.verdi@example.it'`)).toBe(1);
    });
  });

  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  const romeDay = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date(iso));
  const plusDays = (day: string, n: number) => {
    const [y, m, d] = day.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
  };

  describe('refusals: the real ground, in the Art. 12(4) statement (Art. 12(4) and (5), 17(3), 20(1), 21(1) GDPR)', () => {
    it('refuses an erasure on the merits under Art. 17(3)(e) with its text, in Italian; the other request stays open', async () => {
      const r = await newRequest({ type: 'erasure', language: 'it', subjectEmail: 'anna.verdi@example.it' });
      const other = await newRequest({ type: 'erasure', language: 'it', subjectEmail: 'bruno.neri@example.it' });
      const missing = await post(`/api/requests/${r.id}/reject`, { reason: 'merits' });
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toMatchObject({
        ground: expect.stringMatching(/art17_3_a/),
        details: expect.stringMatching(/10 characters/),
      });
      const wrong = await post(`/api/requests/${r.id}/reject`, {
        reason: 'merits',
        ground: 'art21_1',
        details: 'Serve per una causa in corso',
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors.ground).toMatch(/for a erasure request/);

      const res = await post(`/api/requests/${r.id}/reject`, {
        reason: 'merits',
        ground: 'art17_3_e',
        details: 'I dati servono per la causa n. 123/2026 davanti al Tribunale di Milano',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'rejected', rejectionReason: 'merits', rejectionGround: 'art17_3_e' });
      expect(res.body.rejectionStatement).toMatch(
        /difesa di un diritto in sede giudiziaria \(art\. 17, par\. 3, lett\. e, GDPR\)\. I dati servono per la causa/,
      );
      expect(res.body.rejectionStatement).toMatch(/reclamo al Garante/);
      expect((await events(r.id)).at(-1)).toMatchObject({
        kind: 'rejected',
        details: { reason: 'merits', ground: 'art17_3_e' },
      });
      expect((await audit(r.id)).find((e) => e.action === 'request.rejected')?.details).toMatchObject({
        reason: 'merits',
        ground: 'art17_3_e',
      });
      expect(await get(other.id)).toMatchObject({ status: 'received', rejectionReason: null });
    });

    it('objection under Art. 21(1), portability under Art. 20(1); a withdrawal of consent cannot be refused on the merits', async () => {
      const objection = await newRequest({ type: 'objection' });
      const o = await post(`/api/requests/${objection.id}/reject`, {
        reason: 'merits',
        ground: 'art21_1',
        details: 'The fraud checks protect every customer',
      });
      expect(o.body.rejectionStatement).toMatch(/compelling legitimate grounds .*\(GDPR Art\. 21\(1\)\)/);
      const portability = await newRequest({ type: 'portability' });
      const p = await post(`/api/requests/${portability.id}/reject`, {
        reason: 'merits',
        ground: 'art20_1',
        details: 'Your data were collected on paper forms only',
      });
      expect(p.body.rejectionStatement).toMatch(/GDPR Art\. 20\(1\)/);
      const withdrawal = await newRequest({ type: 'consent_withdrawal' });
      const w = await post(`/api/requests/${withdrawal.id}/reject`, {
        reason: 'merits',
        details: 'We would rather keep going',
      });
      expect(w.status).toBe(400);
      expect(w.body.errors.reason).toMatch(/Art\. 7\(3\)/);
      expect((await get(withdrawal.id)).status).toBe('received');
    });

    it('says "repetitive" only when the request is repetitive', async () => {
      const a = await newRequest({ type: 'access' });
      const b = await newRequest({ type: 'access' });
      expect((await post(`/api/requests/${a.id}/reject`, { reason: 'excessive' })).body.errors).toMatchObject({
        ground: expect.stringMatching(/repetitive, other_excess/),
      });
      expect(
        (await post(`/api/requests/${a.id}/reject`, { reason: 'excessive', ground: 'other_excess' })).body.errors,
      ).toMatchObject({ details: expect.any(String) });
      const repetitive = await post(`/api/requests/${a.id}/reject`, {
        reason: 'excessive',
        ground: 'repetitive',
        details: 'This is the sixth identical request this month',
      });
      expect(repetitive.body.rejectionStatement).toMatch(
        /because of its repetitive character \(GDPR Art\. 12\(5\)\(b\)\)/,
      );
      const other = await post(`/api/requests/${b.id}/reject`, {
        reason: 'excessive',
        ground: 'other_excess',
        details: 'It asks for every record of every customer of the shop',
      });
      expect(other.body.rejectionStatement).toMatch(
        /because the request is excessive \(GDPR Art\. 12\(5\)\(b\)\)\. It asks for every record/,
      );
      expect(other.body.rejectionStatement).not.toMatch(/repetitive/);
    });

    it('charges a reasonable fee (Art. 12(5)(a)) instead of refusing: amount and justification recorded, the request stays open', async () => {
      const r = await newRequest({ type: 'access' });
      const other = await newRequest({ type: 'access' });
      expect(
        (
          await post(`/api/requests/${r.id}/fee`, {
            amount: 0,
            basis: 'excessive',
            justification: 'Fourth copy of the same data',
          })
        ).body.errors,
      ).toMatchObject({ amount: 'must be more than 0' });
      expect(
        (
          await post(`/api/requests/${r.id}/fee`, {
            amount: 1.234,
            basis: 'excessive',
            justification: 'Fourth copy of the same data',
          })
        ).body.errors,
      ).toMatchObject({ amount: expect.stringMatching(/two decimals/) });
      expect(
        (await post(`/api/requests/${r.id}/fee`, { amount: 20, basis: 'greedy', justification: 'x' })).body.errors,
      ).toMatchObject({ basis: expect.any(String), justification: expect.any(String) });
      const res = await post(`/api/requests/${r.id}/fee`, {
        amount: 25.5,
        basis: 'excessive',
        justification: 'Fourth copy of the same data this year: 1 hour of work and postage',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'received',
        feeAmount: 25.5,
        feeBasis: 'excessive',
        feeJustification: expect.stringMatching(/^Fourth copy/),
        feeChargedAt: expect.any(String),
      });
      const line = (await events(r.id)).at(-1)!;
      expect(line).toMatchObject({
        kind: 'fee_charged',
        details: { amount: 25.5, currency: 'EUR', basis: 'excessive' },
      });
      expect(line.message).toMatch(/reasonable fee of EUR 25\.50, .*\(GDPR Art\. 12\(5\)\(a\)\)/);
      expect((await audit(r.id)).map((e) => e.action)).toContain('request.fee_charged');
      expect(
        (
          await post(`/api/requests/${r.id}/fee`, {
            amount: 30,
            basis: 'excessive',
            justification: 'Another fee on the same request',
          })
        ).status,
      ).toBe(409);
      expect(await get(other.id)).toMatchObject({ feeAmount: null, feeChargedAt: null });
    });

    it('refuses for unverified identity only after the information was asked and not received in the time given (Art. 12(2) and (6))', async () => {
      const r = await newRequest({ type: 'access', receivedAt: daysAgo(25) });
      const early = await post(`/api/requests/${r.id}/reject`, { reason: 'identity_not_verified' });
      expect(early.status).toBe(409);
      expect(early.body.message).toMatch(/needs the information to identify the subject to have been asked first/);

      const asked = await post(`/api/requests/${r.id}/identity-info-requested`, {
        what: 'a copy of an identity document',
        how: 'email',
        askedAt: daysAgo(20),
        respondBy: romeDay(daysAgo(-3)),
      });
      expect(asked.status).toBe(200);
      const waiting = await post(`/api/requests/${r.id}/reject`, { reason: 'identity_not_verified' });
      expect(waiting.status).toBe(409);
      expect(waiting.body.message).toMatch(/^The subject has until \d{4}-\d{2}-\d{2} to send the identity information/);

      // The time given is shortened (asked again, answer by 6 days ago): now it may be refused.
      expect(
        (
          await post(`/api/requests/${r.id}/identity-info-requested`, {
            what: 'a copy of an identity document',
            how: 'letter',
            askedAt: daysAgo(19),
            respondBy: romeDay(daysAgo(6)),
          })
        ).status,
      ).toBe(200);
      const refused = await post(`/api/requests/${r.id}/reject`, { reason: 'identity_not_verified' });
      expect(refused.status).toBe(200);
      expect(refused.body.rejectionStatement).toMatch(
        new RegExp(
          `could not identify you .*\\(GDPR Art\\. 12\\(2\\) and \\(6\\), Art\\. 11\\(2\\)\\)\\. On ${romeDay(daysAgo(20))} we asked you for a copy of an identity document and received no answer by ${romeDay(daysAgo(6))}\\.`,
        ),
      );

      // Another request whose information arrived: no such refusal.
      const other = await newRequest({ type: 'access', receivedAt: daysAgo(25) });
      await post(`/api/requests/${other.id}/identity-info-requested`, {
        what: 'the order number',
        how: 'phone',
        askedAt: daysAgo(20),
        respondBy: romeDay(daysAgo(10)),
      });
      await post(`/api/requests/${other.id}/identity-info-received`, {
        receivedAt: daysAgo(12),
        what: 'order number 4711',
      });
      const received = await post(`/api/requests/${other.id}/reject`, { reason: 'identity_not_verified' });
      expect(received.status).toBe(409);
      expect(received.body.message).toMatch(/was received on .*: verify the identity with it/);
      expect((await get(other.id)).status).toBe('identity_check');
    });
  });

  describe('identity information asked and received (Art. 12(6) GDPR), the clock pause off by default', () => {
    it('records what was asked, how and when, then what arrived; the working deadline does not move', async () => {
      const r = await newRequest({ type: 'access', receivedAt: daysAgo(10) });
      const other = await newRequest({ type: 'access', receivedAt: daysAgo(10) });
      const future = await post(`/api/requests/${r.id}/identity-info-requested`, {
        what: 'an ID',
        how: 'email',
        askedAt: daysAgo(-1),
        respondBy: romeDay(daysAgo(-10)),
      });
      expect(future.body.errors).toMatchObject({ askedAt: 'must not be in the future' });
      const beforeReceipt = await post(`/api/requests/${r.id}/identity-info-requested`, {
        what: 'an ID',
        how: 'email',
        askedAt: daysAgo(11),
        respondBy: romeDay(daysAgo(-10)),
      });
      expect(beforeReceipt.body.errors.askedAt).toMatch(/before the receipt/);
      expect(
        (
          await post(`/api/requests/${r.id}/identity-info-requested`, {
            what: 'an ID',
            how: 'fax',
            askedAt: daysAgo(8),
            respondBy: '2026-13-01',
          })
        ).body.errors,
      ).toMatchObject({
        how: expect.any(String),
        respondBy: expect.any(String),
      });
      expect(
        (await post(`/api/requests/${r.id}/identity-info-received`, { receivedAt: daysAgo(1), what: 'ID card' }))
          .status,
      ).toBe(409);

      const asked = await post(`/api/requests/${r.id}/identity-info-requested`, {
        what: 'a scan of an identity document',
        how: 'letter',
        askedAt: daysAgo(8),
        respondBy: romeDay(daysAgo(-7)),
      });
      expect(asked.body).toMatchObject({
        status: 'identity_check',
        identityInfoRequested: 'a scan of an identity document',
        identityInfoChannel: 'letter',
        identityInfoRespondBy: romeDay(daysAgo(-7)),
        identityWaitingDays: 8,
        pausedDueDate: null,
        workingDueDateWithoutPause: asked.body.workingDueDate,
      });
      expect((await events(r.id)).at(-1)).toMatchObject({
        kind: 'identity_info_requested',
        message: 'a scan of an identity document',
        details: { how: 'letter', pause: false },
      });

      expect(
        (await post(`/api/requests/${r.id}/identity-info-received`, { receivedAt: daysAgo(9), what: 'ID card' })).body
          .errors.receivedAt,
      ).toMatch(/before it was asked/);
      const received = await post(`/api/requests/${r.id}/identity-info-received`, {
        receivedAt: daysAgo(3),
        what: 'a scan of the identity card',
      });
      expect(received.body).toMatchObject({
        identityInfoReceivedAt: expect.any(String),
        identityPauseDays: 0,
        identityWaitingDays: null,
        pausedDueDate: null,
        workingDueDate: asked.body.workingDueDate,
      });
      expect((await events(r.id)).at(-1)).toMatchObject({
        kind: 'identity_info_received',
        details: { waitedDays: 5, paused: false },
      });
      expect((await audit(r.id)).map((e) => e.action)).toEqual(
        expect.arrayContaining(['request.identity_info_requested', 'request.identity_info_received']),
      );
      expect(await get(other.id)).toMatchObject({
        status: 'received',
        identityInfoRequestedAt: null,
        identityWaitingDays: null,
      });
    });

    it('with IDENTITY_PAUSE=on moves the working deadline by the days waited, showing both dates (EDPB Guidelines 01/2022)', async () => {
      const paused = await startTestConsole({ env: { IDENTITY_PAUSE: 'on' } });
      try {
        const t = await paused.login();
        const p = (path: string, body: unknown = {}) => paused.api(path, { token: t, body });
        const r = (await p('/api/requests', { type: 'access', channel: 'email', receivedAt: daysAgo(10) })).body;
        const other = (await p('/api/requests', { type: 'access', channel: 'email', receivedAt: daysAgo(10) })).body;
        const unpaused = r.workingDueDate;
        const asked = (
          await p(`/api/requests/${r.id}/identity-info-requested`, {
            what: 'an identity document',
            how: 'email',
            askedAt: daysAgo(8),
            respondBy: romeDay(daysAgo(-7)),
          })
        ).body;
        expect(asked).toMatchObject({
          workingDueDate: unpaused,
          workingDueDateWithoutPause: unpaused,
          identityWaitingDays: 8,
          pausedDueDate: plusDays(unpaused, 8),
        });
        const received = (
          await p(`/api/requests/${r.id}/identity-info-received`, { receivedAt: daysAgo(3), what: 'the identity card' })
        ).body;
        expect(received).toMatchObject({
          identityPauseDays: 5,
          workingDueDate: plusDays(unpaused, 5),
          workingDueDateWithoutPause: unpaused,
          pausedDueDate: plusDays(unpaused, 5),
          identityWaitingDays: null,
        });
        const line = (
          await paused.api(
            `/api/request-events?filter=${encodeURIComponent(JSON.stringify({ requestId: r.id }))}&sort=${encodeURIComponent('["at","ASC"]')}`,
            { token: t },
          )
        ).body.at(-1);
        expect(line).toMatchObject({
          kind: 'identity_info_received',
          details: {
            waitedDays: 5,
            paused: true,
            workingDueDateBefore: unpaused,
            workingDueDate: plusDays(unpaused, 5),
          },
        });
        // The legal deadline itself is not moved, nor the other request.
        expect(received.dueDate).toBe(asked.dueDate);
        expect((await paused.api(`/api/requests/${other.id}`, { token: t })).body).toMatchObject({
          workingDueDate: unpaused,
          pausedDueDate: null,
          identityPauseDays: 0,
        });
      } finally {
        await paused.close();
      }
    });
  });

  describe('lifting a restriction needs the date the subject was told (Art. 18(3) GDPR)', () => {
    it('refuses without subjectToldAt (400 naming it), lifts with it, and leaves the other restriction in force', async () => {
      const anna = await newRequest({ type: 'restriction', subjectEmail: 'anna.verdi@example.it' });
      const bruno = await newRequest({ type: 'restriction', subjectEmail: 'bruno.neri@example.it' });
      for (const r of [anna, bruno]) {
        expect((await post(`/api/requests/${r.id}/verify`, { method: 'email_from_known_address' })).status).toBe(200);
        const restricted = await post(`/api/requests/${r.id}/restrict`);
        expect(restricted.status, JSON.stringify(restricted.body)).toBe(200);
      }
      const missing = await post(`/api/requests/${anna.id}/lift-restriction`, {
        reason: 'Accuracy verified with the subject',
      });
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toEqual({ subjectToldAt: expect.stringMatching(/^is required: .*Art\. 18\(3\)/) });
      expect(missing.body).toMatchObject({
        reason: 'subject_not_told',
        fieldReasons: { subjectToldAt: 'subject_not_told' },
      });
      const future = await post(`/api/requests/${anna.id}/lift-restriction`, {
        reason: 'Accuracy verified with the subject',
        subjectToldAt: daysAgo(-1),
      });
      expect(future.body.errors.subjectToldAt).toMatch(/must not be in the future/);
      expect(future.body.fieldReasons).toEqual({ subjectToldAt: 'in_future' });
      const early = await post(`/api/requests/${anna.id}/lift-restriction`, {
        reason: 'Accuracy verified with the subject',
        subjectToldAt: daysAgo(30),
      });
      expect(early.body.errors.subjectToldAt).toMatch(/before the restriction was put/);
      expect(early.body).toMatchObject({ reason: 'before_earlier_step', reasonArgs: { before: expect.any(String) } });
      expect(await count('leads', `email = 'anna.verdi@example.it' AND restricted_at IS NOT NULL`)).toBe(1);

      const toldAt = new Date().toISOString();
      const lifted = await post(`/api/requests/${anna.id}/lift-restriction`, {
        reason: 'Accuracy verified with the subject',
        subjectToldAt: toldAt,
      });
      expect(lifted.status).toBe(200);
      expect((await events(anna.id)).at(-1)).toMatchObject({
        kind: 'restriction_lifted',
        message: 'Accuracy verified with the subject',
        details: { subjectToldAt: toldAt },
      });
      expect((await audit(anna.id)).find((e) => e.action === 'subject.restriction_lifted')?.details).toMatchObject({
        subjectToldAt: toldAt,
      });
      expect(await count('leads', `email = 'anna.verdi@example.it' AND restricted_at IS NOT NULL`)).toBe(0);
      expect(
        await count('leads', `email = 'bruno.neri@example.it' AND restricted_by_request_id = $1`, [bruno.id]),
      ).toBe(1);
    });
  });

  describe('minors (Art. 8 GDPR; Art. 2-quinquies Codice privacy)', () => {
    const eml = (from: string, body: string) =>
      [
        `From: ${from}`,
        'To: privacy@vimage.it',
        `Message-ID: <${Math.random().toString(36).slice(2)}@example.it>`,
        'Subject: Cancellazione dati',
        'Date: Mon, 30 Nov 2026 10:00:00 +0100',
        '',
        body,
        '',
      ].join('\r\n');

    it('flags an e-mail saying "ho 16 anni", not one that does not; the officer confirms or dismisses it, audited', async () => {
      const flagged = await c.api('/api/intake/email', {
        token,
        body: eml('Luca <luca.piccolo@example.it>', 'Buongiorno, ho 16 anni e vorrei la cancellazione dei miei dati.'),
        headers: { 'content-type': 'message/rfc822' },
      });
      expect(flagged.status).toBe(201);
      expect(flagged.body).toMatchObject({ minorSuspected: true, minorEvidence: 'ho 16 anni', minorDecision: null });
      expect((await events(flagged.body.id))[0].details.minorSignal).toEqual({ evidence: 'ho 16 anni', age: 16 });
      const adult = await c.api('/api/intake/email', {
        token,
        body: eml('Carla <carla.adulta@example.it>', 'Buongiorno, ho 46 anni e vorrei la cancellazione dei miei dati.'),
        headers: { 'content-type': 'message/rfc822' },
      });
      expect(adult.body).toMatchObject({ minorSuspected: false, minorEvidence: null });

      const byHand = await newRequest({
        type: 'access',
        description: 'Date of birth: 2012-04-03. Please send me my data.',
      });
      expect(await get(byHand.id)).toMatchObject({ minorSuspected: true, minorEvidence: 'Date of birth: 2012-04-03' });

      expect((await post(`/api/requests/${flagged.body.id}/minor`, { decision: 'maybe' })).status).toBe(400);
      const confirmed = await post(`/api/requests/${flagged.body.id}/minor`, {
        decision: 'confirmed',
        note: 'The parent called and confirmed the age',
      });
      expect(confirmed.body).toMatchObject({
        minorSuspected: true,
        minorDecision: 'confirmed',
        minorDecidedBy: 'admin@console.test',
        minorDecidedAt: expect.any(String),
      });
      expect((await events(flagged.body.id)).at(-1)).toMatchObject({
        kind: 'minor_decided',
        message: 'The parent called and confirmed the age',
        details: { decision: 'confirmed', evidence: 'ho 16 anni' },
      });
      expect((await audit(flagged.body.id)).find((e) => e.action === 'request.minor_decided')?.details).toMatchObject({
        decision: 'confirmed',
      });
      const dismissed = await post(`/api/requests/${byHand.id}/minor`, {
        decision: 'dismissed',
        note: 'The date is the order date, not a birth date',
      });
      expect(dismissed.body).toMatchObject({ minorDecision: 'dismissed' });
      expect(await get(adult.body.id)).toMatchObject({ minorDecision: null });
    });
  });

  describe('an identity document kept as evidence, sealed, destroyed when the request is answered (Art. 12(6), Art. 5(1)(c) and (e) GDPR)', () => {
    const pdf = Buffer.from('%PDF-1.4\nCarta di identita di Anna Verdi, n. CA12345AB\n%%EOF\n');

    it('keeps it sealed while open, gives it back audited, destroys it on refusal keeping who saw it and when; the other request keeps its own', async () => {
      const r = await newRequest({ type: 'access', receivedAt: daysAgo(5), subjectEmail: 'anna.verdi@example.it' });
      const other = await newRequest({ type: 'access', receivedAt: daysAgo(5), subjectEmail: 'bruno.neri@example.it' });
      const bad = await post(`/api/requests/${r.id}/identity-documents`, {
        fileName: 'x.exe',
        contentType: 'application/x-msdownload',
        contentBase64: 'not base64!',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toMatchObject({
        contentType: expect.any(String),
        contentBase64: 'must be the file in base64',
      });

      const added = await post(`/api/requests/${r.id}/identity-documents`, {
        fileName: 'carta-identita.pdf',
        contentType: 'application/pdf',
        contentBase64: pdf.toString('base64'),
      });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({
        fileName: 'carta-identita.pdf',
        size: pdf.length,
        addedBy: 'admin@console.test',
      });
      const kept = await post(`/api/requests/${other.id}/identity-documents`, {
        fileName: 'patente.pdf',
        contentType: 'application/pdf',
        contentBase64: pdf.toString('base64'),
      });
      expect(kept.status).toBe(201);
      // Sealed: the database does not hold the text.
      const [row] = await sql(c, `SELECT sealed FROM identity_documents WHERE id = $1`, [added.body.id]);
      expect(Buffer.from(row.sealed).includes(Buffer.from('CA12345AB'))).toBe(false);
      expect(Buffer.from(row.sealed).includes(Buffer.from(pdf.toString('base64').slice(0, 20)))).toBe(false);

      const read = await fetch(`${c.url}/api/requests/${r.id}/identity-documents/${added.body.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(read.status).toBe(200);
      expect(read.headers.get('content-type')).toMatch(/^application\/pdf/);
      expect(Buffer.from(await read.arrayBuffer()).equals(pdf)).toBe(true);
      expect((await audit(r.id)).map((e) => e.action)).toEqual(
        expect.arrayContaining(['request.identity_document_added', 'request.identity_document_viewed']),
      );

      expect((await post(`/api/requests/${r.id}/reject`, { reason: 'manifestly_unfounded' })).status).toBe(200);
      const [gone] = await sql(
        c,
        `SELECT sealed, destroyed_at, file_name, sha256 FROM identity_documents WHERE id = $1`,
        [added.body.id],
      );
      expect(gone).toMatchObject({
        sealed: null,
        destroyed_at: expect.any(Date),
        file_name: 'carta-identita.pdf',
        sha256: added.body.sha256,
      });
      const line = (await events(r.id)).at(-1)!;
      expect(line).toMatchObject({
        kind: 'identity_documents_destroyed',
        details: {
          documents: [{ fileName: 'carta-identita.pdf', seenBy: 'admin@console.test', seenOn: added.body.addedAt }],
        },
      });
      expect((await audit(r.id)).map((e) => e.action)).toContain('request.identity_documents_destroyed');
      const after = await fetch(`${c.url}/api/requests/${r.id}/identity-documents/${added.body.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(after.status).toBe(409);
      expect(
        (
          await post(`/api/requests/${r.id}/identity-documents`, {
            fileName: 'again.pdf',
            contentType: 'application/pdf',
            contentBase64: pdf.toString('base64'),
          })
        ).status,
      ).toBe(409);

      const [still] = await sql(c, `SELECT sealed IS NOT NULL AS kept FROM identity_documents WHERE id = $1`, [
        kept.body.id,
      ]);
      expect(still.kept).toBe(true);
    });
  });

  describe('refusals carry a stable reason code for the console, the English message for API clients', () => {
    it('names the reason of each refusal, and of each field, changing nothing; another request is untouched', async () => {
      const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
      const r = await newRequest({ type: 'erasure', receivedAt: daysAgo(5), subjectEmail: 'anna.verdi@example.it' });
      const other = await newRequest({ type: 'access', receivedAt: daysAgo(5) });
      const before = await get(r.id);
      const eventsBefore = (await events(r.id)).length;

      // Art. 12(4): a refusal on the merits needs the ground explained in the words the person reads.
      const short = await post(`/api/requests/${r.id}/reject`, {
        reason: 'merits',
        ground: 'art17_3_b',
        details: 'No',
      });
      expect(short.status).toBe(400);
      expect(short.body).toMatchObject({
        reason: 'details_too_short',
        fieldReasons: { details: 'details_too_short' },
        errors: { details: expect.stringMatching(/10 characters or more/) },
      });
      // Art. 12(2) and (6): no refusal for unverified identity before the information was asked.
      const early = await post(`/api/requests/${r.id}/reject`, { reason: 'identity_not_verified' });
      expect(early.status).toBe(409);
      expect(early.body).toMatchObject({
        reason: 'identity_info_not_asked',
        message: expect.stringMatching(/^A refusal/),
      });
      // class-validator: each field names its constraint.
      const fee = await post(`/api/requests/${r.id}/fee`, { amount: 0, basis: 'sometimes', extra: 1 });
      expect(fee.status).toBe(400);
      expect(fee.body.reason).toBe('invalid_body');
      expect(fee.body.fieldReasons).toMatchObject({ basis: 'isIn', justification: 'required', extra: 'unknown_field' });
      expect(Object.keys(fee.body.fieldReasons).sort()).toEqual(Object.keys(fee.body.errors).sort());
      // Art. 12(6): what was asked is dated, not in the future.
      const future = await post(`/api/requests/${r.id}/identity-info-requested`, {
        what: 'a copy of an identity document',
        how: 'email',
        askedAt: daysAgo(-2),
        respondBy: '2099-01-01',
      });
      expect(future.body).toMatchObject({ reason: 'in_future', fieldReasons: { askedAt: 'in_future' } });
      const notAwaited = await post(`/api/requests/${r.id}/identity-info-received`, {
        receivedAt: daysAgo(1),
        what: 'an ID card',
      });
      expect(notAwaited.body).toMatchObject({ statusCode: 409, reason: 'identity_info_not_awaited' });
      // Art. 12(3): one extension only.
      const extend = { reason: 'Many sources to search', communicatedAt: daysAgo(0) };
      expect((await post(`/api/requests/${r.id}/extend`, extend)).status).toBe(200);
      const again = await post(`/api/requests/${r.id}/extend`, extend);
      expect(again.body).toMatchObject({ statusCode: 409, reason: 'already_extended' });
      expect(again.body.message).toMatch(/one extension of two months/);
      // A right's action on another type of request.
      const wrong = await post(`/api/requests/${other.id}/restrict`);
      expect(wrong.body).toMatchObject({
        statusCode: 409,
        reason: 'wrong_request_type',
        reasonArgs: { type: 'access' },
      });
      const withdraw = await post(`/api/requests/${r.id}/withdraw`);
      expect(withdraw.body).toMatchObject({ statusCode: 409, reason: 'wrong_request_type' });

      // Nothing changed but the one extension (its dates and the actions it leaves); the other request neither.
      const extension = {
        extendedDueDate: null,
        extensionReason: null,
        extensionCommunicatedAt: null,
        version: 0,
        updatedAt: null,
        workingDueDate: null,
        allowedActions: null,
      };
      expect({ ...(await get(r.id)), ...extension }).toEqual({ ...before, ...extension });
      expect((await events(r.id)).length).toBe(eventsBefore + 1);
      expect((await get(other.id)).status).toBe('received');
    });

    it('a closed request answers request_closed with its status; an unknown request not_found', async () => {
      const r = await newRequest({ type: 'access' });
      expect((await post(`/api/requests/${r.id}/reject`, { reason: 'manifestly_unfounded' })).status).toBe(200);
      const closed = await post(`/api/requests/${r.id}/fee`, {
        amount: 10,
        basis: 'excessive',
        justification: 'Fourth copy of the same data',
      });
      expect(closed.body).toMatchObject({
        statusCode: 409,
        reason: 'request_closed',
        reasonArgs: { status: 'rejected' },
      });
      const missing = await post('/api/requests/00000000-0000-4000-8000-000000000000/fee', {
        amount: 10,
        basis: 'excessive',
        justification: 'Fourth copy of the same data',
      });
      expect(missing.body).toMatchObject({ statusCode: 404, reason: 'not_found' });
    });
  });
});
