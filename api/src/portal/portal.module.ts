import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LettersModule } from '../letters/letters.module';
import { RequestsModule } from '../requests/requests.module';
import { PortalController } from './portal.controller';
import { PortalService } from './portal.service';

/**
 * The privacy portal for data subjects (issue 20, docs/portal.md): public pages at /privacy that
 * take a request, prove the e-mail with a code, and show its status behind a secret link.
 * Requests are the requests module's, letters the letters module's.
 */
@Module({
  imports: [AuditModule, RequestsModule, LettersModule],
  controllers: [PortalController],
  providers: [PortalService],
  // Its CSRF key serves the package pages' forms too (package.module.ts).
  exports: [PortalService],
})
export class PortalModule {}
