import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors/domain.error';
import { requireActionable } from '../erasure/request-guards';
import { ProcessingActivity } from '../registers/activities/activity.entity';
import { DataSubjectRequest } from '../requests/request.entity';
import { appendToTimeline } from '../requests/request-timeline';
import type { ObjectionDecisionDto } from './objection.dto';
import { ProcessingStopsService } from './processing-stops.service';
import { art21Statement, objectionProblems, objectionStops, type StopReason } from './stop-rules';

/** The officer's decision on an objection (Art. 21), and the stop it puts on the person's processing. */
@Injectable()
export class ObjectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly stops: ProcessingStopsService,
  ) {}

  /**
   * Records the decision: without compelling grounds (or for direct marketing) the person's
   * identifiers are flagged for the activities objected to; with compelling grounds nothing stops
   * and the answer carries the Art. 21(1) statement. One audit event and one timeline line.
   */
  async decide(actor: Actor, requestId: string, dto: ObjectionDecisionDto) {
    const request = await this.dataSource.getRepository(DataSubjectRequest).findOne({ where: { id: requestId } });
    if (!request) throw new NotFoundError('Request', requestId);
    requireActionable(request, ['objection']);
    const register = await this.dataSource.getRepository(ProcessingActivity).find({ order: { name: 'ASC' } });
    const problems = objectionProblems(dto, register);
    const [first] = Object.entries(problems);
    if (first) throw new InvalidInputError(`${first[0]}: ${first[1]}`, problems);
    const activities = (dto.activityIds ?? []).map((id) => register.find((a) => a.id === id)!);
    const stops = objectionStops(dto);
    const reason: StopReason = dto.directMarketing ? 'direct_marketing' : 'objection';
    const identifiers = stops ? await this.stops.identifiersOf(request) : [];
    if (stops && !identifiers.length)
      throw new ConflictError(
        `${request.reference} names no e-mail or phone of the person: add one, or ingestion could not recognise them`,
      ).because('no_identifier');
    const statement = stops ? null : art21Statement(dto.grounds ?? '', request.language);
    const named = activities.map((a) => ({
      id: a.id,
      name: a.name,
      sourceSystem: a.sourceSystem,
      consentCategory: null,
    }));

    return this.dataSource.transaction(async (manager) => {
      // A direct-marketing objection with no activity named stops all marketing to the person.
      const identifiersFlagged = stops
        ? await this.stops.record(manager, request.id, reason, identifiers, named.length ? named : [null])
        : 0;
      const decision = {
        reference: request.reference,
        outcome: stops ? ('processing_stopped' as const) : ('objection_refused' as const),
        directMarketing: !!dto.directMarketing,
        assessment: dto.directMarketing ? null : (dto.assessment ?? null),
        grounds: stops ? null : (dto.grounds ?? null),
        activities: named.map((a) => ({ activityId: a.id, activity: a.name, sourceSystem: a.sourceSystem })),
        identifiersFlagged,
        statement,
      };
      const { reference: _reference, ...details } = decision;
      await appendToTimeline(manager, actor, request.id, 'objection_decided', statement, details);
      await this.audit.record(manager, actor, {
        action: 'subject.objection_decided',
        entity: 'request',
        entityId: request.id,
        details: {
          reference: request.reference,
          outcome: decision.outcome,
          directMarketing: decision.directMarketing,
          assessment: decision.assessment,
          activities: named.map((a) => a.name),
          identifiersFlagged,
        },
      });
      return decision;
    });
  }
}
