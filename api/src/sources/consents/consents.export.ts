import { pagedByOffset } from '../../exports/export-reader';
import { isoOf, type PackageFile } from '../../exports/source-export';

/** A row of `consent_records` as PostgreSQL answers it. */
interface ConsentColumns {
  consent_id: string;
  email: string | null;
  action: string;
  categories: Record<string, boolean>;
  policy_version: string;
  do_not_track: boolean;
  recorded_at: Date;
  valid_until: Date | null;
}

export function consentRow(c: ConsentColumns) {
  return {
    consentId: c.consent_id,
    email: c.email,
    action: c.action,
    ...Object.fromEntries(Object.entries(c.categories).map(([k, v]) => [`category_${k}`, v])),
    policyVersion: c.policy_version,
    doNotTrack: c.do_not_track,
    recordedAt: isoOf(c.recorded_at),
    validUntil: isoOf(c.valid_until),
  };
}

export const consentsExport: PackageFile = {
  kind: 'file',
  label: { en: 'Cookie choices', it: 'Scelte sui cookie' },
  origin: {
    en: 'You, through the cookie banner of the website',
    it: 'Lei, tramite il banner dei cookie del sito',
  },
  columns: [
    {
      // category_<name>: one column per category of the cookie policy, as the record holds them.
      fields: ['consentId', 'email', 'action', 'category_*', 'policyVersion', 'doNotTrack', 'recordedAt', 'validUntil'],
      legalBasis: 'consent',
      portable: true,
    },
  ],
  read: ({ ids, reader }) => {
    const consentIds = ids('consents');
    if (!consentIds.length) return null;
    return pagedByOffset<ConsentColumns>(
      reader,
      `SELECT * FROM consent_records WHERE id = ANY($1::uuid[]) ORDER BY recorded_at, id`,
      [consentIds],
      consentRow,
    );
  },
};
