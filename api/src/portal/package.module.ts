import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ExportsModule } from '../exports/exports.module';
import { LettersModule } from '../letters/letters.module';
import { RequestsModule } from '../requests/requests.module';
import { PackagePortalController } from './package-portal.controller';
import { PackageController } from './package.controller';
import { PackageService } from './package.service';
import { PortalModule } from './portal.module';

/**
 * Packages published to the subject through the privacy portal (issue 20, docs/portal.md): the
 * officer's publication and withdrawal, the subject's page, code and download.
 */
@Module({
  imports: [AuditModule, RequestsModule, LettersModule, ExportsModule, PortalModule],
  controllers: [PackageController, PackagePortalController],
  providers: [PackageService],
})
export class PackageModule {}
