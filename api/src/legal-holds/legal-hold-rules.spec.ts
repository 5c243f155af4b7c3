import { describe, expect, it } from 'vitest';
import { holdProblems, holdState, inForce, keptStatement } from './legal-hold-rules';

const now = new Date('2026-11-20T10:00:00Z');
const valid = {
  ground: 'legal_claims',
  reason: 'Diffida ricevuta il 10 novembre 2026',
  reviewAt: '2027-05-20T00:00:00Z',
};

describe('holdProblems', () => {
  it('accepts a ground of Art. 17(3) with a reason and a review date', () => {
    expect(holdProblems(valid, now)).toEqual({});
  });
  it('refuses a ground the law does not name', () => {
    expect(holdProblems({ ...valid, ground: 'marketing' }, now).ground).toMatch(/17\(3\)/);
    expect(holdProblems({ ...valid, ground: undefined }, now).ground).toBeDefined();
  });
  it('a legal obligation names its law', () => {
    expect(holdProblems({ ...valid, ground: 'legal_obligation' }, now).legalReference).toMatch(/2220/);
    expect(holdProblems({ ...valid, ground: 'legal_obligation', legalReference: 'art. 2220 c.c.' }, now)).toEqual({});
  });
  it('needs an end or a review date, in the future', () => {
    expect(holdProblems({ ...valid, reviewAt: null }, now).endsAt).toMatch(/end date/);
    expect(holdProblems({ ...valid, endsAt: '2026-01-01T00:00:00Z' }, now).endsAt).toMatch(/future/);
    expect(holdProblems({ ...valid, reviewAt: 'soon' }, now).reviewAt).toMatch(/date/);
  });
  it('needs a reason', () => {
    expect(holdProblems({ ...valid, reason: 'x' }, now).reason).toBeDefined();
  });
});

describe('holdState', () => {
  const base = { endsAt: null, reviewAt: null, liftedAt: null };
  it('is in force until its end date, and ends by itself', () => {
    expect(holdState({ ...base, endsAt: new Date('2026-12-01') }, now)).toBe('in_force');
    expect(holdState({ ...base, endsAt: new Date('2026-11-01') }, now)).toBe('ended');
    expect(inForce({ ...base, endsAt: new Date('2026-11-01') }, now)).toBe(false);
  });
  it('a passed review date does not end it: only lifting does', () => {
    expect(holdState({ ...base, reviewAt: new Date('2026-11-01') }, now)).toBe('review_due');
    expect(inForce({ ...base, reviewAt: new Date('2026-11-01') }, now)).toBe(true);
    expect(holdState({ ...base, reviewAt: new Date('2027-11-01'), liftedAt: now }, now)).toBe('lifted');
  });
});

describe('keptStatement', () => {
  const day = (d: string) => d;
  it('says nothing is kept but the request when no hold kept anything', () => {
    expect(keptStatement([], 'en', day)).toMatch(/only the record of this request/);
  });
  it('says what is kept, why with the article and the law, and until when', () => {
    const text = keptStatement(
      [
        {
          what: 'Contact form',
          records: 1,
          ground: 'legal_obligation',
          legalReference: 'art. 2220 c.c.',
          until: '2036-12-31',
          untilIsReview: false,
        },
        {
          what: 'Chat',
          records: 2,
          ground: 'legal_claims',
          legalReference: null,
          until: '2027-05-20',
          untilIsReview: true,
        },
      ],
      'it',
      day,
    );
    expect(text).toContain('Contact form (1)');
    expect(text).toContain('lett. b)');
    expect(text).toContain('art. 2220 c.c.');
    expect(text).toContain('fino al 2036-12-31');
    expect(text).toContain('lett. e)');
    expect(text).toContain('con verifica entro il 2027-05-20');
  });
});
