import { describe, expect, it } from 'vitest';
import { countByKind, erasureReport, splitByKind, stepCounts, type SourceErasureReport } from './erasure-report';
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

describe('counts per kind (one count of an erasure, Art. 17)', () => {
  it('reads erased, masked and kept from the actions', () => {
    expect(
      countByKind([
        { action: 'delete' },
        { action: 'revoke_and_delete' },
        { action: 'mask' },
        { action: 'unlink' },
        { action: 'remove_attendee' },
        { action: 'mask_mention' },
        { action: 'kept' },
      ]),
    ).toEqual({ erased: 2, masked: 4, kept: 1, waived: 0 });
  });

  it('splits what a step changed as the description listed it, always adding up to the count', () => {
    const records = [{ action: 'delete' as const }, { action: 'remove_attendee' as const }];
    expect(splitByKind(2, { records })).toEqual({ erased: 1, masked: 1 });
    expect(splitByKind(1, { records })).toEqual({ erased: 1, masked: 0 });
    expect(splitByKind(2, { records: [{ action: 'unlink' }, { action: 'unlink' }] })).toEqual({ erased: 0, masked: 2 });
  });

  it('says a waived source left its planned records as they were, a preview what will happen, in total too', () => {
    expect(stepCounts({ ...step('leads', 'waived'), recordsAffected: 0, erased: 0, masked: 0 }, 3, 1)).toEqual({
      erased: 0,
      masked: 0,
      kept: 1,
      waived: 3,
    });
    const preview = erasureReport(request, true, plan, described, [], ['consents', 'leads']);
    expect(preview.counts).toEqual({ erased: 1, masked: 0, kept: 0, waived: 0 });
    const run = erasureReport(
      request,
      false,
      plan,
      described,
      [{ ...step('leads', 'done'), erased: 1, masked: 0 }],
      ['consents', 'leads'],
    );
    expect(run.sources.map((s) => [s.source, s.status, s.counts])).toEqual([
      ['consents', 'pending', { erased: 0, masked: 0, kept: 0, waived: 0 }],
      ['leads', 'done', { erased: 1, masked: 0, kept: 0, waived: 0 }],
    ]);
  });
});
