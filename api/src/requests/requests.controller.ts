import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ANY_ROLE, CurrentUser, Roles, STAFF_WRITE } from '../auth/access.decorators';
import { AuditRead } from '../audit/read-audit';
import type { AuthenticatedUser } from '../auth/auth.service';
import { sendPage } from '../common/rest/content-range';
import { parseListQuery, type RawListQuery } from '../common/rest/list-query';
import { ListQueryParams } from '../common/rest/list-query.params';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import {
  CloseDto,
  CreateRequestDto,
  ExtendDto,
  FeeDto,
  IdentityDocumentDto,
  IdentityInfoReceivedDto,
  IdentityInfoRequestedDto,
  MinorDecisionDto,
  NoteDto,
  RejectDto,
  UpdateRequestDto,
  VerifyIdentityDto,
} from './dto/request.dtos';
import { presentRequest, presentRequestEvent } from './request.presenter';
import { REQUEST_EVENTS_LIST, REQUESTS_LIST } from './requests.list';
import { RequestsService } from './requests.service';

@ApiTags('requests')
@Roles(...ANY_ROLE)
@Controller('requests')
export class RequestsController {
  constructor(
    private readonly requests: RequestsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private present(r: Parameters<typeof presentRequest>[0], now = new Date()) {
    return presentRequest(r, now, this.config.identityPause);
  }

  @Get()
  @ListQueryParams()
  @AuditRead({ action: 'requests.listed', entity: 'request', read: 'page' })
  @ApiOperation({ summary: 'Data-subject requests, earliest deadline first' })
  async list(@Query() query: RawListQuery, @Res({ passthrough: true }) res: Response) {
    const now = new Date();
    return sendPage(res, REQUESTS_LIST.resource, await this.requests.list(parseListQuery(REQUESTS_LIST, query)), (r) =>
      this.present(r, now),
    );
  }

  @Get('stats')
  @ApiOperation({
    summary:
      "The dashboard's figures: open by status, due within 7 days, overdue, waiting on the subject, median days to close, per month by type",
  })
  stats() {
    return this.requests.stats();
  }

  @Get(':id')
  @AuditRead({
    action: 'request.viewed',
    entity: 'request',
    read: 'one',
    details: (r: { reference: string }) => ({ reference: r.reference }),
  })
  async get(@Param('id', ParseUUIDPipe) id: string) {
    return this.present(await this.requests.get(id));
  }

  @Roles(...STAFF_WRITE)
  @Post()
  @ApiOperation({
    summary: 'Registers a request received by letter, phone or in person (e-mails: POST /api/intake/email)',
  })
  async create(@CurrentUser() actor: AuthenticatedUser, @Body() body: CreateRequestDto) {
    return this.present(await this.requests.create(actor, body));
  }

  @Roles(...STAFF_WRITE)
  @Put(':id')
  @ApiOperation({ summary: 'Corrects an open request (type, subject, receipt date: the deadlines follow)' })
  async update(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateRequestDto,
  ) {
    return this.present(await this.requests.update(actor, id, body));
  }

  @Roles(...STAFF_WRITE)
  @Post(':id/identity-check')
  @HttpCode(200)
  @ApiOperation({ summary: 'received -> identity_check: the subject was asked to prove who they are' })
  async identityCheck(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Partial<NoteDto>,
  ) {
    return this.present(
      await this.requests.identityCheck(actor, id, typeof body?.text === 'string' ? body.text : undefined),
    );
  }

  @Roles(...STAFF_WRITE)
  @Post(':id/verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Identity verified (how, by whom, when) -> in_progress' })
  async verify(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: VerifyIdentityDto,
  ) {
    return this.present(await this.requests.verify(actor, id, body));
  }

  @Roles(...STAFF_WRITE)
  @Post(':id/extend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Two more months (Art. 12(3)): a reason, told to the subject before the first deadline' })
  async extend(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ExtendDto,
  ) {
    return this.present(await this.requests.extend(actor, id, body));
  }

  @Roles(...STAFF_WRITE)
  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Answered -> completed, with the outcome' })
  async close(@CurrentUser() actor: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: CloseDto) {
    return this.present(await this.requests.close(actor, id, body));
  }

  @Roles(...STAFF_WRITE)
  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Refused (identity not verified, manifestly unfounded, excessive), with the Art. 12(4) statement',
  })
  async reject(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RejectDto,
  ) {
    return this.present(await this.requests.reject(actor, id, body));
  }

  @Roles(...STAFF_WRITE)
  @Post(':id/fee')
  @HttpCode(200)
  @ApiOperation({ summary: 'A reasonable fee instead of a refusal (Art. 12(5)(a)): amount, ground, justification' })
  async fee(@CurrentUser() actor: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: FeeDto) {
    return this.present(await this.requests.chargeFee(actor, id, body));
  }

  @Roles(...STAFF_WRITE)
  @Post(':id/identity-info-requested')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The subject was asked for the information needed to identify them (Art. 12(6)): what, how, when, by when',
  })
  async identityInfoRequested(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: IdentityInfoRequestedDto,
  ) {
    return this.present(await this.requests.identityInfoRequested(actor, id, body));
  }

  @Roles(...STAFF_WRITE)
  @Post(':id/identity-info-received')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The identity information asked arrived: when, what (IDENTITY_PAUSE=on: the working deadline moves by the days waited)',
  })
  async identityInfoReceived(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: IdentityInfoReceivedDto,
  ) {
    return this.present(await this.requests.identityInfoReceived(actor, id, body));
  }

  @Roles(...STAFF_WRITE)
  @Post(':id/identity-documents')
  @ApiOperation({
    summary:
      'Keeps an identity document the subject sent, sealed, until the request is answered (then destroyed; its record stays)',
  })
  async addIdentityDocument(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: IdentityDocumentDto,
  ) {
    const d = await this.requests.addIdentityDocument(actor, id, body);
    return {
      id: d.id,
      requestId: d.requestId,
      fileName: d.fileName,
      contentType: d.contentType,
      size: d.size,
      sha256: d.sha256,
      addedAt: d.addedAt.toISOString(),
      addedBy: d.addedBy,
    };
  }

  @Roles(...STAFF_WRITE)
  @Get(':id/identity-documents/:documentId')
  @ApiOperation({ summary: 'An identity document kept for the request, while it is open (the reading is audited)' })
  async readIdentityDocument(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('documentId', ParseUUIDPipe) documentId: string,
    @Res() res: Response,
  ) {
    const { document, content } = await this.requests.readIdentityDocument(actor, id, documentId);
    res.setHeader('content-type', document.contentType);
    res.setHeader('content-disposition', `attachment; filename="${document.fileName.replace(/[^\w.-]+/g, '_')}"`);
    res.setHeader('cache-control', 'no-store');
    res.send(content);
  }

  @Roles(...STAFF_WRITE)
  @Post(':id/minor')
  @HttpCode(200)
  @ApiOperation({ summary: "Confirms or dismisses the intake's flag that the subject may be under 18 (Art. 8 GDPR)" })
  async minor(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: MinorDecisionDto,
  ) {
    return this.present(await this.requests.decideMinor(actor, id, body));
  }

  @Roles(...STAFF_WRITE)
  @Post(':id/notes')
  @ApiOperation({ summary: "Adds a note to the request's timeline" })
  async note(@CurrentUser() actor: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: NoteDto) {
    return presentRequestEvent(await this.requests.note(actor, id, body.text));
  }
}

/** Each request's timeline, read-only: filter by requestId. */
@ApiTags('requests')
@Roles(...ANY_ROLE)
@Controller('request-events')
export class RequestEventsController {
  constructor(private readonly requests: RequestsService) {}

  @Get()
  @ListQueryParams()
  @AuditRead({
    action: 'request-events.listed',
    entity: 'request',
    read: 'page',
    // The filter as the list takes it: the id, or a list of one id (the event records the UUID in lower case).
    about: (f) => {
      const named: unknown = Array.isArray(f.requestId) && f.requestId.length === 1 ? f.requestId[0] : f.requestId;
      return typeof named === 'string' ? named : null;
    },
  })
  async list(@Query() query: RawListQuery, @Res({ passthrough: true }) res: Response) {
    return sendPage(
      res,
      REQUEST_EVENTS_LIST.resource,
      await this.requests.listEvents(parseListQuery(REQUEST_EVENTS_LIST, query)),
      presentRequestEvent,
    );
  }
}
