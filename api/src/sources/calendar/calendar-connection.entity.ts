import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A user's Google Calendar connection (calendar-integration notice). The OAuth tokens are
 * stored encrypted (AES-256-GCM under ENCRYPTION_KEY) and are never answered by any endpoint.
 */
@Entity('calendar_connections')
export class CalendarConnection {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'text', nullable: true })
  externalId: string | null;

  /** The Google account's e-mail (scope userinfo.email). */
  @Column({ type: 'text' })
  accountEmail: string;

  @Column({ type: 'bytea', nullable: true })
  accessTokenEncrypted: Buffer | null;

  @Column({ type: 'bytea', nullable: true })
  refreshTokenEncrypted: Buffer | null;

  @Column({ type: 'text', array: true, default: '{}' })
  scopes: string[];

  @Column({ type: 'timestamptz' })
  connectedAt: Date;

  /** Set when the user pressed "Disconnect" or the console revoked it at Google. */
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  ingestedAt: Date;

  /** Art. 18: set while a restriction request freezes this record (kept, flagged, never swept). */
  @Column({ type: 'timestamptz', nullable: true })
  restrictedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  restrictedByRequestId: string | null;
}
