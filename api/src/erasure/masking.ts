import { findPhoneNumbersInText } from 'libphonenumber-js';
import { DEFAULT_REGION, normaliseEmail, normaliseName } from '../subjects/identifiers';

/** What replaces an erased identifier in a kept text (chat transcripts are kept anonymised). */
export const MASK = '[…]';

export interface SubjectIdentifiers {
  /** Normalised e-mails. */
  emails: string[];
  /** E.164 phones. */
  phones: string[];
  /** Folded names (normaliseName), full names and their parts. */
  names: string[];
}

const EMAIL_IN_TEXT = /[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;

/**
 * The text with the subject's e-mails, phone numbers and names masked. Every e-mail and phone
 * of a text the subject wrote is masked, not only the known ones: a visitor's own messages hold
 * their own contact details, and a second address they gave is theirs too.
 */
export function maskText(text: string, subject: SubjectIdentifiers, options: { allContacts: boolean }): string {
  const emails = new Set(subject.emails);
  const phones = new Set(subject.phones);
  let masked = text.replace(EMAIL_IN_TEXT, (found) => {
    const email = normaliseEmail(found.replace(/[.-]+$/, ''));
    if (!email || !(options.allContacts || emails.has(email))) return found;
    return MASK + found.slice(email.length);
  });
  // Right to left, so that earlier offsets stay valid.
  const numbers = findPhoneNumbersInText(masked, DEFAULT_REGION).reverse();
  for (const { number, startsAt, endsAt } of numbers) {
    if (!number.isValid() || !(options.allContacts || phones.has(number.number))) continue;
    masked = masked.slice(0, startsAt) + MASK + masked.slice(endsAt);
  }
  return maskNames(masked, subject.names);
}

/** Whole words of the text that fold to one of the names (or a run of words that folds to a full name). */
function maskNames(text: string, names: string[]): string {
  const wanted = new Set(names.flatMap((n) => [n, ...n.split(' ')]).filter((n) => n.length >= 2));
  if (wanted.size === 0) return text;
  return text.replace(/\p{L}[\p{L}\p{M}'’-]*/gu, (word) => {
    const folded = normaliseName(word);
    if (!folded) return word;
    // "D'Amico" folds to "d amico": its initial alone is no name, its other parts are.
    const parts = folded.split(' ').filter((part) => part.length >= 2);
    return wanted.has(folded) || (parts.length > 0 && parts.every((part) => wanted.has(part))) ? MASK : word;
  });
}
