import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, STAFF_WRITE } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/auth.service';
import { ObjectionDecisionDto } from './objection.dto';
import { ObjectionsService } from './objections.service';

@ApiTags('requests')
@Controller('requests/:id')
export class ObjectionsController {
  constructor(private readonly objections: ObjectionsService) {}

  @Roles(...STAFF_WRITE)
  @Post('objection-decision')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Decides an objection (Art. 21): the activities objected to, the assessment; without compelling grounds the person's processing for them stops",
  })
  decide(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ObjectionDecisionDto,
  ) {
    return this.objections.decide(actor, id, body);
  }
}
