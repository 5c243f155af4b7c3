import { fakerIT, type Faker } from '@faker-js/faker';
import type { IngestAccessLogDto } from '../sources/access-logs/access-logs.ingestion';
import type { IngestCalendarConnectionDto, IngestCalendarEventDto } from '../sources/calendar/calendar.ingestion';
import type { IngestChatConversationDto } from '../sources/chat/chat.ingestion';
import type { IngestConsentDto } from '../sources/consents/consents.ingestion';
import type { IngestLeadDto } from '../sources/leads/leads.ingestion';

/**
 * Realistic Italian demo data, the same for the same seed: people who wrote through the
 * contact form, chatted with the assistant, booked appointments and chose cookies, with their
 * e-mails and phones written differently from one source to the next, and people with similar
 * names. Records are shaped as the website sends them to the ingestion API.
 */
export interface DemoData {
  leads: IngestLeadDto[];
  conversations: IngestChatConversationDto[];
  connections: IngestCalendarConnectionDto[];
  events: IngestCalendarEventDto[];
  consents: IngestConsentDto[];
  accessLogs: IngestAccessLogDto[];
}

export interface DemoPerson {
  firstName: string;
  lastName: string;
  email: string;
  /** Italian mobile, digits only after +39. */
  mobile: string;
  company: string | null;
  consentId: string;
  ip: string;
}

const SPACES = [
  'negozio',
  'showroom',
  'ufficio',
  'ristorante',
  'hotel',
  'farmacia',
  'stand fieristico',
  'concessionaria',
];
const OBJECTIVES = [
  'rinnovare l’immagine',
  'attirare più clienti',
  'aprire un nuovo punto vendita',
  'illuminazione più efficace',
  'digital signage in vetrina',
  'allestimento per una fiera',
];
const CAMPAIGNS = [
  { source: 'google', medium: 'cpc', campaign: 'vetrine-autunno', term: 'allestimento vetrine' },
  { source: 'facebook', medium: 'paid-social', campaign: 'showroom-2026', term: null },
  { source: 'instagram', medium: 'paid-social', campaign: 'retail-design', term: null },
  { source: 'linkedin', medium: 'sponsored', campaign: 'uffici-hybrid', term: null },
  { source: 'newsletter', medium: 'email', campaign: 'novembre-2026', term: null },
  { source: 'google', medium: 'organic', campaign: null, term: null },
];
const LANDING = [
  '/',
  '/servizi/vetrine',
  '/servizi/showroom',
  '/servizi/uffici',
  '/progetti',
  '/contatti',
  '/digital-signage',
];
const REFERRERS = [
  'https://www.google.com/',
  'https://www.facebook.com/',
  'https://www.instagram.com/',
  'https://www.linkedin.com/',
  null,
];
const PROVIDERS = ['anthropic', 'openai', 'gemini', 'ollama'] as const;
const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
  'Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
];
const MOBILE_PREFIXES = [
  '320',
  '328',
  '329',
  '330',
  '333',
  '334',
  '335',
  '338',
  '339',
  '340',
  '342',
  '345',
  '346',
  '347',
  '348',
  '349',
  '351',
  '366',
  '380',
  '389',
  '392',
  '393',
];
const MAIL_DOMAINS = [
  'gmail.com',
  'libero.it',
  'yahoo.it',
  'hotmail.it',
  'outlook.it',
  'virgilio.it',
  'alice.it',
  'tiscali.it',
];
const POLICY_VERSION = '2026-06-11';
const STAFF = [
  { name: 'Laura Vianello', email: 'laura.vianello@vimage.it' },
  { name: 'Davide Scarpa', email: 'davide.scarpa@vimage.it' },
];

/** The ways people write the same Italian mobile number. */
export function phoneWritings(mobile: string): string[] {
  const [a, b, c] = [mobile.slice(0, 3), mobile.slice(3, 6), mobile.slice(6)];
  return [`${a} ${b} ${c}`, `+39 ${a}-${b}${c}`, `0039 ${mobile}`, mobile, `+39 ${a} ${b} ${c}`, `${a}/${b}${c}`];
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** Varies the case of an e-mail the way people type it. */
function emailVariant(f: Faker, email: string): string {
  const [local, domain] = email.split('@');
  switch (f.number.int(3)) {
    case 0:
      return email.toUpperCase();
    case 1:
      return `${local.replace(/(^|\.)(\w)/g, (_, dot: string, ch: string) => dot + ch.toUpperCase())}@${domain}`;
    default:
      return ` ${email} `.trim();
  }
}

export function makePerson(f: Faker, index: number): DemoPerson {
  const firstName = f.person.firstName();
  const lastName = f.person.lastName();
  const company = f.datatype.boolean(0.6) ? f.company.name() : null;
  const style = f.number.int(3);
  const base =
    style === 0
      ? `${slug(firstName)}.${slug(lastName)}`
      : style === 1
        ? `${slug(firstName)[0]}${slug(lastName)}`
        : `${slug(firstName)}${slug(lastName)}`;
  const domain =
    company && f.datatype.boolean(0.5)
      ? `${slug(company).slice(0, 20) || 'studio'}.it`
      : f.helpers.arrayElement(MAIL_DOMAINS);
  return {
    firstName,
    lastName,
    // The index keeps addresses unique across people even when names repeat.
    email: `${base}${index}@${domain}`,
    mobile: `${f.helpers.arrayElement(MOBILE_PREFIXES)}${f.string.numeric(7)}`,
    company,
    consentId: f.string.uuid(),
    ip: f.internet.ipv4(),
  };
}

export function generateDemoData(people: number, seed = 20261122, now = new Date('2026-11-22T09:00:00Z')): DemoData {
  const f = fakerIT;
  f.seed(seed);
  const data: DemoData = { leads: [], conversations: [], connections: [], events: [], consents: [], accessLogs: [] };
  const daysAgo = (max: number) => new Date(now.getTime() - f.number.int({ min: 1, max: max * 24 * 60 }) * 60_000);
  let serial = 0;
  const nextId = (prefix: string) => `${prefix}-${seed}-${++serial}`;

  for (let i = 0; i < people; i++) {
    const person = makePerson(f, i);
    const phones = phoneWritings(person.mobile);
    const firstSeen = daysAgo(700);

    for (let n = f.datatype.boolean(0.1) ? 2 : f.datatype.boolean(0.8) ? 1 : 0; n > 0; n--) {
      const campaign = f.helpers.arrayElement(CAMPAIGNS);
      const submittedAt = daysAgo(720);
      const space = f.helpers.arrayElement(SPACES);
      data.leads.push({
        externalId: nextId('lead'),
        // Some people leave out the accents the second time, or write in capitals.
        firstName: f.datatype.boolean(0.15) ? person.firstName.toUpperCase() : person.firstName,
        lastName: person.lastName,
        email: emailVariant(f, person.email),
        phone: f.datatype.boolean(0.85) ? f.helpers.arrayElement(phones) : undefined,
        company: person.company ?? undefined,
        message: f.helpers.arrayElement([
          `Buongiorno, vorremmo un preventivo per il nostro ${space}. Grazie.`,
          `Salve, siamo interessati a ${f.helpers.arrayElement(OBJECTIVES)} per il ${space}. Potete richiamarmi al ${f.helpers.arrayElement(phones)}?`,
          `Vorrei fissare un sopralluogo nel ${space} a ${f.location.city()}. Scrivetemi pure a ${person.email}.`,
          `Ho visto i vostri lavori su ${campaign.source}: mi servirebbe una proposta per ${f.helpers.arrayElement(OBJECTIVES)}.`,
        ]),
        spaceType: space,
        objective: f.helpers.arrayElement(OBJECTIVES),
        utmSource: campaign.source,
        utmMedium: campaign.medium,
        utmCampaign: campaign.campaign ?? undefined,
        utmTerm: campaign.term ?? undefined,
        utmContent: f.datatype.boolean(0.3)
          ? f.helpers.arrayElement(['banner-a', 'banner-b', 'video-15s', 'carosello'])
          : undefined,
        landingPage: f.helpers.arrayElement(LANDING),
        referrer: f.helpers.arrayElement(REFERRERS) ?? undefined,
        consentGivenAt: new Date(submittedAt.getTime() - 5_000).toISOString(),
        submittedAt: submittedAt.toISOString(),
      });
    }

    if (f.datatype.boolean(0.4)) {
      const startedAt = daysAgo(360);
      let t = startedAt.getTime();
      const at = () => new Date((t += f.number.int({ min: 3, max: 90 }) * 1000)).toISOString();
      const space = f.helpers.arrayElement(SPACES);
      const gives = f.number.int(3); // 0: phone, 1: e-mail, 2: nothing
      const messages: IngestChatConversationDto['messages'] = [
        { role: 'user', content: `Ciao, fate anche allestimenti per ${space}?`, sentAt: at() },
        {
          role: 'assistant',
          content: `Sì! Vimage progetta allestimenti su misura per ${space}: vetrine, illuminazione, grafica e digital signage. Che obiettivo avete?`,
          sentAt: at(),
        },
        {
          role: 'user',
          content: `Vorremmo ${f.helpers.arrayElement(OBJECTIVES)}. Quanto costa più o meno?`,
          sentAt: at(),
        },
        {
          role: 'assistant',
          content:
            'Il costo dipende da superficie e materiali: di solito si parte da un sopralluogo gratuito. Vuole essere ricontattato da un consulente?',
          sentAt: at(),
        },
      ];
      if (gives === 0)
        messages.push({ role: 'user', content: `Sì, il mio numero è ${f.helpers.arrayElement(phones)}`, sentAt: at() });
      if (gives === 1)
        messages.push({
          role: 'user',
          content: `Sì, scrivetemi a ${emailVariant(f, person.email)} grazie!`,
          sentAt: at(),
        });
      messages.push({
        role: 'assistant',
        content:
          'Perfetto, un consulente la contatterà entro un giorno lavorativo. Può scriverci anche a info@vimage.it.',
        sentAt: at(),
      });
      data.conversations.push({
        externalId: nextId('chat'),
        provider: f.helpers.arrayElement(PROVIDERS),
        startedAt: startedAt.toISOString(),
        messages,
      });
    }

    if (f.datatype.boolean(0.12)) {
      const connectionId = nextId('conn');
      const connectedAt = daysAgo(300);
      data.connections.push({
        externalId: connectionId,
        accountEmail: person.email,
        accessToken: `ya29.${f.string.alphanumeric(60)}`,
        refreshToken: `1//${f.string.alphanumeric(40)}`,
        scopes: ['https://www.googleapis.com/auth/userinfo.email', 'https://www.googleapis.com/auth/calendar'],
        connectedAt: connectedAt.toISOString(),
        revokedAt: f.datatype.boolean(0.1)
          ? new Date(connectedAt.getTime() + 86_400_000 * 30).toISOString()
          : undefined,
      });
      for (let e = f.number.int({ min: 1, max: 4 }); e > 0; e--) {
        const origin = f.helpers.arrayElement(['manual', 'system', 'imported'] as const);
        const startsAt = new Date(daysAgo(280).getTime() + 86_400_000 * 60);
        const staff = f.helpers.arrayElement(STAFF);
        data.events.push({
          externalId: nextId('evt'),
          connectionExternalId: connectionId,
          origin,
          title:
            origin === 'system'
              ? `Sopralluogo ${f.helpers.arrayElement(SPACES)}`
              : origin === 'manual'
                ? 'Call progetto allestimento'
                : 'Riunione (da Google Calendar)',
          description:
            origin === 'system'
              ? `Prenotazione dal sito. Referente: ${person.firstName} ${person.lastName}, tel. ${f.helpers.arrayElement(phones)}`
              : undefined,
          attendees: [
            { email: emailVariant(f, person.email), name: `${person.firstName} ${person.lastName}` },
            { email: staff.email, name: staff.name },
          ],
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        });
      }
    }

    if (f.datatype.boolean(0.7)) {
      let recordedAt = new Date(firstSeen.getTime() - 60_000);
      const steps = f.helpers.weightedArrayElement([
        { weight: 6, value: ['grant'] },
        { weight: 3, value: ['grant', 'update'] },
        { weight: 1, value: ['grant', 'withdraw'] },
      ]) as Array<'grant' | 'update' | 'withdraw'>;
      for (const action of steps) {
        const withdraw = action === 'withdraw';
        data.consents.push({
          externalId: nextId('consent'),
          consentId: person.consentId,
          email: f.datatype.boolean(0.3) ? person.email : undefined,
          categories: {
            necessary: true,
            functional: !withdraw && f.datatype.boolean(0.5),
            ai_chatbot: !withdraw && f.datatype.boolean(0.6),
            statistics: !withdraw && f.datatype.boolean(0.8),
            analytics: !withdraw && f.datatype.boolean(0.5),
            marketing: false,
          },
          action,
          policyVersion: POLICY_VERSION,
          doNotTrack: f.datatype.boolean(0.08),
          recordedAt: recordedAt.toISOString(),
        });
        recordedAt = new Date(recordedAt.getTime() + f.number.int({ min: 1, max: 60 }) * 86_400_000);
      }
    }

    const agent = f.helpers.arrayElement(AGENTS);
    for (let v = f.number.int({ min: 2, max: 12 }); v > 0; v--) {
      data.accessLogs.push({
        ip: person.ip,
        userAgent: agent,
        path: f.helpers.arrayElement([...LANDING, '/privacy-policy', '/cookie-policy', '/api/chat']),
        method: 'GET',
        status: f.helpers.weightedArrayElement([
          { weight: 20, value: 200 },
          { weight: 2, value: 304 },
          { weight: 1, value: 404 },
        ]),
        at: daysAgo(29).toISOString(),
      });
    }
  }
  return data;
}
