import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ANY_ROLE, CurrentUser, Roles, STAFF_WRITE } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/auth.service';
import { InvalidInputError } from '../common/errors/domain.error';
import { IDENTIFIER_ROLES, type IdentifierRole } from './attribution';
import { SubjectReindexService } from './subject-reindex.service';
import { SubjectSearchService } from './subject-search.service';

export class SetIdentifierRoleDto {
  @ApiProperty({
    enum: IDENTIFIER_ROLES,
    description: 'owner: the identifier says whose record it is; mention: the record only names that person',
  })
  @IsIn(IDENTIFIER_ROLES, { message: `must be one of ${IDENTIFIER_ROLES.join(', ')}` })
  role: IdentifierRole;

  @ApiPropertyOptional({ example: 'The visitor wrote her own second address; confirmed on the phone' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(2000)
  reason?: string;
}

@ApiTags('subjects')
@Controller('subjects')
export class SubjectsController {
  constructor(
    private readonly search: SubjectSearchService,
    private readonly reindexing: SubjectReindexService,
  ) {}

  /** Every role may look, and every look is in the audit log with who looked for whom. */
  @Roles(...ANY_ROLE)
  @Get('search')
  @ApiOperation({ summary: 'Everything held about a person, grouped by source; audited' })
  @ApiQuery({
    name: 'q',
    description: 'An e-mail, a phone number (any common writing), a name, a consent id or an IP address',
  })
  @ApiQuery({
    name: 'requestId',
    required: false,
    description: 'The request this search is for: recorded in the audit log as its reason',
  })
  find(@CurrentUser() user: AuthenticatedUser, @Query('q') q: string, @Query('requestId') requestId?: string) {
    if (requestId !== undefined && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(requestId)) {
      throw new InvalidInputError('requestId must be a UUID', { requestId: 'must be a UUID' });
    }
    return this.search.search(user, typeof q === 'string' ? q : '', { requestId });
  }

  /** The officer corrects whose an identifier is in one record (Art. 15(4)); audited with the role before and after. */
  @Roles(...STAFF_WRITE)
  @Patch('identifiers/:entryId')
  @ApiOperation({
    summary: "Sets whether an index entry is its record's owner's identifier or a mention of someone else; audited",
  })
  setRole(
    @CurrentUser() user: AuthenticatedUser,
    @Param('entryId') entryId: string,
    @Body() body: SetIdentifierRoleDto,
  ) {
    if (!/^\d{1,18}$/.test(entryId))
      throw new InvalidInputError('entryId must be the number of an index entry', { entryId: 'must be a number' });
    return this.search.setRole(user, entryId, body.role, body.reason ?? null);
  }

  /** After an upgrade that changed the attribution rules: every record's entries as the rules say now. */
  @Roles('admin')
  @Post('reindex')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Re-indexes every stored record under the current rules of whose each identifier is; the officer's corrections stay; audited",
  })
  async reindex(@CurrentUser() user: AuthenticatedUser) {
    return { sources: await this.reindexing.reindexAll(user) };
  }
}
