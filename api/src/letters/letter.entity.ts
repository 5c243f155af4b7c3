import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Language } from '../requests/request.entity';
import type { LetterKind, TemplateKey } from './letter-texts';

export const LETTER_STATES = ['queued', 'sent', 'failed'] as const;
export type LetterState = (typeof LETTER_STATES)[number];

/**
 * A letter of the officer's, in the outbox: what was (or will be) sent, to whom, from which
 * template version, and how its sending went. Never deleted: a failed letter stays to be
 * retried and shown.
 */
@Entity('letters')
export class Letter {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  requestId: string;

  @Column({ type: 'text' })
  kind: LetterKind;

  @Column({ type: 'text' })
  templateKey: TemplateKey;

  @Column({ type: 'text' })
  language: Language;

  /** 0: the template in code; otherwise the admin's version it was written from. */
  @Column({ type: 'integer' })
  templateVersion: number;

  /** The officer changed the subject or the text the template gave. */
  @Column({ type: 'boolean', default: false })
  edited: boolean;

  @Column({ type: 'text' })
  toAddress: string;

  /** An Art. 19 notice's recipient (the processor register), else null: the data subject. */
  @Column({ type: 'uuid', nullable: true })
  processorId: string | null;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Index()
  @Column({ type: 'text' })
  state: LetterState;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** When the next try may start; pushed ahead while a try runs, so that two processes never both send. Null once sent. */
  @Index()
  @Column({ type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  /** Written by the console before sending, so that replies can be threaded (In-Reply-To). */
  @Index({ unique: true })
  @Column({ type: 'text' })
  messageId: string;

  /** The subject's own e-mail this letter answers, when the request came by e-mail. */
  @Column({ type: 'text', nullable: true })
  inReplyTo: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'text', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /**
   * What only the recipient may read (a personal link), sealed under the `letters` data key: put in
   * place of its marker in `body` when the letter goes out, dropped once it is sent.
   */
  @Column({ type: 'bytea', nullable: true, select: false })
  sealedParts: Buffer | null;
}
