import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OtherMailKind } from './mail-triage';

/**
 * A message of the privacy@ mailbox that is no request (an auto-reply, a bounce, list mail, an
 * unreadable message): listed for the officer, with no legal deadline, until they turn one into
 * a request.
 */
@Entity('other_mail')
export class OtherMail {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'uuid' })
  mailboxMessageId: string;

  @Index()
  @Column({ type: 'text' })
  kind: OtherMailKind;

  /** The header that decided. */
  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'text', nullable: true })
  fromAddress: string | null;

  @Column({ type: 'text', nullable: true })
  subject: string | null;

  @Index()
  @Column({ type: 'timestamptz' })
  receivedAt: Date;

  /** The request the officer made of it. */
  @Column({ type: 'uuid', nullable: true })
  requestId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  madeRequestAt: Date | null;

  @Column({ type: 'text', nullable: true })
  madeRequestBy: string | null;
}
