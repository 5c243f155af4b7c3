import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ERASURE_STEP_STATUSES = ['done', 'failed', 'waived'] as const;
/** done: the source is erased; failed: to be run again; waived: the officer recorded why it cannot be done. */
export type ErasureStepStatus = (typeof ERASURE_STEP_STATUSES)[number];

/**
 * The outcome of erasing one source for one request. A run writes one row per source in that
 * source's own transaction, so a crash or a failing source leaves the rest to a second run.
 */
@Entity('erasure_steps')
@Index(['requestId', 'source'], { unique: true })
export class ErasureStep {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  requestId: string;

  /** The source resource, e.g. `leads`, `calendar-connections`. */
  @Column({ type: 'text' })
  source: string;

  @Column({ type: 'text' })
  status: ErasureStepStatus;

  /** Records deleted, masked or unlinked, summed over the runs. */
  @Column({ type: 'int', default: 0 })
  recordsAffected: number;

  /** Of these, the records deleted (or revoked and deleted). */
  @Column({ type: 'int', default: 0 })
  erased: number;

  /** Of these, the records kept with the person masked out (anonymised, unlinked, a mention or an attendee removed). */
  @Column({ type: 'int', default: 0 })
  masked: number;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** The last failure, in words (e.g. Google's answer to the revocation). */
  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** Why the officer closes the request without this source done (Art. 5(2): accountability). */
  @Column({ type: 'text', nullable: true })
  waiverReason: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
