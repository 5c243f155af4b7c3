import { describe, expect, it } from 'vitest';
import { MASK, maskText } from './masking';

const giulia = {
  emails: ['giulia.bianchi@example.org'],
  phones: ['+393471234567'],
  names: ['giulia bianchi', 'giulia', 'bianchi'],
};

describe('maskText', () => {
  it('masks the subject e-mail, phone and name however they are written', () => {
    const text = 'Sono Giulia BIANCHI, scrivetemi a Giulia.Bianchi@Example.org o chiamate il 347 123 4567.';
    expect(maskText(text, giulia, { allContacts: false })).toBe(
      `Sono ${MASK} ${MASK}, scrivetemi a ${MASK} o chiamate il ${MASK}.`,
    );
  });

  it('keeps other people and the company unless every contact is to go', () => {
    const text = 'Il mio collega è Marco, marco@example.com, e voi siete info@vimage.it';
    expect(maskText(text, giulia, { allContacts: false })).toBe(text);
    expect(maskText(text, giulia, { allContacts: true })).toBe(`Il mio collega è Marco, ${MASK}, e voi siete ${MASK}`);
  });

  it('masks names with accents and apostrophes as folded words', () => {
    const subject = { emails: [], phones: [], names: ['nicolo d amico'] };
    expect(
      maskText(
        "Buongiorno, sono Nicolò D'Amico",
        { ...subject, names: ['nicolo d amico', 'nicolo', 'd', 'amico'] },
        { allContacts: false },
      ),
    ).toBe(`Buongiorno, sono ${MASK} ${MASK}`);
  });

  it('leaves a text without identifiers as it was', () => {
    expect(maskText('Quanto costa un allestimento?', giulia, { allContacts: true })).toBe(
      'Quanto costa un allestimento?',
    );
  });

  it('masks a person only mentioned in someone else’s text by their full name, never a lone first name (Art. 17)', () => {
    const marco = { emails: ['marco.neri@example.it'], phones: [], names: ['marco neri'] };
    const text =
      'Mettete in copia il mio collega Marco Neri (marco.neri@example.it). Marco Rossi è mio marito; Neri Marco no.';
    expect(maskText(text, marco, { allContacts: false })).toBe(
      `Mettete in copia il mio collega ${MASK} ${MASK} (${MASK}). Marco Rossi è mio marito; ${MASK} ${MASK} no.`,
    );
    // A name split across a sentence is no name.
    expect(maskText('Ciao Marco. Neri è il colore', marco, { allContacts: false })).toBe(
      'Ciao Marco. Neri è il colore',
    );
  });
});
