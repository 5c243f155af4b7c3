import type { RaRecord } from 'react-admin';

/** Mirrors api/src/retention/retention-rules.ts (the API is the authority). */
export type RetentionAction = 'delete' | 'anonymise' | 'expire' | 'aggregate_only';
export type PolicyState = 'applies' | 'no_period' | 'not_held' | 'unknown_source' | 'unsupported_action';
export type SweepEffect = 'delete' | 'anonymise' | 'keep';
export type SweepSourceStatus = 'done' | 'previewed' | 'kept' | 'skipped' | 'failed' | 'not_reached';

/** One retention policy in `GET /api/retention/report`. */
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
  dateField: string | null;
  /** ISO instant. */
  cutoff: string | null;
  effect: SweepEffect | null;
  past: number | null;
  oldest: string | null;
  restricted: number | null;
}

export interface SweepSourceResult {
  policyKey: string;
  policyName: string;
  source: string | null;
  action: RetentionAction;
  state: PolicyState;
  cutoff: string | null;
  status: SweepSourceStatus;
  due: number;
  changed: number;
  restricted: number;
  oldest: string | null;
  indexRows: number;
  batches: number;
  error: string | null;
}

/** A sweep or dry run (`/api/retention/sweeps`). */
export interface RetentionSweep extends RaRecord<string> {
  id: string;
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

export interface RetentionReport {
  generatedAt: string;
  entries: ReportEntry[];
  schedule: { cron: string; timeZone: string; nextRunAt: string } | null;
  lastSweep: RetentionSweep | null;
}
