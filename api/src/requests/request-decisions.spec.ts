import { describe, expect, it } from 'vitest';
import {
  identifiersBeyondVerification,
  identityRefusalFacts,
  identityRefusalProblem,
  identityResetMessage,
  identityWaitDays,
  instantProblem,
  liftProblem,
  minorSignal,
  pausedDueDate,
} from './request-decisions';

describe('identifiersBeyondVerification (Art. 12(2) and (6) GDPR)', () => {
  const anna = { subjectEmail: 'anna.verdi@example.it', subjectPhone: '+393471112222' };

  it("names an e-mail or phone replaced by someone else's, or added", () => {
    expect(identifiersBeyondVerification(anna, { ...anna, subjectEmail: 'bruno.neri@example.it' })).toEqual([
      { field: 'subjectEmail', from: 'anna.verdi@example.it', to: 'bruno.neri@example.it' },
    ]);
    expect(identifiersBeyondVerification(anna, { ...anna, subjectPhone: '347 333 4444' })).toEqual([
      { field: 'subjectPhone', from: '+393471112222', to: '347 333 4444' },
    ]);
    expect(identifiersBeyondVerification({ subjectEmail: null, subjectPhone: null }, anna)).toHaveLength(2);
  });

  it('ignores the same identifier written differently, and one removed', () => {
    expect(
      identifiersBeyondVerification(anna, { subjectEmail: ' Anna.Verdi@EXAMPLE.it', subjectPhone: '347 111 2222' }),
    ).toEqual([]);
    expect(identifiersBeyondVerification(anna, { subjectEmail: null, subjectPhone: null })).toEqual([]);
  });

  it('says what changed and that the identity is to be verified again', () => {
    expect(identityResetMessage([{ field: 'subjectEmail', from: 'a@x.it', to: 'b@x.it' }])).toBe(
      'subject changed from a@x.it to b@x.it: identity to be verified again',
    );
  });
});

describe('identityRefusalProblem (Art. 12(2) and (6) GDPR)', () => {
  const asked = {
    identityInfoRequestedAt: new Date('2026-11-02T10:00:00Z'),
    identityInfoRespondBy: '2026-11-16',
    identityInfoReceivedAt: null,
  };

  it('refuses before anything was asked, while the time given runs, and once the information arrived', () => {
    expect(
      identityRefusalProblem(
        { identityInfoRequestedAt: null, identityInfoRespondBy: null, identityInfoReceivedAt: null },
        '2026-12-01',
      ),
    ).toMatch(/asked first .*Art\. 12\(2\) and \(6\)/);
    expect(identityRefusalProblem(asked, '2026-11-16')).toBe(
      'The subject has until 2026-11-16 to send the identity information asked on 2026-11-02: a refusal for unverified identity can only follow once that time has passed',
    );
    expect(
      identityRefusalProblem({ ...asked, identityInfoReceivedAt: new Date('2026-11-10T09:00:00Z') }, '2026-12-01'),
    ).toMatch(/was received on 2026-11-10/);
  });

  it('allows it the day after the time given, and the statement says what was asked and by when', () => {
    expect(identityRefusalProblem(asked, '2026-11-17')).toBeNull();
    expect(identityRefusalFacts({ ...asked, identityInfoRequested: 'a copy of your ID' }, 'en')).toBe(
      'On 2026-11-02 we asked you for a copy of your ID and received no answer by 2026-11-16',
    );
    expect(identityRefusalFacts({ ...asked, identityInfoRequested: 'copia del documento' }, 'it')).toBe(
      'Il 2026-11-02 le abbiamo chiesto copia del documento e non abbiamo ricevuto risposta entro il 2026-11-16',
    );
  });
});

describe('the identity clock pause (IDENTITY_PAUSE)', () => {
  it('counts the days waited in Rome, never negative', () => {
    expect(identityWaitDays(new Date('2026-11-02T23:30:00Z'), new Date('2026-11-10T08:00:00Z'))).toBe(7); // 3 Nov in Rome
    expect(identityWaitDays(new Date('2026-11-10T08:00:00Z'), new Date('2026-11-10T09:00:00Z'))).toBe(0);
    expect(identityWaitDays(new Date('2026-11-10T08:00:00Z'), new Date('2026-11-01T09:00:00Z'))).toBe(0);
  });

  it('moves the working deadline by the completed and the running waits, only when on', () => {
    expect(pausedDueDate('2026-12-02', 7, 3, true)).toBe('2026-12-12');
    expect(pausedDueDate('2026-12-30', 5, 0, true)).toBe('2027-01-04');
    expect(pausedDueDate('2026-12-02', 7, 3, false)).toBeNull();
    expect(pausedDueDate('2026-12-02', 0, 0, true)).toBeNull();
  });
});

describe('instants the officer gives', () => {
  const now = new Date('2026-11-20T10:00:00Z');
  const receipt = { at: new Date('2026-11-01T10:00:00Z'), what: 'the receipt' };
  it('are not in the future nor before what they follow', () => {
    expect(instantProblem(new Date('2026-11-10T10:00:00Z'), receipt, now)).toBeNull();
    expect(instantProblem(new Date('2026-11-20T10:04:00Z'), receipt, now)).toBeNull();
    expect(instantProblem(new Date('2026-11-21T10:00:00Z'), receipt, now)).toBe('must not be in the future');
    expect(instantProblem(new Date('2026-10-31T10:00:00Z'), receipt, now)).toBe(
      'must not be before the receipt (2026-11-01T10:00:00.000Z)',
    );
  });
});

describe('liftProblem (Art. 18(3) GDPR)', () => {
  const now = new Date('2026-11-20T10:00:00Z');
  const since = new Date('2026-11-05T10:00:00Z');
  it('requires the date the subject was told, before now and after the restriction', () => {
    expect(liftProblem(undefined, since, now)).toMatch(/^is required: .*Art\. 18\(3\)/);
    expect(liftProblem('yesterday', since, now)).toMatch(/ISO 8601/);
    expect(liftProblem('2026-11-25T10:00:00Z', since, now)).toMatch(/must not be in the future/);
    expect(liftProblem('2026-11-01T10:00:00Z', since, now)).toMatch(/before the restriction was put/);
    expect(liftProblem('2026-11-19T10:00:00Z', since, now)).toBeNull();
  });
});

describe('minorSignal (Art. 8 GDPR, Art. 2-quinquies Codice privacy)', () => {
  const today = '2026-11-20';
  it.each([
    ['Ciao, ho 16 anni e vorrei cancellare il mio account', 'ho 16 anni', 16],
    ['Sono una ragazza di 15 anni', 'Sono una ragazza di 15 anni', 15],
    ['ho quindici anni', 'ho quindici anni', 15],
    ['Hello, I am 15 years old and I want my data deleted', 'I am 15 years old', 15],
    ["I'm 13.", "I'm 13", 13],
    ['My son is a 12-year-old', '12-year-old', 12],
    ['Sono minorenne, cancellate i miei dati', 'Sono minorenne', null],
    ['I am a minor', 'I am a minor', null],
    ['Nato il 03/04/2011, chiedo la cancellazione', 'Nato il 03/04/2011', 15],
    ['Date of birth: 2010-11-21', 'Date of birth: 2010-11-21', 15],
    ['born on 20 November 2009', 'born on 20 November 2009', 17],
    ['data di nascita 21 novembre 2008', 'data di nascita 21 novembre 2008', 17],
  ])('%s', (text, evidence, age) => {
    expect(minorSignal(text, today)).toEqual({ evidence, age });
  });

  it.each([
    'ho 45 anni',
    'I am 18 years old',
    'Ho compiuto gli anni ieri',
    'Nata il 20/11/2008', // 18 today
    'I have 3 requests',
    'the order of 16 items',
    'Sono nato nel 1980',
    '',
  ])('does not flag: %s', (text) => {
    expect(minorSignal(text, today)).toBeNull();
  });
});
