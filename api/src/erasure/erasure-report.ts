import type { DataSubjectRequest } from '../requests/request.entity';
import type { ErasureStep, ErasureStepStatus } from './erasure-step.entity';
import type { ErasurePlan, PlannedChange } from './source-erasure';

/*
 * What `POST /requests/:id/erase` answers. Types and a plain function only: nothing here runs SQL.
 */

/** One source of an erasure's report. */
export interface SourceErasureReport {
  source: string;
  total: number;
  /** The records, at most MAX_LISTED; `total` counts them all (those kept by a legal hold apart). */
  records: PlannedChange[];
  /** Records a legal hold keeps (listed with action `kept`): neither erased nor masked. */
  kept?: number;
  /** After a run: the step's state. */
  status?: ErasureStepStatus | 'pending';
  recordsAffected?: number;
  error?: string | null;
  waiverReason?: string | null;
}

export interface ErasureReport {
  requestId: string;
  reference: string;
  dryRun: boolean;
  /** complete: every source done or waived; incomplete: a source failed (run again, or waive it). */
  state: 'preview' | 'complete' | 'incomplete';
  identifiers: { emails: number; phones: number; names: number; ips: number };
  suppressed: number;
  sources: SourceErasureReport[];
}

type StepOutcome = Pick<ErasureStep, 'source' | 'status' | 'recordsAffected' | 'error' | 'waiverReason'>;

/**
 * The answer of a preview or a run: what the plan holds (counts of identifiers, never the
 * identifiers themselves), each source as described with its step's outcome, and whether every
 * source an erasure changes (`erasable`) is done or waived.
 */
export function erasureReport(
  request: Pick<DataSubjectRequest, 'id' | 'reference'>,
  dryRun: boolean,
  plan: ErasurePlan,
  sources: SourceErasureReport[],
  steps: StepOutcome[],
  erasable: readonly string[],
): ErasureReport {
  const bySource = new Map(steps.map((s) => [s.source, s]));
  return {
    requestId: request.id,
    reference: request.reference,
    dryRun,
    state: dryRun
      ? 'preview'
      : erasable.every((s) => bySource.get(s) && bySource.get(s)!.status !== 'failed')
        ? 'complete'
        : 'incomplete',
    identifiers: {
      emails: plan.identifiers.emails.length,
      phones: plan.identifiers.phones.length,
      names: plan.identifiers.names.length,
      ips: plan.identifiers.ips.length,
    },
    suppressed: plan.identifiers.emails.length + plan.identifiers.phones.length,
    sources: sources.map((s) => {
      const step = bySource.get(s.source);
      return step
        ? {
            ...s,
            status: step.status,
            recordsAffected: step.recordsAffected,
            error: step.error,
            waiverReason: step.waiverReason,
          }
        : { ...s, status: dryRun ? undefined : 'pending' };
    }),
  };
}
