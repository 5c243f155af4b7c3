import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A line of the web server's access log (browsing data: kept 30 days). */
@Entity('access_logs')
export class AccessLog {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Index({ unique: true })
  @Column({ type: 'text', nullable: true })
  externalId: string | null;

  @Index()
  @Column({ type: 'inet' })
  ip: string;

  @Column({ type: 'text', nullable: true })
  userAgent: string | null;

  @Column({ type: 'text' })
  path: string;

  @Column({ type: 'text' })
  method: string;

  @Column({ type: 'smallint' })
  status: number;

  @Index()
  @Column({ type: 'timestamptz' })
  at: Date;

  /** Art. 18: set while a restriction request freezes this record (kept, flagged, never swept). */
  @Column({ type: 'timestamptz', nullable: true })
  restrictedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  restrictedByRequestId: string | null;
}
