import { Controller, Get, Param, Query, Res, type Type } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource, type ObjectLiteral } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { listedDetails } from '../audit/read-audit';
import { ANY_ROLE, CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/auth.service';
import { InvalidInputError, NotFoundError } from '../common/errors/domain.error';
import { sendPage, type Page } from '../common/rest/content-range';
import { findPage } from '../common/rest/find-page';
import { parseListQuery, type RawListQuery } from '../common/rest/list-query';
import { ListQueryParams } from '../common/rest/list-query.params';
import { AnswersWith } from '../openapi/document';
import { stopsOfRecords, storedUnderStopCondition, takeStopFilter } from '../objections/record-stops';
import type { SourceDefinition } from './source-definition';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The optional `requestId` a reader gives as the reason for reading (the audit log keeps it). */
function readingFor(raw: unknown): string | null {
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string' || !UUID.test(raw))
    throw new InvalidInputError('requestId must be the id (a UUID) of the request the data is read for', {
      requestId: 'is not a UUID',
    });
  return raw;
}

/**
 * A read-only ra-data-simple-rest resource over one personal-data source: list and show. Data
 * arrives through ingestion and leaves through the request workflow, never through these.
 * Every read is in the audit log with who read and, when given, the request it was for.
 */
export function readOnlyResourceController(source: SourceDefinition): Type<unknown> {
  const name = source.resource.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
  @ApiTags('sources')
  @Roles(...ANY_ROLE)
  @Controller(source.resource)
  class ReadOnlyResourceController {
    constructor(
      @InjectDataSource() readonly dataSource: DataSource,
      readonly audit: AuditService,
    ) {}

    @Get()
    @ListQueryParams()
    @ApiQuery({
      name: 'requestId',
      required: false,
      description: 'The request the data is read for (kept in the audit log)',
    })
    @ApiOperation({ summary: `List ${source.resource}` })
    @AnswersWith(`${name}Record`, { list: true })
    async list(
      @CurrentUser() actor: AuthenticatedUser,
      @Query() raw: RawListQuery & { requestId?: unknown },
      @Res({ passthrough: true }) res: Response,
    ) {
      const { requestId, ...query } = raw;
      const reason = readingFor(requestId);
      // `storedUnderStop`: the records ingestion stored flagged under an objection or a withdrawal.
      const { filter, storedUnderStop } = takeStopFilter(query.filter);
      const parsed = parseListQuery(source.list, { ...query, filter });
      const page: Page<ObjectLiteral & { id: string | number }> = await findPage(
        this.dataSource.getRepository<ObjectLiteral & { id: string | number }>(source.entity),
        parsed,
        source.list.searchable,
        storedUnderStop === null ? {} : { id: storedUnderStopCondition(source.resource, storedUnderStop) },
      );
      const idOf = (row: { id: string | number }) => String(row.id);
      const stops = await stopsOfRecords(this.dataSource, source.resource, page.rows.map(idOf));
      await this.audit.recordNow(actor, {
        action: 'records.listed',
        entity: source.resource,
        details: { ...listedDetails(query, page.rows, page.total), requestId: reason },
      });
      // Added to the presented record, not spread into a copy: one shared code path for every
      // source, where copying each record's fields was a tenth of the page's own work.
      return sendPage(res, source.resource, page, (row) =>
        Object.assign(source.present(row), { processingStops: stops.get(idOf(row)) ?? [] }),
      );
    }

    @Get(':id')
    @ApiQuery({
      name: 'requestId',
      required: false,
      description: 'The request the data is read for (kept in the audit log)',
    })
    @ApiOperation({ summary: `One record of ${source.resource}` })
    @AnswersWith(`${name}Record`)
    async get(
      @CurrentUser() actor: AuthenticatedUser,
      @Param('id') id: string,
      @Query('requestId') requestId?: unknown,
    ) {
      const valid = source.idType === 'uuid' ? UUID.test(id) : /^\d{1,18}$/.test(id);
      if (!valid)
        throw new InvalidInputError(`id must be ${source.idType === 'uuid' ? 'a UUID' : 'a whole number'}`, {
          id: 'is malformed',
        });
      const reason = readingFor(requestId);
      const row = await this.dataSource.getRepository<ObjectLiteral>(source.entity).findOne({ where: { id } });
      if (!row) throw new NotFoundError(source.resource, id);
      await this.audit.recordNow(actor, {
        action: 'record.viewed',
        entity: source.resource,
        entityId: String(id),
        details: { requestId: reason },
      });
      const stops = await stopsOfRecords(this.dataSource, source.resource, [String(id)]);
      return Object.assign(source.present(row), { processingStops: stops.get(String(id)) ?? [] });
    }
  }
  Object.defineProperty(ReadOnlyResourceController, 'name', { value: `${name}Controller` });
  return ReadOnlyResourceController;
}
