import { Body, Controller, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, STAFF_WRITE } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/auth.service';
import { parseRequestEmail } from './email-intake';
import { presentRequest } from './request.presenter';
import { RequestsService } from './requests.service';

@ApiTags('requests')
@Roles(...STAFF_WRITE)
@Controller('intake')
export class IntakeController {
  constructor(private readonly requests: RequestsService) {}

  @Post('email')
  @ApiConsumes('message/rfc822')
  @ApiBody({ description: 'The raw message, as saved from the mailbox (.eml)', schema: { type: 'string', format: 'binary' } })
  @ApiOperation({ summary: 'Creates a request (status received) from an e-mail to privacy@; the type is a guess to confirm' })
  async email(@CurrentUser() actor: AuthenticatedUser, @Body() raw: Buffer) {
    const { request, received } = await parseRequestEmail(Buffer.isBuffer(raw) ? raw : Buffer.alloc(0));
    return presentRequest(await this.requests.create(actor, request, received));
  }
}
