import { Controller, Get, Param, Query, Res, type Type } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { ANY_ROLE, Roles } from '../auth/access.decorators';
import { InvalidInputError, NotFoundError } from '../common/errors/domain.error';
import { sendPage } from '../common/rest/content-range';
import { findPage } from '../common/rest/find-page';
import { parseListQuery, type RawListQuery } from '../common/rest/list-query';
import { ListQueryParams } from '../common/rest/list-query.params';
import type { SourceDefinition } from './source-registry';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A read-only ra-data-simple-rest resource over one personal-data source: list and show. Data
 * arrives through ingestion and leaves through the request workflow, never through these.
 */
export function readOnlyResourceController(source: SourceDefinition): Type<unknown> {
  @ApiTags('sources')
  @Roles(...ANY_ROLE)
  @Controller(source.resource)
  class ReadOnlyResourceController {
    constructor(@InjectDataSource() readonly dataSource: DataSource) {}

    @Get()
    @ListQueryParams()
    @ApiOperation({ summary: `List ${source.resource}` })
    async list(@Query() query: RawListQuery, @Res({ passthrough: true }) res: Response) {
      const page = await findPage(this.dataSource.getRepository(source.entity), parseListQuery(source.list, query), source.list.searchable);
      return sendPage(res, source.resource, page, source.present);
    }

    @Get(':id')
    @ApiOperation({ summary: `One record of ${source.resource}` })
    async get(@Param('id') id: string) {
      const valid = source.idType === 'uuid' ? UUID.test(id) : /^\d{1,18}$/.test(id);
      if (!valid) throw new InvalidInputError(`id must be ${source.idType === 'uuid' ? 'a UUID' : 'a whole number'}`, { id: 'is malformed' });
      const row = await this.dataSource.getRepository(source.entity).findOne({ where: { id } });
      if (!row) throw new NotFoundError(source.resource, id);
      return source.present(row);
    }
  }
  const name = source.resource.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
  Object.defineProperty(ReadOnlyResourceController, 'name', { value: `${name}Controller` });
  return ReadOnlyResourceController;
}
