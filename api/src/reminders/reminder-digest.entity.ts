import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The day a user was last sent the reminders digest: never twice on the same day. */
@Entity('reminder_digests')
export class ReminderDigest {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_reminder_digests' })
  userId: string;

  /** The day in REMINDER_TIME_ZONE (YYYY-MM-DD). */
  @Column({ type: 'date' })
  sentOn: string;

  @Column({ type: 'timestamptz' })
  sentAt: Date;
}
