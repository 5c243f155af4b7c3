import { readersDate } from '../letters/letter-texts';
import type { Language } from '../requests/request.entity';

/**
 * Art. 19: the controller tells each recipient of the data about a rectification, erasure or
 * restriction. Plain functions: the notice's wording (which sources feed which activity is each
 * source's `registerSystem`, source-registry.ts).
 */

export type NotifiedChange = 'erasure' | 'rectification' | 'restriction';

const WHAT: Record<Language, Record<NotifiedChange, string>> = {
  en: {
    erasure: 'erased the personal data of a data subject',
    rectification: 'rectified the personal data of a data subject',
    restriction: 'restricted the processing of the personal data of a data subject',
  },
  it: {
    erasure: 'cancellato i dati personali di un interessato',
    rectification: 'rettificato i dati personali di un interessato',
    restriction: 'limitato il trattamento dei dati personali di un interessato',
  },
};

const ASK: Record<Language, Record<NotifiedChange, string>> = {
  en: {
    erasure: 'Please erase any copy of these data you process on our behalf, and confirm in writing when done.',
    rectification:
      'Please rectify any copy of these data you process on our behalf accordingly, and confirm in writing when done.',
    restriction:
      'Please restrict the processing of these data accordingly (store them only) until we tell you otherwise, and confirm in writing.',
  },
  it: {
    erasure:
      'Vi chiediamo di cancellare ogni copia di tali dati che trattate per nostro conto e di darcene conferma scritta.',
    rectification:
      'Vi chiediamo di rettificare di conseguenza ogni copia di tali dati che trattate per nostro conto e di darcene conferma scritta.',
    restriction:
      'Vi chiediamo di limitarne il trattamento alla sola conservazione fino a nostra diversa comunicazione e di darcene conferma scritta.',
  },
};

export function recipientNotice(
  language: Language,
  input: {
    processor: string;
    service: string;
    reference: string;
    change: NotifiedChange;
    categories: string[];
    date: string;
    subjectEmail: string | null;
  },
): string {
  const categories = input.categories.length
    ? input.categories.join(', ')
    : language === 'it'
      ? 'dati personali'
      : 'personal data';
  // The address only where the recipient received it (receivedEmail): else "a data subject" alone.
  const who = input.subjectEmail ? ` (${input.subjectEmail})` : '';
  const date = readersDate(input.date, language);
  if (language === 'it') {
    return [
      `Oggetto: comunicazione ai sensi dell'art. 19 GDPR (rif. ${input.reference})`,
      '',
      `Spettabile ${input.processor},`,
      `in qualità di responsabile del trattamento per il servizio "${input.service}", vi informiamo che in data ${date} abbiamo ${WHAT.it[input.change]}${who}, su sua richiesta ai sensi del GDPR.`,
      `Categorie di dati interessate: ${categories}.`,
      ASK.it[input.change],
      '',
      'Cordiali saluti',
    ].join('\n');
  }
  return [
    `Subject: notification under Art. 19 GDPR (ref. ${input.reference})`,
    '',
    `Dear ${input.processor},`,
    `as our processor for "${input.service}", we inform you that on ${date} we ${WHAT.en[input.change]}${who} at their request under the GDPR.`,
    `Categories of data concerned: ${categories}.`,
    ASK.en[input.change],
    '',
    'Kind regards',
  ].join('\n');
}

/**
 * What a recipient received of an activity's data (Art. 19: it is told of those, not of the
 * others): the categories the activity records for it (Cloudflare's Turnstile: the IP address and
 * browser data, never the form's fields), or, where none are recorded, all of the activity's
 * (a host holds the whole record).
 */
export function categoriesReceived(
  activity: { dataCategories: string[]; recipientCategories?: Record<string, string[]> | null },
  processorId: string,
): string[] {
  return activity.recipientCategories?.[processorId] ?? activity.dataCategories;
}

/**
 * Whether the recipient received the person's e-mail address: only then does its notice name it
 * (an AI provider received the chat messages, never the address: telling it would be a new
 * disclosure, Art. 5(1)(c)).
 */
export function receivedEmail(categories: string[]): boolean {
  return categories.some((c) => /e-?mail/i.test(c));
}

/**
 * Art. 19, last sentence: the recipients of the person's data, as the person reads them in their
 * language (the list the controller gives "if the data subject requests it"): each with its
 * service, country and what it received of their data, one a line. Only the recipients that
 * received this person's data (recipients-to-tell.ts); none is said as such.
 */
export function recipientsForSubject(
  language: Language,
  recipients: Array<{ name: string; service: string; country: string; categories: string[] }>,
): string {
  if (recipients.length === 0)
    return language === 'it'
      ? 'Nessun destinatario ha ricevuto i dati personali interessati dalla sua richiesta.'
      : 'No recipient received the personal data your request concerned.';
  const countries = new Intl.DisplayNames([language === 'it' ? 'it-IT' : 'en-GB'], { type: 'region' });
  const country = (code: string) => {
    try {
      return countries.of(code) ?? code;
    } catch {
      return code;
    }
  };
  const received = language === 'it' ? 'dati ricevuti' : 'data received';
  return recipients
    .map((r) => {
      const what = r.categories.length ? `; ${received}: ${r.categories.join(', ')}` : '';
      return `- ${r.name}, ${r.service} (${country(r.country)}${what})`;
    })
    .join('\n');
}
