import { describe, expect, it } from 'vitest';
import {
  art21Statement,
  grantedCategories,
  ingestionEffect,
  objectionProblems,
  objectionStops,
  stopApplies,
} from './stop-rules';

const REGISTER = [
  { id: 'a-li', name: 'Contact qualification', legalBasis: 'legitimate_interests' as const },
  { id: 'a-consent', name: 'AI chatbot', legalBasis: 'consent' as const },
  { id: 'a-legal', name: 'Consent management', legalBasis: 'legal_obligation' as const },
];

describe('objectionProblems', () => {
  it('accepts an objection to a legitimate-interest activity with its assessment', () => {
    expect(objectionProblems({ activityIds: ['a-li'], assessment: 'none' }, REGISTER)).toEqual({});
    expect(
      objectionProblems(
        { activityIds: ['a-li'], assessment: 'compelling_grounds', grounds: 'Fraud prevention on the booking form' },
        REGISTER,
      ),
    ).toEqual({});
  });

  it('refuses unknown activities and activities on another basis than legitimate interests', () => {
    const problems = objectionProblems({ activityIds: ['nope', 'a-consent', 'a-legal'], assessment: 'none' }, REGISTER);
    expect(problems['activityIds[0]']).toContain('no processing activity');
    expect(problems['activityIds[1]']).toContain('withdrawal of consent (Art. 7(3))');
    expect(problems['activityIds[2]']).toContain('legitimate interests only');
  });

  it('asks for the activities, the assessment and the grounds', () => {
    expect(objectionProblems({}, REGISTER)).toHaveProperty('activityIds');
    expect(objectionProblems({ activityIds: ['a-li'] }, REGISTER)).toHaveProperty('assessment');
    expect(objectionProblems({ activityIds: ['a-li'], assessment: 'maybe' }, REGISTER)).toHaveProperty('assessment');
    expect(
      objectionProblems({ activityIds: ['a-li'], assessment: 'compelling_grounds', grounds: 'because' }, REGISTER),
    ).toHaveProperty('grounds');
  });

  it('a direct-marketing objection needs no assessment and admits no compelling grounds (Art. 21(3))', () => {
    expect(objectionProblems({ directMarketing: true }, REGISTER)).toEqual({});
    expect(objectionProblems({ directMarketing: true, assessment: 'compelling_grounds' }, REGISTER)).toHaveProperty(
      'assessment',
    );
    expect(objectionStops({ directMarketing: true })).toBe(true);
  });

  it('stops processing only without compelling grounds', () => {
    expect(objectionStops({ assessment: 'none' })).toBe(true);
    expect(objectionStops({ assessment: 'compelling_grounds' })).toBe(false);
  });
});

describe('the Art. 21(1) statement', () => {
  it('gives the grounds in the request language', () => {
    expect(art21Statement('Fraud prevention.', 'en')).toContain('compelling legitimate grounds');
    expect(art21Statement('Fraud prevention.', 'en')).toContain('Fraud prevention.');
    expect(art21Statement('Prevenzione frodi.', 'it')).toContain('motivi legittimi cogenti');
  });
});

describe('at ingestion', () => {
  it('refuses only a named direct-marketing activity; flags the rest', () => {
    expect(ingestionEffect({ reason: 'direct_marketing', activityId: 'a' })).toBe('refuse');
    expect(ingestionEffect({ reason: 'direct_marketing', activityId: null })).toBe('flag');
    expect(ingestionEffect({ reason: 'objection', activityId: 'a' })).toBe('flag');
    expect(ingestionEffect({ reason: 'withdrawal', activityId: 'a' })).toBe('flag');
  });

  it('applies a stop to its activity source system; a general marketing objection to every source', () => {
    expect(stopApplies({ sourceSystem: 'leads', reason: 'objection' }, 'leads')).toBe(true);
    expect(stopApplies({ sourceSystem: 'leads', reason: 'objection' }, 'chat-conversations')).toBe(false);
    expect(stopApplies({ sourceSystem: null, reason: 'objection' }, 'leads')).toBe(false);
    expect(stopApplies({ sourceSystem: null, reason: 'direct_marketing' }, 'leads')).toBe(true);
  });

  it('a fresh grant gives its categories back; a withdrawal record gives none', () => {
    expect(
      grantedCategories({ action: 'grant', categories: { necessary: true, ai_chatbot: true, analytics: false } }),
    ).toEqual(['ai_chatbot']);
    expect(grantedCategories({ action: 'withdraw', categories: { ai_chatbot: true } })).toEqual([]);
  });
});
