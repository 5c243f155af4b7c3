import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, startTestConsole, type TestConsole } from '../support/test-console';
import { createApiKey, postBatch } from '../support/ingest';
import { openPackage, recordRequest, type RequestSubject } from '../support/requests';

/**
 * Whose data is it: one person's data is never handed to, erased for or suppressed because of
 * another (Art. 15(4) GDPR: access must not adversely affect others; Art. 17: erasure is of the
 * person's own data; Art. 9: a visitor's health data is hers alone). Each case checks that the
 * second person is not touched.
 */
describe('whose data is it (Art. 15(4), Art. 17, Art. 9)', () => {
  let c: TestConsole;
  let token: string;
  let key: string;

  const ingest = (source: string, body: unknown) => postBatch(c, key, source, body);
  const post = (path: string, body: unknown = {}) => c.api(path, { token, body });
  const newRequest = (type: string, subject: RequestSubject, language: 'it' | 'en' = 'it') =>
    recordRequest(c, token, type, subject, { language, verified: true });
  const accessPackage = (id: string, kind = 'access') => openPackage(c, token, id, kind);
  const dryRun = async (id: string) => {
    const res = await post(`/api/requests/${id}/erase?dryRun=true`);
    expect(res.status).toBe(200);
    return res.body as {
      suppressed: number;
      identifiers: { emails: number; phones: number };
      sources: Array<{
        source: string;
        total: number;
        records: Array<{ id: string; action: string; summary: string }>;
      }>;
    };
  };
  const planned = (report: Awaited<ReturnType<typeof dryRun>>) =>
    report.sources.flatMap((s) => s.records.map((r) => ({ source: s.source, action: r.action })));
  const erase = async (id: string) => {
    const res = await post(`/api/requests/${id}/erase`);
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('complete');
  };
  const search = async (q: string) => (await c.api(`/api/subjects/search?q=${encodeURIComponent(q)}`, { token })).body;
  const relations = (result: any) =>
    Object.fromEntries(result.sources.map((s: any) => [s.source, s.records.map((r: any) => r.relation)]));
  /** Whether the suppression list would refuse a new lead from this e-mail and phone. */
  const refused = async (email: string, phone: string | null, externalId: string) => {
    const res = await ingest('leads', { externalId, email, phone, submittedAt: '2026-11-30T10:00:00Z' });
    expect(res.status).toBe(200);
    return res.body.suppressed === 1;
  };

  // The case of the issue: a visitor's chat with her health data and phone, naming her colleague.
  const SARA_PHONE = '333 1234567';
  const MARCO = 'marco.neri@example.it';
  // (a) a lead whose message names a colleague's e-mail.
  const ANNA = 'anna.verdi@example.it';
  const LUCA = 'luca.bruni@example.it';
  // (b) an event with several attendees.
  const PAOLA = 'paola.rizzo@example.it';
  const GIORGIO = 'giorgio.conti@example.it';
  // (c) a chat in which the visitor (identified by the widget) gives his partner's phone.
  const FRANCO = 'franco.gallo@example.it';
  const FRANCO_PHONE = '347 888 9900';
  const ELENA_PHONE = '334 765 4321';
  // (d) two people sharing one company phone.
  const ROBERTO = 'roberto@ditta-esempio.it';
  const CHIARA = 'chiara@ditta-esempio.it';
  const OFFICE_PHONE = '041 5701234';

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
    key = await createApiKey(c, token);
    const batches: Array<[string, unknown]> = [
      [
        'chat-conversations',
        {
          externalId: 'chat-sara',
          provider: 'anthropic',
          startedAt: '2026-11-10T18:00:00Z',
          messages: [
            {
              role: 'user',
              content: `Soffro di asma e vorrei materiali anallergici. Il mio cellulare è ${SARA_PHONE}`,
              sentAt: '2026-11-10T18:00:05Z',
            },
            { role: 'assistant', content: 'Certo, un consulente la richiamerà.', sentAt: '2026-11-10T18:00:07Z' },
            { role: 'user', content: `Mettete in copia il mio collega, ${MARCO}`, sentAt: '2026-11-10T18:01:00Z' },
          ],
        },
      ],
      [
        'leads',
        [
          {
            externalId: 'lead-anna',
            firstName: 'Anna',
            lastName: 'Verdi',
            email: ANNA,
            phone: '347 111 2233',
            message: `Vorrei un preventivo. Scrivete anche al mio collega ${LUCA}`,
            submittedAt: '2026-11-11T10:00:00Z',
          },
          {
            externalId: 'lead-roberto',
            firstName: 'Roberto',
            lastName: 'Sala',
            email: ROBERTO,
            phone: OFFICE_PHONE,
            message: 'Preventivo per la sede',
            submittedAt: '2026-11-12T10:00:00Z',
          },
          {
            externalId: 'lead-chiara',
            firstName: 'Chiara',
            lastName: 'Fumagalli',
            email: CHIARA,
            phone: OFFICE_PHONE,
            message: 'Vorrei un catalogo',
            submittedAt: '2026-11-13T10:00:00Z',
          },
        ],
      ],
      [
        'calendar-events',
        {
          externalId: 'evt-showroom',
          origin: 'system',
          title: 'Sopralluogo showroom',
          attendees: [
            { email: PAOLA, name: 'Paola Rizzo' },
            { email: GIORGIO, name: 'Giorgio Conti' },
          ],
          startsAt: '2026-11-25T09:00:00Z',
          endsAt: '2026-11-25T10:00:00Z',
        },
      ],
      [
        'chat-conversations',
        {
          externalId: 'chat-franco',
          provider: 'openai',
          startedAt: '2026-11-14T18:00:00Z',
          visitorEmail: FRANCO,
          visitorName: 'Franco Gallo',
          messages: [
            {
              role: 'user',
              content: `Il numero di mia moglie è ${ELENA_PHONE}, chiamate lei per il sopralluogo.`,
              sentAt: '2026-11-14T18:00:05Z',
            },
            { role: 'user', content: `Il mio numero è ${FRANCO_PHONE}`, sentAt: '2026-11-14T18:00:30Z' },
          ],
        },
      ],
    ];
    for (const [source, body] of batches) expect((await ingest(source, body)).status).toBe(200);
  });
  afterAll(() => c?.close());

  describe('the visitor and the colleague she puts in copy', () => {
    it('the search labels the chat as a mention of him and follows nothing from it to her (Art. 15(4))', async () => {
      const his = await search(MARCO);
      expect(relations(his)).toEqual({ 'chat-messages': ['mention'], 'chat-conversations': ['mention'] });
      expect(his.identifiers).toEqual([{ kind: 'email', value: MARCO, hop: 0 }]);
      const hers = await search(SARA_PHONE);
      expect(relations(hers)['chat-conversations']).toEqual(['own']);
    });

    it('her own access package holds her whole conversation', async () => {
      const request = await newRequest('access', {
        email: 'sara.bassi@example.it',
        phone: SARA_PHONE,
        name: 'Sara Bassi',
      });
      const { files } = await accessPackage(request.id);
      const messages = JSON.parse(files.get('data/chat-messages.json')!.toString());
      expect(messages.map((m: any) => m.content)).toEqual([
        `Soffro di asma e vorrei materiali anallergici. Il mio cellulare è ${SARA_PHONE}`,
        'Certo, un consulente la richiamerà.',
        `Mettete in copia il mio collega, ${MARCO}`,
      ]);
    });

    it('his access package holds neither her conversation, nor her phone, nor her health data (Art. 15(4), Art. 9)', async () => {
      const request = await newRequest('access', { email: MARCO, name: 'Marco Neri' });
      const { files, all } = await accessPackage(request.id);
      expect([...files.keys()].filter((f) => f.startsWith('data/'))).toEqual([]);
      for (const forbidden of ['asma', 'anallergici', '1234567', '+393331234567', 'Soffro'])
        expect(all).not.toContain(forbidden);

      // The request page lists the conversation for review, with the passage about him only.
      const review = await c.api(`/api/requests/${request.id}/review`, { token });
      expect(review.status).toBe(200);
      expect(review.body.items).toHaveLength(1);
      const [item] = review.body.items;
      expect(item).toMatchObject({
        source: 'chat-conversations',
        relation: 'mention',
        decision: null,
        passage: `Mettete in copia il mio collega, ${MARCO}`,
      });

      // The officer includes an excerpt: whatever they write, her identifiers and the sentences about her are taken out.
      const decided = await post(`/api/requests/${request.id}/review`, {
        source: 'chat-conversations',
        recordId: item.recordId,
        decision: 'include',
        excerpt: `Una visitatrice ha chiesto di metterla in copia (${MARCO}). Il suo cellulare è ${SARA_PHONE}.`,
      });
      expect(decided.status).toBe(200);
      expect(decided.body.excerpt).toBe(`Una visitatrice ha chiesto di metterla in copia (${MARCO}).`);
      const timeline = await sql(
        c,
        `SELECT kind, details FROM request_events WHERE request_id = $1 AND kind = 'review_decided'`,
        [request.id],
      );
      expect(timeline).toHaveLength(1);
      expect(timeline[0].details).toMatchObject({ decision: 'include', excerpt: decided.body.excerpt });
      expect(
        await sql(c, `SELECT 1 FROM audit_events WHERE action = 'request.review_decided' AND entity_id = $1`, [
          request.id,
        ]),
      ).toHaveLength(1);

      const again = await accessPackage(request.id);
      const excerpts = again.files.get('excerpts.txt')!.toString();
      expect(excerpts).toContain('art. 15, par. 4');
      expect(excerpts).toContain(MARCO);
      expect(again.files.get('README.txt')!.toString()).toContain('excerpts.txt (1 ');
      expect(JSON.parse(again.files.get('manifest.json')!.toString()).files).toContainEqual(
        expect.objectContaining({ path: 'excerpts.txt', records: 1 }),
      );
      for (const forbidden of ['asma', '1234567', 'Soffro']) expect(again.all).not.toContain(forbidden);
      // Portability: his own records only, never an excerpt of someone else's.
      expect([...(await accessPackage(request.id, 'portability')).files.keys()]).not.toContain('excerpts.txt');
    });

    it('his erasure masks only his e-mail in her chat and suppresses only his e-mail, never her phone (Art. 17)', async () => {
      const request = await newRequest('erasure', { email: MARCO, name: 'Marco Neri' });
      const preview = await dryRun(request.id);
      expect(preview.suppressed).toBe(1);
      expect(preview.identifiers).toMatchObject({ emails: 1, phones: 0 });
      expect(planned(preview)).toEqual([{ source: 'chat-conversations', action: 'mask_mention' }]);

      await erase(request.id);
      const messages = await sql(
        c,
        `SELECT m.content, c.anonymised_at FROM chat_messages m JOIN chat_conversations c ON c.id = m.conversation_id WHERE c.external_id = 'chat-sara' AND m.role = 'user' ORDER BY m.sent_at`,
      );
      expect(messages.map((m) => m.content)).toEqual([
        `Soffro di asma e vorrei materiali anallergici. Il mio cellulare è ${SARA_PHONE}`,
        'Mettete in copia il mio collega, […]',
      ]);
      expect(messages[0].anonymised_at).toBeNull();
      // Her next form is welcome; his is refused.
      expect(await refused('sara.bassi@example.it', SARA_PHONE, 'sara-again')).toBe(false);
      expect(await refused(MARCO, null, 'marco-again')).toBe(true);
      // She is still found by her phone, with her conversation.
      expect(relations(await search(SARA_PHONE))['chat-conversations']).toEqual(['own']);
    });
  });

  describe('(a) a lead whose message names a colleague’s e-mail', () => {
    it('the colleague gets neither the lead nor its author’s data; erasure masks him in the message only', async () => {
      // The hop follows owner to owner: nothing of Anna's is followed from the lead that only names Luca.
      const found = await search(LUCA);
      expect(found.identifiers).toEqual([{ kind: 'email', value: LUCA, hop: 0 }]);
      expect(relations(found)).toEqual({ leads: ['mention'] });
      const access = await newRequest('access', { email: LUCA });
      const { files, all } = await accessPackage(access.id);
      expect(files.has('data/leads.json')).toBe(false);
      for (const forbidden of [ANNA, 'Verdi', '3471112233', 'preventivo']) expect(all).not.toContain(forbidden);
      const review = (await c.api(`/api/requests/${access.id}/review`, { token })).body;
      expect(review.items.map((i: any) => [i.source, i.relation, i.passage])).toEqual([
        ['leads', 'mention', `Scrivete anche al mio collega ${LUCA}`],
      ]);

      const erasure = await newRequest('erasure', { email: LUCA });
      const preview = await dryRun(erasure.id);
      expect(planned(preview)).toEqual([{ source: 'leads', action: 'mask_mention' }]);
      expect(preview.suppressed).toBe(1);
      await erase(erasure.id);
      const [lead] = await sql(c, `SELECT email, phone, message FROM leads WHERE external_id = 'lead-anna'`);
      expect(lead).toEqual({
        email: ANNA,
        phone: '347 111 2233',
        message: 'Vorrei un preventivo. Scrivete anche al mio collega […]',
      });
      expect(await refused(ANNA, '347 111 2233', 'anna-again')).toBe(false);
      expect(relations(await search(ANNA)).leads).toEqual(['own', 'own']);
    });
  });

  describe('(b) a calendar event with several attendees', () => {
    it('is reviewed, not exported; erasure removes only the person, and suppresses only them', async () => {
      const access = await newRequest('access', { email: PAOLA }, 'en');
      const { files, all } = await accessPackage(access.id);
      expect(files.has('data/calendar-events.json')).toBe(false);
      expect(all).not.toContain(GIORGIO);
      const review = (await c.api(`/api/requests/${access.id}/review`, { token })).body;
      expect(review.items.map((i: any) => [i.source, i.relation, i.otherParticipants])).toEqual([
        ['calendar-events', 'shared', 1],
      ]);
      // Nothing of the event names her in text: the officer writes the excerpt.
      const empty = await post(`/api/requests/${access.id}/review`, {
        source: 'calendar-events',
        recordId: review.items[0].recordId,
        decision: 'include',
      });
      expect(empty.status).toBe(400);
      const included = await post(`/api/requests/${access.id}/review`, {
        source: 'calendar-events',
        recordId: review.items[0].recordId,
        decision: 'include',
        excerpt: `Showroom visit on 25 November 2026 with one other participant. Also invited: ${GIORGIO}.`,
      });
      expect(included.body.excerpt).toBe('Showroom visit on 25 November 2026 with one other participant.');
      const excerpts = (await accessPackage(access.id)).files.get('excerpts.txt')!.toString();
      expect(excerpts).toContain('Art. 15(4) GDPR');
      expect(excerpts).not.toContain(GIORGIO);

      const erasure = await newRequest('erasure', { email: PAOLA });
      const preview = await dryRun(erasure.id);
      expect(planned(preview)).toEqual([{ source: 'calendar-events', action: 'remove_attendee' }]);
      expect(preview.suppressed).toBe(1);
      await erase(erasure.id);
      const [event] = await sql(c, `SELECT attendees FROM calendar_events WHERE external_id = 'evt-showroom'`);
      expect(event.attendees).toEqual([{ email: GIORGIO, name: 'Giorgio Conti' }]);
      expect(await refused(GIORGIO, null, 'giorgio-again')).toBe(false);
    });

    it('erasure removes the person by e-mail or full name, never a colleague who shares a first name (Art. 17)', async () => {
      const LUCA = 'luca.ferri@example.it';
      const ELENA = 'elena.bassi@example.it';
      expect(
        (
          await ingest('calendar-events', {
            externalId: 'evt-namesakes',
            origin: 'system',
            title: 'Call with Luca Bianchi',
            description: 'Luca will bring the plans; Luca Ferri joins from Milan.',
            attendees: [{ email: LUCA, name: 'Luca Ferri' }, { name: 'Luca' }, { email: ELENA, name: 'Elena Bassi' }],
            startsAt: '2026-11-26T09:00:00Z',
            endsAt: '2026-11-26T10:00:00Z',
          })
        ).status,
      ).toBe(200);
      const erasure = await newRequest('erasure', { email: LUCA, name: 'Luca Ferri' });
      await erase(erasure.id);
      const [event] = await sql(
        c,
        `SELECT title, description, attendees FROM calendar_events WHERE external_id = 'evt-namesakes'`,
      );
      expect(event.attendees).toEqual([
        { email: null, name: 'Luca' },
        { email: ELENA, name: 'Elena Bassi' },
      ]);
      expect(event.title).toBe('Call with Luca Bianchi');
      expect(event.description).toMatch(/^Luca will bring the plans; /);
      expect(event.description).not.toContain('Luca Ferri');
      // Elena, who shares the event, is neither removed nor suppressed.
      expect(await refused(ELENA, null, 'elena-again')).toBe(false);
    });
  });

  describe('(c) a chat in which the visitor gives his partner’s phone', () => {
    it('the chat is his (the widget’s visitor identity), a mention of her', async () => {
      expect(relations(await search(FRANCO))).toEqual({ 'chat-conversations': ['own'] });
      expect(relations(await search(ELENA_PHONE))).toEqual({
        'chat-messages': ['mention'],
        'chat-conversations': ['mention'],
      });
      const { files } = await accessPackage((await newRequest('access', { email: FRANCO })).id);
      const messages = JSON.parse(files.get('data/chat-messages.json')!.toString()) as Array<Record<string, unknown>>;
      expect(messages).toHaveLength(2);
      // The identity the widget sent is his data too: every line of his conversation carries it (Art. 15(1)).
      for (const message of messages)
        expect(message).toMatchObject({ visitorName: 'Franco Gallo', visitorEmail: FRANCO });
      expect(files.get('data/chat-messages.csv')!.toString()).toContain('Franco Gallo');
    });

    it('her access has none of his data; her erasure masks her phone only, his stays and is not suppressed', async () => {
      const access = await newRequest('access', { email: 'elena.gallo@example.it', phone: ELENA_PHONE });
      const { files, all } = await accessPackage(access.id);
      expect(files.has('data/chat-messages.json')).toBe(false);
      for (const forbidden of [FRANCO, '8889900', 'Franco']) expect(all).not.toContain(forbidden);

      const erasure = await newRequest('erasure', { email: 'elena.gallo@example.it', phone: ELENA_PHONE });
      const preview = await dryRun(erasure.id);
      expect(planned(preview)).toEqual([{ source: 'chat-conversations', action: 'mask_mention' }]);
      expect(preview.identifiers).toMatchObject({ phones: 1 });
      await erase(erasure.id);
      const rows = await sql(
        c,
        `SELECT m.content, c.visitor_email, c.anonymised_at FROM chat_messages m JOIN chat_conversations c ON c.id = m.conversation_id WHERE c.external_id = 'chat-franco' ORDER BY m.sent_at`,
      );
      expect(rows.map((r) => r.content)).toEqual([
        'Il numero di mia moglie è […], chiamate lei per il sopralluogo.',
        `Il mio numero è ${FRANCO_PHONE}`,
      ]);
      expect(rows[0]).toMatchObject({ visitor_email: FRANCO, anonymised_at: null });
      expect(await refused(FRANCO, FRANCO_PHONE, 'franco-again')).toBe(false);
      expect(await refused('someone@example.it', ELENA_PHONE, 'elena-again')).toBe(true);
    });
  });

  describe('the officer corrects an attribution', () => {
    it('sets the role of an index entry, audited with before and after; the search follows', async () => {
      expect(
        (
          await ingest('leads', {
            externalId: 'lead-ugo',
            email: 'ugo@example.it',
            message: 'Scrivete a ugo.casa@example.it o a segreteria@example.it',
            submittedAt: '2026-11-15T10:00:00Z',
          })
        ).status,
      ).toBe(200);
      const before = await search('ugo.casa@example.it');
      const [record] = before.sources.find((s: any) => s.source === 'leads').records;
      expect(record.relation).toBe('mention');
      const [entry] = record.entries;
      expect(entry).toMatchObject({ kind: 'email', value: 'ugo.casa@example.it', field: 'message', role: 'mention' });

      expect(
        (
          await c.api(`/api/subjects/identifiers/${entry.entryId}`, {
            token,
            method: 'PATCH',
            body: { role: 'sideways' },
          })
        ).status,
      ).toBe(400);
      expect(
        (await c.api('/api/subjects/identifiers/999999999', { token, method: 'PATCH', body: { role: 'owner' } }))
          .status,
      ).toBe(404);
      const corrected = await c.api(`/api/subjects/identifiers/${entry.entryId}`, {
        token,
        method: 'PATCH',
        body: { role: 'owner', reason: 'Ugo confirmed by phone it is his second address' },
      });
      expect(corrected.status).toBe(200);
      expect(corrected.body).toMatchObject({ id: entry.entryId, role: 'owner' });
      const [audit] = await sql(
        c,
        `SELECT details FROM audit_events WHERE action = 'subject.attribution_corrected' AND entity_id = $1`,
        [entry.entryId],
      );
      expect(audit.details).toMatchObject({
        before: { role: 'mention' },
        after: { role: 'owner' },
        reason: 'Ugo confirmed by phone it is his second address',
      });
      expect(relations(await search('ugo.casa@example.it')).leads).toEqual(['own']);
      // The other address in the message stays a mention: the lead is not segreteria's.
      expect(relations(await search('segreteria@example.it')).leads).toEqual(['mention']);
    });
  });

  describe('(d) two people sharing one company phone', () => {
    it('neither gets the other’s lead through the phone hop; the phone is neither suppressed nor followed', async () => {
      const found = await search(ROBERTO);
      expect(
        found.sources
          .find((s: any) => s.source === 'leads')
          .records.map((r: any) => [r.record.email, r.relation])
          .sort(),
      ).toEqual([
        [CHIARA, 'shared'],
        [ROBERTO, 'own'],
      ]);

      for (const [mine, theirs] of [
        [ROBERTO, CHIARA],
        [CHIARA, ROBERTO],
      ]) {
        const { files, all } = await accessPackage((await newRequest('access', { email: mine })).id);
        expect(JSON.parse(files.get('data/leads.json')!.toString()).map((l: any) => l.email)).toEqual([mine]);
        expect(all).not.toContain(theirs);
      }

      const erasure = await newRequest('erasure', { email: ROBERTO, phone: OFFICE_PHONE });
      const preview = await dryRun(erasure.id);
      expect(planned(preview)).toEqual([{ source: 'leads', action: 'delete' }]);
      expect(preview.sources.find((s) => s.source === 'leads')!.records[0].summary).toContain(ROBERTO);
      expect(preview.suppressed).toBe(1);
      await erase(erasure.id);
      expect(
        await sql(c, `SELECT email, phone FROM leads WHERE external_id IN ('lead-roberto', 'lead-chiara')`),
      ).toEqual([{ email: CHIARA, phone: OFFICE_PHONE }]);
      expect(await refused(CHIARA, OFFICE_PHONE, 'chiara-again')).toBe(false);
      expect(await refused(ROBERTO, null, 'roberto-again')).toBe(true);
    });
  });

  describe('(e) a lead that names a colleague in full', () => {
    it('his erasure masks his full name and e-mail in her message, not a lone first name, nothing of hers (Art. 17)', async () => {
      const DAVIDE = 'davide.greco@example.it';
      expect(
        (
          await ingest('leads', {
            externalId: 'lead-teresa',
            firstName: 'Teresa',
            lastName: 'Fontana',
            email: 'teresa.fontana@example.it',
            phone: '328 123 9876',
            message: `Sono Teresa. Per il sopralluogo chiamate il mio socio Davide Greco, ${DAVIDE}; Davide è sempre in sede.`,
            submittedAt: '2026-11-20T10:00:00Z',
          })
        ).status,
      ).toBe(200);
      const erasure = await newRequest('erasure', { email: DAVIDE, name: 'Davide Greco' });
      expect(planned(await dryRun(erasure.id))).toEqual([{ source: 'leads', action: 'mask_mention' }]);
      await erase(erasure.id);
      const [lead] = await sql(
        c,
        `SELECT first_name, last_name, email, phone, message FROM leads WHERE external_id = 'lead-teresa'`,
      );
      expect(lead).toEqual({
        first_name: 'Teresa',
        last_name: 'Fontana',
        email: 'teresa.fontana@example.it',
        phone: '328 123 9876',
        message: 'Sono Teresa. Per il sopralluogo chiamate il mio socio […] […], […]; Davide è sempre in sede.',
      });
    });
  });
});
