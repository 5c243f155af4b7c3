import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { CHAIN_BREAK_MESSAGES, GENESIS_HASH, hashEvent } from './audit-chain';
import { withCanonicalIds } from './audit-ledger';
import { checkSegment, VERIFY_READ, type SegmentCheck, type StoredEvent } from './chain-segment';
import {
  anchoredChainOf,
  anchorFileName,
  checkpointSignedBy,
  newChainId,
  nextCheckpoint,
  parseCheckpoint,
  signCheckpoint,
  type Checkpoint,
  type CheckpointBreak,
} from './audit-checkpoint';
import { queryRow, queryRows } from '../common/sql-rows';
import { preparedQuery, preparedQueryIn, type PreparedStatement } from '../database/prepared-query';
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

/** Events recorded in a transaction and not yet appended (`AuditService.hold`). */
export type HeldEvents = Array<{ actor: Actor | null; entry: AuditEntry }>;

export type VerificationProblem = 'prev_hash_mismatch' | 'hash_mismatch' | CheckpointBreak | 'anchor_ahead';

export interface ChainVerification {
  valid: boolean;
  /** Events found intact, in order, before the first broken one. */
  checked: number;
  /** The first changed event, or for a cut tail the last event still there. */
  firstBrokenId: string | null;
  reason: VerificationProblem | null;
  /** The reason in words (English); the UI translates `reason`. */
  message: string | null;
  verifiedAt: string;
  /** The signed checkpoint the chain was checked against: compare it with a manifest's or the log's. */
  checkpoint: Checkpoint | null;
  /**
   * Events recorded (reads that have answered) and not yet in the chain, so covered by neither
   * the hash chain nor the checkpoint: normally 0, or a few being chained as it was verified.
   */
  pending: number;
  /** The copy of a checkpoint kept in DATA_DIR by this instance, if any, and whether the chain still holds it. */
  anchor: { lastId: string; at: string; holds: boolean } | null;
}

export const CHECKPOINT_MESSAGES: Record<CheckpointBreak | 'anchor_ahead', string> = {
  checkpoint_missing: 'the signed checkpoint of the newest event is missing (removed from the database)',
  checkpoint_forged:
    "the checkpoint of the newest event is not signed with this console's audit key (forged, or the key was changed without rotating it)",
  tail_cut: 'the newest events were removed: the chain ends before its signed checkpoint',
  chain_rewritten:
    'the chain was recomputed after events were changed or removed: it no longer holds the events the signed checkpoint names',
  events_without_checkpoint: 'events were added to the table outside the console (after the signed checkpoint)',
  anchor_ahead:
    "the newest events were removed: this console's copy of the checkpoint (in DATA_DIR) names an event the chain no longer holds",
};

/** Any constant will do: it names the lock that serialises appends to the chain. */
export const CHAIN_LOCK = 727_001;
/** Serialises the copies of the checkpoint into DATA_DIR of the processes sharing it (WORKERS > 1). */
const ANCHOR_LOCK = 727_022;
/**
 * From this many events (by id) a server's chain is verified in two halves, each by a worker
 * thread with its own connection (`chain-segment.worker.ts`): both cores, and the console's thread
 * free. Below it, a thread's start costs more than it saves.
 */
const VERIFY_IN_WORKERS_FROM = 100_000;
/** The worker's script, where the build puts it (absent when the sources are run as TypeScript). */
const CHAIN_SEGMENT_WORKER = join(__dirname, 'chain-segment.worker.js');
/** Inbox events chained in one transaction at most. */
const CHAIN_BATCH = 500;
/** How long after a failed chaining this instance tries again (a read or a restart also does). */
const CHAIN_RETRY_MS = 5_000;
/**
 * The chainer runs once reads have paused this long: the reads of a burst are chained in one
 * transaction, instead of one transaction of five round trips after each read.
 */
const CHAIN_WHEN_QUIET_MS = 50;
/**
 * While reads keep coming without a pause, the oldest waits at most this long to be chained.
 * Each run holds a connection (the embedded database's only one) for its five round trips: run
 * every few searches, it was what a search most often waited on.
 */
const CHAIN_AT_MOST_MS = 1_000;

/**
 * After this many inbox rows chained, the chainer vacuums the inbox. Every read leaves a dead row
 * there once chained, and the chainer's take walks the inbox's oldest ids first, dead ones
 * included: a PostgreSQL without autovacuum (or between its passes under load) let the inbox
 * grow to 590,000 dead rows in 418 MB (docs/performance.md, "Lists read as arrays").
 */
export const VACUUM_INBOX_AFTER = 10_000;

/** A read's event, into the inbox (`recordNow`). */
const INBOX_INSERT: PreparedStatement = {
  name: 'audit_inbox_insert',
  text: `INSERT INTO audit_inbox (at, actor_id, actor_email, action, entity, entity_id, details)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
};

/**
 * The chainer's statements (`append`), named: it runs every few tens of milliseconds while the
 * console is read, and PostgreSQL planned the take afresh each time.
 *
 * First the chain's lock, and the take's plan made along the inbox's primary key: the inbox
 * holds few live rows in many pages (its dead rows' space), and PostgreSQL, believing it small,
 * read it whole twice per take (a sequential scan and a sort: 99 ms for 330 rows on a 25 MB
 * inbox, 17 along the key). Set for the transaction and put back by CHAIN_INSERT, which the caller's
 * transaction runs next (a take that finds nothing is the chainer's own transaction, which ends).
 */
const CHAIN_LOCK_STATEMENT: PreparedStatement = {
  name: 'audit_chain_lock',
  text: `SELECT pg_advisory_xact_lock($1), current_setting('enable_seqscan') AS "seqScan",
                set_config('enable_seqscan', 'off', true)`,
};

/**
 * After the lock, in one statement: the oldest inbox rows (at most $2) taken out of the inbox,
 * the chain's tail, the checkpoint, and ids for those rows and the $1 new events.
 * SKIP LOCKED only in case: every taker holds the chain's lock, so none waits on another's rows.
 */
const CHAIN_TAKE: PreparedStatement = {
  name: 'audit_chain_take',
  text: `WITH taken AS (
         DELETE FROM audit_inbox
          WHERE id IN (SELECT id FROM audit_inbox ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING id, at, actor_id, actor_email, action, entity, entity_id, details
       )
       SELECT (SELECT json_build_object('id', id::text, 'hash', hash) FROM audit_events ORDER BY id DESC LIMIT 1) AS tail,
              (SELECT checkpoint FROM audit_checkpoint WHERE id = 1) AS checkpoint,
              (SELECT coalesce(json_agg(json_build_object(
                        'ms', round(extract(epoch FROM at) * 1000), 'actorId', actor_id, 'actorEmail', actor_email,
                        'action', action, 'entity', entity, 'entityId', entity_id, 'details', details) ORDER BY id), '[]')
                 FROM taken) AS inbox,
              array(SELECT nextval('audit_events_id_seq')
                      FROM generate_series(1, $1::int + (SELECT count(*)::int FROM taken)))::text[] AS ids`,
};

/** The events and the checkpoint naming them, in one statement. */
const CHAIN_INSERT: PreparedStatement = {
  name: 'audit_chain_insert',
  text: `WITH appended AS (
         INSERT INTO audit_events (id, at, actor_id, actor_email, action, entity, entity_id, details, prev_hash, hash)
         SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::text[], $10::text[])
       )
       INSERT INTO audit_checkpoint (id, checkpoint)
       SELECT 1, $11::jsonb FROM (SELECT set_config('enable_seqscan', $12, true)) AS put_back
       ON CONFLICT (id) DO UPDATE SET checkpoint = EXCLUDED.checkpoint`,
};

/** An inbox row as the chainer takes it (`at` in milliseconds). */
interface InboxRow {
  ms: number | string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  details: Record<string, unknown>;
}
/** How long after an append this instance copies the checkpoint into DATA_DIR. */
const ANCHOR_DELAY_MS = 1_000;

@Injectable()
export class AuditService implements OnModuleInit {
  private readonly logger = new Logger(AuditService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'auditKey' | 'dataDir' | 'databaseUrl'>,
  ) {}

  /**
   * Signs the first checkpoint when there has never been one: a new database, or one upgraded
   * from before checkpoints (its chain is taken as it stands, and the event says so). A missing
   * checkpoint after that is a break, never silently re-created. Then chains what the inbox still
   * holds: reads that answered just before a process stopped or died.
   */
  async onModuleInit(): Promise<void> {
    await this.startCheckpoint();
    await this.chainInbox();
  }

  private async startCheckpoint(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
      const [{ present, started }] = await queryRows<{ present: boolean; started: boolean }>(
        manager,
        `SELECT EXISTS (SELECT 1 FROM audit_checkpoint) AS present,
                EXISTS (SELECT 1 FROM audit_events WHERE action = 'audit.checkpoint_started') AS started`,
      );
      // A log whose checkpoint and first event are gone while DATA_DIR keeps a checkpoint signed
      // by this key was replaced, not new: no fresh chain is started over it, and the next
      // checkpoint is signed as broken (checkpoint_missing). A new database for the same DATA_DIR
      // starts afresh once the old anchors are moved out (docs/audit.md).
      if (present || started || this.anchoredBefore()) return;
      const tail = await queryRow<{ id: string; hash: string }>(
        manager,
        `SELECT id::text AS id, hash FROM audit_events ORDER BY id DESC LIMIT 1`,
      );
      const [{ count }] = await queryRows<{ count: number }>(
        manager,
        `SELECT count(*)::int AS count FROM audit_events`,
      );
      const first = signCheckpoint(this.config.auditKey, {
        chainId: newChainId(),
        lastId: tail?.id ?? '0',
        lastHash: tail?.hash ?? GENESIS_HASH,
        count,
        at: new Date().toISOString(),
        intact: true,
        brokenReason: null,
        brokenAfterId: null,
      });
      await manager.query(`INSERT INTO audit_checkpoint (id, checkpoint) VALUES (1, $1)`, [JSON.stringify(first)]);
      await this.append(manager, [
        {
          actor: null,
          entry: {
            action: 'audit.checkpoint_started',
            entity: 'audit',
            details: { eventsBefore: count, lastIdBefore: first.lastId },
          },
        },
      ]);
    });
  }

  /**
   * Appends an event inside the caller's transaction, so the audit line and the change it
   * records commit or roll back together. Appends are serialised by a transaction-scoped
   * advisory lock: two writers can never link to the same previous event. The inbox's events
   * (reads recorded before) are chained first, in the same transaction.
   */
  async record(manager: EntityManager, actor: Actor | null, entry: AuditEntry): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditService.record must run inside a transaction');
    }
    const held = this.held.get(manager);
    const canonical = withCanonicalIds(entry);
    if (held) held.push({ actor, entry: canonical });
    else await this.append(manager, [{ actor, entry: canonical }]);
  }

  private readonly held = new WeakMap<EntityManager, HeldEvents>();

  /**
   * From now on, the events recorded in `manager`'s transaction are held and appended together
   * by `appendHeld` before it commits: one lock and one insert for a batch of changes (the
   * mailbox files fifty messages in one transaction). A change undone by a rollback to its
   * savepoint drops its events: cut the answered list back to its length before the change.
   */
  hold(manager: EntityManager): HeldEvents {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('AuditService.hold must run inside a transaction');
    const held: HeldEvents = [];
    this.held.set(manager, held);
    return held;
  }

  /** Appends the events held in `manager`'s transaction, in the order they were recorded, and stops holding. */
  async appendHeld(manager: EntityManager): Promise<void> {
    const held = this.held.get(manager);
    this.held.delete(manager);
    if (held && held.length > 0) await this.append(manager, held);
  }

  /**
   * Records an event that changes nothing else (a read, a failed sign-in): one INSERT into the
   * inbox (`audit_inbox`), committed on its own, and answers once it is. No lock and no
   * transaction, so that no read waits on another's audit; the chainer then moves the row into
   * the hash chain, in arrival order, once reads pause, or within a second while they do not
   * (`chainLater`, `chainInbox`).
   */
  async recordNow(actor: Actor | null, given: AuditEntry): Promise<void> {
    const entry = withCanonicalIds(given);
    await preparedQuery(this.dataSource, INBOX_INSERT, [
      new Date(),
      actor?.id ?? null,
      actor?.email ?? null,
      entry.action,
      entry.entity,
      entry.entityId ?? null,
      JSON.stringify(entry.details ?? {}),
    ]);
    this.chainLater();
  }

  /**
   * Chains once no read has been recorded for CHAIN_WHEN_QUIET_MS, or CHAIN_AT_MOST_MS after the
   * first read the timer was set for, with whatever else the inbox has received by then.
   */
  private chainLater(): void {
    this.lastRecordedAt = Date.now();
    if (this.chainTimer) return;
    this.chainDueAt = this.lastRecordedAt + CHAIN_AT_MOST_MS;
    this.chainAfter(CHAIN_WHEN_QUIET_MS);
  }

  /** One timer for a burst of reads, looked at again when it fires (no timer set per read). */
  private chainAfter(ms: number): void {
    this.chainTimer = setTimeout(() => {
      const now = Date.now();
      const quietAt = this.lastRecordedAt + CHAIN_WHEN_QUIET_MS;
      if (quietAt > now && this.chainDueAt > now) return this.chainAfter(Math.min(quietAt, this.chainDueAt) - now);
      this.chainTimer = null;
      this.chainInBackground();
    }, ms);
    this.chainTimer.unref();
  }

  /** One chainer run at a time in this process, and at most one more asked for meanwhile. */
  private chaining: Promise<void> | null = null;
  private chainingNext: Promise<void> | null = null;
  private chainTimer: NodeJS.Timeout | null = null;
  private lastRecordedAt = 0;
  private chainDueAt = 0;
  private retryTimer: NodeJS.Timeout | null = null;

  /**
   * Moves every event the inbox holds into the chain and answers once they are chained (by this
   * process or another: the rows are taken under the chain's lock, each once). Called before the
   * log is read, so that a read that has answered is in it, and when the console starts and stops.
   * A run already going may have looked at the inbox before the caller's row was there: the
   * caller then waits for the next run, which starts after it.
   */
  chainInbox(): Promise<void> {
    if (!this.chaining) {
      // This run takes what the timer was set for: a row inserted from now on sets it again.
      if (this.chainTimer) clearTimeout(this.chainTimer);
      this.chainTimer = null;
      this.chaining = this.chainAll().finally(() => {
        this.chaining = null;
      });
      return this.chaining;
    }
    this.chainingNext ??= this.chaining
      .catch(() => {})
      .then(() => {
        this.chainingNext = null;
        return this.chainInbox();
      });
    return this.chainingNext;
  }

  /** Chains now without waiting (after `chainLater`'s delay, or a retry); a failed run is tried again (the rows stay in the inbox). */
  private chainInBackground(): void {
    if (!this.dataSource.isInitialized) return;
    this.chainInbox().catch((error) => {
      // Every read waiting on the failed run lands here: one warning and one retry for them all.
      if (this.retryTimer) return;
      this.logger.warn(`Could not chain the audit inbox, trying again: ${(error as Error).message}`);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.chainInBackground();
      }, CHAIN_RETRY_MS);
      this.retryTimer.unref();
    });
  }

  /** A transaction per batch of the inbox, while a batch comes back full. */
  private async chainAll(): Promise<void> {
    for (;;) {
      const taken = await this.dataSource.transaction((manager) => this.append(manager, []));
      this.chainedSinceVacuum += taken;
      if (taken < CHAIN_BATCH) break;
    }
    if (this.chainedSinceVacuum >= VACUUM_INBOX_AFTER) this.vacuumInboxInBackground();
  }

  private chainedSinceVacuum = 0;
  private vacuuming = false;

  /**
   * VACUUM of the inbox, beside the reads (it takes no lock they wait on) and not waited for by
   * the chaining that asked for it. A database user who does not own the table vacuums nothing
   * (PostgreSQL only warns): the inbox is then autovacuum's. A failure is logged and tried again
   * after the next 10,000 rows.
   */
  private vacuumInboxInBackground(): void {
    if (this.vacuuming || !this.dataSource.isInitialized) return;
    this.vacuuming = true;
    this.chainedSinceVacuum = 0;
    this.dataSource
      .query('VACUUM audit_inbox')
      .catch((error: Error) => {
        if (this.dataSource.isInitialized)
          this.logger.warn(`Could not vacuum the audit inbox, left to autovacuum: ${error.message}`);
      })
      .finally(() => {
        this.vacuuming = false;
      });
  }

  /**
   * Appends events to the chain inside `manager`'s transaction, after the inbox's oldest events
   * (up to CHAIN_BATCH, taken out of it in the same transaction: a rollback puts them back), so
   * that the chain keeps the order things happened in. The lock, then in one query the last hash,
   * the inbox rows and the new ids; the chain computed in order; one multi-row insert. Raw SQL:
   * TypeORM would drop the id (a generated column) that the hash already covers. Answers how
   * many inbox rows it chained.
   */
  private async append(
    manager: EntityManager,
    items: Array<{ actor: Actor | null; entry: AuditEntry }>,
  ): Promise<number> {
    const [{ seqScan }] = await preparedQueryIn<{ seqScan: string }>(manager, CHAIN_LOCK_STATEMENT, [CHAIN_LOCK]);
    const [{ tail, checkpoint, inbox, ids }] = await preparedQueryIn<{
      tail: { id: string; hash: string } | null;
      checkpoint: unknown;
      inbox: InboxRow[];
      ids: string[];
    }>(manager, CHAIN_TAKE, [items.length, CHAIN_BATCH]);
    if (ids.length === 0) return 0;
    ids.sort((a, b) => Number(a) - Number(b));
    let prevHash: string = tail?.hash ?? GENESIS_HASH;
    const now = new Date();
    // The inbox's events keep the time of their read; the hash covers it.
    const fields = [
      ...inbox.map((row) => ({ ...row, at: new Date(Number(row.ms)) })),
      ...items.map(({ actor, entry }) => ({
        at: now,
        actorId: actor?.id ?? null,
        actorEmail: actor?.email ?? null,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId ?? null,
        details: entry.details ?? {},
      })),
    ];
    const events = fields.map((f, i) => {
      const event = manager.create(AuditEvent, {
        id: ids[i],
        at: f.at,
        actorId: f.actorId,
        actorEmail: f.actorEmail,
        action: f.action,
        entity: f.entity,
        entityId: f.entityId,
        details: f.details,
        prevHash,
      });
      event.hash = hashEvent(event);
      prevHash = event.hash;
      return event;
    });
    const next = nextCheckpoint(this.config.auditKey, parseCheckpoint(checkpoint), tail, events, now);
    // The events and the checkpoint naming them in one statement, in the caller's transaction.
    await preparedQueryIn(manager, CHAIN_INSERT, [
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
      JSON.stringify(next),
      seqScan,
    ]);
    this.anchorSoon();
    return inbox.length;
  }

  /**
   * The signed checkpoint as committed now (for a manifest, a log line, the copy in DATA_DIR),
   * once the inbox is chained: it names every read that has answered.
   */
  async checkpoint(): Promise<Checkpoint | null> {
    await this.chainInbox();
    return this.committedCheckpoint();
  }

  private async committedCheckpoint(manager: EntityManager = this.dataSource.manager): Promise<Checkpoint | null> {
    const row = await queryRow<{ checkpoint: unknown }>(
      manager,
      `SELECT checkpoint FROM audit_checkpoint WHERE id = 1`,
    );
    return parseCheckpoint(row?.checkpoint);
  }

  private anchorTimer: NodeJS.Timeout | null = null;

  /**
   * A second after appends, this instance copies the committed checkpoint into DATA_DIR: someone
   * who can rewrite the database but not this folder cannot bring back an older checkpoint unseen.
   */
  private anchorSoon(): void {
    if (this.anchorTimer) return;
    this.anchorTimer = setTimeout(() => {
      this.anchorTimer = null;
      this.writeAnchor().catch((error) =>
        this.logger.warn(`Could not keep the audit checkpoint in ${this.config.dataDir}: ${(error as Error).message}`),
      );
    }, ANCHOR_DELAY_MS);
    this.anchorTimer.unref();
  }

  /** Copies the committed checkpoint into DATA_DIR now (also called when the console stops). */
  async writeAnchor(): Promise<void> {
    if (this.anchorTimer) {
      clearTimeout(this.anchorTimer);
      this.anchorTimer = null;
    }
    // Workers of one console share DATA_DIR: under the lock, one reads the copy and replaces it at a
    // time, so that none puts back an older checkpoint over a newer one another just wrote.
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [ANCHOR_LOCK]);
      const checkpoint = await this.committedCheckpoint(manager);
      if (!checkpoint || !checkpointSignedBy(this.config.auditKey, checkpoint)) return;
      const previous = this.readAnchor(checkpoint.chainId);
      // Never step back: a copy names the furthest point this instance has seen.
      if (previous && BigInt(previous.lastId) > BigInt(checkpoint.lastId)) return;
      // Nor over a cut: while the chain no longer holds the event the copy names, as it named it,
      // the copy stays as it is, and verification keeps saying so (anchor_ahead). Replaced, the
      // next checkpoint (signed over the cut tail) would have hidden it.
      if (previous && previous.lastId !== '0' && !(await this.chainHolds(manager, previous))) {
        this.logger.error(
          `The audit log no longer holds event ${previous.lastId} as its copy in ${this.config.dataDir} names it: the copy is kept`,
        );
        return;
      }
      const file = join(this.config.dataDir, anchorFileName(checkpoint.chainId));
      writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(checkpoint, null, 2) + '\n', { mode: 0o600 });
      renameSync(`${file}.${process.pid}.tmp`, file);
    });
  }

  /** Whether the chain holds the event `anchor` names, with the hash it names. */
  private async chainHolds(manager: EntityManager, anchor: Checkpoint): Promise<boolean> {
    const rows = await queryRows<{ hash: string }>(manager, `SELECT hash FROM audit_events WHERE id = $1`, [
      anchor.lastId,
    ]);
    return rows.length === 1 && rows[0].hash === anchor.lastHash;
  }

  /** Whether DATA_DIR keeps a checkpoint signed by this key, of any chain. */
  private anchoredBefore(): boolean {
    let names: string[];
    try {
      names = readdirSync(this.config.dataDir);
    } catch {
      return false;
    }
    return names.some((name) => {
      const chainId = anchoredChainOf(name);
      return chainId !== null && this.readAnchor(chainId) !== null;
    });
  }

  private readAnchor(chainId: string | undefined): Checkpoint | null {
    if (!chainId) return null;
    const file = join(this.config.dataDir, anchorFileName(chainId));
    if (!existsSync(file)) return null;
    try {
      const anchor = parseCheckpoint(JSON.parse(readFileSync(file, 'utf8')));
      return anchor && anchor.chainId === chainId && checkpointSignedBy(this.config.auditKey, anchor) ? anchor : null;
    } catch {
      return null;
    }
  }

  private verifying: Promise<ChainVerification> | null = null;

  /**
   * Recomputes the chain in id order, a batch at a time, up to its signed checkpoint, and reports
   * the first broken link, a cut tail, a checkpoint not signed with the audit key, or events
   * that came without one. Events appended while it runs are left to the next verification.
   * Asked again while one runs (two request files opened together), it answers that one's
   * result: on a large log each takes seconds of the CPU, and running them side by side would
   * only make both slower.
   */
  verify(): Promise<ChainVerification> {
    this.verifying ??= this.recompute().finally(() => (this.verifying = null));
    return this.verifying;
  }

  private async recompute(): Promise<ChainVerification> {
    // What has answered is in the chain first. If it cannot be chained, the chain is still
    // verified as it stands, and `pending` says how much waits outside it.
    await this.chainInbox().catch((error) =>
      this.logger.warn(`Could not chain the audit inbox before verifying: ${(error as Error).message}`),
    );
    // One statement, one snapshot: the console writes events and checkpoint together, so an
    // event beyond the checkpoint in the same snapshot did not come through the console.
    const [head] = await queryRows<{ checkpoint: unknown; maxId: string | null; pending: number }>(
      this.dataSource,
      `SELECT (SELECT checkpoint FROM audit_checkpoint WHERE id = 1) AS checkpoint, (SELECT max(id)::text FROM audit_events) AS "maxId",
              (SELECT count(*)::int FROM audit_inbox) AS pending`,
    );
    const checkpoint = parseCheckpoint(head.checkpoint);
    const anchor = this.readAnchor(checkpoint?.chainId);
    const upTo = checkpoint ? checkpoint.lastId : (head.maxId ?? '0');
    let previousHash = GENESIS_HASH;
    let checked = 0;
    let tail: { id: string; hash: string } | null = null;
    let anchorSeen: { hash: string; count: number } | null = null;
    const answer = (
      reason: VerificationProblem | null,
      firstBrokenId: string | null,
      counted = checked,
    ): ChainVerification => ({
      valid: reason === null,
      checked: counted,
      firstBrokenId,
      reason,
      message:
        reason === null
          ? null
          : reason in CHAIN_BREAK_MESSAGES
            ? CHAIN_BREAK_MESSAGES[reason as keyof typeof CHAIN_BREAK_MESSAGES]
            : CHECKPOINT_MESSAGES[reason as keyof typeof CHECKPOINT_MESSAGES],
      verifiedAt: new Date().toISOString(),
      checkpoint,
      pending: head.pending,
      anchor: anchor
        ? {
            lastId: anchor.lastId,
            at: anchor.at,
            holds: anchorSeen !== null && anchorSeen.hash === anchor.lastHash && anchorSeen.count === anchor.count,
          }
        : null,
    });
    // The stretches in order; each checks its own events and links, the links between them here.
    for (const segment of await this.checkSegments(upTo, anchor?.lastId ?? null)) {
      if (segment.first && segment.first.prevHash !== previousHash)
        return answer('prev_hash_mismatch', segment.first.id, checked);
      if (segment.anchor) anchorSeen = { hash: segment.anchor.hash, count: checked + segment.anchor.index + 1 };
      if (segment.broken) return answer(segment.broken.reason, segment.broken.id, checked + segment.checked);
      checked += segment.checked;
      if (segment.last) {
        previousHash = segment.last.hash;
        tail = segment.last;
      }
    }
    if (anchor && anchor.lastId === '0') anchorSeen = { hash: GENESIS_HASH, count: 0 };
    if (!checkpoint) return answer('checkpoint_missing', tail?.id ?? null);
    if (!checkpointSignedBy(this.config.auditKey, checkpoint)) return answer('checkpoint_forged', tail?.id ?? null);
    if (!checkpoint.intact) return answer(checkpoint.brokenReason ?? 'checkpoint_forged', checkpoint.brokenAfterId);
    if ((tail?.id ?? '0') !== checkpoint.lastId) return answer('tail_cut', tail?.id ?? '0');
    // The newest event is there, but not the chain the checkpoint signed: events changed or
    // removed before it, and every hash after them recomputed.
    if ((tail?.hash ?? GENESIS_HASH) !== checkpoint.lastHash || checked !== checkpoint.count)
      return answer('chain_rewritten', checkpoint.lastId);
    if (head.maxId !== null && BigInt(head.maxId) > BigInt(checkpoint.lastId))
      return answer('events_without_checkpoint', checkpoint.lastId);
    if (
      anchor &&
      (BigInt(anchor.lastId) > BigInt(checkpoint.lastId) ||
        anchorSeen === null ||
        anchorSeen.hash !== anchor.lastHash ||
        anchorSeen.count !== anchor.count)
    ) {
      return answer('anchor_ahead', tail?.id ?? '0');
    }
    return answer(null, null);
  }

  /**
   * The chain up to `upTo` recomputed: on a server with a large log, in two halves by two worker
   * threads at once; otherwise in the console's thread, 500 events between two turns of its
   * event loop.
   */
  private async checkSegments(upTo: string, anchorId: string | null): Promise<SegmentCheck[]> {
    const url = this.config.databaseUrl;
    const started = performance.now();
    let segments: SegmentCheck[];
    if (url && BigInt(upTo) >= VERIFY_IN_WORKERS_FROM && existsSync(CHAIN_SEGMENT_WORKER)) {
      const middle = (BigInt(upTo) / 2n).toString();
      segments = await Promise.all([
        this.checkSegmentInWorker(url, '0', middle, anchorId),
        this.checkSegmentInWorker(url, middle, upTo, anchorId),
      ]);
    } else {
      const read = (after: string, to: string, limit: number) =>
        preparedQuery<StoredEvent>(this.dataSource, VERIFY_READ, [after, to, limit]);
      segments = [await checkSegment(read, '0', upTo, anchorId)];
    }
    this.logger.log({
      msg: 'Audit chain recomputed',
      upTo,
      events: segments.reduce((sum, segment) => sum + segment.checked, 0),
      threads: segments.length,
      ms: Math.round(performance.now() - started),
    });
    return segments;
  }

  private checkSegmentInWorker(url: string, after: string, upTo: string, anchorId: string | null) {
    return new Promise<SegmentCheck>((resolve, reject) => {
      const worker = new Worker(CHAIN_SEGMENT_WORKER, { workerData: { url, after, upTo, anchorId } });
      // A console that stops does not wait for a verification nobody will read.
      worker.unref();
      worker.once('message', (message: { result?: SegmentCheck; error?: string }) =>
        message.result ? resolve(message.result) : reject(new Error(message.error)),
      );
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the chain's verifier thread stopped (${code})`)));
    });
  }
}
