import { describe, expect, it } from 'vitest';
import {
  withRevokedTokens,
  cutoffFor,
  effectOf,
  policyState,
  sortReport,
  sweepFailed,
  sweepTotal,
  type PolicyLike,
  type SweepSourceResult,
} from './retention-rules';

const policy = (over: Partial<PolicyLike>): PolicyLike => ({
  source: 'leads',
  periodMonths: null,
  periodDays: null,
  action: 'delete',
  ...over,
});
const NOW = new Date('2026-11-23T10:15:00.000Z');

describe('policyState', () => {
  it('applies to a source the console holds, with a period and an action the source allows', () => {
    expect(policyState(policy({ periodMonths: 24 }))).toBe('applies');
    expect(policyState(policy({ source: 'access-logs', periodDays: 30 }))).toBe('applies');
    expect(policyState(policy({ source: 'chat-conversations', periodMonths: 12, action: 'anonymise' }))).toBe(
      'applies',
    );
  });

  it('says when the data is not in the console, or the source is unknown', () => {
    expect(policyState(policy({ source: null, periodMonths: 24, action: 'aggregate_only' }))).toBe('not_held');
    expect(policyState(policy({ source: 'newsletter', periodMonths: 24 }))).toBe('unknown_source');
  });

  it('says when the console applies the rule itself: other mail, identity documents, the suppression list', () => {
    expect(policyState(policy({ source: 'mailbox', periodDays: 90 }))).toBe('console_rule');
    expect(policyState(policy({ source: 'requests' }))).toBe('console_rule');
    expect(policyState(policy({ source: 'suppressed-identifiers' }))).toBe('console_rule');
  });

  it('says when the policy states no period (the calendar: until the user disconnects)', () => {
    expect(policyState(policy({ source: 'calendar-connections' }))).toBe('no_period');
  });

  it('consents lapse by their own validity: no period needed, and they are never deleted', () => {
    expect(policyState(policy({ source: 'consents', periodMonths: 12, action: 'expire' }))).toBe('applies');
    expect(policyState(policy({ source: 'consents', action: 'expire' }))).toBe('applies');
    expect(policyState(policy({ source: 'consents', periodMonths: 12, action: 'delete' }))).toBe('unsupported_action');
  });

  it('refuses actions that make no sense for a source', () => {
    expect(policyState(policy({ periodMonths: 24, action: 'expire' }))).toBe('unsupported_action');
    expect(policyState(policy({ source: 'access-logs', periodDays: 30, action: 'aggregate_only' }))).toBe(
      'unsupported_action',
    );
    expect(policyState(policy({ source: 'calendar-connections', periodMonths: 6, action: 'anonymise' }))).toBe(
      'unsupported_action',
    );
  });
});

describe('cutoffFor', () => {
  it('is now less the months of the policy', () => {
    expect(cutoffFor(policy({ periodMonths: 24 }), NOW)?.toISOString()).toBe('2024-11-23T10:15:00.000Z');
    expect(cutoffFor(policy({ source: 'chat-conversations', periodMonths: 12 }), NOW)?.toISOString()).toBe(
      '2025-11-23T10:15:00.000Z',
    );
  });

  it('is now less the days of the policy', () => {
    expect(cutoffFor(policy({ source: 'access-logs', periodDays: 30 }), NOW)?.toISOString()).toBe(
      '2026-10-24T10:15:00.000Z',
    );
  });

  it('takes the months, then the days, when the policy states both', () => {
    expect(cutoffFor(policy({ periodMonths: 1, periodDays: 1 }), NOW)?.toISOString()).toBe('2026-10-22T10:15:00.000Z');
  });

  it('ends at the last day of a shorter month', () => {
    expect(cutoffFor(policy({ periodMonths: 1 }), new Date('2026-03-31T08:00:00Z'))?.toISOString()).toBe(
      '2026-02-28T08:00:00.000Z',
    );
    expect(cutoffFor(policy({ periodMonths: 12 }), new Date('2028-02-29T08:00:00Z'))?.toISOString()).toBe(
      '2027-02-28T08:00:00.000Z',
    );
  });

  it('is now for consents, whose records carry their own end of validity', () => {
    expect(cutoffFor(policy({ source: 'consents', periodMonths: 12, action: 'expire' }), NOW)?.toISOString()).toBe(
      NOW.toISOString(),
    );
  });

  it('is null when the policy does not apply', () => {
    expect(cutoffFor(policy({ source: 'calendar-connections' }), NOW)).toBeNull();
    expect(cutoffFor(policy({ source: null, periodMonths: 14, action: 'aggregate_only' }), NOW)).toBeNull();
  });
});

describe('effectOf', () => {
  it('deletes, anonymises, or keeps what only lapses', () => {
    expect(effectOf('delete')).toBe('delete');
    expect(effectOf('anonymise')).toBe('anonymise');
    expect(effectOf('expire')).toBe('keep');
  });
});

describe('sortReport', () => {
  it('puts the oldest records past retention first, then policies with none, then those that do not apply', () => {
    const entries = [
      { policyName: 'Calendar', oldest: null, state: 'no_period' as const },
      { policyName: 'Leads', oldest: null, state: 'applies' as const },
      { policyName: 'Access logs', oldest: '2026-09-01T00:00:00.000Z', state: 'applies' as const },
      { policyName: 'Analytics', oldest: null, state: 'not_held' as const },
      { policyName: 'Chat', oldest: '2024-05-01T00:00:00.000Z', state: 'applies' as const },
    ];
    expect(sortReport(entries).map((e) => e.policyName)).toEqual([
      'Chat',
      'Access logs',
      'Leads',
      'Analytics',
      'Calendar',
    ]);
  });
});

describe('sweep totals', () => {
  const result = (over: Partial<SweepSourceResult>): SweepSourceResult => ({
    policyKey: 'k',
    policyName: 'K',
    source: 'leads',
    action: 'delete',
    state: 'applies',
    cutoff: null,
    status: 'done',
    due: 0,
    changed: 0,
    restricted: 0,
    oldest: null,
    indexRows: 0,
    batches: 0,
    error: null,
    ...over,
  });

  it('counts what was changed, or for a dry run what would be, never what only lapses', () => {
    expect(sweepTotal([result({ changed: 5, due: 5 }), result({ status: 'kept', due: 7 })], false)).toBe(5);
    expect(sweepTotal([result({ status: 'previewed', due: 5 }), result({ status: 'kept', due: 7 })], true)).toBe(5);
  });

  it('fails when a policy failed or was not reached', () => {
    expect(sweepFailed([result({}), result({ status: 'kept' }), result({ status: 'skipped' })])).toBe(false);
    expect(sweepFailed([result({}), result({ status: 'failed', error: 'x' })])).toBe(true);
    expect(sweepFailed([result({ status: 'not_reached' })])).toBe(true);
  });
});

describe('withRevokedTokens', () => {
  it('tells the revoked connections’ tokens on the calendar connections’ policy only (notice, section 5)', () => {
    const results = [
      { source: 'leads', revokedTokens: undefined as number | undefined },
      { source: 'calendar-connections', revokedTokens: undefined as number | undefined },
    ];
    withRevokedTokens(results, 2);
    expect(results.map((r) => r.revokedTokens)).toEqual([undefined, 2]);
    // Without that policy the sweep deletes none and says none.
    const none = [{ source: 'leads', revokedTokens: undefined as number | undefined }];
    expect(withRevokedTokens(none, 3)).toEqual([{ source: 'leads', revokedTokens: undefined }]);
  });
});
