import { iso, restriction } from '../present-parts';
import type { Lead } from './lead.entity';

/** What the API answers for a record: never a token or a secret. */

export function presentLead(l: Lead) {
  return {
    id: l.id,
    externalId: l.externalId,
    firstName: l.firstName,
    lastName: l.lastName,
    email: l.email,
    phone: l.phone,
    company: l.company,
    message: l.message,
    spaceType: l.spaceType,
    objective: l.objective,
    utmSource: l.utmSource,
    utmMedium: l.utmMedium,
    utmCampaign: l.utmCampaign,
    utmTerm: l.utmTerm,
    utmContent: l.utmContent,
    landingPage: l.landingPage,
    referrer: l.referrer,
    consentGivenAt: iso(l.consentGivenAt),
    submittedAt: iso(l.submittedAt),
    ingestedAt: iso(l.ingestedAt),
    ...restriction(l),
  };
}

export type LeadView = ReturnType<typeof presentLead>;
