import { describe, expect, it } from 'vitest';
import {
  ALL_GROUNDS,
  EXCESS_GROUNDS,
  MERIT_GROUNDS,
  actionRefusal,
  allowedActions,
  feeStatement,
  guessRequestType,
  refusalOf,
  rejectionProblems,
  rejectionStatement,
} from './request-rules';

/** A string matching the pattern, typed so that an object holding it is no `any`. */
const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);

const open = { status: 'received' as const, identityVerifiedAt: null, extendedDueDate: null, dueDate: '2026-12-22' };

describe('allowedActions', () => {
  const fresh = { ...open, minorSuspected: false, minorDecision: null };

  it('offers a request just received its first steps, and never closing it before the identity is verified', () => {
    expect(allowedActions(fresh, '2026-11-22')).toEqual([
      'identity-check',
      'identity-info-requested',
      'identity-documents',
      'verify',
      'extend',
      'fee',
      'reject',
      'note',
    ]);
  });

  it('offers closing once verified, and what is awaited or still to decide', () => {
    const verified = { ...fresh, status: 'in_progress' as const, identityVerifiedAt: new Date() };
    expect(allowedActions(verified, '2026-11-22')).toEqual([
      'identity-documents',
      'extend',
      'fee',
      'close',
      'reject',
      'note',
    ]);
    const awaiting = { ...fresh, identityInfoRequestedAt: new Date(), identityInfoReceivedAt: null };
    expect(allowedActions(awaiting, '2026-11-22')).toContain('identity-info-received');
    expect(allowedActions({ ...fresh, minorSuspected: true }, '2026-11-22')).toContain('minor');
    expect(allowedActions({ ...fresh, minorSuspected: true, minorDecision: 'dismissed' }, '2026-11-22')).not.toContain(
      'minor',
    );
    expect(allowedActions({ ...fresh, feeChargedAt: new Date() }, '2026-12-23')).not.toContain('fee');
    expect(allowedActions(fresh, '2026-12-23')).not.toContain('extend');
  });

  it('offers only a note once the request is answered or refused', () => {
    expect(allowedActions({ ...fresh, status: 'completed' }, '2026-11-22')).toEqual(['note']);
    expect(allowedActions({ ...fresh, status: 'rejected' }, '2026-11-22')).toEqual(['note']);
  });
});

describe('refusalOf', () => {
  it('allows what the state allows', () => {
    expect(refusalOf('identity-check', open, '2026-11-22')).toBeNull();
    expect(refusalOf('verify', open, '2026-11-22')).toBeNull();
    expect(refusalOf('extend', open, '2026-11-22')).toBeNull();
    expect(refusalOf('reject', open, '2026-11-22')).toBeNull();
    expect(
      refusalOf('close', { ...open, status: 'in_progress', identityVerifiedAt: new Date() }, '2026-11-22'),
    ).toBeNull();
  });

  it('says why an action is refused', () => {
    expect(refusalOf('close', open, '2026-11-22')).toMatch(
      /Verify the subject's identity before answering; the request is received/,
    );
    expect(refusalOf('extend', open, '2026-12-23')).toMatch(
      /before the first deadline \(2026-12-22\), which has passed/,
    );
    expect(refusalOf('extend', { ...open, extendedDueDate: '2027-02-22' }, '2026-11-22')).toMatch(/already extended/);
    expect(refusalOf('verify', { ...open, status: 'in_progress' }, '2026-11-22')).toMatch(/already verified/);
    expect(refusalOf('identity-check', { ...open, status: 'in_progress' }, '2026-11-22')).toMatch(/just received/);
    expect(refusalOf('reject', { ...open, status: 'completed' }, '2026-11-22')).toMatch(
      /Nothing more can be done: the request is completed/,
    );
  });

  it('decides the "may be a minor" flag (Art. 8) once, and only a flag the intake raised', () => {
    expect(refusalOf('minor', { ...open, minorSuspected: true, minorDecision: null }, '2026-11-22')).toBeNull();
    expect(actionRefusal('minor', { ...open, minorSuspected: false }, '2026-11-22')?.reason).toBe('no_minor_flag');
    expect(
      actionRefusal('minor', { ...open, minorSuspected: true, minorDecision: 'dismissed' }, '2026-11-22'),
    ).toMatchObject({
      reason: 'minor_already_decided',
      args: { decision: 'dismissed' },
    });
  });
});

describe('rejectionStatement', () => {
  it('gives the reasons and the right to complain to the Garante, in the request language', () => {
    const it_ = rejectionStatement('excessive', 'it', null, 'repetitive');
    expect(it_).toMatch(/eccessiva per il suo carattere ripetitivo/);
    expect(it_).toMatch(/reclamo al Garante per la protezione dei dati personali/);
    const en = rejectionStatement('identity_not_verified', 'en', 'The copy of the ID card was unreadable.');
    expect(en).toMatch(/could not identify you .* The copy of the ID card was unreadable\./);
    expect(en).toMatch(/lodge a complaint with the Italian supervisory authority, the Garante/);
  });
});

describe('refusals on the merits, excess and the Art. 12(4) statement of each ground', () => {
  const ARTICLE: Record<string, [RegExp, RegExp]> = {
    art17_3_a: [/GDPR Art\. 17\(3\)\(a\)/, /art\. 17, par\. 3, lett\. a, GDPR/],
    art17_3_b: [/GDPR Art\. 17\(3\)\(b\)/, /art\. 17, par\. 3, lett\. b, GDPR/],
    art17_3_c: [/GDPR Art\. 17\(3\)\(c\)/, /art\. 17, par\. 3, lett\. c, GDPR/],
    art17_3_d: [/GDPR Art\. 17\(3\)\(d\)/, /art\. 17, par\. 3, lett\. d, GDPR/],
    art17_3_e: [/GDPR Art\. 17\(3\)\(e\)/, /art\. 17, par\. 3, lett\. e, GDPR/],
    art15_4: [/GDPR Art\. 15\(4\)/, /art\. 15, par\. 4, GDPR/],
    art21_1: [/compelling legitimate grounds.*GDPR Art\. 21\(1\)/, /motivi legittimi cogenti.*art\. 21, par\. 1, GDPR/],
    art20_1: [/GDPR Art\. 20\(1\)/, /art\. 20, par\. 1, GDPR/],
    art18_1: [/GDPR Art\. 18\(1\)/, /art\. 18, par\. 1, GDPR/],
    art16: [/GDPR Art\. 16/, /art\. 16 GDPR/],
    repetitive: [
      /repetitive character \(GDPR Art\. 12\(5\)\(b\)\)/,
      /carattere ripetitivo \(art\. 12, par\. 5, lett\. b, GDPR\)/,
    ],
    other_excess: [
      /^We cannot act on your request because the request is excessive \(GDPR Art\. 12\(5\)\(b\)\)\. /,
      /eccessiva \(art\. 12, par\. 5, lett\. b, GDPR\)\. /,
    ],
  };

  it.each(ALL_GROUNDS.map((g) => [g]))(
    '%s: its own article, the text, the Garante and the courts, in English and Italian',
    (ground) => {
      const reason = (EXCESS_GROUNDS as readonly string[]).includes(ground) ? 'excessive' : 'merits';
      const en = rejectionStatement(reason, 'en', 'Invoices are kept for ten years', ground);
      const it_ = rejectionStatement(reason, 'it', 'Le fatture sono conservate dieci anni', ground);
      expect(en).toMatch(ARTICLE[ground][0]);
      expect(it_).toMatch(ARTICLE[ground][1]);
      expect(en).toMatch(
        /\. Invoices are kept for ten years\. You have the right to lodge a complaint .* Garante .* judicial remedy \(GDPR Articles 77 and 79\)/,
      );
      expect(it_).toMatch(
        /\. Le fatture sono conservate dieci anni\. Ha il diritto di proporre reclamo al Garante .* ricorso giurisdizionale \(artt\. 77 e 79 GDPR\)/,
      );
      if (ground !== 'repetitive') {
        expect(en).not.toMatch(/repetitive/);
        expect(it_).not.toMatch(/ripetitiv/);
      }
    },
  );

  it('asks for the ground that fits the request type, and a text, naming the field', () => {
    expect(rejectionProblems('erasure', 'merits', 'art17_3_e', 'Invoices are kept for ten years')).toEqual({});
    expect(rejectionProblems('erasure', 'merits', 'art21_1', 'Invoices are kept for ten years')).toEqual({
      ground: matching(/^must be one of art17_3_a, .*art17_3_e for a erasure request/),
    });
    expect(rejectionProblems('objection', 'merits', 'art21_1', 'short')).toEqual({
      details: matching(/10 characters/),
    });
    expect(rejectionProblems('portability', 'merits', undefined, 'The data are on paper only')).toEqual({
      ground: matching(/art20_1/),
    });
    expect(rejectionProblems('consent_withdrawal', 'merits', undefined, 'We would rather not stop')).toEqual({
      reason: matching(/Art\. 7\(3\)/),
    });
    expect(MERIT_GROUNDS.consent_withdrawal).toEqual([]);
  });

  it('makes "excessive" say whether repetitive, and explain any other excess', () => {
    expect(rejectionProblems('access', 'excessive', undefined, null)).toEqual({
      ground: 'must be one of repetitive, other_excess for an excessive request',
    });
    expect(rejectionProblems('access', 'excessive', 'repetitive', null)).toEqual({});
    expect(rejectionProblems('access', 'excessive', 'other_excess', '')).toEqual({
      details: matching(/what makes the request excessive/),
    });
    expect(rejectionProblems('access', 'manifestly_unfounded', 'repetitive', null)).toEqual({
      ground: matching(/only for a refusal on the merits or as excessive/),
    });
  });

  it('words a reasonable fee (Art. 12(5)(a)) with its amount and justification', () => {
    expect(feeStatement(2550, 'excessive', 'en', 'Fourth copy this year.')).toBe(
      'The request is excessive: instead of refusing it we charge a reasonable fee of EUR 25.50, taking into account the administrative costs (GDPR Art. 12(5)(a)). Fourth copy this year.',
    );
    expect(feeStatement(2550, 'manifestly_unfounded', 'it', 'Quarta copia')).toMatch(
      /manifestamente infondata: .* 25,50 EUR.*art\. 12, par\. 5, lett\. a, GDPR\)\. Quarta copia\.$/,
    );
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

  it.each([
    ['Newsletter', 'Buongiorno, non voglio più ricevere le vostre newsletter.', 'it'],
    ['Email promozionali', 'Buongiorno, non voglio più ricevere email promozionali da voi, cancellatemi.', 'it'],
    ['Disiscrizione', 'Vi chiedo di cancellarmi dalla newsletter: mi disiscrivo.', 'it'],
    ['Basta', 'Smettete di inviarmi comunicazioni commerciali, grazie.', 'it'],
    ['Unsubscribe', 'Unsubscribe me please.', 'en'],
    ['Marketing', 'Stop sending me marketing e-mails and delete me from the list.', 'en'],
    ['Mailing list', 'Please remove me from your mailing list, I do not want to receive your offers.', 'en'],
  ])('a direct-marketing objection, not an erasure (Art. 21(2)): %s', (subject, text, language) => {
    expect(guessRequestType(subject, text)).toEqual({ type: 'objection', matched: true, language });
  });

  it('assumes access when no wording matches, and says so', () => {
    expect(guessRequestType('Hello', 'Can you help me?')).toEqual({ type: 'access', matched: false, language: 'en' });
  });
});
