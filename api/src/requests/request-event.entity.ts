import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DataSubjectRequest } from './request.entity';

/** One line of a request's timeline: received, a note, identity verified, extended, closed... */
@Entity('request_events')
@Index(['requestId', 'at'])
export class RequestEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  requestId: string;

  @ManyToOne(() => DataSubjectRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request: DataSubjectRequest;

  @Column({ type: 'timestamptz' })
  at: Date;

  /** received, note, identity_check, verified, extended, closed, rejected, updated */
  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  actorEmail: string | null;

  /** What happened, in words (a note's text, the outcome, the reason). */
  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ type: 'jsonb', default: {} })
  details: Record<string, unknown>;
}
