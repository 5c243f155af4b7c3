import type { DemoContext } from '../../seed/demo-kit';
import type { IngestConsentDto } from './consents.ingestion';

const POLICY_VERSION = '2026-06-11';

/** A person's cookie choices, if any: granted, sometimes changed or withdrawn later. */
export function consentsDemo({ f, person, firstSeen, nextId }: DemoContext): IngestConsentDto[] {
  const records: IngestConsentDto[] = [];
  if (f.datatype.boolean(0.7)) {
    let recordedAt = new Date(firstSeen.getTime() - 60_000);
    const steps = f.helpers.weightedArrayElement([
      { weight: 6, value: ['grant'] },
      { weight: 3, value: ['grant', 'update'] },
      { weight: 1, value: ['grant', 'withdraw'] },
    ]) as Array<'grant' | 'update' | 'withdraw'>;
    for (const action of steps) {
      const withdraw = action === 'withdraw';
      records.push({
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
  return records;
}
