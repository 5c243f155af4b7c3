import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import { CHAIN_BREAK_MESSAGES, GENESIS_HASH, hashEvent, verifyChainSegment, type ChainBreakReason } from './audit-chain';
import { AuditEvent } from './audit-event.entity';

/** Who did something: a signed-in staff member, or null for the system / an anonymous caller. */
export interface Actor {
  id: string;
  email: string;
}

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

export interface ChainVerification {
  valid: boolean;
  /** Events found intact, in order, before the first broken one. */
  checked: number;
  firstBrokenId: string | null;
  reason: ChainBreakReason | null;
  /** The reason in words (English); the UI translates `reason`. */
  message: string | null;
  verifiedAt: string;
}

/** Any constant will do: it names the lock that serialises appends to the chain. */
const CHAIN_LOCK = 727_001;
const VERIFY_BATCH = 5_000;

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends an event inside the caller's transaction, so the audit line and the change it
   * records commit or roll back together. Appends are serialised by a transaction-scoped
   * advisory lock: two writers can never link to the same previous event.
   */
  async record(manager: EntityManager, actor: Actor | null, entry: AuditEntry): Promise<AuditEvent> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditService.record must run inside a transaction');
    }
    await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    const [{ id, hash: lastHash }] = await manager.query(
      `SELECT nextval('audit_events_id_seq')::text AS id, (SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1) AS hash`,
    );
    const event = manager.create(AuditEvent, {
      id,
      at: new Date(),
      actorId: actor?.id ?? null,
      actorEmail: actor?.email ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      details: entry.details ?? {},
      prevHash: lastHash ?? GENESIS_HASH,
    });
    event.hash = hashEvent(event);
    // Raw SQL: TypeORM would drop the id (a generated column) that the hash already covers.
    await manager.query(
      `INSERT INTO audit_events (id, at, actor_id, actor_email, action, entity, entity_id, details, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [event.id, event.at, event.actorId, event.actorEmail, event.action, event.entity, event.entityId, JSON.stringify(event.details), event.prevHash, event.hash],
    );
    return event;
  }

  /** Records an event in a transaction of its own (for events that change nothing else). */
  recordNow(actor: Actor | null, entry: AuditEntry): Promise<AuditEvent> {
    return this.dataSource.transaction((manager) => this.record(manager, actor, entry));
  }

  /** Recomputes the whole chain in id order, a batch at a time, and reports the first broken link. */
  async verify(): Promise<ChainVerification> {
    const repository = this.dataSource.getRepository(AuditEvent);
    let previousHash = GENESIS_HASH;
    let afterId = '0';
    let checked = 0;
    for (;;) {
      const batch = await repository.find({
        where: { id: MoreThan(afterId) },
        order: { id: 'ASC' },
        take: VERIFY_BATCH,
      });
      if (batch.length === 0) break;
      const { broken, lastHash } = verifyChainSegment(batch, previousHash);
      if (broken) {
        return {
          valid: false,
          checked: checked + batch.findIndex((e) => e.id === broken.id),
          firstBrokenId: broken.id,
          reason: broken.reason,
          message: CHAIN_BREAK_MESSAGES[broken.reason],
          verifiedAt: new Date().toISOString(),
        };
      }
      checked += batch.length;
      previousHash = lastHash;
      afterId = batch[batch.length - 1].id;
    }
    return { valid: true, checked, firstBrokenId: null, reason: null, message: null, verifiedAt: new Date().toISOString() };
  }
}
