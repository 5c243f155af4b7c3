import { describe, expect, it } from 'vitest';
import { guessRequestType, refusalOf, rejectionStatement } from './request-rules';

const open = { status: 'received' as const, identityVerifiedAt: null, extendedDueDate: null, dueDate: '2026-12-22' };

describe('refusalOf', () => {
  it('allows what the state allows', () => {
    expect(refusalOf('identity-check', open, '2026-11-22')).toBeNull();
    expect(refusalOf('verify', open, '2026-11-22')).toBeNull();
    expect(refusalOf('extend', open, '2026-11-22')).toBeNull();
    expect(refusalOf('reject', open, '2026-11-22')).toBeNull();
    expect(refusalOf('close', { ...open, status: 'in_progress', identityVerifiedAt: new Date() }, '2026-11-22')).toBeNull();
  });

  it('says why an action is refused', () => {
    expect(refusalOf('close', open, '2026-11-22')).toMatch(/Verify the subject's identity before answering; the request is received/);
    expect(refusalOf('extend', open, '2026-12-23')).toMatch(/before the first deadline \(2026-12-22\), which has passed/);
    expect(refusalOf('extend', { ...open, extendedDueDate: '2027-02-22' }, '2026-11-22')).toMatch(/already extended/);
    expect(refusalOf('verify', { ...open, status: 'in_progress' }, '2026-11-22')).toMatch(/already verified/);
    expect(refusalOf('identity-check', { ...open, status: 'in_progress' }, '2026-11-22')).toMatch(/just received/);
    expect(refusalOf('reject', { ...open, status: 'completed' }, '2026-11-22')).toMatch(/Nothing more can be done: the request is completed/);
  });
});

describe('rejectionStatement', () => {
  it('gives the reasons and the right to complain to the Garante, in the request language', () => {
    const it_ = rejectionStatement('excessive', 'it');
    expect(it_).toMatch(/eccessiva/);
    expect(it_).toMatch(/reclamo al Garante per la protezione dei dati personali/);
    const en = rejectionStatement('identity_not_verified', 'en', 'The copy of the ID card was unreadable.');
    expect(en).toMatch(/could not verify your identity .* The copy of the ID card was unreadable\./);
    expect(en).toMatch(/lodge a complaint with the Italian supervisory authority, the Garante/);
  });
});

describe('guessRequestType', () => {
  it.each([
    ['Richiesta di accesso', 'Vorrei sapere quali dati personali avete su di me e riceverne copia.', 'access', 'it'],
    ['Copia dei miei dati', 'Buongiorno, chiedo una copia dei miei dati.', 'access', 'it'],
    ['Cancellazione dati', 'Vi chiedo la cancellazione di tutti i miei dati.', 'erasure', 'it'],
    ['Diritto all’oblio', 'Esercito il diritto all’oblio.', 'erasure', 'it'],
    ['Rettifica', 'Il mio cognome è scritto male, vi chiedo la rettifica.', 'rectification', 'it'],
    ['Portabilità', 'Chiedo la portabilità dei miei dati.', 'portability', 'it'],
    ['Opposizione', 'Mi oppongo al trattamento per finalità di marketing.', 'objection', 'it'],
    ['Revoca del consenso', 'Revoco il consenso al trattamento dei miei dati.', 'consent_withdrawal', 'it'],
    ['Data request', 'Please send me a copy of my personal data you hold.', 'access', 'en'],
    ['Delete me', 'I want you to delete all my data. Right to be forgotten.', 'erasure', 'en'],
    ['Correction', 'My address is inaccurate, please correct my data.', 'rectification', 'en'],
    ['Portability', 'I would like my data in a machine-readable format.', 'portability', 'en'],
    ['Objection', 'I object to the processing of my data for analytics.', 'objection', 'en'],
    ['Consent', 'I withdraw my consent to the chatbot.', 'consent_withdrawal', 'en'],
    ['Limitazione', 'Chiedo la limitazione del trattamento.', 'restriction', 'it'],
  ])('%s -> %s (%s)', (subject, text, type, language) => {
    expect(guessRequestType(subject, text)).toEqual({ type, matched: true, language });
  });

  it('assumes access when no wording matches, and says so', () => {
    expect(guessRequestType('Hello', 'Can you help me?')).toEqual({ type: 'access', matched: false, language: 'en' });
  });
});
