import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { parseRequestEmail, type ParsedIntake } from '../../api/src/requests/email-intake';
import { readRights } from '../../api/src/requests/reading/rights';
import type { RequestType } from '../../api/src/requests/request.entity';

/**
 * The corpus of real request letters (tests/fixtures/letters, see SOURCES.md): public templates
 * none of us wrote, in the shapes real mail takes. Every letter goes through the intake as an
 * imported e-mail would; the floors are the issue's: the right type for 95 % of the Italian and
 * English letters, the data subject's address and the language for all of them.
 */

const LETTERS = join(__dirname, '../fixtures/letters');

interface Expected {
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

const expected = JSON.parse(readFileSync(join(LETTERS, 'expected.json'), 'utf8')) as Expected[];
const IMPORTED_AT = new Date('2026-12-01T09:00:00Z');

interface Outcome {
  letter: Expected;
  parsed: ParsedIntake;
  typeRight: boolean;
  allRights: boolean;
  addressRight: boolean;
  nameRight: boolean;
  languageRight: boolean;
}

async function read(letter: Expected): Promise<Outcome> {
  const parsed = await parseRequestEmail(readFileSync(join(LETTERS, 'eml', letter.file)), IMPORTED_AT);
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

const percent = (part: number, whole: number) => Math.round((1000 * part) / whole) / 10;

describe('reading the corpus of real request letters', () => {
  it('finds the type, the subject and the language as the floors require, and says what it missed', async () => {
    const outcomes = await Promise.all(expected.map(read));
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
      otherLanguageFlagged: percent(count(others, 'languageRight'), others.length),
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
    console.log('Corpus figures:', JSON.stringify(figures));
    for (const miss of misses) console.log('Miss:', JSON.stringify(miss));

    expect(outcomes.length).toBeGreaterThanOrEqual(40);
    expect(figures.type).toBeGreaterThanOrEqual(95);
    // A letter asking several rights: the officer sees them all.
    expect(figures.allRights).toBeGreaterThanOrEqual(95);
    expect(figures.subjectAddress).toBe(100);
    expect(figures.language).toBe(100);
    expect(figures.otherLanguageFlagged).toBe(100);
    // Every type the console knows is in the corpus, as the letter's type or among its rights.
    const covered = new Set(expected.flatMap((l) => l.types ?? []));
    expect([...covered].sort()).toEqual(
      ['access', 'consent_withdrawal', 'erasure', 'objection', 'portability', 'rectification', 'restriction'].sort(),
    );
  });

  it('tells a careless reader apart: the whole body, quotes and footers and forwards included, falls below the floor', async () => {
    // The same rights rules over everything the message holds, as a reader that sets nothing
    // aside would: the corpus must catch that (a quoted newsletter, a footer naming every right).
    let right = 0;
    const itEn = expected.filter((l) => ['it', 'en'].includes(l.language));
    for (const letter of itEn) {
      const mail = await simpleParser(readFileSync(join(LETTERS, 'eml', letter.file)));
      const { rights, complaint } = readRights(mail.subject ?? null, mail.text ?? '');
      const first = complaint ? undefined : rights[0]?.type;
      if (letter.request ? first === letter.types?.[0] : first === undefined) right++;
    }
    expect(percent(right, itEn.length)).toBeLessThan(95);
  });
});
