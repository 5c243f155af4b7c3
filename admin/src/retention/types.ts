import type { RaRecord } from 'react-admin';

import type { RetentionAction } from '../../../api/src/registers/retention/retention-policy.entity';
import type {
  PolicyState,
  ReportEntry,
  SweepEffect,
  SweepSourceResult,
  SweepSourceStatus,
} from '../../../api/src/retention/retention-rules';
import type { presentRetentionSweep } from '../../../api/src/retention/retention-sweeps.list';

/** The retention screens' types are the API's own (api/src/retention): the API is the authority. */
export type { PolicyState, ReportEntry, RetentionAction, SweepEffect, SweepSourceResult, SweepSourceStatus };

/** A sweep or dry run (`/api/retention/sweeps`), as the API presents it. */
export type RetentionSweep = ReturnType<typeof presentRetentionSweep> & RaRecord<string>;

/**
 * `GET /api/retention/report`: the policies, the schedule and the last sweep. (The controller puts
 * it together; its file reaches the database driver, which the console's type-check cannot load.)
 */
export interface RetentionReport {
  generatedAt: string;
  entries: ReportEntry[];
  schedule: { cron: string; timeZone: string; nextRunAt: string } | null;
  lastSweep: RetentionSweep | null;
}
