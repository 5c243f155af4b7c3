import { detectLanguage } from './reading/language';
import { readRights } from './reading/rights';
import type { Language, RejectionReason, RequestStatus, RequestType } from './request.entity';
import type { Refusal } from '../common/errors/domain.error';

/**
 * The workflow's rules, as plain functions: which action is allowed in which state and why not,
 * the Art. 12(4) statement of a refusal, and the guess of a request's type from its wording.
 */

export type RequestAction =
  | 'identity-check'
  | 'verify'
  | 'extend'
  | 'close'
  | 'reject'
  | 'identity-info-requested'
  | 'identity-info-received'
  | 'fee'
  | 'minor';

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
  request: Parameters<typeof actionRefusal>[1],
  today: string,
): string | null {
  return actionRefusal(action, request, today)?.message ?? null;
}

/** `refusalOf` with the refusal's stable reason, for the API's answer (the console translates it). */
export function actionRefusal(
  action: RequestAction,
  request: {
    status: RequestStatus;
    identityVerifiedAt: Date | null;
    extendedDueDate: string | null;
    dueDate: string;
    identityInfoRequestedAt?: Date | null;
    identityInfoReceivedAt?: Date | null;
    feeChargedAt?: Date | null;
    minorSuspected?: boolean;
    minorDecision?: string | null;
  },
  today: string,
): Refusal | null {
  const where = `the request is ${STATUS_WORDS[request.status]}`;
  const no = (reason: string, message: string, args?: Refusal['args']): Refusal => ({ reason, message, args });
  if (request.status === 'completed' || request.status === 'rejected')
    return no('request_closed', `Nothing more can be done: ${where}`, { status: request.status });
  switch (action) {
    case 'identity-check':
      return request.status === 'received'
        ? null
        : no('identity_check_not_new', `The identity check can only start on a request just received; ${where}`, {
            status: request.status,
          });
    case 'verify':
      return request.status === 'in_progress'
        ? no('identity_already_verified', 'The identity is already verified')
        : null;
    case 'extend':
      if (request.extendedDueDate)
        return no('already_extended', 'The deadline was already extended: the GDPR allows one extension of two months');
      if (today > request.dueDate)
        return no(
          'extension_too_late',
          `An extension must be decided and told to the subject before the first deadline (${request.dueDate}), which has passed`,
          { dueDate: request.dueDate },
        );
      return null;
    case 'close':
      return request.status === 'in_progress' && request.identityVerifiedAt
        ? null
        : no('identity_not_verified', `Verify the subject's identity before answering; ${where}`, {
            status: request.status,
          });
    case 'reject':
      return null;
    // Art. 8: the officer decides once on a flag the intake raised (an age, a date of birth under 18).
    case 'minor':
      if (!request.minorSuspected)
        return no('no_minor_flag', 'Nothing in the request suggests a minor: there is no flag to decide on');
      return request.minorDecision
        ? no('minor_already_decided', `The "may be a minor" flag was already ${request.minorDecision}`, {
            decision: request.minorDecision,
          })
        : null;
    case 'identity-info-requested':
      return request.identityVerifiedAt
        ? no('identity_already_verified', 'The identity is already verified: there is nothing to ask')
        : null;
    case 'identity-info-received':
      if (request.identityVerifiedAt) return no('identity_already_verified', 'The identity is already verified');
      return request.identityInfoRequestedAt && !request.identityInfoReceivedAt
        ? null
        : no(
            'identity_info_not_awaited',
            'No identity information is awaited: record what was asked first (identity-info-requested)',
          );
    case 'fee':
      return request.feeChargedAt ? no('fee_already_charged', 'A fee was already charged for this request') : null;
  }
}

/** What the request page may offer: the workflow's actions, plus adding identity documents and a note. */
export type OfferedAction = RequestAction | 'identity-documents' | 'note';

/** In the order the request page shows them. */
const OFFERED_ORDER: readonly OfferedAction[] = [
  'identity-check',
  'identity-info-requested',
  'identity-info-received',
  'identity-documents',
  'verify',
  'extend',
  'fee',
  'minor',
  'close',
  'reject',
  'note',
];

/**
 * The actions the request's state allows today: those `refusalOf` does not refuse, the very rule
 * the API refuses an action by (a 409 with its reason). Identity documents are kept only while the
 * request is open; a note may always be added.
 */
export function allowedActions(request: Parameters<typeof refusalOf>[1], today: string): OfferedAction[] {
  const open = request.status !== 'completed' && request.status !== 'rejected';
  return OFFERED_ORDER.filter((action) => {
    if (action === 'note') return true;
    if (action === 'identity-documents') return open;
    return refusalOf(action, request, today) === null;
  });
}

/**
 * The grounds of a refusal on the merits, per type of request: the right's own conditions that
 * are not met. Erasure: the Art. 17(3) exceptions, one letter each. Access: Art. 15(4) (the
 * copy would adversely affect the rights and freedoms of others). Objection: Art. 21(1)
 * (compelling legitimate grounds, or legal claims). Portability: Art. 20(1) (not based on
 * consent or contract, or not carried out by automated means). Restriction: none of the Art.
 * 18(1) cases. Rectification: Art. 16 (the data are accurate). A withdrawal of consent has none:
 * it may always be given (Art. 7(3)).
 */
export const MERIT_GROUNDS: Record<RequestType, readonly string[]> = {
  erasure: ['art17_3_a', 'art17_3_b', 'art17_3_c', 'art17_3_d', 'art17_3_e'],
  access: ['art15_4'],
  objection: ['art21_1'],
  portability: ['art20_1'],
  restriction: ['art18_1'],
  rectification: ['art16'],
  consent_withdrawal: [],
};

/** The two kinds of excess (Art. 12(5)(b)): repetitive requests, or excessive otherwise. */
export const EXCESS_GROUNDS = ['repetitive', 'other_excess'] as const;

export const ALL_GROUNDS: readonly string[] = [...new Set([...Object.values(MERIT_GROUNDS).flat(), ...EXCESS_GROUNDS])];

/**
 * What a refusal with this reason needs (a ground, a text), as a field → problem map; empty
 * when it is complete. The statement must state the real reason (Art. 12(4)).
 */
export function rejectionProblems(
  type: RequestType,
  reason: RejectionReason,
  ground: string | null | undefined,
  details: string | null | undefined,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(rejectionFieldRefusals(type, reason, ground, details)).map(([f, r]) => [f, r.message]),
  );
}

/** `rejectionProblems` with each field's stable reason. */
export function rejectionFieldRefusals(
  type: RequestType,
  reason: RejectionReason,
  ground: string | null | undefined,
  details: string | null | undefined,
): Record<string, Refusal> {
  const problems: Record<string, Refusal> = {};
  const text = details?.trim() ?? '';
  if (reason === 'merits') {
    const allowed = MERIT_GROUNDS[type];
    if (!allowed.length)
      problems.reason = {
        reason: 'no_merits_refusal',
        message: `a ${type.replace('_', ' ')} request cannot be refused on the merits (GDPR Art. 7(3): consent may be withdrawn at any time)`,
      };
    else if (!ground || !allowed.includes(ground))
      problems.ground = {
        reason: 'ground_not_allowed',
        message: `must be one of ${allowed.join(', ')} for a ${type.replace('_', ' ')} request`,
      };
    if (text.length < 10)
      problems.details = {
        reason: 'details_too_short',
        message: 'must explain the ground in the words the subject will read (10 characters or more)',
      };
  } else if (reason === 'excessive') {
    if (!ground || !(EXCESS_GROUNDS as readonly string[]).includes(ground))
      problems.ground = {
        reason: 'ground_not_allowed',
        message: `must be one of ${EXCESS_GROUNDS.join(', ')} for an excessive request`,
      };
    else if (ground === 'other_excess' && text.length < 10)
      problems.details = {
        reason: 'details_too_short',
        message: 'must say what makes the request excessive (10 characters or more)',
      };
  } else if (ground) {
    problems.ground = {
      reason: 'ground_not_applicable',
      message: `is only for a refusal on the merits or as excessive, not ${reason.replace(/_/g, ' ')}`,
    };
  }
  return problems;
}

const REASONS: Record<Language, Record<Exclude<RejectionReason, 'merits' | 'excessive'>, string>> = {
  en: {
    identity_not_verified:
      'we could not identify you with the information provided (GDPR Art. 12(2) and (6), Art. 11(2))',
    manifestly_unfounded: 'the request is manifestly unfounded (GDPR Art. 12(5)(b))',
  },
  it: {
    identity_not_verified:
      'non è stato possibile identificarla con le informazioni fornite (art. 12, par. 2 e 6, e art. 11, par. 2, GDPR)',
    manifestly_unfounded: 'la richiesta è manifestamente infondata (art. 12, par. 5, lett. b, GDPR)',
  },
};

const GROUNDS: Record<Language, Record<string, string>> = {
  en: {
    repetitive: 'the request is excessive because of its repetitive character (GDPR Art. 12(5)(b))',
    other_excess: 'the request is excessive (GDPR Art. 12(5)(b))',
    art17_3_a:
      'the processing is necessary for exercising the right of freedom of expression and information (GDPR Art. 17(3)(a))',
    art17_3_b:
      'the processing is necessary for compliance with a legal obligation, or for a task carried out in the public interest or in the exercise of official authority (GDPR Art. 17(3)(b))',
    art17_3_c:
      'the processing is necessary for reasons of public interest in the area of public health (GDPR Art. 17(3)(c))',
    art17_3_d:
      'the processing is necessary for archiving purposes in the public interest, scientific or historical research or statistical purposes (GDPR Art. 17(3)(d))',
    art17_3_e:
      'the processing is necessary for the establishment, exercise or defence of legal claims (GDPR Art. 17(3)(e))',
    art15_4: 'a copy would adversely affect the rights and freedoms of others (GDPR Art. 15(4))',
    art21_1:
      'we have compelling legitimate grounds for the processing which override your interests, rights and freedoms, or it is needed for legal claims (GDPR Art. 21(1))',
    art20_1:
      'the conditions of the right to data portability are not met: the processing is not based on consent or on a contract, or is not carried out by automated means (GDPR Art. 20(1))',
    art18_1: 'none of the cases in which processing must be restricted applies (GDPR Art. 18(1))',
    art16: 'the personal data concerned are accurate (GDPR Art. 16)',
  },
  it: {
    repetitive: 'la richiesta è eccessiva per il suo carattere ripetitivo (art. 12, par. 5, lett. b, GDPR)',
    other_excess: 'la richiesta è eccessiva (art. 12, par. 5, lett. b, GDPR)',
    art17_3_a:
      "il trattamento è necessario per l'esercizio del diritto alla libertà di espressione e di informazione (art. 17, par. 3, lett. a, GDPR)",
    art17_3_b:
      "il trattamento è necessario per l'adempimento di un obbligo di legge, o per l'esecuzione di un compito di interesse pubblico o connesso all'esercizio di pubblici poteri (art. 17, par. 3, lett. b, GDPR)",
    art17_3_c:
      'il trattamento è necessario per motivi di interesse pubblico nel settore della sanità pubblica (art. 17, par. 3, lett. c, GDPR)',
    art17_3_d:
      'il trattamento è necessario a fini di archiviazione nel pubblico interesse, di ricerca scientifica o storica o a fini statistici (art. 17, par. 3, lett. d, GDPR)',
    art17_3_e:
      "il trattamento è necessario per l'accertamento, l'esercizio o la difesa di un diritto in sede giudiziaria (art. 17, par. 3, lett. e, GDPR)",
    art15_4: 'una copia lederebbe i diritti e le libertà altrui (art. 15, par. 4, GDPR)',
    art21_1:
      "sussistono motivi legittimi cogenti per procedere al trattamento che prevalgono sui suoi interessi, diritti e libertà, oppure il trattamento serve all'accertamento, all'esercizio o alla difesa di un diritto in sede giudiziaria (art. 21, par. 1, GDPR)",
    art20_1:
      'non ricorrono le condizioni del diritto alla portabilità: il trattamento non si basa sul consenso o su un contratto, o non è effettuato con mezzi automatizzati (art. 20, par. 1, GDPR)',
    art18_1: 'non ricorre alcuna delle ipotesi in cui il trattamento deve essere limitato (art. 18, par. 1, GDPR)',
    art16: 'i dati personali in questione sono esatti (art. 16 GDPR)',
  },
};

/** The reason's sentence: the ground's own for merits and excess, else the reason's. */
export function reasonSentence(reason: RejectionReason, language: Language, ground?: string | null): string {
  if (reason === 'merits' || reason === 'excessive') {
    const sentence = ground ? GROUNDS[language][ground] : undefined;
    if (!sentence) throw new Error(`No statement for ${reason} on ground ${ground ?? '(none)'}`);
    return sentence;
  }
  return REASONS[language][reason];
}

/**
 * What Art. 12(4) requires a refusal to say: the reasons, and the right to lodge a complaint
 * with the supervisory authority (the Garante) and to seek a judicial remedy.
 */
export function rejectionStatement(
  reason: RejectionReason,
  language: Language,
  details?: string | null,
  ground?: string | null,
): string {
  const why =
    reasonSentence(reason, language, ground) + (details?.trim() ? `. ${details.trim().replace(/[.\s]+$/, '')}` : '');
  return language === 'it'
    ? `Non possiamo dare seguito alla sua richiesta perché ${why}. ` +
        'Ha il diritto di proporre reclamo al Garante per la protezione dei dati personali (www.garanteprivacy.it) ' +
        'e di proporre ricorso giurisdizionale (artt. 77 e 79 GDPR).'
    : `We cannot act on your request because ${why}. ` +
        'You have the right to lodge a complaint with the Italian supervisory authority, the Garante per la protezione dei dati personali (www.garanteprivacy.it), ' +
        'and to seek a judicial remedy (GDPR Articles 77 and 79).';
}

/** The text of a reasonable fee (Art. 12(5)(a)) instead of a refusal, in the request's language. */
export function feeStatement(
  amountCents: number,
  basis: 'manifestly_unfounded' | 'excessive',
  language: Language,
  justification: string,
): string {
  const amount = (amountCents / 100).toFixed(2);
  const why = justification.trim().replace(/[.\s]+$/, '');
  return language === 'it'
    ? `La richiesta è ${basis === 'excessive' ? 'eccessiva' : 'manifestamente infondata'}: invece di rifiutarla addebitiamo un contributo spese ragionevole di ${amount.replace('.', ',')} EUR, che tiene conto dei costi amministrativi sostenuti (art. 12, par. 5, lett. a, GDPR). ${why}.`
    : `The request is ${basis === 'excessive' ? 'excessive' : 'manifestly unfounded'}: instead of refusing it we charge a reasonable fee of EUR ${amount}, taking into account the administrative costs (GDPR Art. 12(5)(a)). ${why}.`;
}

export interface TypeGuess {
  type: RequestType;
  /** false: no wording matched; access is assumed as the broadest right. */
  matched: boolean;
  language: Language;
}

/**
 * A first guess from the wording of a message, for the officer to confirm: the first right the
 * writer asks (reading/rights.ts), in the language the message is written in (Italian or
 * English; another language is answered in English). An e-mail is read whole by the intake
 * (reading/read-letter.ts), which also sets quotes and signatures aside.
 */
export function guessRequestType(subject: string | null | undefined, text: string | null | undefined): TypeGuess {
  const { rights } = readRights(subject?.trim() || null, text ?? '');
  const detected = detectLanguage(`${subject ?? ''}\n${text ?? ''}`);
  const language: Language = detected.language === 'it' ? 'it' : 'en';
  return rights.length
    ? { type: rights[0].type, matched: true, language }
    : { type: 'access', matched: false, language };
}
