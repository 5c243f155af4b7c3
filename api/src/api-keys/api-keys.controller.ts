import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/auth.service';
import { sendPage } from '../common/rest/content-range';
import { parseListQuery, type RawListQuery } from '../common/rest/list-query';
import { ListQueryParams } from '../common/rest/list-query.params';
import { API_KEYS_LIST } from './api-keys.list';
import { ApiKeysService, presentApiKey } from './api-keys.service';
import { CreateApiKeyDto } from './dto/create-api-key.dto';

@ApiTags('api-keys')
@Roles('admin')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @ListQueryParams()
  @ApiOperation({ summary: 'Keys for the ingestion API (admins only); the keys themselves are never listed' })
  async list(@Query() query: RawListQuery, @Res({ passthrough: true }) res: Response) {
    return sendPage(
      res,
      API_KEYS_LIST.resource,
      await this.keys.list(parseListQuery(API_KEYS_LIST, query)),
      presentApiKey,
    );
  }

  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string) {
    return presentApiKey(await this.keys.get(id));
  }

  @Post()
  @ApiOperation({ summary: 'Creates a key: the answer holds the key in clear, once' })
  async create(@CurrentUser() actor: AuthenticatedUser, @Body() body: CreateApiKeyDto) {
    const { apiKey, key } = await this.keys.create(actor, body.name);
    return { ...presentApiKey(apiKey), key };
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revokes a key (it stays listed, revoked)' })
  async revoke(@CurrentUser() actor: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return presentApiKey(await this.keys.revoke(actor, id));
  }
}
