import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service';
import { ConflictError, NotFoundError } from '../common/errors/domain.error';
import { releaseLockConnection } from '../common/run-lock';
import { returnedRows } from '../common/sql-rows';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { deleteEndedPackageFiles } from '../portal/package-retention';
import { RetentionPolicy } from '../registers/retention/retention-policy.entity';
import {
  cutoffFor,
  effectOf,
  policyState,
  sortReport,
  sweepFailed,
  sweepTotal,
  withRevokedTokens,
  REVOKED_TOKENS_SOURCE,
  type ReportEntry,
  type SweepSourceResult,
} from './retention-rules';
import { sweptSources } from './retention-sources';
import { RetentionSweep, type SweepTrigger } from './retention-sweep.entity';

/**
 * The key of the session-level advisory lock a real sweep holds for its whole run: one
 * sweep at a time across every instance of the console on the database.
 */
export const SWEEP_LOCK = 727_002;

/** A revoked calendar connection that still holds a token (calendar-integration notice, section 5). */
const REVOKED_WITH_TOKENS =
  'revoked_at IS NOT NULL AND (access_token_encrypted IS NOT NULL OR refresh_token_encrypted IS NOT NULL)';

const STOPPED =
  'Stopped: the console shut down during the sweep. What its finished batches changed is done; run it again to finish.';
const INTERRUPTED =
  'Interrupted: the process running the sweep stopped before it ended. What its finished batches changed is done.';

export interface RetentionReport {
  generatedAt: string;
  entries: ReportEntry[];
}

/**
 * Where a real sweep talks to the database: the pool, or (a server pool of one connection) the
 * lock's own connection, which must then carry everything.
 */
interface SweepSession {
  manager: EntityManager;
  transact<T>(work: (manager: EntityManager) => Promise<T>): Promise<T>;
}

@Injectable()
export class RetentionService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(RetentionService.name);
  /** The real sweep this process is running, if any. */
  private running: Promise<unknown> | null = null;
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** Per retention policy: its cutoff, the records past it, the oldest, the restricted ones kept. Oldest first. */
  async report(now = new Date()): Promise<RetentionReport> {
    const policies = await this.dataSource.getRepository(RetentionPolicy).find({ order: { key: 'ASC' } });
    const entries: ReportEntry[] = [];
    // One policy after another: the counts of the large sources should not take the whole pool.
    for (const policy of policies) entries.push(await this.entry(this.dataSource.manager, policy, now));
    return { generatedAt: now.toISOString(), entries: sortReport(entries) };
  }

  private async entry(manager: EntityManager, policy: RetentionPolicy, now: Date): Promise<ReportEntry> {
    const state = policyState(policy);
    const cutoff = cutoffFor(policy, now);
    const base: ReportEntry = {
      policyId: policy.id,
      policyKey: policy.key,
      policyName: policy.name,
      policyNameIt: policy.nameIt,
      policyNameEn: policy.nameEn,
      source: policy.source,
      action: policy.action,
      periodText: policy.periodText,
      periodTextIt: policy.periodTextIt,
      periodTextEn: policy.periodTextEn,
      periodMonths: policy.periodMonths,
      periodDays: policy.periodDays,
      state,
      dateField: null,
      cutoff: null,
      effect: null,
      past: null,
      oldest: null,
      restricted: null,
      held: null,
    };
    if (state !== 'applies' || !cutoff) return base;
    const swept = sweptSources().get(policy.source!)!;
    const effect = effectOf(policy.action);
    const counted = await swept.sweeper.count(manager, cutoff, effect);
    return {
      ...base,
      dateField: swept.rule.dateField,
      cutoff: cutoff.toISOString(),
      effect,
      past: counted.past,
      oldest: counted.oldest?.toISOString() ?? null,
      restricted: counted.restricted,
      held: counted.held,
    };
  }

  /**
   * A sweep: per policy, the records past retention are deleted or anonymised as it says, a
   * batch per transaction, restricted records never. A dry run counts them and changes
   * nothing. Both are recorded in retention_sweeps and the audit log.
   */
  async sweep(actor: Actor | null, options: { dryRun: boolean; trigger: SweepTrigger }): Promise<RetentionSweep> {
    if (options.dryRun) return this.preview(actor, options.trigger);
    if (this.running) throw new ConflictError('A retention sweep is already running; wait for it to finish');
    if (this.stopping) throw new ConflictError('The console is shutting down');
    const run = this.exclusive(actor, options.trigger);
    this.running = run;
    try {
      return await run;
    } finally {
      this.running = null;
    }
  }

  private async preview(actor: Actor | null, trigger: SweepTrigger): Promise<RetentionSweep> {
    const startedAt = new Date();
    const { entries } = await this.report(startedAt);
    const results = entries.map((e): SweepSourceResult => ({
      ...this.resultOf(e),
      status: e.state !== 'applies' ? 'skipped' : e.effect === 'keep' ? 'kept' : 'previewed',
      due: e.past ?? 0,
      restricted: e.restricted ?? 0,
      held: e.held ?? 0,
      oldest: e.oldest,
    }));
    // The tokens a real sweep would delete with the calendar policy (deleteRevokedTokens).
    if (entries.some((e) => e.source === REVOKED_TOKENS_SOURCE)) {
      const [{ n }] = await this.dataSource.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM calendar_connections WHERE ${REVOKED_WITH_TOKENS}`,
      );
      withRevokedTokens(results, n);
    }
    return this.dataSource.transaction(async (manager) => {
      const sweep = await manager.save(
        manager.create(RetentionSweep, {
          trigger,
          dryRun: true,
          status: 'completed',
          startedAt,
          finishedAt: new Date(),
          actorId: actor?.id ?? null,
          actorEmail: actor?.email ?? null,
          records: sweepTotal(results, true),
          results,
          error: null,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'retention.sweep_previewed',
        entity: 'retention_sweep',
        entityId: sweep.id,
        details: {
          trigger,
          records: sweep.records,
          sources: this.auditSummary(results),
          ...this.tokensSummary(results),
        },
      });
      return sweep;
    });
  }

  /** Takes the lock (409 when another sweep holds it), runs, and always lets go. */
  private async exclusive(actor: Actor | null, trigger: SweepTrigger): Promise<RetentionSweep> {
    const lock = await this.lock();
    try {
      return await this.run(actor, trigger, lock.session);
    } finally {
      await lock.release();
    }
  }

  /**
   * On a server: `pg_try_advisory_lock` on a connection of its own, held for the whole sweep
   * (PostgreSQL lets go of it if the process dies); the batches use the pool (at least two
   * connections on a server, `DATABASE_POOL_SIZE`). The embedded database serves one process
   * (it holds a pid lock) and is one session: the process's own guard (`running`) is the lock
   * there.
   */
  private async lock(): Promise<{ session: SweepSession; release: () => Promise<void> }> {
    const onPool: SweepSession = {
      manager: this.dataSource.manager,
      transact: (work) => this.dataSource.transaction(work),
    };
    if (this.config.databaseUrl === null) return { session: onPool, release: async () => {} };
    const runner: QueryRunner = this.dataSource.createQueryRunner();
    await runner.connect();
    let locked: boolean;
    try {
      const [row] = returnedRows<{ locked: boolean }>(
        await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [SWEEP_LOCK]),
      );
      locked = row.locked === true;
    } catch (error) {
      // Whether the lock was taken is unknown: the connection must not go back to the pool.
      await releaseLockConnection(runner, error);
      throw error;
    }
    if (!locked) {
      await runner.release();
      throw new ConflictError(
        'A retention sweep is already running on another instance of the console; wait for it to finish',
      );
    }
    return {
      session: onPool,
      release: async () => {
        let failure: unknown;
        try {
          await runner.query('SELECT pg_advisory_unlock($1)', [SWEEP_LOCK]);
        } catch (error) {
          failure = error;
          // The pool closes the connection instead (releaseLockConnection): that lets the lock go.
          this.logger.warn(`Could not release the retention sweep lock: ${(error as Error).message}`);
        } finally {
          await releaseLockConnection(runner, failure);
        }
      },
    };
  }

  private async run(actor: Actor | null, trigger: SweepTrigger, session: SweepSession): Promise<RetentionSweep> {
    const startedAt = new Date();
    const policies = await session.manager.find(RetentionPolicy, { order: { key: 'ASC' } });
    // Holding the lock proves that no other sweep runs: one still marked running died.
    await session.manager.query(
      `UPDATE retention_sweeps SET status = 'failed', finished_at = now(), error = $1 WHERE status = 'running'`,
      [INTERRUPTED],
    );
    const results: SweepSourceResult[] = policies.map((p) => {
      const state = policyState(p);
      return {
        ...this.resultOf({
          policyKey: p.key,
          policyName: p.name,
          policyNameIt: p.nameIt,
          policyNameEn: p.nameEn,
          source: p.source,
          action: p.action,
          state,
          cutoff: null,
        }),
        status: state === 'applies' ? 'not_reached' : 'skipped',
      };
    });
    const sweep = await session.transact(async (manager) => {
      const row = await manager.save(
        manager.create(RetentionSweep, {
          trigger,
          dryRun: false,
          status: 'running',
          startedAt,
          finishedAt: null,
          actorId: actor?.id ?? null,
          actorEmail: actor?.email ?? null,
          records: 0,
          results,
          error: null,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'retention.sweep_started',
        entity: 'retention_sweep',
        entityId: row.id,
        details: { trigger, policies: policies.filter((p) => policyState(p) === 'applies').map((p) => p.key) },
      });
      return row;
    });

    for (const [i, policy] of policies.entries()) {
      if (results[i].state !== 'applies') continue;
      if (this.stopping) break;
      await this.sweepPolicy(sweep.id, policy, results, i, startedAt, session);
    }
    // The calendar policy (calendar-integration notice, section 5): a revocation invalidates the
    // OAuth token at once. A revoked connection's tokens go at the sweep after it, whatever the
    // connection's own period; the pages and packages date them by this sweep.
    if (!this.stopping && policies.some((p) => p.source === REVOKED_TOKENS_SOURCE))
      withRevokedTokens(
        results,
        await session.transact((manager) => this.deleteRevokedTokens(manager, actor, sweep.id)),
      );
    // A package published on the privacy portal is downloadable for PORTAL_PACKAGE_DAYS days;
    // once its link is over its stored file goes at the next sweep (docs/portal.md).
    if (!this.stopping) await session.transact((manager) => this.deletePortalPackages(manager, actor, sweep.id));

    const failed = sweepFailed(results);
    const error =
      this.stopping && results.some((r) => r.status === 'not_reached')
        ? STOPPED
        : failed
          ? this.firstError(results)
          : null;
    return session.transact(async (manager) => {
      await manager.update(
        RetentionSweep,
        { id: sweep.id },
        {
          status: failed ? 'failed' : 'completed',
          finishedAt: new Date(),
          records: sweepTotal(results, false),
          // In the report's order, as the dry run lists them: the oldest records first.
          results: sortReport(results),
          error,
        },
      );
      const done = await manager.findOneByOrFail(RetentionSweep, { id: sweep.id });
      await this.audit.record(manager, actor, {
        action: failed ? 'retention.sweep_failed' : 'retention.swept',
        entity: 'retention_sweep',
        entityId: sweep.id,
        details: { trigger, records: done.records, sources: this.auditSummary(results), ...(error ? { error } : {}) },
      });
      return done;
    });
  }

  /**
   * The tokens revoked calendar connections still hold, deleted (a restricted or held connection
   * too: a token is a credential, not the record kept, and the notice promises it invalidated).
   */
  private async deleteRevokedTokens(manager: EntityManager, actor: Actor | null, sweepId: string): Promise<number> {
    const rows = returnedRows<{ id: string }>(
      await manager.query(
        `UPDATE calendar_connections SET access_token_encrypted = NULL, refresh_token_encrypted = NULL
         WHERE ${REVOKED_WITH_TOKENS} RETURNING id`,
      ),
    );
    if (rows.length)
      await this.audit.record(manager, actor, {
        action: 'retention.revoked_tokens_deleted',
        entity: 'retention_sweep',
        entityId: sweepId,
        details: { connections: rows.map((r) => r.id).sort() },
      });
    return rows.length;
  }

  /** The files of the privacy portal's packages whose link expired or was withdrawn, deleted. */
  private async deletePortalPackages(manager: EntityManager, actor: Actor | null, sweepId: string): Promise<number> {
    const deleted = await deleteEndedPackageFiles(manager, new Date());
    if (deleted.length)
      await this.audit.record(manager, actor, {
        action: 'retention.portal_packages_deleted',
        entity: 'retention_sweep',
        entityId: sweepId,
        details: { packages: deleted.map((p) => ({ id: p.id, requestId: p.requestId, file: p.fileName })) },
      });
    return deleted.length;
  }

  /** One policy's records, batch after batch; each batch's transaction also updates the sweep's row. */
  private async sweepPolicy(
    sweepId: string,
    policy: RetentionPolicy,
    results: SweepSourceResult[],
    i: number,
    now: Date,
    session: SweepSession,
  ): Promise<void> {
    const source = policy.source!;
    const { sweeper } = sweptSources().get(source)!;
    const cutoff = cutoffFor(policy, now)!;
    const effect = effectOf(policy.action);
    const result = results[i];
    result.cutoff = cutoff.toISOString();
    try {
      const counted = await sweeper.count(session.manager, cutoff, effect);
      result.due = counted.past;
      result.restricted = counted.restricted;
      result.held = counted.held;
      result.oldest = counted.oldest?.toISOString() ?? null;
      if (effect === 'keep') {
        result.status = 'kept';
        await session.manager.query(`UPDATE retention_sweeps SET results = $2 WHERE id = $1`, [
          sweepId,
          JSON.stringify(results),
        ]);
        return;
      }
      let from = sweeper.start;
      const limit = this.config.retentionSweepBatchSize;
      for (;;) {
        if (this.stopping) throw new Error(STOPPED);
        const { batch, after } = await session.transact(async (manager) => {
          const batch = await sweeper.batch(manager, cutoff, effect, from, limit);
          const after = {
            ...result,
            changed: result.changed + batch.changed,
            indexRows: result.indexRows + batch.indexRows,
            batches: result.batches + (batch.picked ? 1 : 0),
          };
          const snapshot = results.map((r, k) => (k === i ? after : r));
          await manager.query(`UPDATE retention_sweeps SET results = $2, records = $3 WHERE id = $1`, [
            sweepId,
            JSON.stringify(snapshot),
            sweepTotal(snapshot, false),
          ]);
          return { batch, after };
        });
        // Counted once committed: a batch that rolled back changed nothing.
        Object.assign(result, after);
        if (batch.picked < limit || (batch.changed === 0 && batch.next === from)) break;
        from = batch.next;
      }
      result.status = 'done';
    } catch (error) {
      result.status = 'failed';
      result.error = (error as Error).message;
      this.logger.error(`Retention sweep of ${policy.key} (${source}) failed: ${result.error}`);
    }
  }

  /** The revoked connections' tokens, for the audit log's details, when the sweep took any. */
  private tokensSummary(results: SweepSourceResult[]) {
    const count = results.find((r) => r.revokedTokens !== undefined)?.revokedTokens;
    return count ? { revokedTokens: count } : {};
  }

  private resultOf(
    e: Pick<
      ReportEntry,
      'policyKey' | 'policyName' | 'policyNameIt' | 'policyNameEn' | 'source' | 'action' | 'state' | 'cutoff'
    >,
  ): SweepSourceResult {
    return {
      policyKey: e.policyKey,
      policyName: e.policyName,
      policyNameIt: e.policyNameIt,
      policyNameEn: e.policyNameEn,
      source: e.source,
      action: e.action,
      state: e.state,
      cutoff: e.cutoff,
      status: 'skipped',
      due: 0,
      changed: 0,
      restricted: 0,
      held: 0,
      oldest: null,
      indexRows: 0,
      batches: 0,
      error: null,
    };
  }

  private firstError(results: SweepSourceResult[]): string {
    const failed = results.find((r) => r.status === 'failed');
    return failed ? `${failed.policyName} (${failed.source}): ${failed.error}` : STOPPED;
  }

  private auditSummary(results: SweepSourceResult[]) {
    return Object.fromEntries(
      results
        .filter((r) => r.state === 'applies')
        .map((r) => [
          r.policyKey,
          {
            source: r.source,
            action: r.action,
            status: r.status,
            due: r.due,
            changed: r.changed,
            restricted: r.restricted,
            held: r.held ?? 0,
          },
        ]),
    );
  }

  async findSweep(id: string): Promise<RetentionSweep> {
    const sweep = await this.dataSource.getRepository(RetentionSweep).findOne({ where: { id } });
    if (!sweep) throw new NotFoundError('Retention sweep', id);
    return sweep;
  }

  /** The last sweep that changed data, or failed trying (dry runs excluded). */
  lastSweep(): Promise<RetentionSweep | null> {
    return this.dataSource
      .getRepository(RetentionSweep)
      .findOne({ where: { dryRun: false }, order: { startedAt: 'DESC' } });
  }

  /** At shutdown, a running sweep stops after its current batch and records that it was stopped. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.running?.catch(() => {});
  }
}
