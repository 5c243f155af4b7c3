import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An identity document the subject sent to prove who they are (Art. 12(6) GDPR), kept as
 * evidence while the request is open: its content sealed (AES-256-GCM, the `identity-documents`
 * data key), destroyed when the request is closed or refused. What remains is that it was seen:
 * its name, type, size and checksum, when and by whom it was added, and when it was destroyed.
 */
@Entity('identity_documents')
export class IdentityDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  requestId: string;

  @Column({ type: 'text' })
  fileName: string;

  @Column({ type: 'text' })
  contentType: string;

  @Column({ type: 'integer' })
  size: number;

  /** SHA-256 of the content, hex: the proof of what was seen once the content is gone. */
  @Column({ type: 'text' })
  sha256: string;

  /** The content, sealed; null once destroyed. */
  @Column({ type: 'bytea', nullable: true })
  sealed: Buffer | null;

  @Column({ type: 'timestamptz' })
  addedAt: Date;

  @Column({ type: 'text', nullable: true })
  addedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  destroyedAt: Date | null;
}
