import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A contact-form submission: every field the privacy policy lists for the form. */
@Entity('leads')
export class Lead {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The website's own id for the submission: a retry with the same id is not a new lead. */
  @Index({ unique: true })
  @Column({ type: 'text', nullable: true })
  externalId: string | null;

  @Column({ type: 'text', nullable: true })
  firstName: string | null;

  @Column({ type: 'text', nullable: true })
  lastName: string | null;

  /** Indexed: the officer filters the list by it. */
  @Index()
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', nullable: true })
  company: string | null;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  /** Multi-step form: the type of space (shop, office, showroom...). */
  @Column({ type: 'text', nullable: true })
  spaceType: string | null;

  /** Multi-step form: what the person wants to achieve. */
  @Column({ type: 'text', nullable: true })
  objective: string | null;

  @Column({ type: 'text', nullable: true })
  utmSource: string | null;

  @Column({ type: 'text', nullable: true })
  utmMedium: string | null;

  @Column({ type: 'text', nullable: true })
  utmCampaign: string | null;

  @Column({ type: 'text', nullable: true })
  utmTerm: string | null;

  @Column({ type: 'text', nullable: true })
  utmContent: string | null;

  @Column({ type: 'text', nullable: true })
  landingPage: string | null;

  @Column({ type: 'text', nullable: true })
  referrer: string | null;

  /** When the person ticked the consent box (Art. 6.1.a for the form data). */
  @Column({ type: 'timestamptz', nullable: true })
  consentGivenAt: Date | null;

  @Index()
  @Column({ type: 'timestamptz' })
  submittedAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  ingestedAt: Date;

  /** Art. 18: set while a restriction request freezes this record (kept, flagged, never swept). */
  @Column({ type: 'timestamptz', nullable: true })
  restrictedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  restrictedByRequestId: string | null;
}
