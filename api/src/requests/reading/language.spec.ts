import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it('reads "as per" and "per" in English as English', () => {
    expect(
      detectLanguage('Please send me, as per Article 15, a copy of the data you hold on me, per our call.'),
    ).toEqual({
      language: 'en',
      supported: true,
    });
  });

  it('tells Italian from English on short letters', () => {
    expect(detectLanguage('Buongiorno, chiedo una copia dei miei dati.').language).toBe('it');
    expect(detectLanguage('Chiedo la limitazione del trattamento.').language).toBe('it');
    expect(detectLanguage('I object to the processing of my data for analytics.').language).toBe('en');
    expect(detectLanguage('Can you help me?').language).toBe('en');
  });

  it('recognises other languages and says the console does not answer in them', () => {
    expect(
      detectLanguage('Sehr geehrte Damen und Herren, ich bitte um Auskunft über die mich betreffenden Daten.'),
    ).toEqual({
      language: 'de',
      supported: false,
    });
    expect(detectLanguage('Madame, Monsieur, je vous demande l’effacement de mes données personnelles.').language).toBe(
      'fr',
    );
    expect(detectLanguage('Solicito la supresión de mis datos personales, atentamente.').language).toBe('es');
    expect(detectLanguage('Geachte heer, graag ontvang ik een kopie van mijn gegevens.').language).toBe('nl');
  });

  it('falls back to English when nothing tells', () => {
    expect(detectLanguage('')).toEqual({ language: 'en', supported: true });
    expect(detectLanguage('12345 !!!')).toEqual({ language: 'en', supported: true });
  });
});
