import { consentsDemo } from './consents.demo';
import { defineSource } from '../source-definition';
import { CONSENT_ACTIONS, ConsentRecord } from './consent-record.entity';
import { consentsExport } from './consents.export';
import { consentsIngestion } from './consents.ingestion';
import { presentConsent } from './consents.presenter';
import { consentsErasure } from './consents.erasure';
import { consentsRestriction } from './consents.restriction';
import { consentsRetention } from './consents.retention';
import { consentIdentifiers } from './consents.ingestion';

/** The cookie banner's records of what each browser agreed to. */
export const consentsSource = defineSource({
  resource: 'consents',
  entity: ConsentRecord,
  idType: 'uuid',
  present: presentConsent,
  list: {
    resource: 'consents',
    fields: {
      id: 'uuid',
      externalId: 'text',
      consentId: 'text',
      email: 'text',
      action: { enum: CONSENT_ACTIONS },
      policyVersion: 'text',
      doNotTrack: 'boolean',
      recordedAt: 'datetime',
      validUntil: 'datetime',
    },
    searchable: ['consentId', 'email'],
    defaultSort: ['recordedAt', 'DESC'],
  },
  ingestion: consentsIngestion,
  severalPeoplePerRecord: false,
  registerSystem: 'consents',
  packages: consentsExport,
  identifiers: { of: consentIdentifiers },
  erasure: consentsErasure,
  restriction: consentsRestriction,
  retention: consentsRetention,
  demo: { of: consentsDemo },
});
