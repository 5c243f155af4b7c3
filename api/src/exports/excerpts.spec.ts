import { describe, expect, it } from 'vitest';
import { redactOthers, sentences } from './excerpts';

const colleague = { emails: ['marco.neri@example.it'], phones: [] };

describe('excerpts of records that only mention the person (Art. 15(4))', () => {
  it('keeps the sentences about the person, drops those about the writer (Art. 9 data included)', () => {
    const text =
      'Soffro di asma e vorrei materiali anallergici. Il mio cellulare è 333 1234567. Mettete in copia il mio collega, marco.neri@example.it';
    expect(redactOthers(text, colleague, { onlyAboutThePerson: true })).toBe(
      'Mettete in copia il mio collega, marco.neri@example.it',
    );
  });

  it('masks the other people’s identifiers in a sentence it keeps', () => {
    expect(
      redactOthers('Chiamate me al 333 1234567 o Marco a marco.neri@example.it.', colleague, {
        onlyAboutThePerson: true,
      }),
    ).toBe('Chiamate me al […] o Marco a marco.neri@example.it.');
  });

  it('the officer’s own words stay, a sentence naming only others goes', () => {
    expect(
      redactOthers(
        'Il visitatore chiede di mettere in copia marco.neri@example.it. Il suo numero è 333 1234567.',
        colleague,
        { onlyAboutThePerson: false },
      ),
    ).toBe('Il visitatore chiede di mettere in copia marco.neri@example.it.');
    expect(
      redactOthers('Un visitatore ha chiesto di metterla in copia.', colleague, { onlyAboutThePerson: false }),
    ).toBe('Un visitatore ha chiesto di metterla in copia.');
  });

  it('splits sentences, not e-mail addresses', () => {
    expect(sentences('Scrivete a a.b@c.it. Grazie!\nCiao')).toEqual(['Scrivete a a.b@c.it.', 'Grazie!', 'Ciao']);
  });
});
