import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Language } from '../requests/request.entity';

export const PACKAGE_KINDS = ['access', 'portability'] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];

/**
 * A data package the officer published to the subject through the privacy portal: the link's
 * token (its SHA-256 only), where and until when it may be downloaded, the one-time code of the
 * download in progress (a keyed hash), and when it was withdrawn and its file deleted. The file
 * itself is in portal_package_chunks until it is deleted; this row stays as the record.
 */
@Entity('portal_packages')
export class PortalPackage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  requestId: string;

  @Column({ type: 'text' })
  kind: PackageKind;

  @Index({ unique: true })
  @Column({ type: 'text' })
  tokenHash: string;

  /** Where the codes go: the request's e-mail when it was published. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  language: Language;

  @Column({ type: 'text' })
  fileName: string;

  @Column({ type: 'integer' })
  size: number;

  /** SHA-256 of the ZIP, hex: what was published, once the file is gone. */
  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'timestamptz' })
  publishedAt: Date;

  @Column({ type: 'text', nullable: true })
  publishedBy: string | null;

  @Index()
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ type: 'text', nullable: true })
  withdrawnBy: string | null;

  /** When the stored file was deleted (withdrawal, or the sweep after expiry). */
  @Column({ type: 'timestamptz', nullable: true })
  fileDeletedAt: Date | null;

  /** The e-mail with the link (the letters' outbox). */
  @Column({ type: 'uuid', nullable: true })
  letterId: string | null;

  @Column({ type: 'text', nullable: true })
  codeHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  codeSentAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  codeTries: number;
}

/** The package's ZIP, in sealed pieces (AES-256-GCM under the `portal-packages` data key). */
@Entity('portal_package_chunks')
export class PortalPackageChunk {
  @PrimaryColumn({ type: 'uuid' })
  packageId: string;

  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @Column({ type: 'bytea' })
  sealed: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
