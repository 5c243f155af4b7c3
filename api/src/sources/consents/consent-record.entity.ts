import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The cookie banner's categories (cookie policy, section 3). */
export const CONSENT_CATEGORIES = [
  'necessary',
  'functional',
  'ai_chatbot',
  'statistics',
  'analytics',
  'marketing',
] as const;
export type ConsentCategory = (typeof CONSENT_CATEGORIES)[number];
export type ConsentChoices = Record<ConsentCategory, boolean>;

export const CONSENT_ACTIONS = ['grant', 'update', 'withdraw'] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];

/** Consent is valid for 12 months, after which the banner asks again (cookie policy, section 5). */
export const CONSENT_VALIDITY_MONTHS = 12;

/** One choice made in the cookie banner: proof of what was consented to, when, under which policy. */
@Entity('consent_records')
export class ConsentRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'text', nullable: true })
  externalId: string | null;

  /** The id the banner keeps in the browser (localStorage vimage_cookie_consent). */
  @Index()
  @Column({ type: 'text' })
  consentId: string;

  /** Known only when the person also gave it (e.g. through the contact form). */
  @Index()
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'jsonb' })
  categories: ConsentChoices;

  @Column({ type: 'text' })
  action: ConsentAction;

  @Column({ type: 'text' })
  policyVersion: string;

  /** The browser sent Do-Not-Track (it turns anonymous statistics off). */
  @Column({ type: 'boolean', default: false })
  doNotTrack: boolean;

  @Index()
  @Column({ type: 'timestamptz' })
  recordedAt: Date;

  @Column({ type: 'timestamptz' })
  validUntil: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  ingestedAt: Date;

  /** Art. 18: set while a restriction request freezes this record (kept, flagged, never swept). */
  @Column({ type: 'timestamptz', nullable: true })
  restrictedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  restrictedByRequestId: string | null;
}
