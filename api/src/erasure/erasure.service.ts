import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service';
import { DataKeys } from '../common/crypto/data-keys.service';
import { open, seal } from '../common/crypto/secret-box';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors/domain.error';
import { tryRunLock } from '../common/run-lock';
import { returnedRows } from '../common/sql-rows';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { appendToTimeline } from '../requests/request-timeline';
import { DataSubjectRequest } from '../requests/request.entity';
import { HOLD_IN_FORCE, heldRecords, type HeldRecord } from '../legal-holds/held-sql';
import { SubjectIndexService } from '../subjects/subject-index.service';
import { erasableSources, erasureRun, type ErasableSource } from './erasable-sources';
import { ErasurePlanRecord } from './erasure-plan.entity';
import { ErasurePlanner } from './erasure-planner';
import { erasureReport, splitByKind, type ErasureReport, type SourceErasureReport } from './erasure-report';
import { ErasureStep } from './erasure-step.entity';
import { normaliseIps, requireActionable } from './request-guards';
import {
  mentionRecords,
  ownRecords,
  plannedCounts,
  planRecordIds,
  withoutHeld,
  type ErasurePlan,
  type ErasureRun,
  type ErasureTools,
} from './source-erasure';
import { SUPPRESSION_LOCK, suppressionHash, type SuppressedKind } from './suppression';

/**
 * The erasure run (Art. 17): its steps, one per source in the declared order, each in its own
 * transaction and retried by the next run until done or waived; the suppression list; the audit
 * and the request's timeline. What each source's records get is the planner's
 * (erasure-planner.ts) and the source's own (`sources/<folder>/<name>.erasure.ts`).
 */

/** The advisory-lock namespace of erasure runs (the request id names the lock within it). */
const ERASURE_LOCK = 727_004;

@Injectable()
export class ErasureService {
  private readonly logger = new Logger(ErasureService.name);
  /** What a source's change inside the run's transaction may use. */
  private readonly tools: ErasureTools;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly planner: ErasurePlanner,
    index: SubjectIndexService,
    private readonly dataKeys: DataKeys,
  ) {
    this.tools = { index };
  }

  /** The erasure's state: the steps run so far, or (before any run) nothing. */
  async status(requestId: string): Promise<{ steps: ErasureStep[]; startedAt: Date | null; completedAt: Date | null }> {
    const [plan, steps] = await Promise.all([
      this.dataSource.getRepository(ErasurePlanRecord).findOne({ where: { requestId } }),
      this.dataSource.getRepository(ErasureStep).find({ where: { requestId } }),
    ]);
    const order = erasableSources();
    steps.sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source));
    return { steps, startedAt: plan?.createdAt ?? null, completedAt: plan?.completedAt ?? null };
  }

  /**
   * Lists what a run would change (dryRun) or runs it: each source in its own transaction, its
   * outcome written to erasure_steps; a second run does only what is not done yet.
   */
  async erase(actor: Actor, requestId: string, options: { dryRun: boolean; ips?: unknown[] }): Promise<ErasureReport> {
    const request = await this.loadRequest(requestId);
    const stored = await this.dataSource.getRepository(ErasurePlanRecord).findOne({ where: { requestId } });
    // What legal holds kept, once they end, is erased by the same request, even closed (docs/erasure.md).
    if (stored?.completedAt) return this.eraseFreed(actor, request, stored, options.dryRun);
    requireActionable(request, ['erasure']);
    const ips = normaliseIps(options.ips ?? []);
    if (stored && ips.length)
      throw new InvalidInputError('ips: the erasure has started; the IP addresses were fixed at its first run', {
        ips: 'only on the first run',
      });

    if (options.dryRun) {
      const plan = stored?.sealed ? this.unseal(stored.sealed) : await this.planner.plan(request, ips);
      const steps = await this.dataSource.getRepository(ErasureStep).find({ where: { requestId } });
      const held = await heldRecords(this.dataSource.manager, planRecordIds(plan));
      const sources = await this.planner.describe(this.dataSource.manager, plan, steps, held);
      await this.audit.recordNow(actor, {
        action: 'erasure.previewed',
        entity: 'request',
        entityId: requestId,
        details: { reference: request.reference, records: Object.fromEntries(sources.map((s) => [s.source, s.total])) },
      });
      return erasureReport(request, true, plan, sources, steps, erasableSources());
    }

    const lock = await tryRunLock(this.dataSource, this.config.databaseUrl === null, ERASURE_LOCK, requestId);
    if (!lock) throw new ConflictError(`An erasure of ${request.reference} is already running`);
    try {
      // Read again under the lock: a run that just finished may have fixed the plan or completed.
      const current = await this.dataSource.getRepository(ErasurePlanRecord).findOne({ where: { requestId } });
      if (current?.completedAt) throw new ConflictError(`The erasure of ${request.reference} is already complete`);
      const plan = await this.start(actor, request, current, ips);
      // A legal hold keeps its records whole (Art. 17(3)): the run changes the rest.
      const held = await heldRecords(this.dataSource.manager, planRecordIds(plan));
      const changing = withoutHeld(plan, (source, id) => held.has(`${source}:${id}`));
      // Described before the run changes them: the answer lists what the run changed.
      const before = await this.planner.describe(
        this.dataSource.manager,
        plan,
        await this.dataSource.getRepository(ErasureStep).find({ where: { requestId } }),
        held,
      );
      for (const source of erasureRun())
        await this.runSource(
          actor,
          request,
          changing,
          source,
          before.find((d) => d.source === source.source),
        );
      await this.markErased(this.dataSource.manager, request.id, changing);
      let steps = await this.dataSource.getRepository(ErasureStep).find({ where: { requestId } });
      if (steps.every((s) => s.status !== 'failed')) {
        await this.eraseLateArrivals(actor, request, plan);
        steps = await this.dataSource.getRepository(ErasureStep).find({ where: { requestId } });
      }
      await this.completeIfDone(actor, request, steps);
      return erasureReport(request, false, plan, before, steps, erasableSources());
    } finally {
      await this.dataSource.getRepository(ErasurePlanRecord).update({ requestId }, { runningSince: null });
      await lock.release();
    }
  }

  /** The officer records why a failed source cannot be erased (e.g. Google keeps refusing); the request can then close. */
  async waive(actor: Actor, requestId: string, source: string, reason: string): Promise<ErasureStep> {
    const request = await this.loadRequest(requestId);
    requireActionable(request, ['erasure']);
    const step = await this.dataSource.transaction(async (manager) => {
      const step = await manager.findOne(ErasureStep, {
        where: { requestId, source },
        lock: { mode: 'pessimistic_write' },
      });
      if (!step) throw new NotFoundError('Erasure step', source);
      if (step.status !== 'failed')
        throw new ConflictError(`Only a failed source can be waived; ${source} is ${step.status}`);
      step.status = 'waived';
      step.waiverReason = reason;
      await manager.save(step);
      await appendToTimeline(manager, actor, requestId, 'erasure_waived', reason, { source, error: step.error });
      await this.audit.record(manager, actor, {
        action: 'erasure.waived',
        entity: 'request',
        entityId: requestId,
        details: { reference: request.reference, source, reason },
      });
      return step;
    });
    await this.completeIfDone(
      actor,
      request,
      await this.dataSource.getRepository(ErasureStep).find({ where: { requestId } }),
    );
    return step;
  }

  /** At the first run, fixes the plan and fills the suppression list; later runs read the plan back. */
  private async start(
    actor: Actor,
    request: DataSubjectRequest,
    stored: ErasurePlanRecord | null,
    ips: string[],
  ): Promise<ErasurePlan> {
    const fresh = stored ? null : await this.planner.plan(request, ips);
    return this.dataSource.transaction(async (manager) => {
      if (!stored) {
        const inserted: unknown = await manager.query(
          `INSERT INTO erasure_plans (request_id, sealed, running_since) VALUES ($1, $2, now()) ON CONFLICT (request_id) DO NOTHING RETURNING request_id`,
          [request.id, seal(this.config.encryptionKey, JSON.stringify(fresh))],
        );
        if (!returnedRows(inserted).length)
          throw new ConflictError(`An erasure of ${request.reference} is already running`);
        const suppressed = await this.suppress(manager, request.id, fresh!);
        // The same count as the preview: own and mentioning records, those a legal hold keeps apart.
        const held = await heldRecords(manager, planRecordIds(fresh!));
        const isHeld = (source: string, id: string) => held.has(`${source}:${id}`);
        const records = plannedCounts(fresh!, erasableSources(), isHeld);
        const all = plannedCounts(fresh!, erasableSources());
        const kept = Object.fromEntries(
          Object.entries(all)
            .map(([source, n]): [string, number] => [source, n - records[source]])
            .filter(([, n]) => n > 0),
        );
        await appendToTimeline(manager, actor, request.id, 'erasure_started', null, { records, kept, suppressed });
        await this.audit.record(manager, actor, {
          action: 'erasure.started',
          entity: 'request',
          entityId: request.id,
          details: { reference: request.reference, records, kept, suppressed },
        });
        return fresh!;
      }
      const [row] = returnedRows<{ sealed: Buffer }>(
        await manager.query(`UPDATE erasure_plans SET running_since = now() WHERE request_id = $1 RETURNING sealed`, [
          request.id,
        ]),
      );
      await appendToTimeline(manager, actor, request.id, 'erasure_resumed', null, {});
      return this.unseal(row.sealed);
    });
  }

  /**
   * Records of the person that arrived while the plan was being fixed (a batch the website was
   * sending just before the suppression list knew them) are found again by the plan's identifiers
   * and erased the same way. The erased records are no longer in the index, so anything the index
   * still answers is new. Twice at most: once the suppression list is committed nothing new can come.
   */
  private async eraseLateArrivals(actor: Actor, request: DataSubjectRequest, plan: ErasurePlan): Promise<void> {
    for (let round = 0; round < 2; round++) {
      const late = await this.planner.plan(request, plan.identifiers.ips, plan.identifiers);
      const only = this.planner.newIn(plan, late);
      if (!only) return;
      plan.mentions ??= {};
      for (const { source } of erasureRun()) {
        plan.records[source] = [...ownRecords(plan, source), ...ownRecords(only, source)];
        plan.mentions[source] = [...mentionRecords(plan, source), ...mentionRecords(only, source)];
      }
      for (const kind of ['emails', 'phones', 'names'] as const) {
        for (const value of late.identifiers[kind])
          if (!plan.identifiers[kind].includes(value)) plan.identifiers[kind].push(value);
      }
      await this.dataSource.transaction(async (manager) => {
        await manager.update(
          ErasurePlanRecord,
          { requestId: request.id },
          { sealed: seal(this.config.encryptionKey, JSON.stringify(plan)) },
        );
        await this.suppress(manager, request.id, plan);
      });
      const described = await this.planner.describe(this.dataSource.manager, only, []);
      for (const { source, erasure } of erasureRun()) {
        if (!ownRecords(only, source).length && !mentionRecords(only, source).length) continue;
        const description = described.find((d) => d.source === source);
        if (erasure.kind === 'calling-out') {
          const { affected, error } = await erasure.apply(this.run(actor, request), only);
          await this.dataSource.transaction((manager) =>
            this.addLate(manager, actor, request, source, affected, error, description),
          );
        } else {
          await this.dataSource.transaction(async (manager) =>
            this.addLate(
              manager,
              actor,
              request,
              source,
              await erasure.apply(manager, only, this.tools),
              null,
              description,
            ),
          );
        }
      }
    }
  }

  private async addLate(
    manager: EntityManager,
    actor: Actor,
    request: DataSubjectRequest,
    source: string,
    affected: number,
    error: string | null,
    description: SourceErasureReport | undefined,
  ): Promise<void> {
    const step = await manager.findOne(ErasureStep, { where: { requestId: request.id, source } });
    await this.writeStep(manager, actor, request, source, step, affected, error, description, true);
  }

  /** Keyed hashes of the e-mails and phones: ingestion refuses them from now on. */
  private async suppress(manager: EntityManager, requestId: string, plan: ErasurePlan): Promise<number> {
    const key = await this.dataKeys.get('suppression', manager);
    const own = (email: string) => this.config.controllerDomains.includes(email.slice(email.lastIndexOf('@') + 1));
    const entries: Array<[SuppressedKind, string]> = [
      ...plan.identifiers.emails
        .filter((e) => !own(e))
        .map((e): [SuppressedKind, string] => ['email', suppressionHash(key, 'email', e)]),
      ...plan.identifiers.phones.map((p): [SuppressedKind, string] => ['phone', suppressionHash(key, 'phone', p)]),
    ];
    if (!entries.length) return 0;
    await manager.query('SELECT pg_advisory_xact_lock($1)', [SUPPRESSION_LOCK]);
    await manager.query(
      `INSERT INTO suppressed_identifiers (kind, hash, request_id) SELECT k, h, $3 FROM unnest($1::text[], $2::text[]) AS t(k, h)
       ON CONFLICT (hash) DO NOTHING`,
      [entries.map((e) => e[0]), entries.map((e) => e[1]), requestId],
    );
    return entries.length;
  }

  /** Runs one source unless done; its outcome (or its error) is written either way. */
  private async runSource(
    actor: Actor,
    request: DataSubjectRequest,
    plan: ErasurePlan,
    { source, erasure }: ErasableSource,
    /** The source's records as described before the run: what each of them gets, per kind. */
    description: SourceErasureReport | undefined,
  ): Promise<void> {
    const existing = await this.dataSource
      .getRepository(ErasureStep)
      .findOne({ where: { requestId: request.id, source } });
    if (existing && existing.status !== 'failed') return;
    let affected = 0;
    let error: string | null = null;
    try {
      if (erasure.kind === 'calling-out') {
        ({ affected, error } = await erasure.apply(this.run(actor, request), plan));
      } else {
        affected = await this.dataSource.transaction(async (manager) => {
          const n = await erasure.apply(manager, plan, this.tools);
          await this.writeStep(manager, actor, request, source, existing, n, null, description);
          return n;
        });
        return;
      }
    } catch (cause) {
      error = (cause as Error).message;
      this.logger.warn(`Erasure of ${source} for ${request.reference} failed: ${error}`);
    }
    await this.dataSource.transaction((manager) =>
      this.writeStep(manager, actor, request, source, existing, affected, error, description),
    );
  }

  /** What a source's change that calls out of the console may use. */
  private run(actor: Actor, request: DataSubjectRequest): ErasureRun {
    return { ...this.tools, dataSource: this.dataSource, config: this.config, audit: this.audit, actor, request };
  }

  private async writeStep(
    manager: EntityManager,
    actor: Actor,
    request: DataSubjectRequest,
    source: string,
    existing: ErasureStep | null,
    affected: number,
    error: string | null,
    description: SourceErasureReport | undefined,
    /** Records that arrived while the plan was being fixed. */
    late = false,
  ): Promise<void> {
    const step =
      existing ??
      manager.create(ErasureStep, {
        requestId: request.id,
        source,
        recordsAffected: 0,
        erased: 0,
        masked: 0,
        attempts: 0,
      });
    const { erased, masked } = splitByKind(affected, description);
    step.status = error ? 'failed' : 'done';
    step.recordsAffected += affected;
    step.erased += erased;
    step.masked += masked;
    step.attempts += 1;
    step.error = error;
    await manager.save(ErasureStep, step);
    const kind = error ? 'erasure_source_failed' : 'erasure_source_done';
    await appendToTimeline(manager, actor, request.id, kind, error, {
      source,
      recordsAffected: affected,
      erased,
      masked,
      attempt: step.attempts,
      late,
    });
    await this.audit.record(manager, actor, {
      action: error ? 'erasure.source_failed' : 'erasure.source_erased',
      entity: 'request',
      entityId: request.id,
      details: {
        reference: request.reference,
        source,
        recordsAffected: affected,
        erased,
        masked,
        attempt: step.attempts,
        error,
        late,
      },
    });
  }

  /**
   * When every source is done or waived: the plan (which names the person) is destroyed, unless
   * a legal hold keeps records of it: the plan then stays sealed until they are erased too.
   */
  private async completeIfDone(actor: Actor, request: DataSubjectRequest, steps: ErasureStep[]): Promise<void> {
    const finished = erasableSources().every((s) =>
      steps.some((step) => step.source === s && step.status !== 'failed'),
    );
    if (!finished) return;
    await this.dataSource.transaction(async (manager) => {
      const keep = await this.keepsHeldRecords(manager, request.id);
      const done: unknown = await manager.query(
        `UPDATE erasure_plans SET sealed = CASE WHEN $2::boolean THEN sealed END, completed_at = now()
         WHERE request_id = $1 AND completed_at IS NULL RETURNING request_id`,
        [request.id, keep],
      );
      if (!returnedRows(done).length) return;
      const totals = Object.fromEntries(steps.map((s) => [s.source, s.recordsAffected]));
      await appendToTimeline(manager, actor, request.id, 'erasure_completed', null, {
        recordsAffected: totals,
        erased: steps.reduce((n, s) => n + s.erased, 0),
        masked: steps.reduce((n, s) => n + s.masked, 0),
        waived: steps.filter((s) => s.status === 'waived').map((s) => s.source),
      });
      await this.audit.record(manager, actor, {
        action: 'erasure.completed',
        entity: 'request',
        entityId: request.id,
        details: { reference: request.reference, recordsAffected: totals },
      });
    });
  }

  /** Whether a hold of this request still keeps records not erased (whether in force or ended). */
  private async keepsHeldRecords(manager: EntityManager, requestId: string): Promise<boolean> {
    const [row]: Array<{ n: number }> = await manager.query(
      `SELECT count(*)::int AS n FROM legal_hold_records hr JOIN legal_holds h ON h.id = hr.hold_id
       WHERE h.request_id = $1 AND hr.erased_at IS NULL`,
      [requestId],
    );
    return row.n > 0;
  }

  /** The hold rows of records a run changed: a hold that ended before the run kept nothing. */
  private async markErased(manager: EntityManager, requestId: string, changed: ErasurePlan): Promise<void> {
    const steps = await manager.find(ErasureStep, { where: { requestId } });
    for (const step of steps.filter((s) => s.status === 'done')) {
      const ids = [...ownRecords(changed, step.source), ...mentionRecords(changed, step.source)];
      if (!ids.length) continue;
      await manager.query(
        `UPDATE legal_hold_records SET erased_at = now() WHERE erased_at IS NULL AND source = $1 AND record_id = ANY($2::text[])`,
        [step.source, ids],
      );
    }
  }

  /**
   * After a complete erasure, the records legal holds kept are erased once their holds have
   * ended (end date passed, or lifted), as the plan says for their source: the person asked for
   * erasure, and the only ground to keep them is gone. A record still kept by another hold in force
   * stays. Once nothing held remains, the plan is destroyed.
   */
  private async eraseFreed(
    actor: Actor,
    request: DataSubjectRequest,
    stored: ErasurePlanRecord,
    dryRun: boolean,
  ): Promise<ErasureReport> {
    const complete = `The erasure of ${request.reference} is already complete`;
    if (!stored.sealed) throw new ConflictError(complete);
    const plan = this.unseal(stored.sealed);
    const held = await heldRecords(this.dataSource.manager, planRecordIds(plan));
    const freed = await this.freedRecords(request.id, held);
    if (!freed.size) {
      if (held.size)
        throw new ConflictError(
          `${complete}; ${held.size} record(s) are kept by legal holds in force (GET /api/requests/:id/holds)`,
        );
      throw new ConflictError(complete);
    }
    const only = (ids: string[], source: string) => ids.filter((id) => freed.has(`${source}:${id}`));
    const freedPlan: ErasurePlan = { identifiers: plan.identifiers, records: {}, mentions: {} };
    for (const { source } of erasureRun()) {
      freedPlan.records[source] = only(ownRecords(plan, source), source);
      freedPlan.mentions![source] = only(mentionRecords(plan, source), source);
    }
    const sources = await this.planner.describe(this.dataSource.manager, freedPlan, [], held);
    if (dryRun) {
      await this.audit.recordNow(actor, {
        action: 'erasure.previewed',
        entity: 'request',
        entityId: request.id,
        details: { reference: request.reference, records: Object.fromEntries(sources.map((s) => [s.source, s.total])) },
      });
      return { ...erasureReport(request, true, freedPlan, sources, [], erasableSources()), suppressed: 0 };
    }
    const lock = await tryRunLock(this.dataSource, this.config.databaseUrl === null, ERASURE_LOCK, request.id);
    if (!lock) throw new ConflictError(`An erasure of ${request.reference} is already running`);
    const outcomes: Array<
      Pick<ErasureStep, 'source' | 'status' | 'recordsAffected' | 'erased' | 'masked' | 'error' | 'waiverReason'>
    > = [];
    try {
      for (const { source, erasure } of erasureRun()) {
        const ids = [...ownRecords(freedPlan, source), ...mentionRecords(freedPlan, source)];
        if (!ids.length) continue;
        let affected = 0;
        let error: string | null = null;
        try {
          if (erasure.kind === 'calling-out')
            ({ affected, error } = await erasure.apply(this.run(actor, request), freedPlan));
          else affected = await this.dataSource.transaction((manager) => erasure.apply(manager, freedPlan, this.tools));
        } catch (cause) {
          error = (cause as Error).message;
        }
        outcomes.push({
          source,
          status: error ? 'failed' : 'done',
          recordsAffected: affected,
          ...splitByKind(
            affected,
            sources.find((d) => d.source === source),
          ),
          error,
          waiverReason: null,
        });
        await this.dataSource.transaction(async (manager) => {
          if (!error)
            await manager.query(
              `UPDATE legal_hold_records SET erased_at = now() WHERE erased_at IS NULL AND source = $1 AND record_id = ANY($2::text[])`,
              [source, ids],
            );
          await appendToTimeline(manager, actor, request.id, 'held_records_erased', error, {
            source,
            recordsAffected: affected,
          });
          await this.audit.record(manager, actor, {
            action: 'erasure.held_records_erased',
            entity: 'request',
            entityId: request.id,
            details: { reference: request.reference, source, recordsAffected: affected, error },
          });
        });
      }
      await this.dataSource.transaction(async (manager) => {
        if (!(await this.keepsHeldRecords(manager, request.id)))
          await manager.update(ErasurePlanRecord, { requestId: request.id }, { sealed: null });
      });
    } finally {
      await lock.release();
    }
    const report = erasureReport(
      request,
      false,
      freedPlan,
      sources,
      outcomes,
      outcomes.map((o) => o.source),
    );
    return { ...report, suppressed: 0 };
  }

  /** Records of this request's holds that ended, not erased yet, and kept by no other hold in force. */
  private async freedRecords(requestId: string, held: ReadonlyMap<string, HeldRecord>): Promise<Set<string>> {
    const rows: Array<{ source: string; record_id: string }> = await this.dataSource.query(
      `SELECT hr.source, hr.record_id FROM legal_hold_records hr JOIN legal_holds h ON h.id = hr.hold_id
       WHERE h.request_id = $1 AND hr.erased_at IS NULL AND NOT (${HOLD_IN_FORCE})`,
      [requestId],
    );
    return new Set(rows.map((r) => `${r.source}:${r.record_id}`).filter((key) => !held.has(key)));
  }

  private unseal(sealed: Buffer): ErasurePlan {
    return JSON.parse(open(this.config.encryptionKey, sealed)) as ErasurePlan;
  }

  private async loadRequest(id: string): Promise<DataSubjectRequest> {
    const request = await this.dataSource.getRepository(DataSubjectRequest).findOne({ where: { id } });
    if (!request) throw new NotFoundError('Request', id);
    return request;
  }
}
