import type { ListSpec } from '../common/rest/list-query';
import { SWEEP_STATUSES, SWEEP_TRIGGERS, type RetentionSweep } from './retention-sweep.entity';

export const RETENTION_SWEEPS_LIST: ListSpec = {
  resource: 'retention/sweeps',
  fields: {
    id: 'uuid',
    trigger: { enum: SWEEP_TRIGGERS },
    dryRun: 'boolean',
    status: { enum: SWEEP_STATUSES },
    startedAt: 'datetime',
    finishedAt: 'datetime',
    actorEmail: 'text',
    records: 'integer',
  },
  searchable: ['actorEmail'],
  defaultSort: ['startedAt', 'DESC'],
  maxPageSize: 100,
};

export function presentRetentionSweep(sweep: RetentionSweep) {
  return {
    id: sweep.id,
    trigger: sweep.trigger,
    dryRun: sweep.dryRun,
    status: sweep.status,
    startedAt: sweep.startedAt.toISOString(),
    finishedAt: sweep.finishedAt?.toISOString() ?? null,
    durationMs: sweep.finishedAt ? sweep.finishedAt.getTime() - sweep.startedAt.getTime() : null,
    actorId: sweep.actorId,
    actorEmail: sweep.actorEmail,
    records: sweep.records,
    results: sweep.results,
    error: sweep.error,
  };
}
