import { describe, expect, it } from 'vitest';
import { activityGaps } from './activity-gaps';

describe('activityGaps (Art. 30(1)(f): the envisaged time limits for erasure)', () => {
  it('an activity with a retention policy lacks nothing', () => {
    expect(activityGaps({ retentionPolicyId: '6f1c1b1e-0000-4000-8000-000000000001' })).toEqual([]);
  });

  it('an activity without one is missing its retention, never given an invented period', () => {
    expect(activityGaps({ retentionPolicyId: null })).toEqual(['retention_missing']);
  });
});
