import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A key the website uses to send data to the ingestion API. Only the SHA-256 of the key is
 * stored; the key itself is shown once, when it is created.
 */
@Entity('api_keys')
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** The key's first characters, to recognise it in a list (`pck_3f9a...`). */
  @Column({ type: 'text' })
  prefix: string;

  @Index({ unique: true })
  @Column({ type: 'char', length: 64 })
  keyHash: string;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
