import { addDays, daysBetween } from '../requests/deadlines';
import { OPEN_STATUSES, type Language, type RequestStatus, type RequestType } from '../requests/request.entity';

/** How far ahead a working due date counts as "due soon": the dashboard's figure too. */
export const DUE_SOON_DAYS = 7;

/** What the digest reads of a request: no e-mail address, no message text. */
export interface DigestRequest {
  id: string;
  reference: string;
  type: RequestType;
  status: RequestStatus;
  subjectName: string | null;
  /** The earliest deadline that applies (YYYY-MM-DD, Rome). */
  workingDueDate: string;
  /** The subject was asked for identity information... */
  identityInfoRequestedAt: Date | null;
  /** ...and it has not arrived while this is null. */
  identityInfoReceivedAt: Date | null;
}

export type DigestSection = 'overdue' | 'dueSoon' | 'waiting';
export const DIGEST_SECTIONS: readonly DigestSection[] = ['overdue', 'dueSoon', 'waiting'];

export interface DigestLine {
  id: string;
  reference: string;
  type: RequestType;
  subjectName: string | null;
  workingDueDate: string;
  /** Days to the working due date from today (negative: that many days late). */
  daysLeft: number;
}

export type DigestSections = Record<DigestSection, DigestLine[]>;

export interface DigestCounts {
  overdue: number;
  dueSoon: number;
  waiting: number;
}

export interface DigestMail {
  subject: string;
  text: string;
  counts: DigestCounts;
}

/**
 * Sorts the open requests into the digest's three sections, each request once, in the first
 * that fits: overdue (working due date before today), due within 7 days (today included), then
 * waiting on the subject (identity information asked and not received) for the rest. Closed and
 * refused requests, and open ones further away with nothing awaited, are left out.
 */
export function digestSections(requests: readonly DigestRequest[], today: string): DigestSections {
  const sections: DigestSections = { overdue: [], dueSoon: [], waiting: [] };
  const soon = addDays(today, DUE_SOON_DAYS);
  for (const r of requests) {
    if (!OPEN_STATUSES.includes(r.status)) continue;
    const section: DigestSection | null =
      r.workingDueDate < today
        ? 'overdue'
        : r.workingDueDate <= soon
          ? 'dueSoon'
          : r.identityInfoRequestedAt && !r.identityInfoReceivedAt
            ? 'waiting'
            : null;
    if (!section) continue;
    sections[section].push({
      id: r.id,
      reference: r.reference,
      type: r.type,
      subjectName: r.subjectName,
      workingDueDate: r.workingDueDate,
      daysLeft: daysBetween(today, r.workingDueDate),
    });
  }
  // The most pressing first; the reference breaks ties so that the order never changes by chance.
  for (const lines of Object.values(sections)) {
    lines.sort((a, b) => a.daysLeft - b.daysLeft || a.reference.localeCompare(b.reference));
  }
  return sections;
}

interface Texts {
  subject(counts: DigestCounts, day: string): string;
  greeting(name: string): string;
  intro(day: string): string;
  headings: Record<DigestSection, string>;
  types: Record<RequestType, string>;
  noName: string;
  daysLeft(days: number): string;
  daysLate(days: number): string;
  dueOn(day: string): string;
  noLink: string;
  footer: string;
}

const LOCALES: Record<Language, string> = { it: 'it-IT', en: 'en-GB' };

const formatDay = (language: Language, day: string) =>
  new Intl.DateTimeFormat(LOCALES[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));

const TEXTS: Record<Language, Texts> = {
  it: {
    subject: (c, day) =>
      `Promemoria richieste privacy del ${day}: ${c.overdue} ${c.overdue === 1 ? 'scaduta' : 'scadute'}, ${c.dueSoon} in scadenza, ${c.waiting} in attesa dell'interessato`,
    greeting: (name) => `Buongiorno ${name},`,
    intro: (day) => `ecco le richieste degli interessati aperte che chiedono attenzione oggi, ${day}.`,
    headings: {
      overdue: 'Scadute',
      dueSoon: 'In scadenza entro 7 giorni',
      waiting: "In attesa dell'interessato (informazioni per l'identificazione chieste e non ancora ricevute)",
    },
    types: {
      access: 'Accesso',
      rectification: 'Rettifica',
      erasure: 'Cancellazione',
      restriction: 'Limitazione',
      portability: 'Portabilità',
      objection: 'Opposizione',
      consent_withdrawal: 'Revoca del consenso',
    },
    noName: 'nome non indicato',
    daysLeft: (d) => (d === 0 ? 'scade oggi' : d === 1 ? 'scade domani' : `${d} giorni alla scadenza`),
    daysLate: (d) => (d === 1 ? 'scaduta da 1 giorno' : `scaduta da ${d} giorni`),
    dueOn: (day) => `scadenza ${day}`,
    noLink: "Per aprirle, cercate il riferimento nell'elenco delle richieste della console.",
    footer:
      'Messaggio automatico della console privacy, inviato una volta al giorno a chi gestisce le richieste. Nessun dato personale oltre al nome è riportato qui: i dettagli sono nella console.',
  },
  en: {
    subject: (c, day) =>
      `Privacy requests reminder for ${day}: ${c.overdue} overdue, ${c.dueSoon} due soon, ${c.waiting} waiting on the subject`,
    greeting: (name) => `Good morning ${name},`,
    intro: (day) => `these are the open data-subject requests that need attention today, ${day}.`,
    headings: {
      overdue: 'Overdue',
      dueSoon: 'Due within 7 days',
      waiting: 'Waiting on the subject (identity information asked for and not yet received)',
    },
    types: {
      access: 'Access',
      rectification: 'Rectification',
      erasure: 'Erasure',
      restriction: 'Restriction',
      portability: 'Portability',
      objection: 'Objection',
      consent_withdrawal: 'Consent withdrawal',
    },
    noName: 'no name given',
    daysLeft: (d) => (d === 0 ? 'due today' : d === 1 ? 'due tomorrow' : `${d} days left`),
    daysLate: (d) => (d === 1 ? '1 day late' : `${d} days late`),
    dueOn: (day) => `due ${day}`,
    noLink: "To open one, search for its reference in the console's request list.",
    footer:
      'An automatic message from the privacy console, sent once a day to the staff who handle requests. It holds no personal data beyond a name: the details are in the console.',
  },
};

/** The console's page of a request (the admin UI routes by hash). */
export function requestLink(consoleUrl: string, id: string): string {
  return `${consoleUrl.replace(/\/+$/, '')}/#/requests/${id}/show`;
}

/**
 * One officer's digest e-mail in their language, or null when there is nothing to report (no
 * e-mail then). Each line: reference, type, the subject's name, the days left or late and the
 * due date, and a link to the request in the console when its address (PUBLIC_URL) is known.
 * Nothing else of the subject: no e-mail address, no message text.
 */
export function composeDigest(input: {
  sections: DigestSections;
  language: Language;
  recipientName: string;
  today: string;
  consoleUrl: string | null;
}): DigestMail | null {
  const { sections, language, consoleUrl } = input;
  const counts: DigestCounts = {
    overdue: sections.overdue.length,
    dueSoon: sections.dueSoon.length,
    waiting: sections.waiting.length,
  };
  if (counts.overdue + counts.dueSoon + counts.waiting === 0) return null;
  const t = TEXTS[language];
  const day = formatDay(language, input.today);
  const lines: string[] = [t.greeting(input.recipientName), '', t.intro(day)];
  for (const section of DIGEST_SECTIONS) {
    const items = sections[section];
    if (items.length === 0) continue;
    lines.push('', `${t.headings[section]} (${items.length})`);
    for (const item of items) {
      const when = item.daysLeft < 0 ? t.daysLate(-item.daysLeft) : t.daysLeft(item.daysLeft);
      // A name is the subject's own words: one line, whatever it held.
      const name = item.subjectName?.replace(/\s+/g, ' ').trim() || t.noName;
      lines.push(
        `- ${item.reference} · ${t.types[item.type]} · ${name} · ${when} (${t.dueOn(formatDay(language, item.workingDueDate))})`,
      );
      if (consoleUrl) lines.push(`  ${requestLink(consoleUrl, item.id)}`);
    }
  }
  if (!consoleUrl) lines.push('', t.noLink);
  lines.push('', '--', t.footer, '');
  return { subject: t.subject(counts, day), text: lines.join('\n'), counts };
}
