import { describe, expect, it } from 'vitest';
import {
  communicationLanguage,
  missingForCommunication,
  renderCommunication,
  type CommunicationSource,
} from './art34-communication';

const breach: CommunicationSource = {
  startedAt: new Date('2026-11-20T22:30:00Z'),
  endedAt: new Date('2026-11-22T08:00:00Z'),
  ongoing: false,
  awareAt: new Date('2026-11-23T09:15:00Z'),
  contactName: 'Ufficio privacy di Vimage Srl',
  contactDetails: 'privacy@vimage.it, +39 041 000000',
  noticeNatureIt: 'Una persona non autorizzata ha letto i messaggi inviati dal modulo di contatto.',
  noticeNatureEn: 'An unauthorised person read the messages sent through the contact form.',
  noticeConsequencesIt: 'Potrebbe ricevere e-mail di phishing che sembrano provenire da noi.',
  noticeConsequencesEn: 'You may receive phishing e-mails that seem to come from us.',
  noticeMeasuresIt: 'Abbiamo chiuso l’accesso e cambiato le password. Non apra allegati inattesi.',
  noticeMeasuresEn: 'We closed the access and changed the passwords. Do not open unexpected attachments.',
};

// Words that only one of the two languages uses, as whole words.
const ENGLISH = ['the', 'and', 'you', 'your', 'we', 'which', 'what', 'of', 'to', 'contact'];
const ITALIAN = ['il', 'della', 'che', 'Lei', 'Suoi', 'dati', 'violazione', 'abbiamo', 'Gentile', 'è'];
const words = (text: string) => new Set(text.split(/[^\p{L}]+/u).filter(Boolean));

describe('renderCommunication (Art. 34)', () => {
  it('writes every item of Art. 34(2), in Italian with no English', () => {
    const { subject, body } = renderCommunication(breach, 'it');
    const text = `${subject}\n${body}`;
    expect(body).toContain(breach.noticeNatureIt);
    expect(body).toContain(breach.noticeConsequencesIt);
    expect(body).toContain(breach.noticeMeasuresIt);
    expect(body).toContain('Ufficio privacy di Vimage Srl: privacy@vimage.it, +39 041 000000');
    expect(body).toContain('20 novembre 2026');
    expect(body).toContain('23 novembre 2026');
    const found = words(text);
    expect(ENGLISH.filter((w) => found.has(w))).toEqual([]);
  });

  it('writes every item of Art. 34(2), in English with no Italian', () => {
    const { subject, body } = renderCommunication(breach, 'en');
    const text = `${subject}\n${body}`;
    expect(body).toContain(breach.noticeNatureEn);
    expect(body).toContain(breach.noticeConsequencesEn);
    expect(body).toContain(breach.noticeMeasuresEn);
    expect(body).toContain('For any question you may contact Ufficio privacy di Vimage Srl');
    expect(body).toContain('20 November 2026');
    const found = words(
      text.replace('Garante per la protezione dei dati personali', '').replace(breach.contactName, ''),
    );
    expect(ITALIAN.filter((w) => found.has(w))).toEqual([]);
  });

  it('says an ongoing breach is ongoing', () => {
    expect(renderCommunication({ ...breach, ongoing: true, endedAt: null }, 'it').body).toContain('tuttora in corso');
    expect(renderCommunication({ ...breach, ongoing: true, endedAt: null }, 'en').body).toContain('still ongoing');
  });

  it('names what a language still lacks', () => {
    expect(missingForCommunication(breach, 'it')).toEqual([]);
    expect(missingForCommunication({ ...breach, noticeNatureEn: ' ', noticeMeasuresEn: null }, 'en')).toEqual([
      'noticeNatureEn',
      'noticeMeasuresEn',
    ]);
  });

  it('writes in Italian unless the person is known to read English', () => {
    expect(communicationLanguage('en')).toBe('en');
    expect(communicationLanguage('it')).toBe('it');
    expect(communicationLanguage(null)).toBe('it');
    expect(communicationLanguage('de')).toBe('it');
  });
});
