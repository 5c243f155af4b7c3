import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The portal's rate-limit counters per key (`email:`, `ip:` or `link:` and a keyed hash), in PostgreSQL so that every instance sees them. */
@Entity('portal_throttles')
export class PortalThrottle {
  @PrimaryColumn('text')
  key: string;

  @Column({ type: 'int' })
  count: number;

  @Column({ type: 'timestamptz' })
  windowStart: Date;
}
