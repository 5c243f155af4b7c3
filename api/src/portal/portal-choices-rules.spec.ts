import { describe, expect, it } from 'vitest';
import {
  activitiesWithdrawn,
  CATEGORY_NAMES,
  checkChoices,
  choicesDone,
  withdrawableCategories,
} from './portal-choices-rules';
import { CHOICE_PROBLEMS, choiceText, choiceTextKeys } from './portal-choices-texts';

const register = [
  {
    id: 'a',
    name: 'AI chatbot',
    legalBasis: 'consent' as const,
    consentCategory: 'ai_chatbot',
    sourceSystem: 'chat-conversations',
  },
  { id: 'b', name: 'GA4', legalBasis: 'consent' as const, consentCategory: 'analytics', sourceSystem: null },
  {
    id: 'c',
    name: 'Qualification',
    legalBasis: 'legitimate_interests' as const,
    consentCategory: 'marketing',
    sourceSystem: 'leads',
  },
  { id: 'd', name: 'Calendar', legalBasis: 'consent' as const, consentCategory: null, sourceSystem: 'calendar-events' },
];
const form = (pairs: Array<[string, string]>) => new URLSearchParams(pairs);

describe('the portal’s withdrawal of consent and objection to direct marketing', () => {
  it('offers only the categories a consent-based activity of the register rests on (Art. 7(3))', () => {
    expect(withdrawableCategories(register)).toEqual(['ai_chatbot', 'analytics']);
    expect(activitiesWithdrawn(register, ['ai_chatbot']).map((a) => a.id)).toEqual(['a']);
    // A legitimate-interest activity is objected to (Art. 21), not withdrawn.
    expect(activitiesWithdrawn(register, ['marketing'])).toEqual([]);
  });

  it('accepts categories offered and/or the objection to direct marketing, in the page’s order', () => {
    const check = checkChoices(
      form([
        ['categories', 'analytics'],
        ['categories', 'ai_chatbot'],
        ['categories', 'analytics'],
        ['name', ' Giulia Rossi '],
        ['email', 'Giulia.Rossi@Example.it'],
      ]),
      ['ai_chatbot', 'analytics'],
    );
    expect(check).toEqual({
      ok: true,
      choices: {
        name: 'Giulia Rossi',
        email: 'giulia.rossi@example.it',
        categories: ['ai_chatbot', 'analytics'],
        directMarketing: false,
      },
    });
    const marketing = checkChoices(
      form([
        ['direct_marketing', 'yes'],
        ['name', 'M'],
        ['email', 'm@example.it'],
      ]),
      [],
    );
    expect(marketing).toMatchObject({ ok: true, choices: { categories: [], directMarketing: true } });
  });

  it('refuses nothing chosen, a category not offered, and hostile text, field by field', () => {
    expect(
      checkChoices(
        form([
          ['name', 'A'],
          ['email', 'a@example.it'],
        ]),
        ['analytics'],
      ),
    ).toMatchObject({
      ok: false,
      errors: { choices: 'choices_missing' },
    });
    for (const category of ['necessary', '__proto__', 'marketing', ''])
      expect(
        checkChoices(
          form([
            ['categories', category],
            ['name', 'A'],
            ['email', 'a@example.it'],
          ]),
          ['analytics'],
        ),
      ).toMatchObject({
        ok: false,
        errors: { choices: 'choices_unknown' },
      });
    expect(
      checkChoices(
        form([
          ['direct_marketing', 'yes'],
          ['name', 'A\u0000B'],
          ['email', 'not an address'],
        ]),
        [],
      ),
    ).toMatchObject({ ok: false, errors: { name: 'control_characters', email: 'email_invalid' } });
    // Only "yes" is the box ticked.
    expect(
      checkChoices(
        form([
          ['direct_marketing', 'true'],
          ['name', 'A'],
          ['email', 'a@example.it'],
        ]),
        [],
      ),
    ).toMatchObject({
      ok: false,
      errors: { choices: 'choices_missing' },
    });
  });

  it('says in the letter what was done, in the subject’s language, naming the articles', () => {
    const it = choicesDone('it', { categories: ['ai_chatbot'], directMarketing: true, email: 'g@example.it' });
    expect(it).toContain(CATEGORY_NAMES.it.ai_chatbot);
    expect(it).toContain('art. 21, par. 2 e 3, GDPR');
    expect(it).toContain('g@example.it');
    const en = choicesDone('en', { categories: [], directMarketing: true, email: 'g@example.it' });
    expect(en).toContain('GDPR Art. 21(2) and (3)');
    expect(en).not.toContain('withdrew');
  });

  it('has every text in Italian and English', () => {
    for (const key of choiceTextKeys()) {
      expect(choiceText('it', key).length, key).toBeGreaterThan(0);
      expect(choiceText('it', key), key).not.toBe(choiceText('en', key));
    }
    expect(Object.keys(CHOICE_PROBLEMS.it).sort()).toEqual(Object.keys(CHOICE_PROBLEMS.en).sort());
    expect(Object.keys(CATEGORY_NAMES.it).sort()).toEqual(Object.keys(CATEGORY_NAMES.en).sort());
  });
});
