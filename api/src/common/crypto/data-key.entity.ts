import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A random key for one purpose (e.g. the suppression list's HMAC), stored sealed under
 * ENCRYPTION_KEY. Rotating ENCRYPTION_KEY re-seals it and leaves what it protects untouched:
 * keyed hashes cannot be recomputed from themselves.
 */
@Entity('data_keys')
export class DataKey {
  @PrimaryColumn('text')
  name: string;

  @Column({ type: 'bytea' })
  sealed: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
