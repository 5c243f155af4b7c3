import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, STAFF_WRITE } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/auth.service';
import { InvalidInputError } from '../common/errors/domain.error';
import { isPlainIpAddress } from '../common/ip-address';
import { RequestsService } from '../requests/requests.service';
import { ExportService } from './export.service';

/** Handing data to the subject is handling it: officers and admins only. */
@ApiTags('requests')
@Roles(...STAFF_WRITE)
@Controller('requests')
export class ExportsController {
  constructor(
    private readonly requests: RequestsService,
    private readonly exports: ExportService,
  ) {}

  @Get(':id/export.zip')
  @ApiProduces('application/zip')
  @ApiQuery({ name: 'kind', enum: ['access', 'portability'] })
  @ApiQuery({
    name: 'ips',
    required: false,
    description:
      "IP addresses the officer confirmed as the person's, comma-separated: their access-log lines (access only)",
  })
  @ApiOperation({
    summary: 'The access (Art. 15) or portability (Art. 20) package, as a streamed ZIP; identity must be verified',
  })
  async export(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('kind') kind: string,
    @Res() res: Response,
    @Query('ips') ipList?: string,
  ) {
    if (kind !== 'access' && kind !== 'portability')
      throw new InvalidInputError('kind must be access or portability', { kind: 'must be access or portability' });
    const ips = [...new Set((typeof ipList === 'string' ? ipList : '').split(',').map((ip) => ip.trim()))].filter(
      Boolean,
    );
    const wrong = ips.filter((ip) => !isPlainIpAddress(ip));
    if (wrong.length || ips.length > 20)
      throw new InvalidInputError('ips must be up to 20 IP addresses, comma-separated', {
        ips: wrong.length ? `not an IP address: ${wrong.join(', ')}` : 'at most 20 addresses',
      });
    const request = await this.requests.get(id);
    this.exports.assertExportable(request);
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', `attachment; filename="${this.exports.fileName(request, kind)}"`);
    await this.exports.stream(actor, request, kind, res, { ips });
  }
}
