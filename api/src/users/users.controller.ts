import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuditRead } from '../audit/read-audit';
import { CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/auth.service';
import { sendPage } from '../common/rest/content-range';
import { parseListQuery, type RawListQuery } from '../common/rest/list-query';
import { ListQueryParams } from '../common/rest/list-query.params';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { presentUser } from './user.entity';
import { USERS_LIST } from './users.list';
import { UsersService } from './users.service';

@ApiTags('users')
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Staff are people too: reading their accounts is audited like any read of personal data. */
  @Get()
  @ListQueryParams()
  @AuditRead({ action: 'users.listed', entity: 'user', read: 'page' })
  @ApiOperation({ summary: 'Staff accounts (admins only)' })
  async list(@Query() query: RawListQuery, @Res({ passthrough: true }) res: Response) {
    const page = await this.users.list(parseListQuery(USERS_LIST, query));
    return sendPage(res, USERS_LIST.resource, page, presentUser);
  }

  @Get(':id')
  @AuditRead({ action: 'user.viewed', entity: 'user', read: 'one' })
  async get(@Param('id', ParseUUIDPipe) id: string) {
    return presentUser(await this.users.get(id));
  }

  @Post()
  async create(@CurrentUser() actor: AuthenticatedUser, @Body() body: CreateUserDto) {
    return presentUser(await this.users.create(actor, body));
  }

  @Put(':id')
  async update(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUserDto,
  ) {
    return presentUser(await this.users.update(actor, id, body));
  }

  @Post(':id/revoke-sessions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ends every open session of the user at once and lifts a sign-in lock on the account' })
  revokeSessions(@CurrentUser() actor: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.users.revokeSessions(actor, id);
  }

  /** When and from where the user is signed in: staff data, its read audited like the accounts'. */
  @Get(':id/sessions')
  @AuditRead({ action: 'user.sessions_viewed', entity: 'user', read: 'one' })
  @ApiOperation({
    summary: "The user's open sessions: created, last used, expires, address and browser (never a token)",
  })
  sessions(@CurrentUser() actor: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.users.listSessions(id, actor.sessionId);
  }

  @Delete(':id/sessions/:sessionId')
  @ApiOperation({ summary: 'Ends one open session of the user' })
  revokeSession(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
  ) {
    return this.users.revokeSession(actor, id, sessionId);
  }

  @Delete(':id')
  async remove(@CurrentUser() actor: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return presentUser(await this.users.remove(actor, id));
  }
}
