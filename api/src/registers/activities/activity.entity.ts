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

  /** The name as the record of processing prints it, in Italian and in English. */
  @Column({ type: 'text', nullable: true })
  nameIt: string | null;

  @Column({ type: 'text', nullable: true })
  nameEn: string | null;

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

  @Column({ type: 'text', nullable: true })
  legalBasisNotesIt: string | null;

  @Column({ type: 'text', nullable: true })
  legalBasisNotesEn: string | null;

  /** The officer's working notes (what is still to be verified): never shown to a data subject. */
  @Column({ type: 'text', nullable: true })
  internalNotes: string | null;

  @Column({ type: 'text', nullable: true })
  internalNotesIt: string | null;

  @Column({ type: 'text', nullable: true })
  internalNotesEn: string | null;

  @Column({ type: 'text', array: true, default: '{}' })
  subjectCategories: string[];

  /** The categories in Italian and in English, the same ones in the same order. */
  @Column({ type: 'text', array: true, default: '{}' })
  subjectCategoriesIt: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  subjectCategoriesEn: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  dataCategories: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  dataCategoriesIt: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  dataCategoriesEn: string[];

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

  @Column({ type: 'text', nullable: true })
  transfersIt: string | null;

  @Column({ type: 'text', nullable: true })
  transfersEn: string | null;

  @Column({ type: 'uuid', nullable: true })
  retentionPolicyId: string | null;

  @ManyToOne(() => RetentionPolicy, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'retention_policy_id' })
  retentionPolicy: RetentionPolicy | null;

  @Column({ type: 'text', nullable: true })
  securityMeasures: string | null;

  @Column({ type: 'text', nullable: true })
  securityMeasuresIt: string | null;

  @Column({ type: 'text', nullable: true })
  securityMeasuresEn: string | null;

  /** The data source in the console that holds this activity's data (a resource name). */
  @Column({ type: 'text', nullable: true })
  sourceSystem: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
