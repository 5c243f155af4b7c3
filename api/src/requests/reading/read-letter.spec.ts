import { describe, expect, it } from 'vitest';
import { readLetter } from './read-letter';

describe('readLetter', () => {
  it('takes the original sender of a forwarded letter as the subject, and keeps who forwarded it', () => {
    const read = readLetter({
      subject: 'Fwd: Richiesta',
      text: 'Ciao, la giro a voi.\n\n---------- Forwarded message ---------\nFrom: Rossi, Mario <mario.rossi@example.it>\nSubject: Richiesta\n\nMi oppongo al trattamento per finalità di marketing.',
      from: { name: 'Giulia Bianchi', address: 'giulia.bianchi@acme.example' },
    });
    expect(read.subject).toEqual({ email: 'mario.rossi@example.it', name: 'Mario Rossi', source: 'forwarded' });
    expect(read.sentBy).toBe('giulia.bianchi@acme.example');
    expect(read.types).toEqual(['objection']);
    expect(read.language).toBe('it');
  });

  it('takes the person a form relay writes for, from Reply-To or else the letter', () => {
    const viaReplyTo = readLetter({
      subject: 'Contatto',
      text: 'I withdraw my consent to your newsletter.',
      from: { name: 'Anna Colombo via Acme Shop', address: 'noreply@forms.acme.example' },
      replyTo: { name: 'Anna Colombo', address: 'anna.colombo@example.com' },
    });
    expect(viaReplyTo.subject).toEqual({ email: 'anna.colombo@example.com', name: 'Anna Colombo', source: 'reply_to' });
    expect(viaReplyTo.sentBy).toBe('noreply@forms.acme.example');
    const inLetter = readLetter({
      subject: 'Contatto',
      text: 'Nome: Anna Colombo\nE-mail: anna.colombo@example.com\nMessaggio: revoco il consenso.',
      from: { name: 'Modulo contatti', address: 'no-reply@forms.acme.example' },
    });
    expect(inLetter.subject.email).toBe('anna.colombo@example.com');
    expect(inLetter.subject.source).toBe('letter');
  });

  it('keeps the sender when the message is theirs, with the name turned the right way round', () => {
    const read = readLetter({
      subject: 'Rettifica',
      text: 'Vi chiedo la rettifica del mio indirizzo.',
      from: { name: 'De Luca, Francesca', address: 'F.DeLuca@Example.net' },
    });
    expect(read.subject).toEqual({ email: 'f.deluca@example.net', name: 'Francesca De Luca', source: 'sender' });
    expect(read.sentBy).toBeNull();
  });

  it('flags a letter in another language and answers in English', () => {
    const read = readLetter({
      subject: 'Anfrage',
      text: 'Sehr geehrte Damen und Herren, hiermit verlange ich Auskunft gemäß Art. 15 DSGVO über die mich betreffenden Daten.',
      from: { address: 'lena.weber@example.de' },
    });
    expect(read.language).toBe('en');
    expect(read.otherLanguage).toBe('de');
  });
});
