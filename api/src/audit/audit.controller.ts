import { Controller, Get, Param, Query, Res } from '@nestjs/common';
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
import { AuditEvent } from './audit-event.entity';
import { presentAuditEvent } from './audit-event.presenter';
import { AUDIT_EVENTS_LIST } from './audit-events.list';
import { AuditService } from './audit.service';
import { AuditRead } from './read-audit';

/**
 * The audit log, read-only for every role: there is no endpoint that writes or deletes it. Reading
 * it is audited too (it holds who searched whom, and what): the event is appended after the page
 * is read, so it is never in the page it records.
 */
@ApiTags('audit')
@Roles(...ANY_ROLE)
@Controller('audit-events')
export class AuditEventsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ListQueryParams()
  @AuditRead({ action: 'audit-events.listed', entity: 'audit_event', read: 'page' })
  @ApiOperation({ summary: 'Audit events, newest first by default' })
  async list(@Query() query: RawListQuery, @Res({ passthrough: true }) res: Response) {
    const page = await findPage(
      this.dataSource.getRepository(AuditEvent),
      parseListQuery(AUDIT_EVENTS_LIST, query),
      AUDIT_EVENTS_LIST.searchable,
    );
    return sendPage(res, AUDIT_EVENTS_LIST.resource, page, presentAuditEvent);
  }

  @Get(':id')
  @AuditRead({ action: 'audit-event.viewed', entity: 'audit_event', read: 'one' })
  async get(@Param('id') id: string) {
    if (!/^\d{1,18}$/.test(id))
      throw new InvalidInputError('id must be a whole number', { id: 'must be a whole number' });
    const event = await this.dataSource.getRepository(AuditEvent).findOne({ where: { id } });
    if (!event) throw new NotFoundError('Audit event', id);
    return presentAuditEvent(event);
  }
}

@ApiTags('audit')
@Roles(...ANY_ROLE)
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Not audited: the answer is a count and ids of events, nothing of their content. */
  @Get('verify')
  @ApiOperation({ summary: 'Recomputes the hash chain and reports the first broken link' })
  verify() {
    return this.audit.verify();
  }
}
