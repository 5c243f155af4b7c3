import { CONTROLLER } from '../registers/activities/record-of-processing';

/**
 * The communication of a personal-data breach to the people affected (GDPR Art. 34), in
 * Italian or English, as the recipient reads it. Art. 34(2) asks for, in clear and plain
 * language: the nature of the breach; the name and contact details of the DPO or other contact
 * point; its likely consequences; the measures taken or proposed, including those to mitigate
 * its possible adverse effects (Art. 33(3)(b)-(d)). The fixed sentences are here, in both
 * languages; the officer writes the breach's own words in each (`notice*It`, `notice*En`).
 */

export type CommunicationLanguage = 'it' | 'en';
export const COMMUNICATION_LANGUAGES: readonly CommunicationLanguage[] = ['it', 'en'];

export interface CommunicationSource {
  startedAt: Date;
  endedAt: Date | null;
  ongoing: boolean;
  awareAt: Date;
  contactName: string;
  contactDetails: string;
  noticeNatureIt: string | null;
  noticeNatureEn: string | null;
  noticeConsequencesIt: string | null;
  noticeConsequencesEn: string | null;
  noticeMeasuresIt: string | null;
  noticeMeasuresEn: string | null;
}

const FIELDS = {
  it: { nature: 'noticeNatureIt', consequences: 'noticeConsequencesIt', measures: 'noticeMeasuresIt' },
  en: { nature: 'noticeNatureEn', consequences: 'noticeConsequencesEn', measures: 'noticeMeasuresEn' },
} as const;

const TEXT = {
  it: {
    subject: (controller: string) => `Comunicazione di una violazione dei Suoi dati personali - ${controller}`,
    greeting: 'Gentile interessata, gentile interessato,',
    intro: (controller: string) =>
      `Le scriviamo, come prevede l'articolo 34 del Regolamento (UE) 2016/679 (GDPR), perché ${controller} ha subito una violazione di dati personali che riguarda anche Suoi dati e che potrebbe comportare un rischio elevato per i Suoi diritti e le Sue libertà.`,
    what: 'Che cosa è successo',
    when: (start: string, end: string | null, aware: string) =>
      `La violazione è iniziata il ${start}${end ? ` ed è terminata il ${end}` : ' ed è tuttora in corso'}; ne siamo venuti a conoscenza il ${aware}.`,
    consequences: 'Quali conseguenze potrebbe avere per Lei',
    measures: 'Che cosa abbiamo fatto e che cosa faremo, anche per limitarne gli effetti',
    contact: 'A chi rivolgersi',
    contactLine: (name: string, details: string) => `Per qualsiasi domanda può contattare ${name}: ${details}.`,
    complaint:
      'Ha inoltre il diritto di proporre reclamo al Garante per la protezione dei dati personali (www.garanteprivacy.it).',
    closing: 'Cordiali saluti,',
    locale: 'it-IT',
  },
  en: {
    subject: (controller: string) => `A breach of your personal data - ${controller}`,
    greeting: 'Dear Sir or Madam,',
    intro: (controller: string) =>
      `We are writing to you, as Article 34 of Regulation (EU) 2016/679 (GDPR) requires, because ${controller} has suffered a personal data breach which concerns some of your data and which may result in a high risk to your rights and freedoms.`,
    what: 'What happened',
    when: (start: string, end: string | null, aware: string) =>
      `The breach began on ${start}${end ? ` and ended on ${end}` : ' and is still ongoing'}; we became aware of it on ${aware}.`,
    consequences: 'What it may mean for you',
    measures: 'What we have done and will do, including to limit its effects',
    contact: 'Who to contact',
    contactLine: (name: string, details: string) => `For any question you may contact ${name}: ${details}.`,
    complaint:
      'You also have the right to lodge a complaint with the Italian supervisory authority, the Garante per la protezione dei dati personali (www.garanteprivacy.it).',
    closing: 'Kind regards,',
    locale: 'en-GB',
  },
} as const;

/** The fields the communication in `language` still lacks (empty: it can be sent). */
export function missingForCommunication(b: CommunicationSource, language: CommunicationLanguage): string[] {
  return Object.values(FIELDS[language]).filter((f) => !b[f]?.trim());
}

export interface RenderedCommunication {
  language: CommunicationLanguage;
  subject: string;
  body: string;
}

/** The letter in `language` (check `missingForCommunication` first: a missing part is left out). */
export function renderCommunication(b: CommunicationSource, language: CommunicationLanguage): RenderedCommunication {
  const t = TEXT[language];
  const f = FIELDS[language];
  const day = new Intl.DateTimeFormat(t.locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Rome',
  });
  const end = b.ongoing ? null : b.endedAt;
  const paragraphs = [
    t.greeting,
    t.intro(CONTROLLER.name),
    `${t.what}\n${b[f.nature]?.trim() ?? ''}\n${t.when(day.format(b.startedAt), end ? day.format(end) : null, day.format(b.awareAt))}`,
    `${t.consequences}\n${b[f.consequences]?.trim() ?? ''}`,
    `${t.measures}\n${b[f.measures]?.trim() ?? ''}`,
    `${t.contact}\n${t.contactLine(b.contactName, b.contactDetails)}\n${t.complaint}`,
    `${t.closing}\n${CONTROLLER.name}`,
  ];
  return { language, subject: t.subject(CONTROLLER.name), body: paragraphs.join('\n\n') + '\n' };
}

/** The language to write to a person in: theirs when known, else Italian. */
export function communicationLanguage(known: string | null | undefined): CommunicationLanguage {
  return known === 'en' ? 'en' : 'it';
}
