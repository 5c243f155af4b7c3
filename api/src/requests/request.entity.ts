import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export const REQUEST_TYPES = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'consent_withdrawal',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const REQUEST_STATUSES = ['received', 'identity_check', 'in_progress', 'completed', 'rejected'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const OPEN_STATUSES: RequestStatus[] = ['received', 'identity_check', 'in_progress'];

export const CHANNELS = ['email', 'web_form', 'post', 'phone', 'in_person', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const IDENTITY_METHODS = ['email_from_known_address', 'document_seen', 'signed_in_account'] as const;
export type IdentityMethod = (typeof IDENTITY_METHODS)[number];

/**
 * Why a request is refused: identity not verified (Art. 12(2) and (6), 11(2)); manifestly
 * unfounded or excessive (Art. 12(5)(b)); on the merits, the right's own conditions not met
 * (`merits`, with its `rejectionGround`, see request-rules.ts).
 */
export const REJECTION_REASONS = ['identity_not_verified', 'manifestly_unfounded', 'excessive', 'merits'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** How the subject was asked for the information needed to identify them. */
export const IDENTITY_INFO_CHANNELS = ['email', 'letter', 'phone'] as const;
export type IdentityInfoChannel = (typeof IDENTITY_INFO_CHANNELS)[number];

/** The officer's decision on the intake's "may be a minor" flag. */
export const MINOR_DECISIONS = ['confirmed', 'dismissed'] as const;
export type MinorDecision = (typeof MINOR_DECISIONS)[number];

export const LANGUAGES = ['it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A data-subject request, from receipt to answer. */
@Entity('requests')
// Expressions TypeORM cannot describe, so the migrations create them and the schema leaves them
// be: lower(subject_email), a person's requests for the search and a breach's affected people;
// lower(btrim(subject_email)) and the phone's last digits, a request's other requests.
@Index('IDX_requests_subject_email', { synchronize: false })
@Index('IDX_requests_subject_email_trimmed', { synchronize: false })
@Index('IDX_requests_subject_phone_tail', { synchronize: false })
export class DataSubjectRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** DSR-<year>-<number>, numbered per year of receipt. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  reference: string;

  @Column({ type: 'text' })
  type: RequestType;

  /** The type was guessed from the wording of an e-mail: the officer should confirm it. */
  @Column({ type: 'boolean', default: false })
  typeGuessed: boolean;

  @Index()
  @Column({ type: 'text' })
  status: RequestStatus;

  @Column({ type: 'text' })
  channel: Channel;

  /** The language to answer in. */
  @Column({ type: 'text', default: 'it' })
  language: Language;

  @Index()
  @Column({ type: 'timestamptz' })
  receivedAt: Date;

  @Column({ type: 'text', nullable: true })
  subjectName: string | null;

  @Column({ type: 'text', nullable: true })
  subjectEmail: string | null;

  @Column({ type: 'text', nullable: true })
  subjectPhone: string | null;

  /** What the person asked, in their words (or the e-mail's text). */
  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** One month from receipt (Art. 12(3)). */
  @Column({ type: 'date' })
  dueDate: string;

  /** The company's promise (RESPONSE_SLA_DAYS). */
  @Column({ type: 'date' })
  slaDueDate: string;

  /** Three months from receipt, once extended. */
  @Column({ type: 'date', nullable: true })
  extendedDueDate: string | null;

  /** The earliest deadline that applies: the list is sorted by it. */
  @Index()
  @Column({ type: 'date' })
  workingDueDate: string;

  @Column({ type: 'text', nullable: true })
  extensionReason: string | null;

  /** When the subject was told of the extension and why (Art. 12(3)). */
  @Column({ type: 'timestamptz', nullable: true })
  extensionCommunicatedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  identityVerifiedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  identityMethod: IdentityMethod | null;

  @Column({ type: 'text', nullable: true })
  identityVerifiedBy: string | null;

  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @Column({ type: 'text', nullable: true })
  rejectionReason: RejectionReason | null;

  /** The refusal's ground: an Art. 17(3) letter, Art. 21(1), Art. 20(1)... (merits), or repetitive / other excess (excessive). */
  @Column({ type: 'text', nullable: true })
  rejectionGround: string | null;

  /** A reasonable fee (Art. 12(5)(a)) instead of refusing: amount in euro cents, why, when. */
  @Column({ type: 'integer', nullable: true })
  feeAmountCents: number | null;

  /** manifestly_unfounded or excessive: what makes a fee allowed. */
  @Column({ type: 'text', nullable: true })
  feeBasis: string | null;

  @Column({ type: 'text', nullable: true })
  feeJustification: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  feeChargedAt: Date | null;

  /** The subject was asked for the information needed to identify them (Art. 12(6)): since when, what, how. */
  @Column({ type: 'timestamptz', nullable: true })
  identityInfoRequestedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  identityInfoRequested: string | null;

  @Column({ type: 'text', nullable: true })
  identityInfoChannel: IdentityInfoChannel | null;

  /** The date the subject was given to answer by (Rome). */
  @Column({ type: 'date', nullable: true })
  identityInfoRespondBy: string | null;

  /** When what was asked arrived (null while awaited). */
  @Column({ type: 'timestamptz', nullable: true })
  identityInfoReceivedAt: Date | null;

  /** Days the working deadline moved while identity information was awaited (IDENTITY_PAUSE=on). */
  @Column({ type: 'integer', default: 0 })
  identityPauseDays: number;

  /** The intake found a statement of age or a date of birth under 18 (Art. 8 GDPR). */
  @Column({ type: 'boolean', default: false })
  minorSuspected: boolean;

  /** The words that raised the flag. */
  @Column({ type: 'text', nullable: true })
  minorEvidence: string | null;

  @Column({ type: 'text', nullable: true })
  minorDecision: MinorDecision | null;

  @Column({ type: 'timestamptz', nullable: true })
  minorDecidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  minorDecidedBy: string | null;

  /** The answer's Art. 12(4) statement: the reasons and the right to complain to the Garante. */
  @Column({ type: 'text', nullable: true })
  rejectionStatement: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** Closed or refused after the legal deadline in force then (the extended one once extended). */
  @Index()
  @Column({ type: 'boolean', default: false })
  answeredLate: boolean;

  /** Whole days (Rome) the answer came after that deadline; null when on time or still open. */
  @Column({ type: 'integer', nullable: true })
  lateByDays: number | null;

  /** An e-mail's own Date: header, as the sender wrote it: information only, never the receipt. */
  @Column({ type: 'timestamptz', nullable: true })
  senderDate: Date | null;

  /** An e-mail's Message-ID, as information; indexed: a reply to that e-mail names it. */
  @Index('IDX_requests_email_message_id')
  @Column({ type: 'text', nullable: true })
  emailMessageId: string | null;

  /** SHA-256 of what makes an e-mail itself (sender and Message-ID, or sender and text): one e-mail, one request. */
  @Index({ unique: true })
  @Column({ type: 'text', nullable: true })
  emailFingerprint: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** Two officers acting on one request at once: the second gets a 409, not a lost update. */
  @VersionColumn()
  version: number;
}
