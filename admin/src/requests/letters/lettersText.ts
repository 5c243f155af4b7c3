import type { KnownRefusal } from '../rights/explainError';
import { apiError } from '../rights/shared';
import type { Translate } from '../rights/rightsText';
import type { DataSubjectRequest, Letter, LetterBody, LetterKind, LetterState } from '../../api';

export const L = 'app.requests.letters';

export const STATE_COLORS: Record<LetterState, 'success' | 'error' | 'default'> = {
  sent: 'success',
  failed: 'error',
  queued: 'default',
};

/**
 * The letters the officer writes from the request page. The Art. 19 notice to a recipient is
 * not among them: it names a processor, and belongs with the recipients (RecipientsCard).
 */
export const OFFERED_KINDS = [
  'acknowledgement',
  'identity_info',
  'extension',
  'refusal',
  'completion',
  'no_data',
] as const satisfies readonly LetterKind[];

/** The name of a kind's template, as the letter templates' screens call it ("Completion: erasure"). */
export const letterName = (translate: Translate, kind: LetterKind, type: DataSubjectRequest['type']) => {
  const key = kind === 'completion' ? `completion_${type}` : kind;
  return translate(`resources.letter-templates.keys.${key}`, { _: key });
};

/**
 * The letter the request's state calls for and that is not in the outbox yet: the refusal or the
 * completion once it is answered; before, what identification is asked (Art. 12(6)), the extension
 * (Art. 12(3)), else the acknowledgement of receipt. Null: no letter is due.
 */
export const letterCalledFor = (request: DataSubjectRequest, letters: Letter[]): LetterBody['kind'] | null => {
  const written = (kind: LetterKind) => letters.some((letter) => letter.kind === kind);
  const due = (kind: LetterBody['kind']) => (written(kind) ? null : kind);
  if (request.status === 'rejected') return due('refusal');
  if (request.status === 'completed') return due('completion');
  if (request.identityInfoRequestedAt && !request.identityInfoReceivedAt && !written('identity_info'))
    return 'identity_info';
  if (request.extendedDueDate && !written('extension')) return 'extension';
  return due('acknowledgement');
};

/** The refusals of sending and retrying the officer reads in their language. */
export const LETTER_REFUSALS: KnownRefusal[] = [
  { status: 409, message: /not configured/, key: `${L}.errors.not_configured` },
  { status: 409, message: /no e-mail address to write to/, key: `${L}.errors.no_address` },
  { status: 409, message: /already sent/, key: `${L}.errors.already_sent` },
  { status: 409, message: /being sent right now/, key: `${L}.errors.being_sent` },
  { status: 400, message: /needs what the request does not record yet/, key: `${L}.errors.missing` },
  { status: 409, message: /processor register has no e-mail address/, key: `${L}.errors.processor_address` },
  { status: 409, message: /received none of the data this request changed/, key: `${L}.errors.not_a_recipient` },
  { status: 409, message: /no recipients to name/, key: `${L}.errors.nothing_changed_yet` },
];

/** The facts a letter needs that the request does not record yet, as the API names them (MISSING_FACT_HINTS). */
const MISSING_FACTS = [
  'deadline',
  'extendedDeadline',
  'reasons',
  'identityInfo',
  'respondBy',
  'statement',
  'identifiers',
];

/** What the officer must record before the letter can be written, one line per missing fact; empty when it is not that. */
export const missingFacts = (translate: Translate, error: unknown): string[] => {
  const { status, errors } = apiError(error);
  if (status !== 400 || !errors) return [];
  return Object.keys(errors)
    .filter((field) => MISSING_FACTS.includes(field))
    .map((field) => translate(`${L}.missing.${field}`));
};
