import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Failed sign-ins per key (`email:<address>` or `ip:<address>`), in PostgreSQL so that every instance sees them. */
@Entity('login_throttles')
export class LoginThrottle {
  @PrimaryColumn('text')
  key: string;

  @Column({ type: 'int' })
  failures: number;

  @Column({ type: 'timestamptz' })
  windowStart: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;
}
