import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service';
import { open } from '../common/crypto/secret-box';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors/domain.error';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { erasableSources } from '../erasure/erasable-sources';
import { ErasurePlanRecord } from '../erasure/erasure-plan.entity';
import { ErasurePlanner } from '../erasure/erasure-planner';
import { ErasureStep } from '../erasure/erasure-step.entity';
import { requireActionable } from '../erasure/request-guards';
import { mentionRecords, ownRecords, type ErasurePlan } from '../erasure/source-erasure';
import { appendToTimeline } from '../requests/request-timeline';
import { DataSubjectRequest } from '../requests/request.entity';
import type { LiftHoldDto, PlaceHoldDto } from './dto/legal-holds.dtos';
import { LegalHold, LegalHoldRecord } from './legal-hold.entity';
import { holdProblems, holdState, inForce } from './legal-hold-rules';

/** A hold as the API answers it: its records, its state and, once ended, the records still to erase. */
export function presentHold(hold: LegalHold, records: LegalHoldRecord[], now: Date) {
  return {
    id: hold.id,
    requestId: hold.requestId,
    source: hold.source,
    scope: hold.scope,
    recordId: hold.recordId,
    ground: hold.ground,
    legalReference: hold.legalReference,
    reason: hold.reason,
    endsAt: hold.endsAt?.toISOString() ?? null,
    reviewAt: hold.reviewAt?.toISOString() ?? null,
    placedBy: hold.placedBy,
    placedAt: hold.placedAt.toISOString(),
    liftedAt: hold.liftedAt?.toISOString() ?? null,
    liftedBy: hold.liftedBy,
    liftReason: hold.liftReason,
    state: holdState(hold, now),
    records: records.map((r) => r.recordId),
    /** Ended or lifted, and not erased yet: `POST /requests/:id/erase` erases them. */
    freed: inForce(hold, now) ? 0 : records.filter((r) => !r.erasedAt).length,
  };
}
export type LegalHoldView = ReturnType<typeof presentHold>;

/**
 * Legal holds (Art. 17(3)): placed by the officer on an erasure request, on the person's records of
 * one source or on one record, each audited and on the request's timeline. What they keep is
 * read by the erasure (erasure.service.ts) and the retention sweepers (held-sql.ts).
 */
@Injectable()
export class LegalHoldsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly planner: ErasurePlanner,
  ) {}

  async list(requestId: string): Promise<{ reference: string; holds: LegalHoldView[] }> {
    const request = await this.loadRequest(requestId);
    const holds = await this.dataSource
      .getRepository(LegalHold)
      .find({ where: { requestId }, order: { placedAt: 'ASC' } });
    const records = holds.length
      ? await this.dataSource
          .getRepository(LegalHoldRecord)
          .createQueryBuilder('r')
          .where('r.holdId IN (:...ids)', { ids: holds.map((h) => h.id) })
          .getMany()
      : [];
    const now = new Date();
    return {
      reference: request.reference,
      holds: holds.map((h) =>
        presentHold(
          h,
          records.filter((r) => r.holdId === h.id),
          now,
        ),
      ),
    };
  }

  async place(actor: Actor, requestId: string, dto: PlaceHoldDto): Promise<LegalHoldView> {
    const request = await this.loadRequest(requestId);
    requireActionable(request, ['erasure']);
    const now = new Date();
    const problems = holdProblems(dto, now);
    if (!erasableSources().includes(dto.source)) problems.source = `must be one of ${erasableSources().join(', ')}`;
    if (Object.keys(problems).length) throw new InvalidInputError('The legal hold is incomplete', problems);
    const stored = await this.dataSource.getRepository(ErasurePlanRecord).findOne({ where: { requestId } });
    if (stored?.completedAt)
      throw new ConflictError(`The erasure of ${request.reference} is complete: nothing of it is left to keep`);
    const step = await this.dataSource.getRepository(ErasureStep).findOne({ where: { requestId, source: dto.source } });
    if (step && step.status !== 'failed')
      throw new ConflictError(`The erasure of ${request.reference} has already erased ${dto.source}`, {
        source: 'already erased',
      });
    // The records the erasure would take: the plan it fixed, or the one it would fix now.
    const plan: ErasurePlan = stored?.sealed
      ? (JSON.parse(open(this.config.encryptionKey, stored.sealed)) as ErasurePlan)
      : await this.planner.plan(request, []);
    const own = ownRecords(plan, dto.source);
    let ids: string[];
    if (dto.recordId) {
      if (![...own, ...mentionRecords(plan, dto.source)].includes(dto.recordId))
        throw new InvalidInputError(`${dto.recordId} is not a record of the person in ${dto.source}`, {
          recordId: 'not among the records this erasure takes',
        });
      ids = [dto.recordId];
    } else {
      if (!own.length)
        throw new InvalidInputError(`The person has no records in ${dto.source}`, { source: 'nothing to keep' });
      ids = own;
    }
    return this.dataSource.transaction(async (manager) => {
      const hold = await manager.save(
        LegalHold,
        manager.create(LegalHold, {
          requestId,
          source: dto.source,
          scope: dto.recordId ? 'record' : 'source',
          recordId: dto.recordId ?? null,
          ground: dto.ground,
          legalReference: dto.legalReference?.trim() || null,
          reason: dto.reason.trim(),
          endsAt: dto.endsAt ? new Date(dto.endsAt) : null,
          reviewAt: dto.reviewAt ? new Date(dto.reviewAt) : null,
          placedBy: actor.email,
        }),
      );
      const records = ids.map((recordId) =>
        manager.create(LegalHoldRecord, { holdId: hold.id, source: dto.source, recordId, erasedAt: null }),
      );
      await manager.save(LegalHoldRecord, records);
      const details = {
        holdId: hold.id,
        source: hold.source,
        records: ids.length,
        ground: hold.ground,
        legalReference: hold.legalReference,
        endsAt: hold.endsAt?.toISOString() ?? null,
        reviewAt: hold.reviewAt?.toISOString() ?? null,
      };
      await appendToTimeline(manager, actor, requestId, 'legal_hold_placed', hold.reason, details);
      await this.audit.record(manager, actor, {
        action: 'legal_hold.placed',
        entity: 'request',
        entityId: requestId,
        details: { reference: request.reference, ...details, reason: hold.reason },
      });
      return presentHold(hold, records, new Date());
    });
  }

  /** Lifting ends the hold: the records are erased at the next `POST /requests/:id/erase`, and swept as any other. */
  async lift(actor: Actor, requestId: string, holdId: string, dto: LiftHoldDto): Promise<LegalHoldView> {
    const request = await this.loadRequest(requestId);
    return this.dataSource.transaction(async (manager) => {
      const hold = await manager.findOne(LegalHold, {
        where: { id: holdId, requestId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!hold) throw new NotFoundError('Legal hold', holdId);
      if (hold.liftedAt) throw new ConflictError(`The hold was already lifted on ${hold.liftedAt.toISOString()}`);
      hold.liftedAt = new Date();
      hold.liftedBy = actor.email;
      hold.liftReason = dto.reason.trim();
      await manager.save(LegalHold, hold);
      const records = await manager.find(LegalHoldRecord, { where: { holdId } });
      const details = { holdId, source: hold.source, records: records.length, ground: hold.ground };
      await appendToTimeline(manager, actor, requestId, 'legal_hold_lifted', hold.liftReason, details);
      await this.audit.record(manager, actor, {
        action: 'legal_hold.lifted',
        entity: 'request',
        entityId: requestId,
        details: { reference: request.reference, ...details, reason: hold.liftReason },
      });
      return presentHold(hold, records, new Date());
    });
  }

  private async loadRequest(id: string, manager: EntityManager = this.dataSource.manager): Promise<DataSubjectRequest> {
    const request = await manager.findOne(DataSubjectRequest, { where: { id } });
    if (!request) throw new NotFoundError('Request', id);
    return request;
  }
}
