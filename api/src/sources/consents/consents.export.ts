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
      // The record of a choice is kept to prove the consent (Art. 7(1)): a legal obligation, not
      // consent or contract, so it is not in a portability package (Art. 20(1)(a); docs/exports.md).
      legalBasis: 'legal_obligation',
      portable: false,
    },
  ],
  glossary: {
    consentId: { en: 'Identifier of your browser’s choice', it: 'Identificativo della scelta del suo browser' },
    email: { en: 'E-mail', it: 'E-mail' },
    action: { en: 'What you did', it: 'Che cosa ha fatto' },
    'category_*': { en: 'Your choice for', it: 'La sua scelta per' },
    policyVersion: { en: 'Version of the cookie policy', it: 'Versione della cookie policy' },
    doNotTrack: { en: 'Do-Not-Track signal of your browser', it: 'Segnale Do-Not-Track del suo browser' },
    recordedAt: { en: 'When you chose', it: 'Quando ha scelto' },
    validUntil: { en: 'Valid until', it: 'Valida fino al' },
  },
  codes: {
    action: {
      grant: { en: 'gave consent', it: 'ha dato il consenso' },
      update: { en: 'changed the choices', it: 'ha modificato le scelte' },
      withdraw: { en: 'withdrew consent', it: 'ha revocato il consenso' },
    },
    'category_*': {
      necessary: { en: 'necessary cookies', it: 'cookie necessari' },
      functional: { en: 'functional cookies', it: 'cookie funzionali' },
      ai_chatbot: { en: 'the AI chatbot', it: 'il chatbot AI' },
      statistics: { en: 'anonymous statistics', it: 'statistiche anonime' },
      analytics: { en: 'analytics cookies', it: 'cookie analitici' },
      marketing: { en: 'marketing cookies', it: 'cookie di marketing' },
    },
  },
  read: ({ ids, kind, reader }) => {
    const consentIds = ids('consents');
    if (!consentIds.length || kind !== 'access') return null;
    return pagedByOffset<ConsentColumns>(
      reader,
      `SELECT * FROM consent_records WHERE id = ANY($1::uuid[]) ORDER BY recorded_at, id`,
      [consentIds],
      consentRow,
    );
  },
};
