import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** What the breach compromised (EDPB Guidelines 9/2022 and WP250: one or more). */
export const BREACH_NATURES = ['confidentiality', 'integrity', 'availability'] as const;
export type BreachNature = (typeof BREACH_NATURES)[number];

/** The risk to people's rights and freedoms: none (unlikely), a risk (Art. 33), a high risk (Art. 34). */
export const RISK_LEVELS = ['none', 'risk', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const BREACH_STATUSES = ['open', 'closed'] as const;
export type BreachStatus = (typeof BREACH_STATUSES)[number];

/** Art. 33(4): the information may be given in phases, an initial notification then supplementary ones. */
export const NOTIFICATION_KINDS = ['initial', 'supplementary'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const DECISION_KINDS = [
  'notify_authority',
  'not_notify_authority',
  'communicate_subjects',
  'not_communicate_subjects',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** A processor involved, and its own notice to the company (Art. 33(2)) when it gave one. */
export interface BreachProcessor {
  processorId: string;
  /** When the processor told the company (an instant), null if it has not. */
  noticeAt: string | null;
  notes: string | null;
}

/** A notification to the Garante, initial or supplementary (Art. 33(1), 33(4)). */
export interface BreachNotification {
  id: string;
  kind: NotificationKind;
  /** When it was sent (an instant). */
  at: string;
  /** The Garante's protocol number of the notification. */
  protocolNumber: string;
  /** Required for an initial notification made after the 72 hours (Art. 33(1)). */
  delayReasons: string | null;
  notes: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** A decision to notify the Garante or not, to tell the people or not, with its reason and who took it. */
export interface BreachDecision {
  id: string;
  kind: DecisionKind;
  reason: string | null;
  decidedBy: string;
  decidedAt: string;
  recordedBy: string;
}

/** A personal-data breach (Art. 4(12)), documented as Art. 33(5) requires. */
@Entity('breaches')
export class Breach {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  /** What happened, for the register (the facts, Art. 33(5)). */
  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  /** When it ended; null while ongoing or not known. */
  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'boolean', default: false })
  ongoing: boolean;

  /** When the company became aware of it: the 72 hours start here (Art. 33(1)). */
  @Column({ type: 'timestamptz' })
  awareAt: Date;

  @Column({ type: 'text', array: true, default: '{}' })
  nature: BreachNature[];

  /** The personal-data sources involved (resource names of the source catalogue). */
  @Column({ type: 'text', array: true, default: '{}' })
  sources: string[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  processors: BreachProcessor[];

  @Column({ type: 'text', array: true, default: '{}' })
  dataCategories: string[];

  /** Approximate number of people concerned (Art. 33(3)(a)). */
  @Column({ type: 'integer', nullable: true })
  subjectsApprox: number | null;

  /** Approximate number of records concerned (Art. 33(3)(a)). */
  @Column({ type: 'integer', nullable: true })
  recordsApprox: number | null;

  @Column({ type: 'text', nullable: true })
  consequences: string | null;

  @Column({ type: 'text', nullable: true })
  measuresTaken: string | null;

  @Column({ type: 'text', nullable: true })
  measuresProposed: string | null;

  /** Null until assessed. */
  @Column({ type: 'text', nullable: true })
  riskLevel: RiskLevel | null;

  @Column({ type: 'text', nullable: true })
  riskReasoning: string | null;

  /** The contact point people are told of (Art. 34(2) with Art. 33(3)(b)); the DPO when there is one. */
  @Column({ type: 'text' })
  contactName: string;

  @Column({ type: 'text' })
  contactDetails: string;

  /** The records concerned: those of the sources dated from `dataFrom` (null: from the first)... */
  @Column({ type: 'timestamptz', nullable: true })
  dataFrom: Date | null;

  /** ...to `dataUntil` (null: to the end of the breach, or now while it is ongoing). */
  @Column({ type: 'timestamptz', nullable: true })
  dataUntil: Date | null;

  /** The Art. 34 communication's own words, in each language: the nature in plain language... */
  @Column({ type: 'text', nullable: true })
  noticeNatureIt: string | null;

  @Column({ type: 'text', nullable: true })
  noticeNatureEn: string | null;

  /** ...the likely consequences... */
  @Column({ type: 'text', nullable: true })
  noticeConsequencesIt: string | null;

  @Column({ type: 'text', nullable: true })
  noticeConsequencesEn: string | null;

  /** ...and the measures taken or proposed, including those to mitigate its effects. */
  @Column({ type: 'text', nullable: true })
  noticeMeasuresIt: string | null;

  @Column({ type: 'text', nullable: true })
  noticeMeasuresEn: string | null;

  @Column({ type: 'text', default: 'open' })
  status: BreachStatus;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  notifications: BreachNotification[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  decisions: BreachDecision[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
