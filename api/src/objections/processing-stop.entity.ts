import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { StopReason } from './stop-rules';

/**
 * One activity stopped for one of a person's identifiers, by an objection (Art. 21) or a
 * withdrawal of consent (Art. 7(3)). The identifier is only its keyed hash (suppression.ts):
 * ingestion can tell the person without the console keeping a readable list of objectors.
 */
@Entity('processing_stops')
export class ProcessingStop {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The objection or withdrawal request it came from. */
  @Index('IDX_processing_stops_request')
  @Column({ type: 'uuid' })
  requestId: string;

  @Column({ type: 'text' })
  reason: StopReason;

  /** `email` or `phone`: the kind of the hashed identifier. */
  @Column({ type: 'text' })
  kind: string;

  @Index('IDX_processing_stops_hash')
  @Column({ type: 'text' })
  hash: string;

  /** The register's activity; null for a direct-marketing objection to all marketing. */
  @Column({ type: 'uuid', nullable: true })
  activityId: string | null;

  @Column({ type: 'text', nullable: true })
  activityName: string | null;

  /** The activity's source system (a source's `registerSystem`): what ingestion matches. */
  @Column({ type: 'text', nullable: true })
  sourceSystem: string | null;

  /** For a withdrawal: the banner category a fresh grant must give again to lift it. */
  @Column({ type: 'text', nullable: true })
  consentCategory: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  liftedAt: Date | null;

  /** What lifted it: `consents:<record id>` for the person's fresh grant. */
  @Column({ type: 'text', nullable: true })
  liftedBy: string | null;
}

/** A record ingestion stored although a stop applied to it: never to be used for the stopped purpose. */
@Entity('processing_stop_flags')
@Index('IDX_processing_stop_flags_record', ['source', 'recordId'])
export class ProcessingStopFlag {
  @PrimaryColumn({ type: 'uuid' })
  stopId: string;

  @PrimaryColumn({ type: 'text' })
  source: string;

  @PrimaryColumn({ type: 'text' })
  recordId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  flaggedAt: Date;
}
