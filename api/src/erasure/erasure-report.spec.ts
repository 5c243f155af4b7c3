import { describe, expect, it } from 'vitest';
import { erasureReport, type SourceErasureReport } from './erasure-report';
import type { ErasurePlan } from './source-erasure';

const request = { id: 'r1', reference: 'DSR-2026-0001' };
const plan: ErasurePlan = {
  identifiers: { emails: ['a@example.it'], phones: ['+393331234567'], names: ['anna', 'anna rossi'], ips: [] },
  records: { leads: ['l1'], consents: [] },
};
const described: SourceErasureReport[] = [
  { source: 'consents', total: 0, records: [] },
  { source: 'leads', total: 1, records: [{ id: 'l1', action: 'delete', summary: '2026-11-20 · Anna Rossi' }] },
];
const step = (source: string, status: 'done' | 'failed' | 'waived') => ({
  source,
  status,
  recordsAffected: status === 'done' ? 1 : 0,
  error: status === 'failed' ? 'Google refused' : null,
  waiverReason: status === 'waived' ? 'Google keeps refusing' : null,
});

describe('erasureReport', () => {
  it('previews with counts of identifiers, never the identifiers, and no step state', () => {
    const report = erasureReport(request, true, plan, described, [], ['consents', 'leads']);
    expect(report).toMatchObject({
      state: 'preview',
      identifiers: { emails: 1, phones: 1, names: 2, ips: 0 },
      suppressed: 2,
    });
    expect(report.sources.map((s) => s.status)).toEqual([undefined, undefined]);
    expect(JSON.stringify(report)).not.toContain('a@example.it');
  });

  it('is complete once every erasable source is done or waived, and says which are pending', () => {
    const all = ['consents', 'leads'];
    expect(erasureReport(request, false, plan, described, [step('consents', 'done')], all)).toMatchObject({
      state: 'incomplete',
      sources: [{ status: 'done' }, { status: 'pending' }],
    });
    expect(
      erasureReport(request, false, plan, described, [step('consents', 'waived'), step('leads', 'failed')], all).state,
    ).toBe('incomplete');
    expect(
      erasureReport(request, false, plan, described, [step('consents', 'waived'), step('leads', 'done')], all),
    ).toMatchObject({
      state: 'complete',
      sources: [{ waiverReason: 'Google keeps refusing' }, { recordsAffected: 1 }],
    });
  });
});
