import { leadsDemo } from './leads.demo';
import { defineSource } from '../source-definition';
import { Lead } from './lead.entity';
import { leadsExport } from './leads.export';
import { leadsIngestion } from './leads.ingestion';
import { presentLead } from './leads.presenter';
import { leadsErasure } from './leads.erasure';
import { leadsRestriction } from './leads.restriction';
import { leadsRetention } from './leads.retention';
import { leadIdentifiers } from './leads.ingestion';

/** Contact-form submissions. */
export const leadsSource = defineSource({
  resource: 'leads',
  entity: Lead,
  idType: 'uuid',
  present: presentLead,
  list: {
    resource: 'leads',
    fields: {
      id: 'uuid',
      externalId: 'text',
      firstName: 'text',
      lastName: 'text',
      email: 'text',
      phone: 'text',
      company: 'text',
      spaceType: 'text',
      objective: 'text',
      utmSource: 'text',
      utmMedium: 'text',
      utmCampaign: 'text',
      landingPage: 'text',
      submittedAt: 'datetime',
      consentGivenAt: 'datetime',
      ingestedAt: 'datetime',
    },
    searchable: ['firstName', 'lastName', 'email', 'phone', 'company'],
    defaultSort: ['submittedAt', 'DESC'],
  },
  ingestion: leadsIngestion,
  severalPeoplePerRecord: false,
  registerSystem: 'leads',
  packages: leadsExport,
  identifiers: { of: leadIdentifiers },
  erasure: leadsErasure,
  restriction: leadsRestriction,
  retention: leadsRetention,
  demo: { of: leadsDemo },
});
