import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An erased person's e-mail or phone, as an HMAC under the encryption key: ingestion can tell
 * the person must not come back without the console holding anything readable about them.
 */
@Entity('suppressed_identifiers')
export class SuppressedIdentifier {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /** `email` or `phone`. */
  @Column({ type: 'text' })
  kind: string;

  /** Hex HMAC-SHA-256 of `kind:normalised value`. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  hash: string;

  /** The erasure request that put it here. */
  @Column({ type: 'uuid', nullable: true })
  requestId: string | null;

  /** Records the website sent again and ingestion refused. */
  @Column({ type: 'int', default: 0 })
  refusedCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  lastRefusedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
