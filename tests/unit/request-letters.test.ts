import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { readRights } from '../../api/src/requests/reading/rights';
import { expectedLetters, measure, percent } from './letter-corpus';

/**
 * The corpus of real request letters (tests/fixtures/letters, see SOURCES.md): public templates
 * none of us wrote, in the shapes real mail takes. Every letter goes through the intake as an
 * imported e-mail would; the floors are the issue's: the right type for 95 % of the Italian and
 * English letters, the data subject's address and the language for all of them.
 */

const LETTERS = join(__dirname, '../fixtures/letters');
const expected = expectedLetters(LETTERS);

describe('reading the corpus of real request letters', () => {
  it('finds the type, the subject and the language as the floors require, and says what it missed', async () => {
    const { figures, misses } = await measure(LETTERS);
    console.log('Corpus figures:', JSON.stringify(figures));
    for (const miss of misses) console.log('Miss:', JSON.stringify(miss));

    expect(figures.letters).toBeGreaterThanOrEqual(40);
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
