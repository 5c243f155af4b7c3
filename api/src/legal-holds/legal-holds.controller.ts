import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditRead } from '../audit/read-audit';
import { ANY_ROLE, CurrentUser, Roles, STAFF_WRITE } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/auth.service';
import { LiftHoldDto, PlaceHoldDto } from './dto/legal-holds.dtos';
import { LegalHoldsService } from './legal-holds.service';

/** Legal holds of an erasure request (Art. 17(3)): what the erasure and the retention sweep keep. */
@ApiTags('requests')
@Roles(...ANY_ROLE)
@Controller('requests/:id/holds')
export class LegalHoldsController {
  constructor(private readonly holds: LegalHoldsService) {}

  /** Audited: the officer's reasons may speak of the person. */
  @Get()
  @AuditRead({
    action: 'legal_holds.viewed',
    entity: 'request',
    read: 'one',
    details: (r: { reference: string; holds: Array<{ id: string }> }) => ({
      reference: r.reference,
      ids: r.holds.map((h) => h.id),
    }),
  })
  @ApiOperation({ summary: "The request's legal holds: ground, end or review date, records kept, state" })
  list(@Param('id', ParseUUIDPipe) id: string) {
    return this.holds.list(id);
  }

  @Roles(...STAFF_WRITE)
  @Post()
  @ApiOperation({
    summary: "Keeps the person's records of a source, or one record, from erasure and retention (Art. 17(3))",
  })
  place(@CurrentUser() actor: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: PlaceHoldDto) {
    return this.holds.place(actor, id, body);
  }

  @Roles(...STAFF_WRITE)
  @Post(':holdId/lift')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ends a legal hold; the next erasure run erases what it kept' })
  lift(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('holdId', ParseUUIDPipe) holdId: string,
    @Body() body: LiftHoldDto,
  ) {
    return this.holds.lift(actor, id, holdId, body);
  }
}
