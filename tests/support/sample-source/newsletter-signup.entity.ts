import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A newsletter sign-up: the sample source that exists only in the tests. */
@Entity('newsletter_signups')
export class NewsletterSignup {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', nullable: true, unique: true })
  externalId: string | null;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'timestamptz' })
  signedUpAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  ingestedAt: Date;
}
