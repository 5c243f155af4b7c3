import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuditRead } from '../audit/read-audit';
import { ANY_ROLE, CurrentUser, Roles, STAFF_WRITE } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/auth.service';
import { sendPage } from '../common/rest/content-range';
import { parseListQuery, type RawListQuery } from '../common/rest/list-query';
import { ListQueryParams } from '../common/rest/list-query.params';
import { presentRequest } from '../requests/request.presenter';
import { MailboxService } from './mailbox.service';
import { OTHER_MAIL_LIST, presentOtherMail } from './other-mail.list';

/** The privacy@ mailbox: its reading, the raw messages kept as evidence, the other mail. */
@ApiTags('mailbox')
@Roles(...ANY_ROLE)
@Controller('mailbox')
export class MailboxController {
  constructor(private readonly mailbox: MailboxService) {}

  @Get('status')
  @ApiOperation({ summary: 'Whether the mailbox is read (IMAP_URL), where, how often, and what its last reading did' })
  status() {
    const settings = this.mailbox.settings;
    return settings
      ? {
          configured: true,
          host: settings.host,
          folder: settings.folder,
          processedFolder: settings.processedFolder,
          pollCron: settings.pollCron,
          idle: settings.idle,
          lastRead: this.mailbox.lastRead(),
        }
      : { configured: false };
  }

  @Roles(...STAFF_WRITE)
  @Post('read')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Reads the mailbox now: new messages become requests, replies or other mail. 409 when IMAP_URL is not set or another console is reading it',
  })
  async read() {
    const summary = await this.mailbox.read('manual');
    if (!summary) return { skipped: true, reason: 'another console is reading the mailbox' };
    return summary;
  }

  @Get('other-mail')
  @AuditRead({ action: 'other-mail.listed', entity: 'other_mail', read: 'page' })
  @ListQueryParams()
  @ApiOperation({ summary: 'Auto-replies, delivery reports, list mail and unreadable messages: no legal deadline' })
  async otherMail(@Query() query: RawListQuery, @Res({ passthrough: true }) res: Response) {
    const page = await this.mailbox.listOtherMail(parseListQuery(OTHER_MAIL_LIST, query));
    return sendPage(res, OTHER_MAIL_LIST.resource, page, presentOtherMail);
  }

  @Get('other-mail/:id')
  @AuditRead({ action: 'other-mail.viewed', entity: 'other_mail', read: 'one' })
  @ApiOperation({ summary: 'One message of the other mail' })
  async otherMailById(@Param('id', ParseUUIDPipe) id: string) {
    return presentOtherMail(await this.mailbox.getOtherMail(id));
  }

  @Roles(...STAFF_WRITE)
  @Post('other-mail/:id/make-request')
  @ApiOperation({
    summary:
      'Makes a request of a message of the other mail (201); its deadline runs from its receipt. 409 if made already',
  })
  async makeRequest(@CurrentUser() actor: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string) {
    return presentRequest(await this.mailbox.makeRequest(actor, id));
  }

  @Roles(...STAFF_WRITE)
  @Get('messages/:id/raw')
  @ApiOperation({ summary: 'The raw message as it arrived (message/rfc822), kept sealed as evidence; audited' })
  async raw(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { message, raw } = await this.mailbox.readRaw(actor, id);
    res.setHeader('content-type', 'message/rfc822');
    res.setHeader('content-disposition', `attachment; filename="message-${message.id}.eml"`);
    res.setHeader('cache-control', 'no-store');
    res.send(raw);
  }
}
