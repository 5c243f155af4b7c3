import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { ANY_ROLE, CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/auth.service';
import { InvalidInputError, NotFoundError } from '../common/errors/domain.error';
import { sendPage } from '../common/rest/content-range';
import { findPage } from '../common/rest/find-page';
import { parseListQuery, type RawListQuery } from '../common/rest/list-query';
import { ListQueryParams } from '../common/rest/list-query.params';
import { queryRows } from '../common/sql-rows';
import { AuditEvent } from './audit-event.entity';
import { presentAuditEvent } from './audit-event.presenter';
import { AUDIT_EVENTS_LIST } from './audit-events.list';
import { findGroupedPage } from './audit-events.grouped';
import { ledgerWhere } from './audit-events.query';
import { requestIdOf, splitLedgerFilter } from './audit-ledger';
import { AuditService } from './audit.service';
import { AuditRead } from './read-audit';

/**
 * The audit log, read-only for every role: there is no endpoint that writes or deletes it. Reading
 * it is audited too (it holds who searched whom, and what): the event is appended after the page
 * is read, so it is never in the page it records. Every read of the log first chains the inbox:
 * a read that has answered is in the log shown.
 */
@ApiTags('audit')
@Roles(...ANY_ROLE)
@Controller('audit-events')
export class AuditEventsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ListQueryParams()
  @AuditRead({
    action: 'audit-events.listed',
    entity: 'audit_event',
    read: 'page',
    // Grouped, a line shows a run of reads: the read is of every event on the page's lines.
    details: (answer: Array<{ group?: { ids: string[] } }>) =>
      answer.some((row) => row.group) ? { events: answer.flatMap((row) => row.group?.ids ?? []) } : {},
  })
  @ApiOperation({
    summary: 'Audit events, newest first by default',
    description:
      'Besides the columns, `filter` takes `requestId` (the events about a request), `person` (everything about a ' +
      'person: the searches for them, the events of their requests, the reads of their records) and `reads` ' +
      '(false: without the reads of personal data; "grouped": a run of reads of the same list or record by the ' +
      'same person as one line, with `group`: its count, first and last time and event ids). Each event comes with ' +
      'the request it is about (`requestId`, `requestReference`).',
  })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: RawListQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { rest, ledger } = splitLedgerFilter(query.filter);
    const parsed = parseListQuery(AUDIT_EVENTS_LIST, { ...query, filter: rest });
    await this.audit.chainInbox();
    // Asking for an action by name shows it, a read too: "no reads" gives way to the action filter.
    const asksForAction = parsed.conditions.some((condition) => condition.field === 'action');
    const where = ledgerWhere(asksForAction && ledger.reads === false ? { ...ledger, reads: undefined } : ledger);
    const repository = this.dataSource.getRepository(AuditEvent);
    if (ledger.reads === 'grouped') {
      const lines = await findGroupedPage(repository, parsed, AUDIT_EVENTS_LIST.searchable, where);
      const references = await this.references(lines.rows.map((line) => line.event));
      return sendPage(res, AUDIT_EVENTS_LIST.resource, lines, ({ event, group }) =>
        Object.assign(presentAuditEvent(event, user.role, references), { group }),
      );
    }
    const page = await findPage(repository, parsed, AUDIT_EVENTS_LIST.searchable, where);
    const references = await this.references(page.rows);
    return sendPage(res, AUDIT_EVENTS_LIST.resource, page, (event) => presentAuditEvent(event, user.role, references));
  }

  @Get(':id')
  @AuditRead({ action: 'audit-event.viewed', entity: 'audit_event', read: 'one' })
  async get(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string) {
    if (!/^\d{1,18}$/.test(id))
      throw new InvalidInputError('id must be a whole number', { id: 'must be a whole number' });
    await this.audit.chainInbox();
    const event = await this.dataSource.getRepository(AuditEvent).findOne({ where: { id } });
    if (!event) throw new NotFoundError('Audit event', id);
    return presentAuditEvent(event, user.role, await this.references([event]));
  }

  /** The references of the requests a page is about: one query for the page, not one per event. */
  private async references(events: AuditEvent[]): Promise<Map<string, string>> {
    const ids = [...new Set(events.map(requestIdOf).filter((id): id is string => id !== null))];
    if (ids.length === 0) return new Map();
    const rows = await queryRows<{ id: string; reference: string }>(
      this.dataSource,
      `SELECT id::text AS id, reference FROM requests WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.reference]));
  }
}

/** One account of the audit log's actor filter. */
interface AuditActor {
  id: string;
  fullName: string | null;
  email: string | null;
  deleted: boolean;
}

@ApiTags('audit')
@Roles(...ANY_ROLE)
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Not audited: the console's own accounts that acted, as every line of the log names them
   * (plus the name of those still in the console); nothing of a data subject.
   */
  @Get('actors')
  @ApiOperation({
    summary: 'Who acted in the audit log: for its actor filter',
    description:
      'Each account that has at least one event (`id`, the `actorId` to filter on), with its name and e-mail; ' +
      'an account deleted since keeps the e-mail of its last event and `deleted: true`. By name, then e-mail.',
  })
  async actors(): Promise<AuditActor[]> {
    await this.audit.chainInbox();
    // The distinct actors by the actor_id index, one probe each (a loose index scan): the log
    // may hold millions of events and a handful of actors.
    return queryRows<AuditActor>(
      this.dataSource,
      `WITH RECURSIVE acted(id) AS (
         (SELECT actor_id FROM audit_events WHERE actor_id IS NOT NULL ORDER BY actor_id LIMIT 1)
         UNION ALL
         SELECT (SELECT e.actor_id FROM audit_events e WHERE e.actor_id > acted.id ORDER BY e.actor_id LIMIT 1)
           FROM acted WHERE acted.id IS NOT NULL
       )
       SELECT CAST(acted.id AS text) AS id, u.full_name AS "fullName",
              COALESCE(u.email, (SELECT e.actor_email FROM audit_events e WHERE e.actor_id = acted.id
                                  ORDER BY e.id DESC LIMIT 1)) AS email,
              u.id IS NULL AS deleted
         FROM acted LEFT JOIN users u ON u.id = acted.id
        WHERE acted.id IS NOT NULL
        ORDER BY u.full_name IS NULL, lower(u.full_name), 3`,
    );
  }

  /** Not audited: the answer is a count and ids of events, nothing of their content. */
  @Get('verify')
  @ApiOperation({ summary: 'Recomputes the hash chain and reports the first broken link' })
  verify() {
    return this.audit.verify();
  }
}
