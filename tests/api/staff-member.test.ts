import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../support/test-console';
import { openPackage, recordRequest } from '../support/requests';
import { ingestAccepted } from '../support/ingest';

/**
 * A staff member's own request (Art. 15 GDPR: staff are data subjects too) must not hand them the
 * clients they work with (Art. 15(4): access must not adversely affect others). Their address is
 * the company's (CONTROLLER_DOMAINS, vimage.it by default): it sits on client bookings as an
 * attendee, in clients' messages, and on a lead they typed in for a client at the showroom. None
 * of that makes a client's name, phone or e-mail theirs. A second client, untouched by the staff
 * member, checks that the client's own package still holds their own lead.
 */
describe('a staff member asks for their data (Art. 15, Art. 15(4))', () => {
  let c: TestConsole;
  let token: string;
  let key: string;

  const GIULIA = 'giulia.ferri@vimage.it';
  // A client she met at the showroom: a booking with her, and a lead she typed in for him.
  const PIETRO = { email: 'pietro.gatti@example.it', phone: '348 555 1212', first: 'Pietro', last: 'Gatti' };
  // A client who writes to her by name in his own lead.
  const ORSOLA = { email: 'orsola.marini@example.it', phone: '339 777 4545', first: 'Orsola', last: 'Marini' };
  // A visitor of the chat who asks to be put in touch with her.
  const NADIA_PHONE = '320 246 8135';

  const ingest = (source: string, body: unknown) => ingestAccepted(c, key, source, body);
  const accessRequest = async (email: string) =>
    (await recordRequest(c, token, 'access', { email }, { language: 'it', verified: true })).id;
  const accessPackage = (id: string) => openPackage(c, token, id);
  /** Every way a client's data could show: e-mail, phone in any spacing, first and last name. */
  const expectNothingOf = (text: string, client: { email: string; phone: string; first: string; last: string }) => {
    expect(text).not.toContain(client.email);
    expect(text.replace(/\s/g, '')).not.toContain(client.phone.replace(/\s/g, ''));
    expect(text).not.toContain(client.first);
    expect(text).not.toContain(client.last);
  };

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
    key = (await c.api('/api/api-keys', { token, body: { name: 'Website' } })).body.key;
    await ingest('leads', [
      {
        // Typed in by Giulia for Pietro at the showroom: her address, his name and phone.
        externalId: 'lead-showroom-pietro',
        firstName: PIETRO.first,
        lastName: PIETRO.last,
        email: GIULIA,
        phone: PIETRO.phone,
        message: `Cliente in showroom, richiamare ${PIETRO.first} per il preventivo`,
        submittedAt: '2026-11-16T11:00:00Z',
      },
      {
        // Pietro's own request from the website, with his phone and e-mail.
        externalId: 'lead-web-pietro',
        firstName: PIETRO.first,
        lastName: PIETRO.last,
        email: PIETRO.email,
        phone: PIETRO.phone,
        submittedAt: '2026-11-21T08:00:00Z',
      },
      {
        externalId: 'lead-orsola',
        firstName: ORSOLA.first,
        lastName: ORSOLA.last,
        email: ORSOLA.email,
        phone: ORSOLA.phone,
        message: `Ho già parlato con ${GIULIA}, vorrei un preventivo per la cucina`,
        submittedAt: '2026-11-17T09:30:00Z',
      },
    ]);
    await ingest('calendar-events', {
      externalId: 'evt-pietro-giulia',
      origin: 'system',
      title: 'Sopralluogo cucina',
      description: `Cliente: ${PIETRO.first} ${PIETRO.last}, cellulare ${PIETRO.phone}`,
      attendees: [
        { email: GIULIA, name: 'Giulia Ferri' },
        { email: PIETRO.email, name: `${PIETRO.first} ${PIETRO.last}` },
      ],
      startsAt: '2026-11-20T09:00:00Z',
      endsAt: '2026-11-20T10:00:00Z',
    });
    await ingest('chat-conversations', {
      externalId: 'chat-nadia',
      provider: 'anthropic',
      startedAt: '2026-11-18T17:00:00Z',
      messages: [
        {
          role: 'user',
          content: `Vorrei parlare con ${GIULIA}, il mio numero è ${NADIA_PHONE}`,
          sentAt: '2026-11-18T17:00:05Z',
        },
      ],
    });
  });
  afterAll(() => c?.close());

  it('her package holds none of the clients: not the booking, not their leads, not the chat (Art. 15(4))', async () => {
    const { files, all } = await accessPackage(await accessRequest(GIULIA));
    expect(files.size).toBeGreaterThan(0);
    expectNothingOf(all, PIETRO);
    expectNothingOf(all, ORSOLA);
    expect(all.replace(/\s/g, '')).not.toContain(NADIA_PHONE.replace(/\s/g, ''));
    expect(files.has('data/calendar-events.json')).toBe(false);
    expect(files.has('data/chat-conversations.json')).toBe(false);
  });

  it('her search follows nothing from the company address to a client', async () => {
    const result = (await c.api(`/api/subjects/search?q=${encodeURIComponent(GIULIA)}`, { token })).body as {
      sources: Array<{ source: string; records: Array<{ relation: string }> }>;
    };
    const relations = result.sources.flatMap((s) => s.records.map((r) => `${s.source}:${r.relation}`)).sort();
    expect(relations).not.toContain('leads:own');
    expect(relations).not.toContain('calendar-events:own');
    expect(relations).not.toContain('chat-conversations:own');
    // Nothing hops from her address to Pietro's phone and on to his own web lead.
    expect(JSON.stringify(result)).not.toContain('lead-web-pietro');
    expect(relations).toEqual([
      'calendar-events:shared',
      'chat-conversations:mention',
      'chat-messages:mention',
      'leads:mention',
      'leads:mention',
    ]);
  });

  it('the client untouched by her still gets his own lead, and nothing of the other client', async () => {
    const { files, all } = await accessPackage(await accessRequest(ORSOLA.email));
    expect(files.has('data/leads.json')).toBe(true);
    expect(all).toContain(ORSOLA.email);
    expect(all).toContain(ORSOLA.last);
    expectNothingOf(all, PIETRO);
  });
});
