import { addMonthsUtc } from '../common/time';
import type { RetentionAction } from '../registers/retention/retention-policy.entity';
import { sweptSources } from './retention-sources';
import type { SourceRule } from './source-retention';
import type { PolicyState, ReportEntry, SweepEffect, SweepSourceResult } from './retention.views';

// The shapes the API answers live in retention.views.ts (the console imports them).
export type { PolicyState, ReportEntry, SweepEffect, SweepSourceResult, SweepSourceStatus } from './retention.views';

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

export interface PolicyLike {
  source: string | null;
  periodMonths: number | null;
  periodDays: number | null;
  action: RetentionAction;
}

/**
 * Data the console keeps about its own work, whose retention it applies itself rather than
 * through the sweep: other mail (the mailbox reader, OTHER_MAIL_RETENTION_DAYS), identity
 * documents (destroyed when their request is closed), the suppression list (kept while the
 * erasure must be honoured).
 */
export const CONSOLE_RULE_SOURCES: readonly string[] = ['mailbox', 'requests', 'suppressed-identifiers'];

export function policyState(policy: PolicyLike): PolicyState {
  if (policy.source === null) return 'not_held';
  if (CONSOLE_RULE_SOURCES.includes(policy.source)) return 'console_rule';
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

export function effectOf(action: RetentionAction): SweepEffect {
  return action === 'delete' ? 'delete' : action === 'anonymise' ? 'anonymise' : 'keep';
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

/** The records a sweep changed (or, dry, would change): what the history shows as its total. */
export function sweepTotal(results: SweepSourceResult[], dryRun: boolean): number {
  return results.reduce((n, r) => n + (dryRun ? (r.status === 'previewed' ? r.due : 0) : r.changed), 0);
}

/**
 * The revoked calendar connections' tokens a sweep deleted (or, dry, would delete), told on the
 * calendar connections' policy: the calendar-integration notice, section 5, promises a revoked
 * token invalidated, and the sweep after the revocation deletes it.
 */
export function withRevokedTokens<T extends Pick<SweepSourceResult, 'source' | 'revokedTokens'>>(
  results: T[],
  count: number,
): T[] {
  const calendar = results.find((r) => r.source === REVOKED_TOKENS_SOURCE);
  if (calendar) calendar.revokedTokens = count;
  return results;
}

/** The source whose policy takes the revoked connections' tokens. */
export const REVOKED_TOKENS_SOURCE = 'calendar-connections';

/** A sweep fails when one of its policies failed or was not reached. */
export function sweepFailed(results: SweepSourceResult[]): boolean {
  return results.some((r) => r.status === 'failed' || r.status === 'not_reached');
}
