import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString } from 'class-validator';
import type { Request } from 'express';
import { AuditRead } from '../audit/read-audit';
import { ANY_ROLE, CurrentUser, Roles, STAFF_WRITE } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/auth.service';
import { InvalidInputError } from '../common/errors/domain.error';
import { isPlainIpAddress } from '../common/ip-address';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { PACKAGE_KINDS, type PackageKind } from './package.entity';
import { PackageService, type PublicationView } from './package.service';

export class PublishPackageDto {
  @ApiProperty({
    enum: PACKAGE_KINDS,
    description: "The request's own right: access (Art. 15) or portability (Art. 20)",
  })
  @IsIn(PACKAGE_KINDS, { message: `must be one of ${PACKAGE_KINDS.join(', ')}` })
  kind: PackageKind;

  @ApiPropertyOptional({
    type: [String],
    description: "IP addresses the officer confirmed as the person's: their access-log lines (access only)",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  ips?: string[];
}

/** The officer's side of the packages published through the privacy portal (docs/portal.md). */
@ApiTags('requests')
@Roles(...STAFF_WRITE)
@Controller('requests/:id/portal-packages')
export class PackageController {
  constructor(
    private readonly packages: PackageService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Roles(...ANY_ROLE)
  @Get()
  @AuditRead({
    action: 'portal_packages.viewed',
    entity: 'request',
    read: 'one',
    details: (answer: { packages: PublicationView[] }) => ({ ids: answer.packages.map((p) => p.id) }),
  })
  @ApiOperation({
    summary: "The request's packages published on the privacy portal: where, until when, their downloads",
  })
  async list(@Param('id', ParseUUIDPipe) id: string) {
    return { days: this.packages.days, packages: await this.packages.list(id) };
  }

  @Post()
  @ApiOperation({
    summary:
      "Makes the request's package and publishes it to the subject: an e-mail with a personal link, valid PORTAL_PACKAGE_DAYS days",
  })
  async publish(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: PublishPackageDto,
    @Req() req: Request,
  ): Promise<PublicationView> {
    const ips = [...new Set((body.ips ?? []).map((ip) => ip.trim()))].filter(Boolean);
    const wrong = ips.filter((ip) => !isPlainIpAddress(ip));
    if (wrong.length)
      throw new InvalidInputError('ips must be IP addresses', { ips: `not an IP address: ${wrong.join(', ')}` });
    return this.packages.publish(
      actor,
      id,
      body.kind,
      ips,
      this.config.publicUrl ?? `${req.protocol}://${req.get('host')}`,
    );
  }

  @Post(':packageId/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraws a publication: the link stops at once and the stored file is deleted' })
  withdraw(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('packageId', ParseUUIDPipe) packageId: string,
  ): Promise<PublicationView> {
    return this.packages.withdraw(actor, id, packageId);
  }
}
