import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { HoldGround } from './legal-hold-rules';

/**
 * A legal hold (Art. 17(3) GDPR): records of a person an erasure must keep, on a ground the law
 * names, until an end date or, failing one, until the officer lifts it at a review. Placed on an
 * erasure request; lifting keeps the row (who, when, why) as the proof.
 */
@Entity('legal_holds')
@Index(['requestId'])
export class LegalHold {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  requestId: string;

  /** The source the held records belong to (a registered source's resource name). */
  @Column('text')
  source: string;

  /** source: every record of the person in the source; record: one record (`recordId`). */
  @Column('text')
  scope: 'source' | 'record';

  @Column({ type: 'text', nullable: true })
  recordId: string | null;

  @Column('text')
  ground: HoldGround;

  /** The law that obliges to keep (legal_obligation only), e.g. "art. 2220 c.c.". */
  @Column({ type: 'text', nullable: true })
  legalReference: string | null;

  /** The officer's reason, for the file (and the person's access package). */
  @Column('text')
  reason: string;

  /** The hold ends by itself at this instant. */
  @Column({ type: 'timestamptz', nullable: true })
  endsAt: Date | null;

  /** No known end: the officer reviews the hold by this date (it stays in force until lifted). */
  @Column({ type: 'timestamptz', nullable: true })
  reviewAt: Date | null;

  @Column('text')
  placedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  placedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  liftedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  liftedBy: string | null;

  @Column({ type: 'text', nullable: true })
  liftReason: string | null;
}

/**
 * The records a hold keeps, one row each, fixed when it is placed: the sweepers and the erasure
 * look a record up here by source and id (held-sql.ts).
 */
@Entity('legal_hold_records')
@Index(['source', 'recordId'])
export class LegalHoldRecord {
  @PrimaryColumn('uuid')
  holdId: string;

  @PrimaryColumn('text')
  source: string;

  @PrimaryColumn('text')
  recordId: string;

  /** When the erasure took the record once the hold had ended; null while kept. */
  @Column({ type: 'timestamptz', nullable: true })
  erasedAt: Date | null;
}
