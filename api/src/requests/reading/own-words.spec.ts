import { describe, expect, it } from 'vitest';
import { ownWords } from './own-words';

describe('ownWords', () => {
  it('sets aside the message a reply quotes, above or below the answer', () => {
    const top = ownWords(
      'I object to direct marketing.\n\nOn Mon, 2 Feb 2026 at 10:12, Acme Shop <privacy@acme.example> wrote:\n> You may ask for erasure of your data.',
      'Re: This week’s offers',
    );
    expect(top).toEqual({
      words: 'I object to direct marketing.',
      subject: null,
      forwarded: null,
      setAside: ['quote'],
    });
    const below = ownWords(
      'Il 2 febbraio 2026 10:12, Acme Shop ha scritto:\n> Disiscriviti qui.\n\nChiedo la rettifica del mio indirizzo.',
      'R: offerte',
    );
    expect(below.words).toBe('Chiedo la rettifica del mio indirizzo.');
  });

  it('cuts an Outlook reply at its original message', () => {
    const outlook = ownWords(
      'Vi ho scritto il 12 gennaio.\n\n-----Messaggio originale-----\nDa: Acme <privacy@acme.example>\nInviato: lunedì\nOggetto: La sua richiesta\n\nSe desidera la cancellazione ce lo indichi.',
      'R: La sua richiesta',
    );
    expect(outlook.words).toBe('Vi ho scritto il 12 gennaio.');
    expect(outlook.forwarded).toBeNull();
  });

  it('reads a forwarded letter as its original sender’s, without the colleague’s note', () => {
    const gmail = ownWords(
      'Can you deal with it? Feel free to delete this thread.\n\n---------- Forwarded message ---------\nFrom: Okafor, Chidi <c.okafor@example.ie>\nDate: Mon, Mar 9, 2026 at 6:40 PM\nSubject: My personal data\nTo: <sales@acme.example>\n\nI am hereby requesting access.',
      'Fwd: My personal data',
    );
    expect(gmail).toEqual({
      words: 'I am hereby requesting access.',
      subject: 'My personal data',
      forwarded: { name: 'Okafor, Chidi', address: 'c.okafor@example.ie', subject: 'My personal data' },
      setAside: ['forward_note'],
    });
    const outlook = ownWords(
      'Ciao, la giro a voi.\n\n-----Messaggio originale-----\nDa: Luca Ricci [mailto:luca.ricci@example.org]\nInviato: lunedì 9 marzo 2026 18:40\nOggetto: Opposizione\n\nMi oppongo al trattamento.',
      'I: Opposizione',
    );
    expect(outlook.forwarded).toEqual({
      name: 'Luca Ricci',
      address: 'luca.ricci@example.org',
      subject: 'Opposizione',
    });
    expect(outlook.words).toBe('Mi oppongo al trattamento.');
  });

  it('drops the signature and a footer that names every right', () => {
    const read = ownWords(
      'Chiedo una copia dei miei dati.\nCordialmente,\nMario Rossi\n-- \nMario Rossi\nInformativa privacy: può esercitare i diritti di cancellazione e opposizione.',
      'Accesso',
    );
    expect(read.words).toBe('Chiedo una copia dei miei dati.\nCordialmente,\nMario Rossi');
    expect(read.setAside).toEqual(['signature']);
    const footerOnly = ownWords(
      `${'I am hereby requesting access according to Article 15 GDPR. '.repeat(5)}\nThis e-mail and any attachments are confidential. You have the right to erasure.`,
      null,
    );
    expect(footerOnly.words).not.toMatch(/erasure/);
    expect(footerOnly.setAside).toEqual(['footer']);
  });
});
