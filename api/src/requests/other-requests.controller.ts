import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANY_ROLE, Roles } from '../auth/access.decorators';
import { AuditRead } from '../audit/read-audit';
import { OtherRequestsService, type OtherRequestsAnswer } from './other-requests.service';

@ApiTags('requests')
@Roles(...ANY_ROLE)
@Controller('requests')
export class OtherRequestsController {
  constructor(private readonly others: OtherRequestsService) {}

  /** Audited: it tells which requests a person made. */
  @Get(':id/other-requests')
  @AuditRead({
    action: 'request.other_requests_viewed',
    entity: 'request',
    read: 'one',
    details: (r: OtherRequestsAnswer) => ({ reference: r.reference, ids: r.requests.map((o) => o.id) }),
  })
  @ApiOperation({
    summary:
      "Art. 12(3) and (5): the same person's other requests (same e-mail or phone, exactly), open or closed, and the times the same e-mail was imported again",
  })
  of(@Param('id', ParseUUIDPipe) id: string) {
    return this.others.of(id);
  }
}
