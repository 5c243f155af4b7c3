import { describe, expect, it } from 'vitest';
import { identifiersBeyondVerification, identityResetMessage } from './request-decisions';

describe('identifiersBeyondVerification (Art. 12(2) and (6) GDPR)', () => {
  const anna = { subjectEmail: 'anna.verdi@example.it', subjectPhone: '+393471112222' };

  it("names an e-mail or phone replaced by someone else's, or added", () => {
    expect(identifiersBeyondVerification(anna, { ...anna, subjectEmail: 'bruno.neri@example.it' })).toEqual([
      { field: 'subjectEmail', from: 'anna.verdi@example.it', to: 'bruno.neri@example.it' },
    ]);
    expect(identifiersBeyondVerification(anna, { ...anna, subjectPhone: '347 333 4444' })).toEqual([{ field: 'subjectPhone', from: '+393471112222', to: '347 333 4444' }]);
    expect(identifiersBeyondVerification({ subjectEmail: null, subjectPhone: null }, anna)).toHaveLength(2);
  });

  it('ignores the same identifier written differently, and one removed', () => {
    expect(identifiersBeyondVerification(anna, { subjectEmail: ' Anna.Verdi@EXAMPLE.it', subjectPhone: '347 111 2222' })).toEqual([]);
    expect(identifiersBeyondVerification(anna, { subjectEmail: null, subjectPhone: null })).toEqual([]);
  });

  it('says what changed and that the identity is to be verified again', () => {
    expect(identityResetMessage([{ field: 'subjectEmail', from: 'a@x.it', to: 'b@x.it' }])).toBe('subject changed from a@x.it to b@x.it: identity to be verified again');
  });
});
