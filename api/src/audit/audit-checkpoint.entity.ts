import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import type { Checkpoint } from './audit-checkpoint';

/**
 * The signed checkpoint of the audit chain's newest event (audit-checkpoint.ts): one row,
 * rewritten in the same transaction as every append.
 */
@Entity('audit_checkpoint')
@Check('"id" = 1')
export class AuditCheckpointRow {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id: number;

  @Column({ type: 'jsonb' })
  checkpoint: Checkpoint;
}
