import fc from 'fast-check';
import { findPhoneNumbersInText } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { identifiersInText } from './attribution';
import {
  classifyQuery,
  extractEmails,
  extractPhones,
  normaliseEmail,
  normaliseFullName,
  normaliseName,
  normalisePhone,
} from './identifiers';

describe('normalisePhone', () => {
  it.each([
    ['347 123 4567', '+393471234567'],
    ['+39 347-1234567', '+393471234567'],
    ['0039 3471234567', '+393471234567'],
    ['3471234567', '+393471234567'],
    ['(+39) 347.123.4567', '+393471234567'],
    ['+39 347 123 4567 ', '+393471234567'],
    ['041 5701234', '+390415701234'],
    ['+39 041 570 1234', '+390415701234'],
    ['+44 20 7946 0958', '+442079460958'],
    ['0044 20 7946 0958', '+442079460958'],
  ])('%s -> %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each(['', '12', 'mario rossi', '347-abc-4567', '+39 000', 'mario@example.com', '2026-11-22'])(
    'refuses %j',
    (input) => {
      expect(normalisePhone(input)).toBeNull();
    },
  );
});

describe('normaliseEmail', () => {
  it('trims and lower-cases', () => {
    expect(normaliseEmail('  Mario.Rossi@Example.IT ')).toBe('mario.rossi@example.it');
    expect(normaliseEmail('mailto:Anna@Studio-Verdi.it')).toBe('anna@studio-verdi.it');
  });
  it.each(['mario', 'mario@', '@example.it', 'mario@example', 'mario rossi@example.it', ''])('refuses %j', (input) => {
    expect(normaliseEmail(input)).toBeNull();
  });
});

describe('normaliseName', () => {
  it('folds case, accents, apostrophes and spaces', () => {
    expect(normaliseName("  Nicolò  D'Àmico ")).toBe('nicolo d amico');
    expect(normaliseName('NICOLO D AMICO')).toBe('nicolo d amico');
    expect(normaliseName('Müller-Lüdenscheidt')).toBe('muller ludenscheidt');
    expect(normaliseFullName('Giulia', 'Bianchi')).toBe('giulia bianchi');
    expect(normaliseFullName('Giulia', null)).toBe('giulia');
  });
  it('keeps similar names apart', () => {
    expect(normaliseName('Mario Rossi')).not.toBe(normaliseName('Maria Rossi'));
  });
  it.each(['', '   ', '...', '123'])('refuses %j', (input) => {
    expect(normaliseName(input)).toBeNull();
  });
});

describe('extractEmails', () => {
  it('finds addresses in sentences, in upper case, with trailing punctuation', () => {
    expect(
      extractEmails('Scrivetemi a MARIO.ROSSI@EXAMPLE.IT. Oppure (anna_b+lavoro@studio-verdi.it), o info@vimage.it!'),
    ).toEqual(['mario.rossi@example.it', 'anna_b+lavoro@studio-verdi.it', 'info@vimage.it']);
  });
  it('finds each address once', () => {
    expect(extractEmails('a@b.it, A@B.IT; a@b.it.')).toEqual(['a@b.it']);
  });
  it('finds nothing in text without addresses', () => {
    expect(extractEmails('Vorrei un preventivo per un negozio @ Mestre')).toEqual([]);
  });
});

describe('extractPhones', () => {
  it('finds Italian and international writings', () => {
    expect(extractPhones('Chiamami al 347 123 4567, oppure 0039 3471234568. Ufficio: +39 041-5701234.')).toEqual([
      '+393471234567',
      '+393471234568',
      '+390415701234',
    ]);
  });
  it('ignores order numbers, dates and prices', () => {
    expect(extractPhones('Ordine 2026/11/22, importo 1.250,00 euro, codice 12')).toEqual([]);
  });
  it('reads digits of other scripts, as libphonenumber does', () => {
    expect(extractPhones('Chiamami al ３４７ １２３ ４５６７')).toEqual(['+393471234567']);
  });
  it('finds the valid numbers libphonenumber finds in any text, although it skips texts with fewer than six digits', () => {
    const libraryAlone = (text: string) => [
      ...new Set(
        findPhoneNumbersInText(text, 'IT')
          .filter(({ number }) => number.isValid())
          .map(({ number }) => number.number),
      ),
    ];
    // Short numbers of every format that has them: Austria's and Germany's (+43, +49, four
    // digits after the country code), Italy's six-digit ones, and digits of other scripts.
    const pieces = fc.constantFrom(
      ...'0123456789０１２３４５６７８９٠١٢٣٤٥٦٧٨٩+()-./ '.split(''),
      '+43 ',
      '+49 ',
      '0043',
      '06',
      '+39 ',
      'tel. ',
      'ciao ',
      '\n',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        expect(extractPhones(text)).toEqual(libraryAlone(text));
        // What the attribution of a text reads (it relies on the library's leniency too).
        const attributed = [...new Set(identifiersInText(text).map((f) => f.value))];
        expect(attributed).toEqual(libraryAlone(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('classifyQuery', () => {
  it('tells e-mails, phones and names apart', () => {
    expect(classifyQuery(' Mario.Rossi@Example.it ')).toEqual({ kind: 'email', value: 'mario.rossi@example.it' });
    expect(classifyQuery('347 123 4567')).toEqual({ kind: 'phone', value: '+393471234567' });
    expect(classifyQuery('Nicolò Rossi')).toEqual({ kind: 'name', value: 'nicolo rossi' });
    expect(classifyQuery('  ')).toBeNull();
  });
});
