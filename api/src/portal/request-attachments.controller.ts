import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, STAFF_WRITE } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/auth.service';
import { PortalAttachments } from './portal-attachments.service';

/** The officer's side of the portal's attachments: a document the subject attached, downloaded (audited). */
@ApiTags('requests')
@Controller('requests')
export class RequestAttachmentsController {
  constructor(private readonly attachments: PortalAttachments) {}

  @Roles(...STAFF_WRITE)
  @Get(':id/attachments/:attachmentId')
  @ApiOperation({
    summary: 'A document the subject attached on the privacy portal (PDF, JPEG or PNG; the reading is audited)',
  })
  async read(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @Res() res: Response,
  ): Promise<void> {
    const { attachment, content } = await this.attachments.read(actor, id, attachmentId);
    res.setHeader('content-type', attachment.contentType);
    // Never shown inline: a crafted PDF stays a file the officer saves.
    res.setHeader('content-disposition', `attachment; filename="${attachment.fileName.replace(/[^\w.-]+/g, '_')}"`);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'no-store');
    res.send(content);
  }
}
