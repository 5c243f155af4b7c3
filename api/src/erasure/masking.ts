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

/**
 * The subject's names in the text: a run of words that folds to one of the full names (in either
 * order: "Neri Marco"), then any single word that folds to a one-word name. A list of full names
 * only masks the person where they are named in full, never a lone first name that may be
 * someone else's (what a record that only mentions the person needs).
 */
function maskNames(text: string, names: string[]): string {
  const wanted = new Set(names.filter((n) => n.length >= 2));
  if (wanted.size === 0) return text;
  const words = [...text.matchAll(/\p{L}[\p{L}\p{M}'’-]*/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    folded: normaliseName(m[0]) ?? '',
  }));
  const fullNames = [...wanted].filter((n) => n.includes(' '));
  const runs: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < words.length; i++) {
    for (const name of fullNames) {
      const parts = name.split(' ');
      const reversed = [...parts].reverse().join(' ');
      // A folded word may itself hold a space ("d amico"): compare the run's joined folds.
      for (let k = 1; k <= parts.length && i + k <= words.length; k++) {
        const run = words.slice(i, i + k);
        // Only words separated by spaces belong to one run of a name.
        if (run.some((w, j) => j > 0 && !/^\s+$/.test(text.slice(run[j - 1].end, w.start)))) break;
        const joined = run.map((w) => w.folded).join(' ');
        if (joined === name || joined === reversed) {
          // Each word of the name on its own, as a single word is masked: the spaces stay.
          for (const w of run) runs.push({ start: w.start, end: w.end });
          i += k - 1;
          break;
        }
      }
    }
  }
  let masked = '';
  let at = 0;
  for (const run of runs) {
    masked += text.slice(at, run.start) + MASK;
    at = run.end;
  }
  masked += text.slice(at);
  const single = new Set([...wanted].filter((n) => !n.includes(' ')));
  if (single.size === 0) return masked;
  return masked.replace(/\p{L}[\p{L}\p{M}'’-]*/gu, (word) => {
    const folded = normaliseName(word);
    if (!folded) return word;
    // "D'Amico" folds to "d amico": its initial alone is no name, its other parts are.
    const parts = folded.split(' ').filter((part) => part.length >= 2);
    return single.has(folded) || (parts.length > 0 && parts.every((part) => single.has(part))) ? MASK : word;
  });
}
