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
/** Events appended in one transaction at most. */
const GROUP_COMMIT_MAX = 200;

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
    const [event] = await this.append(manager, [{ actor, entry }]);
    return event;
  }

  /**
   * Records an event that changes nothing else (a read, a failed sign-in) in a transaction of its
   * own, and answers once it is committed. Events arriving together are appended together (group
   * commit): one lock and one commit for the lot, so that auditing every read does not make reads
   * queue behind each other's disk flush.
   */
  recordNow(actor: Actor | null, entry: AuditEntry): Promise<AuditEvent> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ actor, entry, resolve, reject });
      this.flushSoon();
    });
  }

  private readonly waiting: Array<{ actor: Actor | null; entry: AuditEntry; resolve: (e: AuditEvent) => void; reject: (e: unknown) => void }> = [];
  private flushing = false;

  private flushSoon(): void {
    if (this.flushing || this.waiting.length === 0) return;
    this.flushing = true;
    const batch = this.waiting.splice(0, GROUP_COMMIT_MAX);
    this.appendAll(batch.map(({ actor, entry }) => ({ actor, entry })))
      .then(
        (events) => batch.forEach((w, i) => w.resolve(events[i])),
        (error) => batch.forEach((w) => w.reject(error)),
      )
      .finally(() => {
        this.flushing = false;
        this.flushSoon();
      });
  }

  /** Appends several events in a transaction of their own. */
  private appendAll(items: Array<{ actor: Actor | null; entry: AuditEntry }>): Promise<AuditEvent[]> {
    return this.dataSource.transaction((manager) => this.append(manager, items));
  }

  /**
   * Appends events to the chain inside `manager`'s transaction: the lock, then the last hash and
   * the new ids in one query, the chain computed in order, one multi-row insert. Raw SQL: TypeORM
   * would drop the id (a generated column) that the hash already covers.
   */
  private async append(manager: EntityManager, items: Array<{ actor: Actor | null; entry: AuditEntry }>): Promise<AuditEvent[]> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
    const [{ hash: lastHash, ids }]: Array<{ hash: string | null; ids: string[] }> = await manager.query(
      `SELECT (SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1) AS hash,
              array(SELECT nextval('audit_events_id_seq') FROM generate_series(1, $1::int))::text[] AS ids`,
      [items.length],
    );
    ids.sort((a, b) => Number(a) - Number(b));
    let prevHash: string = lastHash ?? GENESIS_HASH;
    const at = new Date();
    const events = items.map(({ actor, entry }, i) => {
      const event = manager.create(AuditEvent, {
        id: ids[i],
        at,
        actorId: actor?.id ?? null,
        actorEmail: actor?.email ?? null,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId ?? null,
        details: entry.details ?? {},
        prevHash,
      });
      event.hash = hashEvent(event);
      prevHash = event.hash;
      return event;
    });
    await manager.query(
      `INSERT INTO audit_events (id, at, actor_id, actor_email, action, entity, entity_id, details, prev_hash, hash)
       SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::text[], $10::text[])`,
      [
        events.map((e) => e.id),
        events.map((e) => e.at),
        events.map((e) => e.actorId),
        events.map((e) => e.actorEmail),
        events.map((e) => e.action),
        events.map((e) => e.entity),
        events.map((e) => e.entityId),
        events.map((e) => JSON.stringify(e.details)),
        events.map((e) => e.prevHash),
        events.map((e) => e.hash),
      ],
    );
    return events;
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
