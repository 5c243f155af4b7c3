import { keptStatement, type KeptPart } from '../legal-holds/legal-hold-rules';
import { CONTROLLER } from '../registers/activities/record-of-processing';
import { romeDate, statutoryDeadline } from '../requests/deadlines';
import { rejectionStatement } from '../requests/request-rules';
import type { Language, RejectionReason, RequestType } from '../requests/request.entity';

/**
 * The officer's letters to the data subject (and the Art. 19 notices to recipients), as plain
 * functions: the default template of each kind in Italian and English, the facts a letter may
 * quote (taken from the request, never its internal notes), and the filling of a template.
 * An admin may replace a default with a new version (letter-templates); the words below are
 * the defaults, and docs/letters.md says where each comes from in the law.
 */

export const LETTER_KINDS = [
  'acknowledgement',
  'identity_info',
  'extension',
  'refusal',
  'completion',
  'no_data',
  'recipient_notice',
  'recipients_list',
  'package_link',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** One template per kind, and one completion per right. */
export const TEMPLATE_KEYS = [
  'acknowledgement',
  'identity_info',
  'extension',
  'refusal',
  'completion_access',
  'completion_rectification',
  'completion_erasure',
  'completion_restriction',
  'completion_portability',
  'completion_objection',
  'completion_consent_withdrawal',
  'no_data',
  'recipient_notice',
  'recipients_list',
  'package_link',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/** The template a letter of `kind` uses for a request of `type`. */
export function templateKeyOf(kind: LetterKind, type: RequestType): TemplateKey {
  return kind === 'completion' ? `completion_${type}` : kind;
}

export interface LetterTemplate {
  subject: string;
  body: string;
}

const REGARDS: Record<Language, string> = {
  it: 'Cordiali saluti\n{{controller}}\n{{controllerEmail}}',
  en: 'Kind regards\n{{controller}}\n{{controllerEmail}}',
};

/** Said by every completion that changed data others may have received (Art. 19). */
const ART_19: Record<Language, string> = {
  it: 'Se i dati erano stati comunicati ad altri destinatari, li informiamo di questa modifica, salvo che ciò si riveli impossibile o implichi uno sforzo sproporzionato (art. 19 GDPR); su sua richiesta le indichiamo chi sono.',
  en: 'Where the data were disclosed to other recipients, we tell each of them about this change, unless this proves impossible or involves disproportionate effort (GDPR Art. 19); on request, we will tell you who they are.',
};

/** Said by the completions whose answer is a copy of the data: never attached to the e-mail. */
const SENT_APART: Record<Language, string> = {
  it: 'Per la sua sicurezza non alleghiamo i dati a questo messaggio: le vengono consegnati con una comunicazione separata.',
  en: 'For your security we do not attach the data to this message: they are given to you in a separate communication.',
};

const DEFAULTS: Record<TemplateKey, Record<Language, LetterTemplate>> = {
  acknowledgement: {
    it: {
      subject: 'Abbiamo ricevuto la sua richiesta ({{reference}})',
      body: `{{greeting}}

abbiamo ricevuto il {{receivedOn}} la sua richiesta di {{right}}. Il riferimento della pratica è {{reference}}: la preghiamo di indicarlo in ogni comunicazione che la riguarda.

Le risponderemo senza ingiustificato ritardo e comunque entro il {{deadline}} (art. 12, par. 3, GDPR). Se la richiesta si rivelasse complessa, o se ne ricevessimo molte, questo termine potrà essere prorogato di due mesi: in tal caso la informeremo entro la stessa data, spiegandone i motivi.

${REGARDS.it}`,
    },
    en: {
      subject: 'We have received your request ({{reference}})',
      body: `{{greeting}}

We received your request for {{right}} on {{receivedOn}}. Its reference is {{reference}}: please quote it in any message about it.

We will answer without undue delay and in any event by {{deadline}} (GDPR Art. 12(3)). Should the request prove complex, or should we receive many, this period may be extended by two further months: we would then tell you so, with the reasons, by that same date.

${REGARDS.en}`,
    },
  },
  identity_info: {
    it: {
      subject: 'Informazioni necessarie per confermare la sua identità ({{reference}})',
      body: `{{greeting}}

per dare seguito alla sua richiesta di {{right}} ({{reference}}), ricevuta il {{receivedOn}}, dobbiamo essere certi di rispondere alla persona a cui i dati si riferiscono (art. 12, par. 6, GDPR). Le chiediamo quindi di fornirci: {{identityInfo}}

La preghiamo di rispondere a questo messaggio entro il {{respondBy}}. Useremo queste informazioni soltanto per confermare la sua identità.

${REGARDS.it}`,
    },
    en: {
      subject: 'Information needed to confirm your identity ({{reference}})',
      body: `{{greeting}}

To act on your request for {{right}} ({{reference}}), received on {{receivedOn}}, we must be sure that we are answering the person the data relate to (GDPR Art. 12(6)). Please send us: {{identityInfo}}

Please reply to this message by {{respondBy}}. We will use this information only to confirm your identity.

${REGARDS.en}`,
    },
  },
  extension: {
    it: {
      subject: 'Proroga del termine di risposta alla sua richiesta ({{reference}})',
      body: `{{greeting}}

la sua richiesta di {{right}} ({{reference}}), ricevuta il {{receivedOn}}, richiede più tempo del previsto. Ai sensi dell'art. 12, par. 3, GDPR prorogheremo di due mesi il termine per la risposta, che passa dal {{deadline}} al {{extendedDeadline}}, per i seguenti motivi: {{reasons}}

Le risponderemo non appena possibile, e comunque entro il {{extendedDeadline}}.

${REGARDS.it}`,
    },
    en: {
      subject: 'Extension of the time to answer your request ({{reference}})',
      body: `{{greeting}}

Your request for {{right}} ({{reference}}), received on {{receivedOn}}, needs more time than usual. Under GDPR Art. 12(3) we are extending the period to answer it by two further months, from {{deadline}} to {{extendedDeadline}}, for these reasons: {{reasons}}

We will answer as soon as we can, and in any event by {{extendedDeadline}}.

${REGARDS.en}`,
    },
  },
  refusal: {
    it: {
      subject: 'Risposta alla sua richiesta ({{reference}})',
      body: `{{greeting}}

abbiamo esaminato la sua richiesta di {{right}} ({{reference}}), ricevuta il {{receivedOn}}.

{{statement}}

${REGARDS.it}`,
    },
    en: {
      subject: 'Our answer to your request ({{reference}})',
      body: `{{greeting}}

We have examined your request for {{right}} ({{reference}}), received on {{receivedOn}}.

{{statement}}

${REGARDS.en}`,
    },
  },
  completion_access: {
    it: {
      subject: 'Accesso ai suoi dati personali ({{reference}})',
      body: `{{greeting}}

abbiamo dato seguito alla sua richiesta di {{right}} ({{reference}}), ricevuta il {{receivedOn}}: abbiamo preparato una copia dei dati personali che la riguardano, con le informazioni sul loro trattamento previste dall'art. 15 GDPR.

${SENT_APART.it}

${REGARDS.it}`,
    },
    en: {
      subject: 'Access to your personal data ({{reference}})',
      body: `{{greeting}}

We have acted on your request for {{right}} ({{reference}}), received on {{receivedOn}}: we have prepared a copy of the personal data concerning you, with the information about their processing that GDPR Art. 15 requires.

${SENT_APART.en}

${REGARDS.en}`,
    },
  },
  completion_rectification: {
    it: {
      subject: 'Rettifica dei suoi dati personali ({{reference}})',
      body: `{{greeting}}

abbiamo dato seguito alla sua richiesta di {{right}} ({{reference}}), ricevuta il {{receivedOn}}: abbiamo rettificato i dati personali che la riguardano come da lei indicato (art. 16 GDPR).

${ART_19.it}

${REGARDS.it}`,
    },
    en: {
      subject: 'Rectification of your personal data ({{reference}})',
      body: `{{greeting}}

We have acted on your request for {{right}} ({{reference}}), received on {{receivedOn}}: we have rectified the personal data concerning you as you asked (GDPR Art. 16).

${ART_19.en}

${REGARDS.en}`,
    },
  },
  completion_erasure: {
    it: {
      subject: 'Cancellazione dei suoi dati personali ({{reference}})',
      body: `{{greeting}}

abbiamo dato seguito alla sua richiesta di {{right}} ({{reference}}), ricevuta il {{receivedOn}}: abbiamo cancellato i dati personali che la riguardano (art. 17 GDPR).

{{kept}}

${ART_19.it}

${REGARDS.it}`,
    },
    en: {
      subject: 'Erasure of your personal data ({{reference}})',
      body: `{{greeting}}

We have acted on your request for {{right}} ({{reference}}), received on {{receivedOn}}: we have erased the personal data concerning you (GDPR Art. 17).

{{kept}}

${ART_19.en}

${REGARDS.en}`,
    },
  },
  completion_restriction: {
    it: {
      subject: 'Limitazione del trattamento dei suoi dati personali ({{reference}})',
      body: `{{greeting}}

abbiamo dato seguito alla sua richiesta di {{right}} ({{reference}}), ricevuta il {{receivedOn}}: da ora conserviamo soltanto i dati personali che la riguardano e non li trattiamo in altro modo, salvo nei casi ammessi dall'art. 18, par. 2, GDPR. La informeremo prima che la limitazione sia revocata (art. 18, par. 3, GDPR).

${ART_19.it}

${REGARDS.it}`,
    },
    en: {
      subject: 'Restriction of the processing of your personal data ({{reference}})',
      body: `{{greeting}}

We have acted on your request for {{right}} ({{reference}}), received on {{receivedOn}}: from now on we only store the personal data concerning you and do not otherwise process them, except as GDPR Art. 18(2) allows. We will tell you before the restriction is lifted (GDPR Art. 18(3)).

${ART_19.en}

${REGARDS.en}`,
    },
  },
  completion_portability: {
    it: {
      subject: 'Portabilità dei suoi dati personali ({{reference}})',
      body: `{{greeting}}

abbiamo dato seguito alla sua richiesta di {{right}} ({{reference}}), ricevuta il {{receivedOn}}: abbiamo preparato i dati personali che lei ci ha fornito in un formato strutturato, di uso comune e leggibile da dispositivo automatico (art. 20 GDPR).

${SENT_APART.it}

${REGARDS.it}`,
    },
    en: {
      subject: 'Portability of your personal data ({{reference}})',
      body: `{{greeting}}

We have acted on your request for {{right}} ({{reference}}), received on {{receivedOn}}: we have prepared the personal data you provided to us in a structured, commonly used and machine-readable format (GDPR Art. 20).

${SENT_APART.en}

${REGARDS.en}`,
    },
  },
  completion_objection: {
    it: {
      subject: 'Opposizione al trattamento dei suoi dati personali ({{reference}})',
      body: `{{greeting}}

abbiamo dato seguito alla sua richiesta di {{right}} ({{reference}}), ricevuta il {{receivedOn}}: non trattiamo più i dati personali che la riguardano per le finalità a cui si riferisce la sua opposizione (art. 21 GDPR).

${REGARDS.it}`,
    },
    en: {
      subject: 'Objection to the processing of your personal data ({{reference}})',
      body: `{{greeting}}

We have acted on your request for {{right}} ({{reference}}), received on {{receivedOn}}: we no longer process the personal data concerning you for the purposes your objection concerns (GDPR Art. 21).

${REGARDS.en}`,
    },
  },
  completion_consent_withdrawal: {
    it: {
      subject: 'Revoca del suo consenso ({{reference}})',
      body: `{{greeting}}

abbiamo dato seguito alla sua richiesta di {{right}} ({{reference}}), ricevuta il {{receivedOn}}: non trattiamo più i dati personali che la riguardano per le finalità basate su quel consenso. La revoca non pregiudica la liceità del trattamento basato sul consenso prima della revoca (art. 7, par. 3, GDPR).

${REGARDS.it}`,
    },
    en: {
      subject: 'Withdrawal of your consent ({{reference}})',
      body: `{{greeting}}

We have acted on your request for {{right}} ({{reference}}), received on {{receivedOn}}: we no longer process the personal data concerning you for the purposes based on that consent. The withdrawal does not affect the lawfulness of processing based on consent before its withdrawal (GDPR Art. 7(3)).

${REGARDS.en}`,
    },
  },
  no_data: {
    it: {
      subject: 'Esito della ricerca dei suoi dati personali ({{reference}})',
      body: `{{greeting}}

in risposta alla sua richiesta di {{right}} ({{reference}}), ricevuta il {{receivedOn}}: il {{searchedOn}} abbiamo cercato i dati personali associati a {{identifiers}} in tutti i nostri sistemi (richieste di contatto dal sito, conversazioni in chat, appuntamenti e calendari collegati, registro dei consensi, registri di accesso), senza trovarne.

Non deteniamo quindi dati personali che la riguardano, oltre alla documentazione di questa richiesta (art. 15, par. 1, GDPR).

${REGARDS.it}`,
    },
    en: {
      subject: 'The outcome of the search for your personal data ({{reference}})',
      body: `{{greeting}}

In answer to your request for {{right}} ({{reference}}), received on {{receivedOn}}: on {{searchedOn}} we searched all our systems (contact requests from the website, chat conversations, appointments and connected calendars, the consent register, access logs) for personal data linked to {{identifiers}}, and found none.

We therefore hold no personal data concerning you, besides the record of this request (GDPR Art. 15(1)).

${REGARDS.en}`,
    },
  },
  // The privacy portal adds the personal link and its expiry before the regards (portal/package.service.ts).
  package_link: {
    it: {
      subject: 'I suoi dati sono pronti da scaricare ({{reference}})',
      body: `{{greeting}}

in risposta alla sua richiesta di {{right}} ({{reference}}), ricevuta il {{receivedOn}}, abbiamo preparato una copia dei suoi dati personali in un file ZIP. Per la sua sicurezza non la alleghiamo a questo messaggio: può scaricarla dal nostro portale privacy.

${REGARDS.it}`,
    },
    en: {
      subject: 'Your data are ready to download ({{reference}})',
      body: `{{greeting}}

In answer to your request for {{right}} ({{reference}}), received on {{receivedOn}}, we have prepared a copy of your personal data as a ZIP file. For your security we do not attach it to this message: you can download it from our privacy portal.

${REGARDS.en}`,
    },
  },
  // The notice itself is recipients.ts's (the erasure module's Art. 19 list builds it).
  recipient_notice: {
    it: { subject: '{{noticeSubject}}', body: '{{notice}}\n{{controller}}\n{{controllerEmail}}' },
    en: { subject: '{{noticeSubject}}', body: '{{notice}}\n{{controller}}\n{{controllerEmail}}' },
  },
  // Art. 19, last sentence: the subject is told who the recipients are, when they ask.
  recipients_list: {
    it: {
      subject: 'I destinatari dei suoi dati personali ({{reference}})',
      body: `{{greeting}}

come da lei richiesto, in relazione alla sua richiesta di {{right}} ({{reference}}), ricevuta il {{receivedOn}}, le indichiamo i destinatari ai quali sono stati comunicati i dati personali interessati dalla richiesta (art. 19 GDPR):

{{recipients}}

${REGARDS.it}`,
    },
    en: {
      subject: 'The recipients of your personal data ({{reference}})',
      body: `{{greeting}}

As you asked, regarding your request for {{right}} ({{reference}}), received on {{receivedOn}}, these are the recipients to whom the personal data your request concerned were disclosed (GDPR Art. 19):

{{recipients}}

${REGARDS.en}`,
    },
  },
};

/** The template in code: version 0 of every key. */
export function defaultTemplate(key: TemplateKey, language: Language): LetterTemplate {
  return DEFAULTS[key][language];
}

/** What every letter may quote. */
const COMMON = ['greeting', 'reference', 'right', 'receivedOn', 'controller', 'controllerEmail'] as const;

/** What a template of each key may quote beyond COMMON, and what it must (the letter's legal content). */
const PLACEHOLDERS: Record<TemplateKey, { extra: readonly string[]; required: readonly string[] }> = {
  acknowledgement: { extra: ['deadline'], required: ['reference', 'deadline'] },
  identity_info: { extra: ['identityInfo', 'respondBy'], required: ['identityInfo'] },
  extension: { extra: ['deadline', 'extendedDeadline', 'reasons'], required: ['extendedDeadline', 'reasons'] },
  refusal: { extra: ['statement'], required: ['statement'] },
  completion_access: { extra: [], required: ['reference'] },
  completion_rectification: { extra: [], required: ['reference'] },
  // kept: what legal holds keep, why and until when (Art. 17(3)), or that only the request is kept.
  completion_erasure: { extra: ['kept'], required: ['reference', 'kept'] },
  completion_restriction: { extra: [], required: ['reference'] },
  completion_portability: { extra: [], required: ['reference'] },
  completion_objection: { extra: [], required: ['reference'] },
  completion_consent_withdrawal: { extra: [], required: ['reference'] },
  no_data: { extra: ['searchedOn', 'identifiers'], required: ['identifiers', 'searchedOn'] },
  recipient_notice: { extra: ['noticeSubject', 'notice'], required: ['notice'] },
  recipients_list: { extra: ['recipients'], required: ['recipients'] },
  package_link: { extra: [], required: ['reference'] },
};

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** The names a template quotes, in order, once each. */
export function placeholdersOf(template: LetterTemplate): string[] {
  const names = [...`${template.subject}\n${template.body}`.matchAll(PLACEHOLDER)].map((m) => m[1]);
  return [...new Set(names)];
}

/** What is wrong with an edited template, as a field → problem map; empty when it may be saved. */
export function templateProblems(key: TemplateKey, template: LetterTemplate): Record<string, string> {
  const problems: Record<string, string> = {};
  const allowed = new Set<string>([...COMMON, ...PLACEHOLDERS[key].extra]);
  const used = placeholdersOf(template);
  const unknown = used.filter((name) => !allowed.has(name));
  if (unknown.length)
    problems.body = `unknown placeholder ${unknown.map((n) => `{{${n}}}`).join(', ')}; this template may use ${[...allowed].map((n) => `{{${n}}}`).join(', ')}`;
  const missing = PLACEHOLDERS[key].required.filter((name) => !used.includes(name));
  if (missing.length && !problems.body)
    problems.body = `must quote ${missing.map((n) => `{{${n}}}`).join(', ')}: without it the letter does not say what the law requires`;
  if (!template.subject.trim()) problems.subject = 'must not be empty';
  else if (/[\r\n]/.test(template.subject)) problems.subject = 'must be one line';
  return problems;
}

/** The values a letter's placeholders take; a missing one is undefined. */
export type LetterFacts = Record<string, string | undefined>;

/** What the letter is about: the request's public record only (no description, outcome or notes). */
export interface RequestForLetter {
  reference: string;
  type: RequestType;
  language: Language;
  receivedAt: Date;
  subjectName: string | null;
  subjectEmail: string | null;
  subjectPhone: string | null;
  dueDate: string;
  extendedDueDate: string | null;
  extensionReason: string | null;
  identityInfoRequested: string | null;
  identityInfoRespondBy: string | null;
  rejectionStatement: string | null;
}

/** What the officer may add when writing a letter the request does not yet record. */
export interface LetterInput {
  /** extension: the reasons (Art. 12(3)), when the extension is not recorded yet. */
  reasons?: string;
  /** identity_info: what the subject is asked for, and by when (YYYY-MM-DD). */
  identityInfo?: string;
  respondBy?: string;
  /** refusal: the reason, ground and details, when the refusal is not recorded yet. */
  rejectionReason?: RejectionReason;
  rejectionGround?: string;
  rejectionDetails?: string;
  /** recipient_notice: the notice (recipients.ts) and its subject line. */
  notice?: { subject: string; body: string };
  /** recipients_list: the recipients of the person's data, one a line (recipients.ts's recipientsForSubject). */
  recipients?: string;
  /** completion of an erasure: what the legal holds in force keep (legal-holds/kept-parts.ts). */
  kept?: KeptPart[];
}

const RIGHTS: Record<Language, Record<RequestType, string>> = {
  it: {
    access: 'accesso ai dati personali (art. 15 GDPR)',
    rectification: 'rettifica dei dati personali (art. 16 GDPR)',
    erasure: 'cancellazione dei dati personali (art. 17 GDPR)',
    restriction: 'limitazione del trattamento (art. 18 GDPR)',
    portability: 'portabilità dei dati (art. 20 GDPR)',
    objection: 'opposizione al trattamento (art. 21 GDPR)',
    consent_withdrawal: 'revoca del consenso (art. 7, par. 3, GDPR)',
  },
  en: {
    access: 'access to your personal data (GDPR Art. 15)',
    rectification: 'rectification of your personal data (GDPR Art. 16)',
    erasure: 'erasure of your personal data (GDPR Art. 17)',
    restriction: 'restriction of processing (GDPR Art. 18)',
    portability: 'data portability (GDPR Art. 20)',
    objection: 'objection to processing (GDPR Art. 21)',
    consent_withdrawal: 'withdrawal of consent (GDPR Art. 7(3))',
  },
};

const LOCALES: Record<Language, string> = { it: 'it-IT', en: 'en-GB' };
const DAY_FORMATS = new Map<Language, Intl.DateTimeFormat>();

/** A calendar date (YYYY-MM-DD, already Rome's) as its reader writes it: "17 dicembre 2026", "17 December 2026". */
export function readersDate(date: string, language: Language): string {
  let format = DAY_FORMATS.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    DAY_FORMATS.set(language, format);
  }
  const [y, m, d] = date.split('-').map(Number);
  return format.format(new Date(Date.UTC(y, m - 1, d)));
}

const WORDS: Record<Language, { or: string; and: string; anonymous: string; dear: (name: string) => string }> = {
  it: { or: 'o', and: 'e', anonymous: 'Buongiorno,', dear: (name) => `Gentile ${name},` },
  en: { or: 'or', and: 'and', anonymous: 'Dear Sir or Madam,', dear: (name) => `Dear ${name},` },
};

/** The facts of a request a letter may quote, in the request's language. `today` is Rome's date. */
export function letterFacts(request: RequestForLetter, input: LetterInput, today: string): LetterFacts {
  const language = request.language;
  const day = (date: string | null | undefined) => (date ? readersDate(date, language) : undefined);
  const words = WORDS[language];
  const name = request.subjectName?.trim();
  const identifiers = [request.subjectEmail, request.subjectPhone].filter((v): v is string => !!v?.trim());
  // Before the extension is recorded, the deadline it will give: three months from receipt.
  const extended = request.extendedDueDate ?? statutoryDeadline(request.receivedAt, 3);
  const statement = input.rejectionReason
    ? rejectionStatement(input.rejectionReason, language, input.rejectionDetails, input.rejectionGround)
    : (request.rejectionStatement ?? undefined);
  return {
    greeting: name ? words.dear(name) : words.anonymous,
    reference: request.reference,
    right: RIGHTS[language][request.type],
    receivedOn: day(romeDate(request.receivedAt)),
    controller: CONTROLLER.name,
    controllerEmail: CONTROLLER.email,
    deadline: day(request.dueDate),
    extendedDeadline: day(extended),
    reasons: sentence(input.reasons ?? request.extensionReason),
    identityInfo: sentence(input.identityInfo ?? request.identityInfoRequested),
    respondBy: day(input.respondBy ?? request.identityInfoRespondBy),
    statement,
    searchedOn: day(today),
    identifiers: identifiers.length ? identifiers.join(` ${words.or} `) : undefined,
    noticeSubject: input.notice?.subject,
    notice: input.notice?.body,
    recipients: input.recipients,
    kept: request.type === 'erasure' ? keptStatement(input.kept ?? [], language, (d) => day(d)!) : undefined,
  };
}

/** An officer's words as one sentence: trimmed, ending with a full stop. */
function sentence(text: string | null | undefined): string | undefined {
  const t = text?.trim();
  if (!t) return undefined;
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

export class MissingFactsError extends Error {
  constructor(readonly missing: string[]) {
    super(`The letter needs ${missing.join(', ')}`);
  }
}

export interface RenderedLetter {
  subject: string;
  text: string;
}

/** Fills a template with the facts; throws MissingFactsError naming every fact it quotes that is missing. */
export function renderLetter(template: LetterTemplate, facts: LetterFacts): RenderedLetter {
  const missing = placeholdersOf(template).filter((name) => !facts[name]?.trim());
  if (missing.length) throw new MissingFactsError(missing);
  const fill = (text: string) => text.replace(PLACEHOLDER, (_, name: string) => facts[name] ?? '');
  return { subject: fill(template.subject).replace(/\s+/g, ' ').trim(), text: fill(template.body).trim() + '\n' };
}

/** What the officer must record or give before a letter can say it, in their words. */
export const MISSING_FACT_HINTS: Record<string, string> = {
  deadline: 'the request has no deadline',
  extendedDeadline: 'the request has no extended deadline',
  reasons: 'give the reasons of the extension (reasons), or record the extension first',
  identityInfo: 'say what the subject must provide (identityInfo), or record identity-info-requested first',
  respondBy: 'give the date to answer by (respondBy, YYYY-MM-DD), or record identity-info-requested first',
  statement: 'give the refusal (rejectionReason, rejectionGround, rejectionDetails), or record the refusal first',
  identifiers: 'the request has no e-mail address or phone number to say what was searched',
  notice: 'name the recipient (processorId) among those of the Art. 19 list',
  recipients: 'nothing of the person’s data was erased, rectified or restricted yet: there is no Art. 19 list',
};
