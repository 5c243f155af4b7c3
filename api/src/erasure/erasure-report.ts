import type { DataSubjectRequest } from '../requests/request.entity';
import type { ErasureStep, ErasureStepStatus } from './erasure-step.entity';
import type { ErasureAction, ErasurePlan, PlannedChange } from './source-erasure';

/*
 * What `POST /requests/:id/erase` answers. Types and plain functions only: nothing here runs SQL.
 */

/**
 * What happened to a record, in the officer's words: erased (deleted, revoked and deleted),
 * masked (kept with the person taken out: anonymised, unlinked, a mention or an attendee
 * removed), kept under a legal hold (Art. 17(3)), or waived (the officer recorded why the source
 * could not be erased, and it was left as it was).
 */
export interface ErasureCounts {
  erased: number;
  masked: number;
  kept: number;
  waived: number;
}

const ERASING: readonly ErasureAction[] = ['delete', 'revoke_and_delete'];

/** What an action does to the record, as counted. */
export const kindOfAction = (action: ErasureAction): keyof ErasureCounts =>
  action === 'kept' ? 'kept' : ERASING.includes(action) ? 'erased' : 'masked';

/** The records of a description per kind (what a preview says will happen). */
export function countByKind(records: readonly Pick<PlannedChange, 'action'>[]): ErasureCounts {
  const counts: ErasureCounts = { erased: 0, masked: 0, kept: 0, waived: 0 };
  for (const r of records) counts[kindOfAction(r.action)]++;
  return counts;
}

/** One source of an erasure's report. */
export interface SourceErasureReport {
  source: string;
  /** Records the run changes (erased or masked); those a legal hold keeps are counted in `kept`. */
  total: number;
  /** The records, at most MAX_LISTED; `total` counts them all (those kept by a legal hold apart). */
  records: PlannedChange[];
  /** Records a legal hold keeps (listed with action `kept`): neither erased nor masked. */
  kept?: number;
  /** After a run: the step's state. */
  status?: ErasureStepStatus | 'pending';
  /**
   * Preview: what the run will do, per kind. After a run: what was done, per kind, summed over
   * the runs (a failed or pending source: what earlier attempts did; a waived one: what stayed).
   */
  counts?: ErasureCounts;
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
  /** The sources' counts added up: the one count of the erasure that the timeline and the database tell too. */
  counts: ErasureCounts;
}

type StepOutcome = Pick<ErasureStep, 'source' | 'status' | 'recordsAffected' | 'error' | 'waiverReason'> &
  Partial<Pick<ErasureStep, 'erased' | 'masked'>>;

/**
 * What a source's step did, per kind. `planned`: the records of the source the plan changes (those
 * a hold keeps left out); a waived source left the rest of them as they were.
 */
export function stepCounts(step: StepOutcome, planned: number, kept: number): ErasureCounts {
  const erased = step.erased ?? 0;
  const masked = step.masked ?? 0;
  const waived = step.status === 'waived' ? Math.max(0, planned - erased - masked) : 0;
  return { erased, masked, kept, waived };
}

/**
 * The records a step changed, per kind: as the description before the run listed them (what each
 * record gets). Should fewer have changed (a record gone meanwhile), the erased are counted first;
 * the two always add up to `affected`, the one count.
 */
export function splitByKind(
  affected: number,
  description: { records: readonly Pick<PlannedChange, 'action'>[] } | undefined,
): { erased: number; masked: number } {
  const listed = countByKind(description?.records ?? []);
  const erased = listed.masked === 0 ? affected : Math.min(listed.erased, affected);
  return { erased, masked: affected - erased };
}

/**
 * The answer of a preview or a run: what the plan holds (counts of identifiers, never the
 * identifiers themselves), each source as described with its step's outcome and its counts per
 * kind, and whether every source an erasure changes (`erasable`) is done or waived.
 */
export function erasureReport(
  request: Pick<DataSubjectRequest, 'id' | 'reference'>,
  dryRun: boolean,
  plan: ErasurePlan,
  described: SourceErasureReport[],
  steps: StepOutcome[],
  erasable: readonly string[],
): ErasureReport {
  const bySource = new Map(steps.map((s) => [s.source, s]));
  const planned = (source: string) => (plan.records[source]?.length ?? 0) + (plan.mentions?.[source]?.length ?? 0);
  const sources = described.map((s): SourceErasureReport => {
    const step = bySource.get(s.source);
    const kept = s.kept ?? 0;
    let counts: ErasureCounts;
    if (dryRun) {
      counts = countByKind(s.records);
      // Kinds are read from the listed records; beyond MAX_LISTED the rest count as the source's first kind.
      const extra = s.total - counts.erased - counts.masked;
      if (extra > 0) counts[counts.erased ? 'erased' : 'masked'] += extra;
    } else if (step) counts = stepCounts(step, planned(s.source) - kept, kept);
    else counts = { erased: 0, masked: 0, kept, waived: 0 };
    if (!step) return { ...s, counts, ...(dryRun ? {} : { status: 'pending' as const }) };
    return {
      ...s,
      status: step.status,
      counts,
      recordsAffected: step.recordsAffected,
      error: step.error,
      waiverReason: step.waiverReason,
    };
  });
  const counts: ErasureCounts = { erased: 0, masked: 0, kept: 0, waived: 0 };
  for (const s of sources)
    for (const kind of Object.keys(counts) as Array<keyof ErasureCounts>) counts[kind] += s.counts![kind];
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
    sources,
    counts,
  };
}
