import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Processor } from '../processors/processor.entity';
import { RetentionPolicy } from '../retention/retention-policy.entity';

/** The six lawful bases of GDPR Art. 6(1)(a)-(f). */
export const LEGAL_BASES = [
  'consent',
  'contract',
  'legal_obligation',
  'vital_interests',
  'public_task',
  'legitimate_interests',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** A processing activity of the record of processing (GDPR Art. 30(1)). */
@Entity('activities')
export class ProcessingActivity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  purposes: string;

  /** The purposes as a data subject reads them, in Italian and in English (access packages). */
  @Column({ type: 'text', nullable: true })
  purposesIt: string | null;

  @Column({ type: 'text', nullable: true })
  purposesEn: string | null;

  @Column({ type: 'text' })
  legalBasis: LegalBasis;

  /** Where the basis is consent: the cookie-banner category that collects it. */
  @Column({ type: 'text', nullable: true })
  consentCategory: string | null;

  /** A second basis for part of the data (e.g. the form's source data on legitimate interest). */
  @Column({ type: 'text', nullable: true })
  legalBasisNotes: string | null;

  /** The officer's working notes (what is still to be verified): never shown to a data subject. */
  @Column({ type: 'text', nullable: true })
  internalNotes: string | null;

  @Column({ type: 'text', array: true, default: '{}' })
  subjectCategories: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  dataCategories: string[];

  @ManyToMany(() => Processor)
  @JoinTable({
    name: 'activity_processors',
    joinColumn: { name: 'activity_id' },
    inverseJoinColumn: { name: 'processor_id' },
  })
  processors: Processor[];

  /**
   * What a recipient receives of this activity's data, by processor id (Art. 19 notices, Art.
   * 30(1)(d)); a recipient absent from it receives all of the activity's data (the host).
   */
  @Column({ type: 'jsonb', default: {} })
  recipientCategories: Record<string, string[]>;

  /** Transfers outside the EU and their safeguards, in words. */
  @Column({ type: 'text', nullable: true })
  transfers: string | null;

  @Column({ type: 'uuid', nullable: true })
  retentionPolicyId: string | null;

  @ManyToOne(() => RetentionPolicy, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'retention_policy_id' })
  retentionPolicy: RetentionPolicy | null;

  @Column({ type: 'text', nullable: true })
  securityMeasures: string | null;

  /** The data source in the console that holds this activity's data (a resource name). */
  @Column({ type: 'text', nullable: true })
  sourceSystem: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
