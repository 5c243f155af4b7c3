import { formatInstant } from '../dates';
import { letterName } from '../letters/lettersText';
import { consentCategory, sourceName } from '../rights/shared';
import type { Translate } from '../rights/rightsText';
import type { DataSubjectRequest, LetterKind } from '../../api';

const T = 'app.requests.timeline';

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';

/** The kinds whose `message` the API writes in English: the page says them from `details` instead. */
export const KINDS_SAID_FROM_DETAILS = [
  'letter_sent',
  'letter_failed',
  'review_decided',
  'exported',
  'export_interrupted',
  'export_failed',
];

/**
 * The lines of a timeline event the API describes in English (a letter sent or refused, a
 * record reviewed for the access package, consent given again), said in the officer's language
 * from the event's details. Empty for any other kind.
 */
export const translatedLines = (
  translate: Translate,
  locale: string,
  kind: string,
  details: Record<string, unknown>,
  requestType: DataSubjectRequest['type'],
): string[] => {
  switch (kind) {
    case 'letter_sent':
    case 'letter_failed': {
      const letter = letterName(translate, text(details.kind) as LetterKind, requestType);
      if (kind === 'letter_sent')
        return [translate(`${T}.letter_sent`, { letter, to: text(details.to), subject: text(details.subject) })];
      return [
        translate(`${T}.letter_failed`, {
          letter,
          to: text(details.to),
          attempt: text(details.attempt),
          error: text(details.error) || '—',
        }),
        details.nextAttemptAt
          ? translate(`${T}.letter_next_try`, { date: formatInstant(text(details.nextAttemptAt), locale) ?? '—' })
          : translate(`${T}.letter_no_more_tries`),
      ];
    }
    case 'review_decided':
      return [
        translate(details.decision === 'include' ? `${T}.review_include` : `${T}.review_exclude`, {
          source: sourceName(translate, text(details.source)),
          record: text(details.recordId),
          relation: translate(`app.requests.rights.review.relations.${text(details.relation)}`, {
            _: text(details.relation),
          }),
        }),
      ];
    case 'withdrawal_lifted': {
      const categories = Array.isArray(details.categories) ? (details.categories as unknown[]).map(text) : [];
      return categories.length
        ? [
            translate(`${T}.consent_given_again`, {
              categories: categories.map((c) => consentCategory(translate, c)).join(', '),
            }),
          ]
        : [];
    }
    default:
      return [];
  }
};
