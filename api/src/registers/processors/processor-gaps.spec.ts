import { describe, expect, it } from 'vitest';
import { processorGaps, type ProcessorFacts } from './processor-gaps';

const complete: ProcessorFacts = {
  status: 'active',
  dpaSignedOn: '2026-01-15',
  transferMechanism: 'scc',
  transferImpactAssessmentOn: '2026-02-01',
};

describe('what a processor entry lacks (Art. 28(3), Art. 46)', () => {
  it('asks nothing of a complete entry', () => {
    expect(processorGaps(complete)).toEqual([]);
  });

  it('flags a processor in use with no signed DPA (Art. 28(3)), under review too', () => {
    expect(processorGaps({ ...complete, dpaSignedOn: null })).toEqual(['dpa_missing']);
    expect(processorGaps({ ...complete, status: 'under_review', dpaSignedOn: null })).toEqual(['dpa_missing']);
  });

  it('flags a transfer on the SCC alone without a TIA (Schrems II), not one under the DPF or within the EU', () => {
    expect(processorGaps({ ...complete, transferImpactAssessmentOn: null })).toEqual(['tia_missing']);
    for (const transferMechanism of ['none', 'dpf', 'scc_dpf'] as const)
      expect(processorGaps({ ...complete, transferMechanism, transferImpactAssessmentOn: null })).toEqual([]);
  });

  it('asks nothing of a processor no longer in use', () => {
    expect(
      processorGaps({ ...complete, status: 'inactive', dpaSignedOn: null, transferImpactAssessmentOn: null }),
    ).toEqual([]);
  });
});
