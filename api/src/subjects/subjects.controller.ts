import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ANY_ROLE, CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/auth.service';
import { InvalidInputError } from '../common/errors/domain.error';
import { SubjectSearchService } from './subject-search.service';

@ApiTags('subjects')
@Controller('subjects')
export class SubjectsController {
  constructor(private readonly search: SubjectSearchService) {}

  /** Every role may look, and every look is in the audit log with who looked for whom. */
  @Roles(...ANY_ROLE)
  @Get('search')
  @ApiOperation({ summary: 'Everything held about a person, grouped by source; audited' })
  @ApiQuery({ name: 'q', description: 'An e-mail, a phone number (any common writing), a name, a consent id or an IP address' })
  @ApiQuery({ name: 'requestId', required: false, description: 'The request this search is for: recorded in the audit log as its reason' })
  find(@CurrentUser() user: AuthenticatedUser, @Query('q') q: string, @Query('requestId') requestId?: string) {
    if (requestId !== undefined && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(requestId)) {
      throw new InvalidInputError('requestId must be a UUID', { requestId: 'must be a UUID' });
    }
    return this.search.search(user, typeof q === 'string' ? q : '', { requestId });
  }
}
