import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuditService } from '../audit/audit.service';
import { ANY_ROLE, CurrentUser, Roles, STAFF_WRITE } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/auth.service';
import { InvalidInputError } from '../common/errors/domain.error';
import { createValidationPipe } from '../common/errors/validation';
import { sendPage } from '../common/rest/content-range';
import { parseListQuery, type RawListQuery } from '../common/rest/list-query';
import { ListQueryParams } from '../common/rest/list-query.params';
import {
  CreateBreachDto,
  CreateCommunicationDto,
  CreateDecisionDto,
  CreateNotificationDto,
  UpdateBreachDto,
} from './breach.dto';
import { BREACHES_LIST, BreachesService } from './breaches.service';

const AFFECTED_LIST = {
  resource: 'breach-affected',
  fields: { value: 'text' },
  searchable: [],
  defaultSort: ['value', 'ASC'],
} as const;

function language(raw: unknown): 'it' | 'en' {
  const value = raw ?? 'it';
  if (value !== 'it' && value !== 'en')
    throw new InvalidInputError('lang must be it or en', { lang: 'must be it or en' });
  return value;
}

/**
 * The register of personal-data breaches (Art. 33(5)): every role reads it, officers and admins
 * keep it; every change is audited in its transaction. No DELETE: a breach, once documented,
 * stays in the register (a wrong entry is corrected, or closed with a note).
 */
@ApiTags('breaches')
@Roles(...ANY_ROLE)
@Controller('breaches')
export class BreachesController {
  constructor(
    private readonly breaches: BreachesService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ListQueryParams()
  @ApiOperation({ summary: 'The breach register, with each breach’s 72-hour clock' })
  async list(@Query() query: RawListQuery, @Res({ passthrough: true }) res: Response) {
    const { page, present } = await this.breaches.list(parseListQuery(BREACHES_LIST, query));
    return sendPage(res, 'breaches', page, present);
  }

  @Get('export.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="breaches.csv"')
  @ApiOperation({ summary: 'The whole breach register as CSV' })
  csv() {
    return this.breaches.csv();
  }

  @Get('register.html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiQuery({ name: 'lang', required: false, enum: ['it', 'en'] })
  @ApiOperation({ summary: 'The breach register (Art. 33(5)) as a printable page, in Italian or English' })
  register(@Query('lang') lang?: string) {
    return this.breaches.registerHtml(language(lang));
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.breaches.get(id);
  }

  @Roles(...STAFF_WRITE)
  @Post()
  @ApiBody({ type: CreateBreachDto })
  create(@CurrentUser() actor: AuthenticatedUser, @Body(createValidationPipe(CreateBreachDto)) body: CreateBreachDto) {
    return this.breaches.create(actor, body);
  }

  @Roles(...STAFF_WRITE)
  @Put(':id')
  @ApiBody({ type: UpdateBreachDto })
  update(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(createValidationPipe(UpdateBreachDto)) body: UpdateBreachDto,
  ) {
    return this.breaches.update(actor, id, body);
  }

  @Roles(...STAFF_WRITE)
  @Post(':id/notifications')
  @ApiBody({ type: CreateNotificationDto })
  @ApiOperation({
    summary:
      'Record a notification to the Garante: initial, then supplementary (Art. 33(4)); after 72 hours it needs delayReasons',
  })
  notify(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(createValidationPipe(CreateNotificationDto)) body: CreateNotificationDto,
  ) {
    return this.breaches.addNotification(actor, id, body);
  }

  @Roles(...STAFF_WRITE)
  @Post(':id/decisions')
  @ApiBody({ type: CreateDecisionDto })
  @ApiOperation({
    summary:
      'Record a decision to notify the Garante or not, to tell the people or not, with its reason and who decided',
  })
  decide(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(createValidationPipe(CreateDecisionDto)) body: CreateDecisionDto,
  ) {
    return this.breaches.addDecision(actor, id, body);
  }

  @Get(':id/affected/count')
  @ApiOperation({ summary: 'How many people and records the breach concerns, from the index (counts only)' })
  affectedCount(@Param('id', ParseUUIDPipe) id: string) {
    return this.breaches.affectedCount(id);
  }

  @Get(':id/affected')
  @ApiQuery({ name: 'range', required: false, description: '[start,end], inclusive; at most 1,000' })
  @ApiOperation({ summary: 'The people affected, a page at a time (an audited read of personal data)' })
  async affected(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('range') range: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    const parsed = parseListQuery(AFFECTED_LIST, { range });
    const skip = parsed.range?.skip ?? 0;
    const take = parsed.range?.take ?? 25;
    const page = await this.breaches.affectedPage(id, skip, take);
    // Who read whom: the breach, the range and how many; not the identifiers themselves (the
    // audit log cannot be erased, an e-mail address can).
    await this.audit.recordNow(actor, {
      action: 'breach.affected_listed',
      entity: 'breach',
      entityId: id,
      details: { range: range ?? null, returned: page.rows.length, total: page.total },
    });
    return sendPage(res, 'breach-affected', page, (p) => p);
  }

  @Get(':id/communication')
  @ApiQuery({ name: 'lang', required: false, enum: ['it', 'en'] })
  @ApiOperation({
    summary: 'The Art. 34 communication to the people affected, in Italian or English, and what it still lacks',
  })
  communication(@Param('id', ParseUUIDPipe) id: string, @Query('lang') lang?: string) {
    return this.breaches.communication(id, language(lang));
  }

  @Roles(...STAFF_WRITE)
  @Get(':id/communication/recipients.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="breach-recipients.csv"')
  @ApiOperation({
    summary:
      'The recipients for mailing (e-mail or phone, language) with the letter in their language, as CSV (audited)',
  })
  async recipients(@CurrentUser() actor: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    const { csv, recipients } = await this.breaches.recipientsCsv(id);
    await this.audit.recordNow(actor, {
      action: 'breach.recipients_exported',
      entity: 'breach',
      entityId: id,
      details: { recipients },
    });
    return csv;
  }

  @Roles(...STAFF_WRITE)
  @Post(':id/communications')
  @ApiBody({ type: CreateCommunicationDto })
  @ApiOperation({ summary: 'Record that a person was told (Art. 34): identifier, channel, date' })
  communicated(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(createValidationPipe(CreateCommunicationDto)) body: CreateCommunicationDto,
  ) {
    return this.breaches.recordCommunication(actor, id, body);
  }
}
