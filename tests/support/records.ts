// Source records the tests ingest, shared where several test files tell the same story (the API
// test and the browser test of a feature): one copy, so that the two stay about the same people.

/** Giulia Bianchi's request for a quote on the website: every field the form sends, her e-mail in mixed case. */
export const WEBSITE_LEAD_GIULIA = {
  externalId: 'lead-1',
  firstName: 'Giulia',
  lastName: 'Bianchi',
  email: 'Giulia.Bianchi@Example.IT',
  phone: '+39 347-1234567',
  company: 'Bianchi Arredamenti',
  message: 'Vorrei rinnovare la vetrina del negozio di Mestre.',
  spaceType: 'negozio',
  objective: 'più visibilità',
  utmSource: 'google',
  utmMedium: 'cpc',
  utmCampaign: 'vetrine-autunno',
  landingPage: '/vetrine',
  referrer: 'https://www.google.com/',
  consentGivenAt: '2026-11-02T09:59:50Z',
  submittedAt: '2026-11-02T10:00:00Z',
};

/** Maria Bianchi: a name like Giulia's, her own e-mail and phone. */
export const WEBSITE_LEAD_MARIA_BIANCHI = {
  externalId: 'lead-2',
  firstName: 'Maria',
  lastName: 'Bianchi',
  email: 'maria.bianchi@example.it',
  phone: '347 765 4321',
  submittedAt: '2026-11-03T10:00:00Z',
};

/** A chat that gives only Giulia's phone, written differently from her lead's, and the company's own address. */
export const CALLBACK_CHAT = {
  externalId: 'chat-1',
  provider: 'anthropic',
  startedAt: '2026-11-05T18:00:00Z',
  messages: [
    {
      role: 'user',
      content: 'Buonasera, potete richiamarmi al 0039 347 123 4567?',
      sentAt: '2026-11-05T18:00:05Z',
    },
    {
      role: 'assistant',
      content: 'Certo! Un consulente la chiamerà. Può scriverci anche a info@vimage.it.',
      sentAt: '2026-11-05T18:00:07Z',
    },
  ],
};

/** Giulia's Google calendar, connected with both tokens. */
export const GIULIA_CALENDAR_CONNECTION = {
  externalId: 'conn-1',
  accountEmail: 'giulia.bianchi@example.it',
  accessToken: 'ya29.secret-access-token',
  refreshToken: '1//secret-refresh-token',
  scopes: ['https://www.googleapis.com/auth/userinfo.email', 'https://www.googleapis.com/auth/calendar'],
  connectedAt: '2026-11-06T08:00:00Z',
};

/** An event on her calendar that names her in the description, her e-mail in capitals among the attendees. */
export const SITE_VISIT_EVENT = {
  externalId: 'evt-1',
  connectionExternalId: 'conn-1',
  origin: 'system',
  title: 'Sopralluogo negozio Mestre',
  description: 'Cliente: Giulia Bianchi, tel. 347 1234567',
  attendees: [{ email: 'GIULIA.BIANCHI@example.it', name: 'Giulia Bianchi' }],
  startsAt: '2026-11-20T09:00:00+01:00',
  endsAt: '2026-11-20T10:00:00+01:00',
};

/** Giulia Bianchi (who asks for erasure) gives her phone and e-mail in a chat; the reply names the company's own address. */
export const ERASURE_CHAT_GIULIA = {
  externalId: 'g-chat',
  provider: 'anthropic',
  startedAt: '2026-10-05T18:00:00Z',
  messages: [
    {
      role: 'user',
      content: 'Sono Giulia Bianchi, richiamatemi al 0039 347 123 4567 o scrivete a giulia.bianchi@example.it',
      sentAt: '2026-10-05T18:00:05Z',
    },
    {
      role: 'assistant',
      content: 'Certo Giulia, la richiameremo. Per urgenze: info@vimage.it',
      sentAt: '2026-10-05T18:00:07Z',
    },
    { role: 'user', content: 'Quanto costa una vetrina?', sentAt: '2026-10-05T18:01:00Z' },
  ],
};

/** Giulia's own calendar connection, with the tokens an erasure must revoke. */
export const ERASURE_CALENDAR_GIULIA = {
  externalId: 'g-cal',
  accountEmail: 'giulia.bianchi@example.it',
  accessToken: 'ya29.GIULIA-ACCESS',
  refreshToken: '1//GIULIA-REFRESH',
  scopes: ['calendar'],
  connectedAt: '2026-10-06T08:00:00Z',
};

/** Maria Rossi's calendar connection: a colleague's, which an erasure of Giulia leaves alone. */
export const ERASURE_CALENDAR_MARIA = {
  externalId: 'm-cal',
  accountEmail: 'maria.rossi@example.it',
  accessToken: 'ya29.MARIA-ACCESS',
  refreshToken: '1//MARIA-REFRESH',
  scopes: ['calendar'],
  connectedAt: '2026-10-06T08:00:00Z',
};

/** An event on Giulia's own calendar. */
export const ERASURE_EVENT_GIULIA = {
  externalId: 'g-ev',
  connectionExternalId: 'g-cal',
  origin: 'manual',
  title: 'Sopralluogo negozio',
  startsAt: '2026-10-20T09:00:00Z',
  endsAt: '2026-10-20T10:00:00Z',
};

/** An event on Maria's calendar with Giulia among the attendees: it mentions Giulia, it is not hers. */
export const ERASURE_EVENT_MARIA_CALLS_GIULIA = {
  externalId: 'm-ev',
  connectionExternalId: 'm-cal',
  origin: 'manual',
  title: 'Call con Giulia Bianchi',
  attendees: [
    { email: 'giulia.bianchi@example.it', name: 'Giulia Bianchi' },
    { email: 'maria.rossi@example.it', name: 'Maria Rossi' },
  ],
  startsAt: '2026-10-21T09:00:00Z',
  endsAt: '2026-10-21T10:00:00Z',
};

/** Giulia's cookie consent, with the chatbot among the categories. */
export const ERASURE_CONSENT_GIULIA = {
  externalId: 'g-consent',
  consentId: 'cons-giulia',
  email: 'giulia.bianchi@example.it',
  categories: { necessary: true, analytics: true, ai_chatbot: true },
  action: 'grant',
  policyVersion: '2026-05',
  recordedAt: '2026-10-01T09:00:00Z',
};

/**
 * The website's access log about a day ago: the contact page read and sent from 203.0.113.7 (the
 * address an erasure request names), and the home page from another address, which stays.
 */
export function siteVisitsYesterday() {
  return [
    {
      ip: '203.0.113.7',
      path: '/contatti',
      method: 'GET',
      status: 200,
      at: new Date(Date.now() - 86_400_000).toISOString(),
    },
    {
      ip: '203.0.113.7',
      path: '/contatti',
      method: 'POST',
      status: 201,
      at: new Date(Date.now() - 86_000_000).toISOString(),
    },
    {
      ip: '198.51.100.9',
      path: '/',
      method: 'GET',
      status: 200,
      at: new Date(Date.now() - 86_000_000).toISOString(),
    },
  ];
}

/**
 * One of the Ferri family (`who`: the first name): a request for a quote on the website with their
 * e-mail and phone, and a chat with the `provider`'s chatbot where they give the e-mail again.
 */
export function leadAndChatOf(who: string, email: string, provider: string, phone: string) {
  return {
    lead: {
      externalId: `${who}-lead`,
      firstName: who,
      lastName: 'Ferri',
      email,
      phone,
      company: `${who} Srl`,
      message: 'Vorrei un preventivo',
      submittedAt: '2026-10-02T10:00:00Z',
    },
    chat: {
      externalId: `${who}-chat`,
      provider,
      startedAt: '2026-10-05T18:00:00Z',
      messages: [
        { role: 'user', content: `Sono ${who}, scrivetemi a ${email}`, sentAt: '2026-10-05T18:00:05Z' },
        { role: 'assistant', content: 'Certo, la ricontatteremo.', sentAt: '2026-10-05T18:00:07Z' },
      ],
    },
  };
}
