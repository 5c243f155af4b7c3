import { describe, expect, it } from 'vitest';
import { phoneTail, sharedIdentifiers } from './other-requests';

const giulia = { subjectEmail: 'Giulia.Bianchi@example.it', subjectPhone: '347 123 4567' };

describe('other requests of the same person (Art. 12(3) and (5) GDPR)', () => {
  it('match on the same e-mail (case aside) or the same phone however written', () => {
    expect(sharedIdentifiers(giulia, { subjectEmail: 'giulia.bianchi@example.it', subjectPhone: null })).toEqual([
      'email',
    ]);
    expect(sharedIdentifiers(giulia, { subjectEmail: null, subjectPhone: '+39 347-1234567' })).toEqual(['phone']);
    expect(
      sharedIdentifiers(giulia, { subjectEmail: 'giulia.bianchi@example.it', subjectPhone: '0039 3471234567' }),
    ).toEqual(['email', 'phone']);
  });

  it('never match a similar address, another phone, or nothing', () => {
    for (const other of [
      { subjectEmail: 'giulia.bianchi@example.com', subjectPhone: null },
      { subjectEmail: 'giulia.bianchi2@example.it', subjectPhone: null },
      { subjectEmail: 'giulia.bianchi@example.it.evil.org', subjectPhone: '347 123 4568' },
      { subjectEmail: null, subjectPhone: null },
    ])
      expect(sharedIdentifiers(giulia, other)).toEqual([]);
    expect(
      sharedIdentifiers({ subjectEmail: null, subjectPhone: null }, { subjectEmail: null, subjectPhone: null }),
    ).toEqual([]);
  });

  it('filters stored phones by their last eight digits', () => {
    expect(phoneTail('+393471234567')).toBe('71234567');
  });
});
