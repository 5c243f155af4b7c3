import type { DemoContext } from '../../seed/demo-kit';
import { emailVariant, LANDING, OBJECTIVES, SPACES } from '../../seed/demo-kit';
import type { IngestLeadDto } from './leads.ingestion';

const CAMPAIGNS = [
  { source: 'google', medium: 'cpc', campaign: 'vetrine-autunno', term: 'allestimento vetrine' },
  { source: 'facebook', medium: 'paid-social', campaign: 'showroom-2026', term: null },
  { source: 'instagram', medium: 'paid-social', campaign: 'retail-design', term: null },
  { source: 'linkedin', medium: 'sponsored', campaign: 'uffici-hybrid', term: null },
  { source: 'newsletter', medium: 'email', campaign: 'novembre-2026', term: null },
  { source: 'google', medium: 'organic', campaign: null, term: null },
];

const REFERRERS = [
  'https://www.google.com/',
  'https://www.facebook.com/',
  'https://www.instagram.com/',
  'https://www.linkedin.com/',
  null,
];

/** A person's contact-form submissions: none, one or two, with the campaign that brought them. */
export function leadsDemo({ f, person, phones, daysAgo, nextId }: DemoContext): IngestLeadDto[] {
  const records: IngestLeadDto[] = [];
  for (let n = f.datatype.boolean(0.1) ? 2 : f.datatype.boolean(0.8) ? 1 : 0; n > 0; n--) {
    const campaign = f.helpers.arrayElement(CAMPAIGNS);
    const submittedAt = daysAgo(720);
    const space = f.helpers.arrayElement(SPACES);
    records.push({
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
  return records;
}
