import { addMonthsUtc } from '../common/time';
import type { RetentionAction } from '../registers/retention/retention-policy.entity';
import { sweptSources } from './retention-sources';
import type { SourceRule } from './source-retention';

/**
 * What retention means for each personal-data source the console holds, and the arithmetic of
 * a policy's cutoff. Plain functions: the service runs the SQL, these decide what it asks.
 */

/** The sources a sweep acts on (each declares its rule in its folder: `<name>.retention.ts`). */
export function isSweepableSource(source: string | null): source is string {
  return source !== null && sweptSources().has(source);
}

/** The retention rule of a source a sweep acts on. */
export function ruleOf(source: string): SourceRule {
  const swept = sweptSources().get(source);
  if (!swept) throw new Error(`${source} is not a source a retention sweep acts on`);
  return swept.rule;
}

/**
 * Whether and how a policy applies to the records the console holds:
 * applies: the report counts and the sweep acts;
 * no_period: the policy states no period (the calendar: "until the user disconnects");
 * not_held: the data is not in the console (anonymous statistics, Google Analytics);
 * unknown_source: the policy names a source the console does not have;
 * unsupported_action: the action makes no sense for the source (e.g. deleting consents).
 */
export type PolicyState = 'applies' | 'no_period' | 'not_held' | 'unknown_source' | 'unsupported_action';

export interface PolicyLike {
  source: string | null;
  periodMonths: number | null;
  periodDays: number | null;
  action: RetentionAction;
}

export function policyState(policy: PolicyLike): PolicyState {
  if (policy.source === null) return 'not_held';
  if (!isSweepableSource(policy.source)) return 'unknown_source';
  const rule = ruleOf(policy.source);
  if (!rule.actions.includes(policy.action)) return 'unsupported_action';
  if (rule.basis === 'age' && !policy.periodMonths && !policy.periodDays) return 'no_period';
  return 'applies';
}

/**
 * The instant before which a record is past retention: now less the period (calendar months,
 * then days; 31 March less one month is 28 or 29 February). For a source whose records carry
 * their own expiry, it is now. Null when the policy does not apply.
 */
export function cutoffFor(policy: PolicyLike, now: Date): Date | null {
  if (policyState(policy) !== 'applies') return null;
  const rule = ruleOf(policy.source!);
  if (rule.basis === 'expiry') return new Date(now.getTime());
  const months = addMonthsUtc(now, -(policy.periodMonths ?? 0));
  return new Date(months.getTime() - (policy.periodDays ?? 0) * 86_400_000);
}

/** What a sweep does to the records past retention: delete, anonymise, or nothing (they lapse). */
export type SweepEffect = 'delete' | 'anonymise' | 'keep';

export function effectOf(action: RetentionAction): SweepEffect {
  return action === 'delete' ? 'delete' : action === 'anonymise' ? 'anonymise' : 'keep';
}

/** One line of `GET /retention/report`: one retention policy. */
export interface ReportEntry {
  policyId: string;
  policyKey: string;
  policyName: string;
  source: string | null;
  action: RetentionAction;
  periodText: string;
  periodMonths: number | null;
  periodDays: number | null;
  state: PolicyState;
  /** The date compared with the cutoff (see SourceRule.dateField in source-retention.ts); null when not applicable. */
  dateField: string | null;
  /** ISO instant; null when the policy does not apply. */
  cutoff: string | null;
  effect: SweepEffect | null;
  /**
   * Records past retention that a sweep would change (for 'anonymise', those not anonymised
   * yet; for consents that lapse, the lapsed ones, which the sweep keeps). Null when the
   * policy does not apply.
   */
  past: number | null;
  /** The oldest date among them. */
  oldest: string | null;
  /** Records past retention that a restriction (Art. 18) keeps: never swept. */
  restricted: number | null;
}

/**
 * Oldest first: the policies with records past retention by their oldest record, then those
 * with none, then those that do not apply; by name within each group.
 */
export function sortReport<T extends Pick<ReportEntry, 'oldest' | 'state' | 'policyName'>>(entries: T[]): T[] {
  const group = (e: T) => (e.oldest !== null ? 0 : e.state === 'applies' ? 1 : 2);
  return [...entries].sort(
    (a, b) =>
      group(a) - group(b) ||
      (a.oldest !== null && b.oldest !== null ? Date.parse(a.oldest) - Date.parse(b.oldest) : 0) ||
      a.policyName.localeCompare(b.policyName),
  );
}

/**
 * The outcome of one policy in a sweep:
 * done: its records were deleted or anonymised (a real run);
 * previewed: counted by a dry run, nothing changed;
 * kept: the action changes nothing (consents lapse and stay as proof);
 * skipped: the policy does not apply (see `state`);
 * failed: an error stopped it (the batches before it are done);
 * not_reached: the sweep was stopped before it.
 */
export type SweepSourceStatus = 'done' | 'previewed' | 'kept' | 'skipped' | 'failed' | 'not_reached';

export interface SweepSourceResult {
  policyKey: string;
  policyName: string;
  source: string | null;
  action: RetentionAction;
  state: PolicyState;
  cutoff: string | null;
  status: SweepSourceStatus;
  /** Records past retention found when the policy's turn came (restricted ones excluded). */
  due: number;
  /** Records deleted or anonymised (0 in a dry run and for kept records). */
  changed: number;
  /** Records past retention left alone because they are restricted. */
  restricted: number;
  /** The oldest date among the records due (ISO). */
  oldest: string | null;
  /** Rows of the personal-data index removed with the records. */
  indexRows: number;
  batches: number;
  error: string | null;
}

/** The records a sweep changed (or, dry, would change): what the history shows as its total. */
export function sweepTotal(results: SweepSourceResult[], dryRun: boolean): number {
  return results.reduce((n, r) => n + (dryRun ? (r.status === 'previewed' ? r.due : 0) : r.changed), 0);
}

/** A sweep fails when one of its policies failed or was not reached. */
export function sweepFailed(results: SweepSourceResult[]): boolean {
  return results.some((r) => r.status === 'failed' || r.status === 'not_reached');
}
