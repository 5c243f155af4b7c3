import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CalendarConnection } from './calendar-connection.entity';

export const EVENT_ORIGINS = ['manual', 'system', 'imported'] as const;
/** manual: created by the user; system: bookings and notices; imported: from Google Calendar. */
export type EventOrigin = (typeof EVENT_ORIGINS)[number];

export interface Attendee {
  email: string | null;
  name: string | null;
}

@Entity('calendar_events')
export class CalendarEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The event's id at Google (imported) or on the platform. */
  @Index({ unique: true })
  @Column({ type: 'text', nullable: true })
  externalId: string | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  connectionId: string | null;

  @ManyToOne(() => CalendarConnection, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'connection_id' })
  connection: CalendarConnection | null;

  @Column({ type: 'text' })
  origin: EventOrigin;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'jsonb', default: [] })
  attendees: Attendee[];

  @Index()
  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  ingestedAt: Date;

  /** Art. 18: set while a restriction request freezes this record (kept, flagged, never swept). */
  @Column({ type: 'timestamptz', nullable: true })
  restrictedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  restrictedByRequestId: string | null;
}
