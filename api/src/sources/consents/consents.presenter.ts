import { iso, restriction } from '../present-parts';
import type { ConsentRecord } from './consent-record.entity';

/** What the API answers for a record: never a token or a secret. */

export function presentConsent(c: ConsentRecord) {
  return {
    id: c.id,
    externalId: c.externalId,
    consentId: c.consentId,
    email: c.email,
    categories: c.categories,
    action: c.action,
    policyVersion: c.policyVersion,
    doNotTrack: c.doNotTrack,
    recordedAt: iso(c.recordedAt),
    validUntil: iso(c.validUntil),
    ingestedAt: iso(c.ingestedAt),
    ...restriction(c),
  };
}

export type ConsentView = ReturnType<typeof presentConsent>;
