import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SubjectRightsService } from '../erasure/subject-rights.service';
import { SubjectsModule } from '../subjects/subjects.module';
import { LetterTemplatesController, LettersController } from './letters.controller';
import { LettersScheduler } from './letters.scheduler';
import { LettersService } from './letters.service';

/**
 * The officer's letters to data subjects and recipients (issue 19): templates, outbox, SMTP.
 * The Art. 19 list of recipients is the erasure module's SubjectRightsService (stateless), given
 * here so that the letters need nothing else of that module.
 */
@Module({
  imports: [AuditModule, SubjectsModule],
  controllers: [LettersController, LetterTemplatesController],
  providers: [LettersService, LettersScheduler, SubjectRightsService],
  exports: [LettersService],
})
export class LettersModule {}
