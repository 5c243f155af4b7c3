import type { RetentionAction } from '../registers/retention/retention-policy.entity';

/*
 * What the retention endpoints answer, as types only: this file imports nothing that runs. The
 * console's types come from the OpenAPI document, which the build describes from these.
 */

/**
 * Whether and how a policy applies to the records the console holds:
 * applies: the report counts and the sweep acts;
 * no_period: the policy states no period (the calendar: "until the user disconnects");
 * not_held: the data is not in the console (anonymous statistics, Google Analytics);
 * unknown_source: the policy names a source the console does not have;
 * unsupported_action: the action makes no sense for the source (e.g. deleting consents);
 * console_rule: the console applies it itself, not the sweep (other mail, identity documents, the suppression list).
 */
export type PolicyState =
  'applies' | 'no_period' | 'not_held' | 'unknown_source' | 'unsupported_action' | 'console_rule';

/** What a sweep does to the records past retention: delete, anonymise, or nothing (they lapse). */
export type SweepEffect = 'delete' | 'anonymise' | 'keep';

/** One line of `GET /retention/report`: one retention policy. */
export interface ReportEntry {
  policyId: string;
  policyKey: string;
  policyName: string;
  /** The name and period in Italian and in English (the console shows its language's). */
  policyNameIt: string | null;
  policyNameEn: string | null;
  source: string | null;
  action: RetentionAction;
  periodText: string;
  periodTextIt: string | null;
  periodTextEn: string | null;
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
  /** Records past retention that a legal hold in force keeps (Art. 17(3)): not swept until it ends. */
  held: number | null;
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
  /** The name in Italian and in English (absent in sweeps before the twins). */
  policyNameIt?: string | null;
  policyNameEn?: string | null;
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
  /** Records past retention left alone because a legal hold keeps them (absent in sweeps before holds). */
  held?: number;
  /** The oldest date among the records due (ISO). */
  oldest: string | null;
  /** Rows of the personal-data index removed with the records. */
  indexRows: number;
  batches: number;
  error: string | null;
  /**
   * On the calendar connections' policy: the revoked connections whose OAuth tokens the sweep
   * deleted (a dry run: would delete), whatever the connections' own period (absent before).
   */
  revokedTokens?: number;
}

/** A sweep or dry run as `/api/retention/sweeps` answers it (`presentRetentionSweep`). */
export interface RetentionSweepView {
  id: string;
  /** manual: an officer pressed the button (or called the API); schedule: the daily run. */
  trigger: 'manual' | 'schedule';
  dryRun: boolean;
  status: 'running' | 'completed' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  actorId: string | null;
  actorEmail: string | null;
  records: number;
  results: SweepSourceResult[];
  error: string | null;
}

/** `GET /api/retention/report`: the policies oldest first, the daily schedule and the last sweep. */
export interface RetentionReportView {
  generatedAt: string;
  entries: ReportEntry[];
  schedule: { cron: string; timeZone: string; nextRunAt: string } | null;
  lastSweep: RetentionSweepView | null;
}
