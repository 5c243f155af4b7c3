import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const RETENTION_ACTIONS = ['delete', 'anonymise', 'expire', 'aggregate_only'] as const;
/** What happens when the period is over: delete the record, anonymise it, let it lapse (consents), nothing personal kept. */
export type RetentionAction = (typeof RETENTION_ACTIONS)[number];

/** How long one kind of data is kept, as the policies say, and what happens then. */
@Entity('retention_policies')
export class RetentionPolicy {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** A stable key, e.g. `leads`, `chat`, `access-logs`. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  name: string;

  /** The name and the source of the rule in Italian and in English. */
  @Column({ type: 'text', nullable: true })
  nameIt: string | null;

  @Column({ type: 'text', nullable: true })
  nameEn: string | null;

  /** The data source it applies to (a resource name), when the console holds that data. */
  @Column({ type: 'text', nullable: true })
  source: string | null;

  @Column({ type: 'int', nullable: true })
  periodMonths: number | null;

  @Column({ type: 'int', nullable: true })
  periodDays: number | null;

  /** The period in the policy's words, e.g. "24 months from collection". */
  @Column({ type: 'text' })
  periodText: string;

  /** The period as a data subject reads it, in Italian and in English (access packages). */
  @Column({ type: 'text', nullable: true })
  periodTextIt: string | null;

  @Column({ type: 'text', nullable: true })
  periodTextEn: string | null;

  @Column({ type: 'text' })
  action: RetentionAction;

  /** Where the rule comes from: the policy and section. */
  @Column({ type: 'text' })
  basis: string;

  @Column({ type: 'text', nullable: true })
  basisIt: string | null;

  @Column({ type: 'text', nullable: true })
  basisEn: string | null;

  /** The officer's notes: never shown to a data subject. */
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'text', nullable: true })
  notesIt: string | null;

  @Column({ type: 'text', nullable: true })
  notesEn: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
