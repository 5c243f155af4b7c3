import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LettersModule } from '../letters/letters.module';
import { ObjectionsModule } from '../objections/objections.module';
import { RequestsModule } from '../requests/requests.module';
import { SubjectsModule } from '../subjects/subjects.module';
import { PortalAttachments } from './portal-attachments.service';
import { PortalChoicesController } from './portal-choices.controller';
import { PortalChoicesService } from './portal-choices.service';
import { PortalController } from './portal.controller';
import { PortalKeys } from './portal-keys';
import { PortalService } from './portal.service';
import { RequestAttachmentsController } from './request-attachments.controller';

/**
 * The privacy portal for data subjects (issue 20, docs/portal.md): public pages at /privacy that
 * take a request, prove the e-mail with a code, and show its status behind a secret link; the
 * withdrawal of consent and the objection to direct marketing (/privacy/choices); the documents
 * subjects attach, which the officer downloads. Requests are the requests module's, letters the
 * letters module's, stops the objections module's.
 */
@Module({
  imports: [AuditModule, RequestsModule, LettersModule, ObjectionsModule, SubjectsModule],
  // The choices controller first: its /privacy/choices routes are matched before the portal's.
  controllers: [PortalChoicesController, PortalController, RequestAttachmentsController],
  providers: [PortalKeys, PortalService, PortalChoicesService, PortalAttachments],
  // Its keys and CSRF key serve the package pages too (package.module.ts).
  exports: [PortalService, PortalKeys],
})
export class PortalModule {}
