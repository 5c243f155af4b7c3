import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, STAFF_WRITE } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/auth.service';
import { parseRequestEmail } from './email-intake';
import { OtherRequestsService } from './other-requests.service';
import { presentRequest } from './request.presenter';
import { RequestsService } from './requests.service';

@ApiTags('requests')
@Roles(...STAFF_WRITE)
@Controller('intake')
export class IntakeController {
  constructor(
    private readonly requests: RequestsService,
    private readonly others: OtherRequestsService,
  ) {}

  @Post('email')
  @ApiConsumes('message/rfc822')
  @ApiBody({
    description: 'The raw message, as saved from the mailbox (.eml)',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiOperation({
    summary:
      'Creates a request (status received) from an e-mail to privacy@ (201); the type is a guess to confirm. ' +
      'The same e-mail again answers the request it made (200, duplicate: true, alreadyImported: which request and when) ' +
      "and creates nothing. otherRequests: the same person's other requests (same e-mail or phone; Art. 12(3) and (5))",
  })
  async email(@CurrentUser() actor: AuthenticatedUser, @Body() raw: Buffer, @Res({ passthrough: true }) res: Response) {
    const parsed = await parseRequestEmail(Buffer.isBuffer(raw) ? raw : Buffer.alloc(0));
    const { request, duplicate } = await this.requests.importEmail(actor, parsed);
    if (duplicate) res.status(200);
    return {
      ...presentRequest(request),
      duplicate,
      alreadyImported: duplicate
        ? { requestId: request.id, reference: request.reference, importedAt: request.createdAt.toISOString() }
        : null,
      otherRequests: await this.others.sameIdentifiers(request),
    };
  }
}
