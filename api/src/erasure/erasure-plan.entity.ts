import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * What an erasure request is to erase, fixed at its first run so that a second run after a crash
 * erases the same records and masks the same identifiers even though the records that linked
 * them are gone. Sealed (AES-256-GCM) because it names the person; destroyed when the erasure
 * is complete.
 */
@Entity('erasure_plans')
export class ErasurePlanRecord {
  @PrimaryColumn('uuid')
  requestId: string;

  /** The sealed JSON plan (identifiers and record ids per source); null once complete. */
  @Column({ type: 'bytea', nullable: true })
  sealed: Buffer | null;

  /** A run holds this lease; a second run at the same time is refused (409). */
  @Column({ type: 'timestamptz', nullable: true })
  runningSince: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
