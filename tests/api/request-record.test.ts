import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';

/**
 * Issue 14, "the record must not lie": the receipt date is the company's, one e-mail makes one
 * request, an extension is told to the subject when it could have been, and a late answer is
 * marked late. Each rule also checks that a bystander's request is left as it was.
 */
describe("the request's record: receipt, duplicates, extension dates, late answers", () => {
  let c: TestConsole;
  let token: string;
  let bystander: Record<string, unknown>;

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
    bystander = (
      await c.api('/api/requests', {
        token,
        body: {
          type: 'access',
          channel: 'post',
          receivedAt: daysFromNow(-3),
          subjectName: 'Bystander',
          subjectEmail: uniqueEmail('bystander'),
        },
      })
    ).body;
  });
  afterAll(() => c?.close());

  const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  const create = (body: Record<string, unknown>) => c.api('/api/requests', { token, body });
  const act = (id: string, action: string, body: unknown = {}) =>
    c.api(`/api/requests/${id}/${action}`, { token, body });
  const put = (id: string, body: Record<string, unknown>) =>
    c.api(`/api/requests/${id}`, { token, method: 'PUT', body });
  const get = async (id: string) => (await c.api(`/api/requests/${id}`, { token })).body;
  const total = async () => (await c.api('/api/requests?range=[0,0]', { token })).headers.get('content-range');
  const timeline = async (id: string) =>
    (
      await c.api(
        `/api/request-events?filter=${encodeURIComponent(JSON.stringify({ requestId: id }))}&sort=["at","ASC"]&range=[0,99]`,
        { token },
      )
    ).body;
  /** The writes audited about a request (reads are audited too: left out here). */
  const audit = async (id: string) =>
    (
      await c.api(
        `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ entity: 'request', entityId: id }))}&sort=["id","ASC"]&range=[0,99]`,
        { token },
      )
    ).body.filter((e: { action: string }) => !/\.(viewed|listed)$/.test(e.action));
  const intake = (raw: string) =>
    c.api('/api/intake/email', { token, body: raw, headers: { 'content-type': 'message/rfc822' } });
  const eml = (o: {
    from: string;
    date?: string;
    received?: string[];
    messageId?: string;
    subject?: string;
    body: string;
  }) =>
    [
      ...(o.received ?? []).map(
        (r) =>
          `Received: from relay.example.it by mx.vimage.it with ESMTPS id ${Math.random().toString(36).slice(2)};\r\n\t${r}`,
      ),
      `From: ${o.from}`,
      'To: privacy@vimage.it',
      `Subject: ${o.subject ?? 'Richiesta di accesso ai miei dati'}`,
      ...(o.date !== undefined ? [`Date: ${o.date}`] : []),
      ...(o.messageId ? [`Message-ID: <${o.messageId}>`] : []),
      'Content-Type: text/plain; charset=utf-8',
      '',
      o.body,
      '',
    ].join('\r\n');
  const bystanderUntouched = async () => {
    const now = await get(bystander.id as string);
    expect({ ...now, daysLeft: bystander.daysLeft }).toEqual(bystander);
    expect((await timeline(bystander.id as string)).map((e: { kind: string }) => e.kind)).toEqual(['received']);
  };

  describe('receipt date (Art. 12(3) GDPR: the month runs from "receipt of the request"; Reg. 1182/71 Art. 3)', () => {
    it("an e-mail is received when the company's mail server received it (topmost Received:), not on the sender's Date:", async () => {
      const res = await intake(
        eml({
          from: `Sender <${uniqueEmail('future')}>`,
          date: 'Tue, 1 Jan 2030 10:00:00 +0100',
          received: ['Fri, 20 Nov 2026 10:00:05 +0100', 'Fri, 20 Nov 2026 09:59:58 +0100'],
          messageId: `${Math.random()}@example.it`,
          body: 'Vorrei una copia dei miei dati.',
        }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        duplicate: false,
        receivedAt: '2026-11-20T09:00:05.000Z',
        senderDate: '2030-01-01T09:00:00.000Z',
        reference: expect.stringMatching(/^DSR-2026-\d{4}$/),
        dueDate: '2026-12-21', // 20 December 2026 is a Sunday
      });
      const [received] = await timeline(res.body.id);
      expect(received.details).toMatchObject({
        senderDate: '2030-01-01T09:00:00.000Z',
        receivedAt: '2026-11-20T09:00:05.000Z',
        receiptSource: 'received_header',
      });
      await bystanderUntouched();
    });

    it('without a Received: header the import is the receipt; a malformed or missing Date: stays missing', async () => {
      const before = Date.now();
      const malformed = await intake(
        eml({
          from: uniqueEmail('nodate'),
          date: 'the day after tomorrow',
          body: 'Chiedo la cancellazione dei miei dati.',
        }),
      );
      const missing = await intake(
        eml({ from: uniqueEmail('nodate'), body: 'Chiedo la cancellazione dei miei dati.' }),
      );
      const year2030 = await intake(
        eml({
          from: uniqueEmail('nodate'),
          date: 'Tue, 1 Jan 2030 10:00:00 +0100',
          body: 'Chiedo la cancellazione dei miei dati.',
        }),
      );
      for (const res of [malformed, missing, year2030]) {
        expect(res.status).toBe(201);
        const receivedAt = Date.parse(res.body.receivedAt);
        expect(receivedAt).toBeGreaterThanOrEqual(before - 1000);
        expect(receivedAt).toBeLessThanOrEqual(Date.now());
        expect(res.body.reference.slice(4, 8)).toBe(new Date(receivedAt).toISOString().slice(0, 4));
      }
      expect(malformed.body.senderDate).toBeNull();
      expect(missing.body.senderDate).toBeNull();
      expect(year2030.body.senderDate).toBe('2030-01-01T09:00:00.000Z');
      await bystanderUntouched();
    });

    it('hostile Date: and Received: headers never give a receipt in the future or before 2000, nor a 500', async () => {
      const stamp = fc.oneof(
        fc.string({ maxLength: 40 }),
        fc
          .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
          .map((d) => d.toUTCString().replace('GMT', '+0000')),
        fc
          .tuple(
            fc.integer({ min: 0, max: 32 }),
            fc.constantFrom('Jan', 'Dec', 'Foo'),
            fc.integer({ min: 0, max: 99_999 }),
          )
          .map(([d, m, y]) => `${d} ${m} ${y} 10:00:00 +0100`),
      );
      await fc.assert(
        fc.asyncProperty(stamp, fc.array(stamp, { maxLength: 2 }), async (date, received) => {
          const clean = (s: string) => s.replace(/[\r\n]/g, ' ');
          const res = await intake(
            eml({
              from: uniqueEmail('fuzz'),
              date: clean(date),
              received: received.map(clean),
              body: `Accesso ai miei dati ${Math.random()}`,
            }),
          );
          // A sender and a text: always a request, whatever the dates say (they are not the sender's to decide).
          expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(201);
          const receivedAt = Date.parse(res.body.receivedAt);
          expect(receivedAt).toBeLessThanOrEqual(Date.now());
          expect(receivedAt).toBeGreaterThanOrEqual(Date.parse('2000-01-01T00:00:00Z'));
          // Never a year that has not begun in Rome.
          expect(Number(res.body.reference.slice(4, 8))).toBeLessThanOrEqual(
            Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric' }).format(new Date())),
          );
          expect(res.body.dueDate <= new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10)).toBe(true);
        }),
        { numRuns: 25 },
      );
      await bystanderUntouched();
    });

    it('refuses a receivedAt in the future or before 2000 on create, naming the field; the clock-skew allowance passes', async () => {
      const before = await total();
      for (const receivedAt of [
        new Date(Date.now() + 10 * 60_000).toISOString(),
        '2030-01-01T00:00:00Z',
        '9999-12-31T23:59:59Z',
        '1999-12-31T22:59:59Z',
      ]) {
        const res = await create({ type: 'access', channel: 'post', receivedAt });
        expect(res.status, receivedAt).toBe(400);
        expect(res.body.errors).toEqual({ receivedAt: expect.stringMatching(/future|before 2000-01-01/) });
      }
      expect(await total()).toBe(before);
      const skewed = await create({
        type: 'access',
        channel: 'post',
        receivedAt: new Date(Date.now() + 2 * 60_000).toISOString(),
      });
      expect(skewed.status).toBe(201);
      expect(skewed.body.reference.slice(4, 8)).toBe(String(new Date().getFullYear()));
      await bystanderUntouched();
    });

    it('a changed receipt date needs a reason, is refused in the future, and goes on the timeline and in the audit log with both dates', async () => {
      const { body: r } = await create({ type: 'access', channel: 'post', receivedAt: '2026-11-02T10:00:00+01:00' });
      // react-admin sends the record back as it is: the same receipt date needs no reason.
      expect((await put(r.id, { ...r, subjectName: 'Giulia' })).status).toBe(200);
      const current = await get(r.id);

      const noReason = await put(r.id, { ...current, receivedAt: '2026-10-30T10:00:00+01:00' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors).toEqual({ reason: expect.stringMatching(/why the receipt date changes/) });
      const future = await put(r.id, {
        ...current,
        receivedAt: '2030-01-01T00:00:00Z',
        reason: 'The letter was stamped on arrival',
      });
      expect(future.status).toBe(400);
      expect(future.body.errors).toEqual({ receivedAt: expect.stringMatching(/future/) });
      const tooOld = await put(r.id, {
        ...current,
        receivedAt: '1999-06-01T00:00:00Z',
        reason: 'The letter was stamped on arrival',
      });
      expect(tooOld.status).toBe(400);
      expect(tooOld.body.errors).toEqual({ receivedAt: expect.stringMatching(/before 2000-01-01/) });
      expect(await get(r.id)).toMatchObject({
        receivedAt: current.receivedAt,
        dueDate: current.dueDate,
        version: current.version,
      });

      const moved = await put(r.id, {
        ...current,
        receivedAt: '2026-10-30T10:00:00+01:00',
        reason: 'The letter was stamped on arrival on 30 October',
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ receivedAt: '2026-10-30T09:00:00.000Z', dueDate: '2026-11-30' });
      const event = (await timeline(r.id)).at(-1);
      expect(event).toMatchObject({
        kind: 'receipt_changed',
        message: 'The letter was stamped on arrival on 30 October',
        details: {
          before: { receivedAt: '2026-11-02T09:00:00.000Z', dueDate: '2026-12-02' },
          after: { receivedAt: '2026-10-30T09:00:00.000Z', dueDate: '2026-11-30' },
          reason: 'The letter was stamped on arrival on 30 October',
        },
      });
      expect((await audit(r.id)).at(-1)).toMatchObject({
        action: 'request.receipt_changed',
        details: {
          before: { receivedAt: '2026-11-02T09:00:00.000Z' },
          after: { receivedAt: '2026-10-30T09:00:00.000Z' },
          reason: 'The letter was stamped on arrival on 30 October',
        },
      });
      await bystanderUntouched();
    });
  });

  describe('one e-mail, one request', () => {
    it('the same Message-ID from the same sender answers the first request and creates nothing; the audit log says so', async () => {
      const raw = eml({
        from: `Luca <${uniqueEmail('dup')}>`,
        date: 'Wed, 25 Nov 2026 10:00:00 +0100',
        received: ['Wed, 25 Nov 2026 10:00:03 +0100'],
        messageId: `dup-${Math.random()}@example.it`,
        body: 'Vorrei sapere quali dati avete.',
      });
      const first = await intake(raw);
      expect(first.status).toBe(201);
      const before = {
        total: await total(),
        timeline: await timeline(first.body.id),
        audit: (await audit(first.body.id)).length,
      };
      const again = await intake(raw.replace('Vorrei sapere', 'Vorrei proprio sapere'));
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ duplicate: true, id: first.body.id, reference: first.body.reference });
      expect(await total()).toBe(before.total);
      // Nothing changes but one line on the timeline, so that the request page says it came in again (Art. 12(5)).
      const after = await timeline(first.body.id);
      expect(after.slice(0, before.timeline.length)).toEqual(before.timeline);
      expect(after.slice(before.timeline.length).map((e: { kind: string }) => e.kind)).toEqual(['duplicate_import']);
      expect(again.body).toMatchObject({
        dueDate: first.body.dueDate,
        alreadyImported: { requestId: first.body.id, reference: first.body.reference },
      });
      const events = await audit(first.body.id);
      expect(events).toHaveLength(before.audit + 1);
      expect(events.at(-1)).toMatchObject({
        action: 'request.duplicate_import',
        details: { reference: first.body.reference },
      });
      await bystanderUntouched();
    });

    it('without a Message-ID: the same sender and text is the same e-mail; another person sending the same text is not', async () => {
      const sender = uniqueEmail('nomsgid');
      const text = `Revoco il consenso al trattamento dei miei dati. ${Math.random()}`;
      const first = await intake(eml({ from: sender, date: 'Wed, 25 Nov 2026 10:00:00 +0100', body: text }));
      const again = await intake(eml({ from: sender, date: 'Thu, 26 Nov 2026 10:00:00 +0100', body: text }));
      const other = await intake(
        eml({ from: uniqueEmail('other'), date: 'Wed, 25 Nov 2026 10:00:00 +0100', body: text }),
      );
      expect(first.status).toBe(201);
      expect(again).toMatchObject({ status: 200, body: { duplicate: true, id: first.body.id } });
      expect(other).toMatchObject({ status: 201, body: { duplicate: false } });
      expect(other.body.id).not.toBe(first.body.id);
      // Someone else who copies the Message-ID of another's e-mail does not silence their own request.
      const messageId = `copied-${Math.random()}@example.it`;
      const victim = await intake(eml({ from: uniqueEmail('victim'), messageId, body: 'Cancellate i miei dati.' }));
      const copycat = await intake(eml({ from: uniqueEmail('copycat'), messageId, body: 'Cancellate i miei dati.' }));
      expect([victim.status, copycat.status]).toEqual([201, 201]);
      await bystanderUntouched();
    });

    it('imports of one e-mail at once make one request (a unique index, not only a check)', async () => {
      const raw = eml({
        from: uniqueEmail('race'),
        received: ['Wed, 25 Nov 2026 10:00:03 +0100'],
        messageId: `race-${Math.random()}@example.it`,
        body: 'Accesso ai miei dati, per favore.',
      });
      const results = await Promise.all(Array.from({ length: 6 }, () => intake(raw)));
      expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
      expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
      const [{ n }] = await sql(c, `SELECT count(*)::int AS n FROM requests WHERE email_message_id = $1`, [
        results[0].body.emailMessageId,
      ]);
      expect(n).toBe(1);
      await bystanderUntouched();
    });
  });

  describe('extension (Art. 12(3) GDPR: told to the subject, with the reasons, "within one month of receipt")', () => {
    it('refuses a communicatedAt before the receipt or in the future, naming the field, and changes nothing', async () => {
      const { body: r } = await create({ type: 'access', channel: 'post', receivedAt: daysFromNow(-5) });
      const reason = 'Many sources to search and a heavy chat history';
      for (const communicatedAt of [daysFromNow(-6), daysFromNow(1), '2030-01-01T00:00:00Z']) {
        const res = await act(r.id, 'extend', { reason, communicatedAt });
        expect(res.status, communicatedAt).toBe(400);
        expect(res.body.errors).toEqual({
          communicatedAt: expect.stringMatching(/before the request was received|future/),
        });
      }
      expect(await get(r.id)).toMatchObject({
        extendedDueDate: null,
        extensionCommunicatedAt: null,
        version: r.version,
      });
      expect((await timeline(r.id)).map((e: { kind: string }) => e.kind)).toEqual(['received']);
      const told = daysFromNow(-1);
      const ok = await act(r.id, 'extend', { reason, communicatedAt: told });
      expect(ok.status).toBe(200);
      expect(ok.body.extensionCommunicatedAt).toBe(told);
      await bystanderUntouched();
    });

    it('a receipt date moved so that the extension would have been told after the first deadline is refused', async () => {
      const { body: r } = await create({ type: 'access', channel: 'post', receivedAt: daysFromNow(-20) });
      const extended = await act(r.id, 'extend', {
        reason: 'Many sources to search and a heavy chat history',
        communicatedAt: new Date().toISOString(),
      });
      expect(extended.status).toBe(200);
      const res = await put(r.id, {
        ...extended.body,
        receivedAt: daysFromNow(-60),
        reason: 'Found the envelope: it came earlier',
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual({ receivedAt: expect.stringMatching(/extension .* would not hold/) });
      expect((await get(r.id)).receivedAt).toBe(extended.body.receivedAt);
      await bystanderUntouched();
    });
  });

  describe('late answers (Art. 12(3) GDPR; Reg. 1182/71 Art. 3(2)(c): the deadline day is still in time)', () => {
    const verified = async (receivedAt: string) => {
      const { body: r } = await create({
        type: 'access',
        channel: 'post',
        receivedAt,
        subjectEmail: uniqueEmail('late'),
      });
      await act(r.id, 'verify', { method: 'document_seen' });
      return r;
    };
    const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
    const daysSince = (date: string) => Math.round((Date.parse(today()) - Date.parse(date)) / 86_400_000);

    it('a closing or a refusal after the legal deadline is marked late by its days; in time is not; the dashboard counts them', async () => {
      const statsBefore = (await c.api('/api/requests/stats', { token })).body;
      const lateClose = await verified(daysFromNow(-45));
      const closed = await act(lateClose.id, 'close', { outcome: 'Sent the data' });
      expect(closed.body).toMatchObject({
        status: 'completed',
        answeredLate: true,
        lateByDays: daysSince(lateClose.dueDate),
      });
      expect((await timeline(lateClose.id)).at(-1)).toMatchObject({
        kind: 'closed',
        details: { onTime: false, lateByDays: daysSince(lateClose.dueDate), deadline: lateClose.dueDate },
      });

      const { body: lateReject } = await create({ type: 'erasure', channel: 'post', receivedAt: daysFromNow(-50) });
      const rejected = await act(lateReject.id, 'reject', { reason: 'manifestly_unfounded' });
      expect(rejected.body).toMatchObject({
        status: 'rejected',
        answeredLate: true,
        lateByDays: daysSince(lateReject.dueDate),
      });

      const inTime = await verified(daysFromNow(-2));
      expect((await act(inTime.id, 'close', { outcome: 'Sent the data' })).body).toMatchObject({
        answeredLate: false,
        lateByDays: null,
      });

      const stats = (await c.api('/api/requests/stats', { token })).body;
      expect(stats.answeredLate).toBe(statsBefore.answeredLate + 2);
      const late = await c.api(
        `/api/requests?filter=${encodeURIComponent(JSON.stringify({ answeredLate: true }))}&range=[0,99]`,
        { token },
      );
      expect(late.body.map((r: { id: string }) => r.id).sort()).toEqual([lateClose.id, lateReject.id].sort());
      await bystanderUntouched();
    });

    it('once extended, the extended deadline is the one that counts', async () => {
      const extended = await verified(daysFromNow(-10));
      expect(
        (
          await act(extended.id, 'extend', {
            reason: 'Many sources to search and a heavy chat history',
            communicatedAt: new Date().toISOString(),
          })
        ).status,
      ).toBe(200);
      const plain = await verified(daysFromNow(-10));
      // Time passes: the first deadline was yesterday for both; the extended one is weeks ahead.
      const yesterday = new Date(Date.parse(today()) - 86_400_000).toISOString().slice(0, 10);
      await sql(c, `UPDATE requests SET due_date = $1 WHERE id = ANY($2)`, [yesterday, [extended.id, plain.id]]);
      expect((await act(extended.id, 'close', { outcome: 'Sent the data' })).body).toMatchObject({
        answeredLate: false,
        lateByDays: null,
      });
      expect((await act(plain.id, 'close', { outcome: 'Sent the data' })).body).toMatchObject({
        answeredLate: true,
        lateByDays: 1,
      });
      await bystanderUntouched();
    });
  });
});
