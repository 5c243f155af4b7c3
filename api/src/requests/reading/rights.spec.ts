import { describe, expect, it } from 'vitest';
import { readRights } from './rights';

const types = (subject: string | null, words: string) => readRights(subject, words).rights.map((r) => r.type);

describe('readRights', () => {
  it('gives every right a letter asks, in the order the writer asks them', () => {
    expect(
      types(
        null,
        'I am hereby requesting immediate erasure of personal data concerning me. If I have given consent, I am hereby withdrawing said consent. In addition, I am objecting to the processing of personal data concerning me. I request that you restrict the processing of the data concerning me pending the verification.',
      ),
    ).toEqual(['erasure', 'consent_withdrawal', 'objection', 'restriction']);
    expect(
      types(
        null,
        'Io sottoscritto richiedo accesso secondo l’Articolo 15. Prego di ricevere i miei dati in un formato strutturato.',
      ),
    ).toEqual(['access', 'portability']);
  });

  it('does not take a right named in passing for one asked', () => {
    expect(types(null, 'If you object to the requested erasure, you have to justify that to me.')).toEqual([]);
    expect(types(null, 'Se vi opponete alla cancellazione richiesta, dovete giustificarlo a me.')).toEqual([]);
    expect(
      types(
        null,
        'Please tell me in advance if the objection will result in the deletion of an account I may have with you.',
      ),
    ).toEqual([]);
    expect(types(null, 'This applies not only to exact copies of the data concerned.')).toEqual([]);
    expect(types(null, 'I reserve the right to lodge a complaint with the responsible supervisory authority.')).toEqual(
      [],
    );
  });

  it('takes a machine-readable copy of an access request (Art. 15(3)) for no portability request (Art. 20)', () => {
    expect(
      types(
        null,
        'I am making a request under Article 15 GDPR (right of access). Preferred delivery format: machine-readable electronic copy (e.g., PDF + CSV/JSON where applicable).',
      ),
    ).toEqual(['access']);
    expect(types(null, 'Vi chiedo una copia dei miei dati, se possibile leggibile da macchina.')).toEqual(['access']);
    // Art. 20(1)'s own words still ask it.
    expect(
      types(null, 'Please make my data available to me in a structured, commonly used and machine-readable format.'),
    ).toEqual(['portability']);
  });

  it('reads a sentence wrapped over lines (a PDF, a wrapped e-mail) as one', () => {
    expect(types(null, 'in un formato strutturato, di uso comune e leggibile da\ndispositivo automatico')).toEqual([
      'portability',
    ]);
    expect(types(null, 'I am hereby requesting\nimmediate erasure')).toEqual(['erasure']);
  });

  it('puts a right named on the subject line first', () => {
    expect(
      types('Revoca del consenso', 'Vi chiedo una copia dei miei dati e revoco il consenso al marketing.'),
    ).toEqual(['consent_withdrawal', 'access']);
  });

  it('reads a reminder by the article its request named, when no right is asked in words', () => {
    expect(types(null, 'on 12 January 2026 I sent you a request according to Article 15 GDPR.')).toEqual(['access']);
    expect(types(null, "in data 12 gennaio 2026 vi ho mandato una richiesta secondo l'Articolo 17 del GDPR.")).toEqual([
      'erasure',
    ]);
    // The words win over a wrong article ("erasure ... according to Article 15", a real template's slip).
    expect(
      types(
        null,
        'I am hereby requesting immediate erasure of personal data concerning me according to Article 15 GDPR.',
      ),
    ).toEqual(['erasure']);
  });

  it('knows a complaint lodged with a supervisory authority is no request', () => {
    const complaint = readRights(
      null,
      'I am hereby lodging a complaint according to Article 77 GDPR. On 12 January I sent a request according to Article 15 GDPR.',
    );
    expect(complaint).toEqual({ rights: [], complaint: 'I am hereby lodging a complaint' });
    expect(
      readRights(null, "Io sottoscritto con la presente sporgo reclamo secondo l'Articolo 77 del GDPR.").complaint,
    ).toBe('sporgo reclamo');
  });

  it('reads unsubscribing as an objection to direct marketing, before any erasure it mentions', () => {
    expect(types(null, 'Stop sending me marketing e-mails and delete me from the list.')).toEqual(['objection']);
    expect(types(null, 'Vi chiedo di cancellarmi dalla newsletter: mi disiscrivo.')).toEqual(['objection']);
  });
});
