import type { ProcessorStatus, TransferMechanism } from './processor.entity';

/**
 * What a processor's entry lacks that the law asks for, shown as missing rather than invented:
 * - `dpa_missing`: no date of a signed data processing agreement (Art. 28(3)) for a processor
 *   still in use;
 * - `tia_missing`: a transfer outside the EU on the Standard Contractual Clauses alone with no
 *   transfer impact assessment date (Art. 46, CJEU C-311/18 "Schrems II", EDPB Recommendations
 *   01/2020). A recipient certified under the EU-US Data Privacy Framework is covered by the
 *   adequacy decision (EU) 2023/1795 and needs none.
 */
export const PROCESSOR_GAPS = ['dpa_missing', 'tia_missing'] as const;
export type ProcessorGap = (typeof PROCESSOR_GAPS)[number];

export interface ProcessorFacts {
  status: ProcessorStatus;
  dpaSignedOn: string | null;
  transferMechanism: TransferMechanism;
  transferImpactAssessmentOn: string | null;
}

export function processorGaps(p: ProcessorFacts): ProcessorGap[] {
  if (p.status === 'inactive') return [];
  const gaps: ProcessorGap[] = [];
  if (!p.dpaSignedOn) gaps.push('dpa_missing');
  if (p.transferMechanism === 'scc' && !p.transferImpactAssessmentOn) gaps.push('tia_missing');
  return gaps;
}

/** The same rules as SQL conditions on `processors`, for the dashboard's counts. */
export const GAP_SQL: Record<ProcessorGap, string> = {
  dpa_missing: `status <> 'inactive' AND dpa_signed_on IS NULL`,
  tia_missing: `status <> 'inactive' AND transfer_mechanism = 'scc' AND transfer_impact_assessment_on IS NULL`,
};
