import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRequestEmail, type ParsedIntake } from '../../api/src/requests/email-intake';
import type { RequestType } from '../../api/src/requests/request.entity';

/**
 * Reads a folder of request letters (`eml/` and `expected.json`, as `make-letters.mjs` writes
 * them) through the intake as imported e-mails, and measures it: the corpus the rules were
 * written with (tests/fixtures/letters) and the held-out set (tests/fixtures/held-out-letters).
 */

export interface Expected {
  file: string;
  template: string;
  shape: string;
  language: string;
  request: boolean;
  /** null: a letter in another language, whose type is not measured. */
  types: RequestType[] | null;
  subjectEmail: string;
  subjectName: string;
}

export interface Outcome {
  letter: Expected;
  parsed: ParsedIntake;
  typeRight: boolean;
  allRights: boolean;
  addressRight: boolean;
  nameRight: boolean;
  languageRight: boolean;
}

const IMPORTED_AT = new Date('2026-12-01T09:00:00Z');

export function expectedLetters(folder: string): Expected[] {
  return JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as Expected[];
}

export async function readLetter(folder: string, letter: Expected): Promise<Outcome> {
  const parsed = await parseRequestEmail(readFileSync(join(folder, 'eml', letter.file)), IMPORTED_AT);
  const details = parsed.received.details;
  const found = details.requestedTypes as RequestType[];
  const types = letter.types ?? [];
  const other = !['it', 'en'].includes(letter.language);
  const typeRight =
    other || (letter.request ? parsed.request.type === types[0] && found[0] === types[0] : found.length === 0);
  return {
    letter,
    parsed,
    typeRight,
    allRights: other || JSON.stringify([...found].sort()) === JSON.stringify([...types].sort()),
    addressRight: parsed.request.subjectEmail === letter.subjectEmail,
    nameRight: parsed.request.subjectName === letter.subjectName,
    languageRight: other ? details.otherLanguage === letter.language : parsed.request.language === letter.language,
  };
}

export const percent = (part: number, whole: number) => Math.round((1000 * part) / whole) / 10;

/** The figures of docs/requests.md over a folder's letters, and each letter read wrong in any way. */
export async function measure(folder: string) {
  const outcomes = await Promise.all(expectedLetters(folder).map((letter) => readLetter(folder, letter)));
  const itEn = outcomes.filter((o) => ['it', 'en'].includes(o.letter.language));
  const others = outcomes.filter((o) => !['it', 'en'].includes(o.letter.language));
  const count = (list: Outcome[], key: keyof Outcome) => list.filter((o) => o[key] === true).length;
  const figures = {
    letters: outcomes.length,
    italianAndEnglish: itEn.length,
    type: percent(count(itEn, 'typeRight'), itEn.length),
    allRights: percent(count(itEn, 'allRights'), itEn.length),
    subjectAddress: percent(count(outcomes, 'addressRight'), outcomes.length),
    subjectName: percent(count(outcomes, 'nameRight'), outcomes.length),
    language: percent(count(itEn, 'languageRight'), itEn.length),
    otherLanguageFlagged: others.length ? percent(count(others, 'languageRight'), others.length) : null,
  };
  const misses = outcomes
    .filter((o) => !o.typeRight || !o.allRights || !o.addressRight || !o.nameRight || !o.languageRight)
    .map((o) => ({
      file: o.letter.file,
      expected: {
        types: o.letter.types,
        email: o.letter.subjectEmail,
        name: o.letter.subjectName,
        language: o.letter.language,
      },
      read: {
        types: o.parsed.received.details.requestedTypes,
        email: o.parsed.request.subjectEmail,
        name: o.parsed.request.subjectName,
        language: o.parsed.received.details.otherLanguage ?? o.parsed.request.language,
      },
    }));
  return { outcomes, figures, misses };
}
