import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditRead } from '../audit/read-audit';
import { ANY_ROLE, CurrentUser, Roles, STAFF_WRITE } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/auth.service';
import {
  EraseQueryDto,
  IpsDto,
  LiftRestrictionDto,
  RectifyDto,
  WaiveDto,
  WithdrawDto,
} from './dto/subject-rights.dtos';
import { ErasureService } from './erasure.service';
import { SubjectRightsService } from './subject-rights.service';

/** What the officer does to the subject's data for a request: erase, rectify, restrict, stop processing. */
@ApiTags('requests')
@Roles(...ANY_ROLE)
@Controller('requests/:id')
export class ErasureController {
  constructor(
    private readonly erasure: ErasureService,
    private readonly rights: SubjectRightsService,
  ) {}

  @Roles(...STAFF_WRITE)
  @Post('erase')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Erases the subject (Art. 17), source by source; ?dryRun=true lists what would change. Run again to finish after a failure.',
  })
  erase(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: EraseQueryDto,
    @Body() body: IpsDto,
  ) {
    return this.erasure.erase(actor, id, { dryRun: query.dryRun === 'true', ips: body?.ips });
  }

  /** Not audited: per source a status, counts and the step's error or waiver, nothing about the person. */
  @Get('erasure')
  @ApiOperation({
    summary: "The erasure's steps: per source, done, failed (with the error) or waived (with the reason)",
  })
  async erasureStatus(@Param('id', ParseUUIDPipe) id: string) {
    const { steps, startedAt, completedAt } = await this.erasure.status(id);
    return {
      startedAt: startedAt?.toISOString() ?? null,
      completedAt: completedAt?.toISOString() ?? null,
      steps: steps.map((s) => ({
        source: s.source,
        status: s.status,
        recordsAffected: s.recordsAffected,
        erased: s.erased,
        masked: s.masked,
        attempts: s.attempts,
        error: s.error,
        waiverReason: s.waiverReason,
        updatedAt: s.updatedAt.toISOString(),
      })),
    };
  }

  @Roles(...STAFF_WRITE)
  @Post('erasure/waive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Records why a failed source cannot be erased, so that the request can be closed' })
  async waive(@CurrentUser() actor: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: WaiveDto) {
    const step = await this.erasure.waive(actor, id, body.source, body.reason);
    return { source: step.source, status: step.status, waiverReason: step.waiverReason };
  }

  @Roles(...STAFF_WRITE)
  @Post('rectify')
  @HttpCode(200)
  @ApiOperation({ summary: "Corrects the subject's records in place across sources (Art. 16); the index follows" })
  rectify(@CurrentUser() actor: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: RectifyDto) {
    return this.rights.rectify(actor, id, body);
  }

  @Roles(...STAFF_WRITE)
  @Post('restrict')
  @HttpCode(200)
  @ApiOperation({
    summary: "Restricts the subject's records (Art. 18): kept, flagged, never swept; new data arrives flagged",
  })
  restrict(@CurrentUser() actor: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: IpsDto) {
    return this.rights.restrict(actor, id, body?.ips ?? []);
  }

  @Roles(...STAFF_WRITE)
  @Post('lift-restriction')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Lifts the restriction this request put, once the subject was told (subjectToldAt, Art. 18(3))',
  })
  lift(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: LiftRestrictionDto,
  ) {
    return this.rights.lift(actor, id, body.reason, body.subjectToldAt);
  }

  @Roles(...STAFF_WRITE)
  @Post('withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Records a withdrawal of consent or an objection as a consent record and lists the processing that stops',
  })
  withdraw(@CurrentUser() actor: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: WithdrawDto) {
    return this.rights.withdraw(actor, id, body?.activityIds);
  }

  /** Audited: each notice names the subject (their e-mail). */
  @Get('recipients')
  @AuditRead({
    action: 'recipients.viewed',
    entity: 'request',
    read: 'one',
    details: (r: { reference: string; recipients: Array<{ processorId: string }> }) => ({
      reference: r.reference,
      ids: r.recipients.map((p) => p.processorId),
    }),
  })
  @ApiOperation({
    summary: 'Art. 19: the processors to tell about the erasure, rectification or restriction, each with a notice',
  })
  recipients(@Param('id', ParseUUIDPipe) id: string) {
    return this.rights.recipients(id);
  }
}
