import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** How personal data leaving the EU is safeguarded (GDPR Chapter V). */
export const TRANSFER_MECHANISMS = ['none', 'scc', 'dpf', 'scc_dpf', 'other'] as const;
/** none: no transfer outside the EU; scc: Standard Contractual Clauses 2021/914; dpf: EU-US Data Privacy Framework. */
export type TransferMechanism = (typeof TRANSFER_MECHANISMS)[number];

export const PROCESSOR_STATUSES = ['active', 'under_review', 'inactive'] as const;
export type ProcessorStatus = (typeof PROCESSOR_STATUSES)[number];

/** A sub-processor (GDPR Art. 28) and the facts an auditor asks about it. */
@Entity('processors')
export class Processor {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** What it does for the company, e.g. "SMTP service for sending email". */
  @Column({ type: 'text' })
  service: string;

  /** The service as a data subject reads it, in Italian and in English (access packages). */
  @Column({ type: 'text', nullable: true })
  serviceIt: string | null;

  @Column({ type: 'text', nullable: true })
  serviceEn: string | null;

  @Column({ type: 'text', array: true, default: '{}' })
  dataCategories: string[];

  /** The categories in Italian and in English, the same ones in the same order. */
  @Column({ type: 'text', array: true, default: '{}' })
  dataCategoriesIt: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  dataCategoriesEn: string[];

  /** Where it processes, in words: "Italy (EU)", "Ireland (EU) / USA". */
  @Column({ type: 'text' })
  location: string;

  /** ISO 3166-1 alpha-2 of where it is established. */
  /** Where it processes, as a data subject reads it, in Italian and in English. */
  @Column({ type: 'text', nullable: true })
  locationIt: string | null;

  @Column({ type: 'text', nullable: true })
  locationEn: string | null;

  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ type: 'text' })
  transferMechanism: TransferMechanism;

  /** Public words on the transfer's safeguard; what is still to be verified goes in `notes`. */
  @Column({ type: 'text', nullable: true })
  transferNotes: string | null;

  @Column({ type: 'text', nullable: true })
  transferNotesIt: string | null;

  @Column({ type: 'text', nullable: true })
  transferNotesEn: string | null;

  @Column({ type: 'date', nullable: true })
  transferImpactAssessmentOn: string | null;

  @Column({ type: 'date', nullable: true })
  dpaSignedOn: string | null;

  @Column({ type: 'date', nullable: true })
  nextReviewDue: string | null;

  @Column({ type: 'text', default: 'active' })
  status: ProcessorStatus;

  @Column({ type: 'text', nullable: true })
  contact: string | null;

  /** The officer's working notes (what is still to be verified): never shown to a data subject. */
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
