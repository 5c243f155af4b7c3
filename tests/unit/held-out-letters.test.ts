import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measure } from './letter-corpus';

/**
 * The held-out letters (tests/fixtures/held-out-letters, see its README.md): real request
 * letters by other authors than the corpus the intake's rules were written with, in the same
 * shapes of mail. The aim on letters none of us wrote: the right type for at least 95 %,
 * the data subject's address for all.
 */
const HELD_OUT = join(__dirname, '../fixtures/held-out-letters');

describe('reading letters the rules were not written with', () => {
  it('finds the type and the subject as the aim requires, and says what it missed', async () => {
    const { figures, misses } = await measure(HELD_OUT);
    console.log('Held-out figures:', JSON.stringify(figures));
    for (const miss of misses) console.log('Miss:', JSON.stringify(miss));
    expect(figures.letters).toBeGreaterThanOrEqual(16);
    expect(figures.type).toBeGreaterThanOrEqual(95);
    // A letter asking several rights: the officer sees them all, and no right it does not ask.
    expect(figures.allRights).toBeGreaterThanOrEqual(95);
    expect(figures.subjectAddress).toBe(100);
    expect(figures.language).toBe(100);
  });
});
