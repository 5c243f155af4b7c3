import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Language, RequestType } from '../requests/request.entity';

/**
 * A form sent through the privacy portal, waiting for its e-mail code: no request exists until
 * the code is entered. Deleted once confirmed, and at the latest a day after its code expired.
 */
@Entity('portal_submissions')
export class PortalSubmission {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'jsonb' })
  rights: RequestType[];

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text' })
  message: string;

  @Column({ type: 'text' })
  language: Language;

  /** HMAC of the submission id and the code (portal-rules.ts): the code itself is never stored. */
  @Column({ type: 'text' })
  codeHash: string;

  @Index()
  @Column({ type: 'timestamptz' })
  codeSentAt: Date;

  /** Wrong codes entered so far; at CODE.maxTries the submission is locked. */
  @Column({ type: 'integer', default: 0 })
  tries: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
