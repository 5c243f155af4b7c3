import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One line of the append-only, hash-chained audit log. A database trigger refuses UPDATE and
 * DELETE on this table; the chain proves it was not bypassed.
 */
@Entity('audit_events')
// An expression TypeORM cannot describe, so the migration creates it and the schema leaves it be:
// each actor's events in order, for the audit log screen's reads grouped (audit-events.grouped.ts).
@Index('IDX_audit_events_actor_order', { synchronize: false })
export class AuditEvent {
  /** Taken from the table's sequence while the chain lock is held, so ids follow the chain. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Index()
  @Column({ type: 'timestamptz' })
  at: Date;

  /** The staff member who acted; null for the system and for anonymous callers. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  actorEmail: string | null;

  /** `<entity>.<verb>`, e.g. `auth.login_failed`, `user.updated`. */
  @Index()
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  entity: string;

  /** Indexed: a request's file lists the events about it, out of the whole log. */
  @Index('IDX_audit_events_entity_id')
  @Column({ type: 'text', nullable: true })
  entityId: string | null;

  @Column({ type: 'jsonb', default: {} })
  details: Record<string, unknown>;

  @Column({ type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
