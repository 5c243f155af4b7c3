import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const DISPOSITIONS = ['request', 'reply', 'other'] as const;
/** Where an imported message went: a new request, a request's timeline, or the other-mail list. */
export type Disposition = (typeof DISPOSITIONS)[number];

/**
 * A message read from the privacy@ mailbox, kept as evidence of what arrived: the raw message
 * sealed (AES-256-GCM, the `mailbox` data key), its checksum, and what it became. Its place on
 * the server (UIDVALIDITY and UID) and its Message-ID make it import once: stored first, then
 * filed, then marked and moved on the server, each step repeatable after a crash.
 */
@Entity('mailbox_messages')
@Index(['mailbox', 'uidValidity', 'uid'], { unique: true })
// The messages not filed yet, a partial index the migration creates (`mailbox-lookups.ts`).
@Index('IDX_mailbox_messages_unfiled', { synchronize: false })
export class MailboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** user@host/folder it was read from (no password). */
  @Column({ type: 'text' })
  mailbox: string;

  @Column({ type: 'bigint' })
  uidValidity: string;

  @Column({ type: 'bigint' })
  uid: string;

  /** The Message-ID, or the checksum when there is none: the same message fetched again is known by it. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  dedupeKey: string;

  /** Indexed: a reply names the messages of its thread by it. */
  @Index('IDX_mailbox_messages_message_id')
  @Column({ type: 'text', nullable: true })
  messageId: string | null;

  /** SHA-256 of the raw message, hex. */
  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'integer' })
  size: number;

  /** The raw message (RFC 822), sealed. */
  @Column({ type: 'bytea' })
  sealed: Buffer;

  /** When the provider's server received it (its INTERNALDATE). */
  @Column({ type: 'timestamptz', nullable: true })
  arrivedAt: Date | null;

  @Column({ type: 'timestamptz' })
  importedAt: Date;

  /** Null until filed: a message stored but not filed is filed on the next reading. */
  @Column({ type: 'text', nullable: true })
  disposition: Disposition | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  requestId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  filedAt: Date | null;

  /** Marked \Seen and moved to the processed folder on the server. */
  @Column({ type: 'timestamptz', nullable: true })
  movedAt: Date | null;
}
