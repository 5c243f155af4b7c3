import type { Language, RejectionReason, RequestStatus, RequestType } from './request.entity';

/**
 * The workflow's rules, as plain functions: which action is allowed in which state and why not,
 * the Art. 12(4) statement of a refusal, and the guess of a request's type from its wording.
 */

export type RequestAction = 'identity-check' | 'verify' | 'extend' | 'close' | 'reject';

const STATUS_WORDS: Record<RequestStatus, string> = {
  received: 'received',
  identity_check: 'waiting for the identity check',
  in_progress: 'in progress',
  completed: 'completed',
  rejected: 'rejected',
};

/** Why an action may not be taken now, or null when it may. */
export function refusalOf(
  action: RequestAction,
  request: { status: RequestStatus; identityVerifiedAt: Date | null; extendedDueDate: string | null; dueDate: string },
  today: string,
): string | null {
  const where = `the request is ${STATUS_WORDS[request.status]}`;
  if (request.status === 'completed' || request.status === 'rejected') return `Nothing more can be done: ${where}`;
  switch (action) {
    case 'identity-check':
      return request.status === 'received' ? null : `The identity check can only start on a request just received; ${where}`;
    case 'verify':
      return request.status === 'in_progress' ? 'The identity is already verified' : null;
    case 'extend':
      if (request.extendedDueDate) return 'The deadline was already extended: the GDPR allows one extension of two months';
      if (today > request.dueDate) return `An extension must be decided and told to the subject before the first deadline (${request.dueDate}), which has passed`;
      return null;
    case 'close':
      return request.status === 'in_progress' && request.identityVerifiedAt ? null : `Verify the subject's identity before answering; ${where}`;
    case 'reject':
      return null;
  }
}

const REASONS: Record<Language, Record<RejectionReason, string>> = {
  en: {
    identity_not_verified: 'we could not verify your identity with the information provided (GDPR Art. 12(6) and 11(2))',
    manifestly_unfounded: 'the request is manifestly unfounded (GDPR Art. 12(5))',
    excessive: 'the request is excessive, in particular because of its repetitive character (GDPR Art. 12(5))',
  },
  it: {
    identity_not_verified: "non è stato possibile verificare la sua identità con le informazioni fornite (art. 12, par. 6, e art. 11, par. 2, GDPR)",
    manifestly_unfounded: 'la richiesta è manifestamente infondata (art. 12, par. 5, GDPR)',
    excessive: 'la richiesta è eccessiva, in particolare per il suo carattere ripetitivo (art. 12, par. 5, GDPR)',
  },
};

/**
 * What Art. 12(4) requires a refusal to say: the reasons, and the right to lodge a complaint
 * with the supervisory authority (the Garante) and to seek a judicial remedy.
 */
export function rejectionStatement(reason: RejectionReason, language: Language, details?: string | null): string {
  const why = REASONS[language][reason] + (details ? ` ${details.trim()}` : '');
  return language === 'it'
    ? `Non possiamo dare seguito alla sua richiesta perché ${why}. ` +
        'Ha il diritto di proporre reclamo al Garante per la protezione dei dati personali (www.garanteprivacy.it) ' +
        "e di proporre ricorso giurisdizionale (artt. 77 e 79 GDPR)."
    : `We cannot act on your request because ${why}. ` +
        'You have the right to lodge a complaint with the Italian supervisory authority, the Garante per la protezione dei dati personali (www.garanteprivacy.it), ' +
        'and to seek a judicial remedy (GDPR Articles 77 and 79).';
}

/** Words that name each kind of request, in Italian and English, most specific first. */
const TYPE_WORDS: Array<[RequestType, RegExp]> = [
  ['consent_withdrawal', /revoc\w* (il |del |dei |mio |miei )*consens|ritir\w* (il |del |mio )*consens|withdraw\w* (my )?consent|revoke\w* (my )?consent/i],
  ['portability', /portabilit|portability|formato (strutturato|leggibile)|machine[- ]readable|transfer my data|trasferi\w* i miei dati/i],
  ['erasure', /cancellazion|cancellare|cancellate|elimina\w* (i miei|tutti i miei|i dati)|oblio|delete|deletion|erase|erasure|right to be forgotten|remove my (personal )?data/i],
  ['rectification', /rettific|correggere|correzione|aggiorna\w* i miei dati|rectif|correct (my|the)|inaccurate|update my (personal )?data/i],
  ['restriction', /limitazion|limitare il trattamento|restrict/i],
  ['objection', /opposizion|mi oppongo|oppormi|object to|objection|stop (using|processing)|non (voglio|desidero) più ricevere|unsubscribe/i],
  ['access', /accesso ai (miei )?dati|copia dei (miei )?dati|quali dati|che dati|dati (personali )?in vostro possesso|access to my|copy of my (personal )?data|what (personal )?data|subject access|art\.? ?15/i],
];

const ITALIAN = /(^|[^\p{L}])(il|lo|la|di|che|per|mio|mia|miei|chiedo|vi|dei|del|della|trattamento|diritto|mi|vorrei|buongiorno|salve|gentile|grazie|sono|dati|richiesta)(?=$|[^\p{L}])/iu;

export interface TypeGuess {
  type: RequestType;
  /** false: no wording matched; access is assumed as the broadest right. */
  matched: boolean;
  language: Language;
}

/** A first guess from the wording of a message, for the officer to confirm. */
export function guessRequestType(subject: string | null | undefined, text: string | null | undefined): TypeGuess {
  const wording = `${subject ?? ''}\n${text ?? ''}`;
  const language: Language = ITALIAN.test(wording) ? 'it' : 'en';
  for (const [type, words] of TYPE_WORDS) {
    if (words.test(wording)) return { type, matched: true, language };
  }
  return { type: 'access', matched: false, language };
}
