import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Res,
  type Type,
} from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource, EntityManager, type ObjectLiteral } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ANY_ROLE, CurrentUser, Roles, STAFF_WRITE } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/auth.service';
import { ConflictError, NotFoundError } from '../common/errors/domain.error';
import { createValidationPipe } from '../common/errors/validation';
import { sendPage } from '../common/rest/content-range';
import { findPage } from '../common/rest/find-page';
import { parseListQuery, type ListSpec, type RawListQuery } from '../common/rest/list-query';
import { ListQueryParams } from '../common/rest/list-query.params';
import { csvLine } from '../exports/export-csv';
import { AnswersWith } from '../openapi/document';

/**
 * A register the auditor reads and the officer keeps: list, show, create, edit, delete and a CSV
 * of the whole register, every change audited with its before and after values. Reads are not
 * audited: the registers (processors, activities, cookies, retention policies) describe the
 * company's processing and hold no personal data (a processor's contact is a business address).
 */
export interface RegisterDefinition<T extends ObjectLiteral & { id: string }, C extends object, U extends object> {
  resource: string;
  /** The audit log's entity name, e.g. `processor`. */
  entity: string;
  target: new () => T;
  list: ListSpec;
  createDto: new () => C;
  updateDto: new () => U;
  /** Relations to load with a record (e.g. an activity's processors). */
  relations?: string[];
  present: (row: T) => Record<string, unknown>;
  /** Applies a validated body to a record (new or existing), inside the transaction. */
  apply: (manager: EntityManager, row: T, body: C | U) => Promise<void> | void;
  /** Columns of the CSV, in order: header and how to read each from the presented record. */
  csv: Array<[string, (record: Record<string, unknown>) => unknown]>;
  /**
   * The processing activities that cite a record (name it as a processor or as their retention
   * policy). A cited record is not deleted: 409 naming them, so that no activity silently loses
   * its processor or its retention period without an audited change of the activity itself.
   */
  citedBy?: (manager: EntityManager, id: string) => Promise<Array<{ id: string; name: string }>>;
}

export function registerResourceController<
  T extends ObjectLiteral & { id: string },
  C extends object,
  U extends object,
>(def: RegisterDefinition<T, C, U>): Type<unknown> {
  const name = def.resource.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
  @ApiTags('registers')
  @Roles(...ANY_ROLE)
  @Controller(def.resource)
  class RegisterController {
    constructor(
      @InjectDataSource() readonly dataSource: DataSource,
      readonly audit: AuditService,
    ) {}

    @Get()
    @ListQueryParams()
    @ApiOperation({ summary: `The ${def.resource} register` })
    @AnswersWith(`${name}Entry`, { list: true })
    async list(@Query() query: RawListQuery, @Res({ passthrough: true }) res: Response) {
      const page = await findPage(
        this.dataSource.getRepository(def.target),
        parseListQuery(def.list, query),
        def.list.searchable,
      );
      if (def.relations?.length && page.rows.length) {
        const withRelations = await this.dataSource
          .getRepository(def.target)
          .find({ where: page.rows.map((r) => ({ id: r.id })) as never, relations: def.relations });
        const byId = new Map(withRelations.map((r) => [r.id, r]));
        page.rows = page.rows.map((r) => byId.get(r.id) ?? r);
      }
      return sendPage(res, def.resource, page, def.present);
    }

    @Get('export.csv')
    @Header('Content-Type', 'text/csv; charset=utf-8')
    @Header('Content-Disposition', `attachment; filename="${def.resource}.csv"`)
    @ApiOperation({ summary: `The whole ${def.resource} register as CSV` })
    @ApiOkResponse({ content: { 'text/csv': { schema: { type: 'string' } } } })
    async csv() {
      const rows = await this.dataSource
        .getRepository(def.target)
        .find({ relations: def.relations, order: { [def.list.defaultSort[0]]: def.list.defaultSort[1] } as never });
      const records = rows.map(def.present);
      // A BOM so that spreadsheet programs read the accents right.
      // Every cell through csvCell: text a spreadsheet would run as a formula is neutralised.
      return (
        '\ufeff' +
        [def.csv.map(([header]) => header), ...records.map((r) => def.csv.map(([, read]) => read(r)))]
          .map(csvLine)
          .join('')
      );
    }

    @Get(':id')
    @AnswersWith(`${name}Entry`)
    async get(@Param('id', ParseUUIDPipe) id: string) {
      return def.present(await this.load(this.dataSource.manager, id));
    }

    @Roles(...STAFF_WRITE)
    @Post()
    @ApiBody({ type: def.createDto })
    @AnswersWith(`${name}Entry`, { status: 201 })
    async create(@CurrentUser() actor: AuthenticatedUser, @Body(createValidationPipe(def.createDto)) body: C) {
      return this.dataSource.transaction(async (manager) => {
        const row = manager.create(def.target);
        await def.apply(manager, row, body);
        const saved = await manager.save(def.target, row);
        const after = def.present(await this.load(manager, saved.id));
        await this.audit.record(manager, actor, {
          action: `${def.entity}.created`,
          entity: def.entity,
          entityId: saved.id,
          details: { after },
        });
        return after;
      });
    }

    @Roles(...STAFF_WRITE)
    @Put(':id')
    @ApiBody({ type: def.updateDto })
    @AnswersWith(`${name}Entry`)
    async update(
      @CurrentUser() actor: AuthenticatedUser,
      @Param('id', ParseUUIDPipe) id: string,
      @Body(createValidationPipe(def.updateDto)) body: U,
    ) {
      return this.dataSource.transaction(async (manager) => {
        const row = await this.load(manager, id, true);
        const before = def.present(row);
        await def.apply(manager, row, body);
        await manager.save(def.target, row);
        const after = def.present(await this.load(manager, id));
        const changed = Object.keys(after).filter(
          (k) => k !== 'updatedAt' && JSON.stringify(after[k]) !== JSON.stringify(before[k]),
        );
        if (changed.length) {
          await this.audit.record(manager, actor, {
            action: `${def.entity}.updated`,
            entity: def.entity,
            entityId: id,
            details: { before: pick(before, changed), after: pick(after, changed) },
          });
        }
        return after;
      });
    }

    @Roles(...STAFF_WRITE)
    @Delete(':id')
    @AnswersWith(`${name}Entry`)
    async remove(@CurrentUser() actor: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
      return this.dataSource.transaction(async (manager) => {
        // The row lock also holds back an activity being linked to it meanwhile (its foreign key waits for it).
        const row = await this.load(manager, id, true);
        const citing = (await def.citedBy?.(manager, id)) ?? [];
        if (citing.length) {
          const names = citing.map((a) => `“${a.name}”`).join(', ');
          throw new ConflictError(
            `This record is cited by ${citing.length === 1 ? 'the processing activity' : `${citing.length} processing activities`} ${names}: change ${citing.length === 1 ? 'it' : 'them'} first, then delete it`,
            { activities: names },
          );
        }
        const before = def.present(row);
        await manager.remove(def.target, row);
        await this.audit.record(manager, actor, {
          action: `${def.entity}.deleted`,
          entity: def.entity,
          entityId: id,
          details: { before },
        });
        return before;
      });
    }

    async load(manager: EntityManager, id: string, lock = false): Promise<T> {
      const repository = manager.getRepository(def.target);
      if (lock) await repository.findOne({ where: { id } as never, lock: { mode: 'pessimistic_write' } });
      const row = await repository.findOne({ where: { id } as never, relations: def.relations });
      if (!row) throw new NotFoundError(def.entity, id);
      return row;
    }
  }
  Object.defineProperty(RegisterController, 'name', { value: `${name}Controller` });
  return RegisterController;
}

function pick(o: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, o[k]]));
}
