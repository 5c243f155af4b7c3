import type { RaRecord } from 'react-admin';

import type {
  PolicyState,
  ReportEntry,
  RetentionReportView,
  RetentionSweepView,
  SweepEffect,
  SweepSourceResult,
  SweepSourceStatus,
} from '../../../api/src/retention/retention.views';

/** The retention screens' types are the API's own (api/src/retention/retention.views.ts). */
export type { PolicyState, ReportEntry, SweepEffect, SweepSourceResult, SweepSourceStatus };
export type { RetentionAction } from '../../../api/src/registers/retention/retention-policy.entity';

/** A sweep or dry run (`/api/retention/sweeps`). */
export type RetentionSweep = RetentionSweepView & RaRecord<string>;

/** `GET /api/retention/report`: the policies, the schedule and the last sweep. */
export type RetentionReport = RetentionReportView;
