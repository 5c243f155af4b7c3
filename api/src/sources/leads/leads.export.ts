import { pagedByOffset } from '../../exports/export-reader';
import { isoOf, type PackageFile } from '../../exports/source-export';

/** A lead as the person reads it: what they typed, then how they reached the site (access only). */
/** A row of `leads` as PostgreSQL answers it. */
interface LeadColumns {
  first_name: string | null;
  last_name: string | null;
  email: string;
  phone: string | null;
  company: string | null;
  message: string | null;
  space_type: string | null;
  objective: string | null;
  consent_given_at: Date | null;
  submitted_at: Date;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_term: string | null;
  utm_content: string | null;
  landing_page: string | null;
  referrer: string | null;
}

export function leadRow(l: LeadColumns) {
  return {
    firstName: l.first_name,
    lastName: l.last_name,
    email: l.email,
    phone: l.phone,
    company: l.company,
    message: l.message,
    spaceType: l.space_type,
    objective: l.objective,
    consentGivenAt: isoOf(l.consent_given_at),
    submittedAt: isoOf(l.submitted_at),
    utmSource: l.utm_source,
    utmMedium: l.utm_medium,
    utmCampaign: l.utm_campaign,
    utmTerm: l.utm_term,
    utmContent: l.utm_content,
    landingPage: l.landing_page,
    referrer: l.referrer,
  };
}

export const leadsExport: PackageFile = {
  kind: 'file',
  label: { en: 'Contact-form requests', it: 'Richieste dal modulo di contatto' },
  origin: {
    en: 'You, through the contact form of the website',
    it: 'Lei, tramite il modulo di contatto del sito',
  },
  columns: [
    {
      // What the person typed, sent with their consent to be contacted.
      fields: [
        'firstName',
        'lastName',
        'email',
        'phone',
        'company',
        'message',
        'spaceType',
        'objective',
        'consentGivenAt',
        'submittedAt',
      ],
      legalBasis: 'consent',
      portable: true,
    },
    {
      // How the person reached the site: measured by us, not provided by them.
      fields: ['utmSource', 'utmMedium', 'utmCampaign', 'utmTerm', 'utmContent', 'landingPage', 'referrer'],
      legalBasis: 'legitimate_interests',
      portable: false,
    },
  ],
  glossary: {
    firstName: { en: 'First name', it: 'Nome' },
    lastName: { en: 'Last name', it: 'Cognome' },
    email: { en: 'E-mail', it: 'E-mail' },
    phone: { en: 'Telephone', it: 'Telefono' },
    company: { en: 'Company', it: 'Azienda' },
    message: { en: 'Your message', it: 'Il suo messaggio' },
    spaceType: { en: 'Type of space (form answer)', it: 'Tipo di spazio (risposta al modulo)' },
    objective: { en: 'Objective (form answer)', it: 'Obiettivo (risposta al modulo)' },
    consentGivenAt: { en: 'When you consented to be contacted', it: 'Quando ha acconsentito a essere ricontattato' },
    submittedAt: { en: 'When you sent the form', it: 'Quando ha inviato il modulo' },
    utmSource: { en: 'Campaign source (utm_source)', it: 'Fonte della campagna (utm_source)' },
    utmMedium: { en: 'Campaign medium (utm_medium)', it: 'Mezzo della campagna (utm_medium)' },
    utmCampaign: { en: 'Campaign name (utm_campaign)', it: 'Nome della campagna (utm_campaign)' },
    utmTerm: { en: 'Campaign keyword (utm_term)', it: 'Parola chiave della campagna (utm_term)' },
    utmContent: { en: 'Campaign content (utm_content)', it: 'Contenuto della campagna (utm_content)' },
    landingPage: { en: 'Page of the site you arrived on', it: 'Pagina del sito su cui è arrivato' },
    referrer: { en: 'Site you came from (referrer)', it: 'Sito di provenienza (referrer)' },
  },
  read: ({ ids, reader }) => {
    const leadIds = ids('leads');
    if (!leadIds.length) return null;
    return pagedByOffset<LeadColumns>(
      reader,
      `SELECT * FROM leads WHERE id = ANY($1::uuid[]) ORDER BY submitted_at, id`,
      [leadIds],
      leadRow,
    );
  },
};
