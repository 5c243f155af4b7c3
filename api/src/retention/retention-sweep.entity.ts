import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { SweepSourceResult } from './retention-rules';

export const SWEEP_TRIGGERS = ['manual', 'schedule'] as const;
/** manual: an officer pressed the button (or called the API); schedule: the daily run. */
export type SweepTrigger = (typeof SWEEP_TRIGGERS)[number];

export const SWEEP_STATUSES = ['running', 'completed', 'failed'] as const;
/** failed: a source failed or the sweep was stopped; what its committed batches did stays done. */
export type SweepStatus = (typeof SWEEP_STATUSES)[number];

/**
 * One retention sweep (or dry run): who or what started it, and per source what it found and
 * changed. A real sweep updates its row in every batch's transaction, so the counts stay true
 * even when the process dies half-way.
 */
@Entity('retention_sweeps')
export class RetentionSweep {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  trigger: SweepTrigger;

  @Column({ type: 'boolean' })
  dryRun: boolean;

  @Column({ type: 'text' })
  status: SweepStatus;

  @Index()
  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  /** The staff member who started it; null for the schedule. */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  actorEmail: string | null;

  /** Records deleted or anonymised (a dry run: that a real run would change). */
  @Column({ type: 'int', default: 0 })
  records: number;

  /** Per retention policy: its source, cutoff, action and outcome. */
  @Column({ type: 'jsonb', default: [] })
  results: SweepSourceResult[];

  /** Why it failed, in words. */
  @Column({ type: 'text', nullable: true })
  error: string | null;
}
