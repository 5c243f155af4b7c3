import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ErasureModule } from '../erasure/erasure.module';
import { SubjectsModule } from '../subjects/subjects.module';
import { LetterTemplatesController, LettersController } from './letters.controller';
import { LettersScheduler } from './letters.scheduler';
import { LettersService } from './letters.service';

/**
 * The officer's letters to data subjects and recipients (issue 19): templates, outbox, SMTP.
 * The Art. 19 list of recipients is the erasure module's (SubjectRightsService).
 */
@Module({
  imports: [AuditModule, SubjectsModule, ErasureModule],
  controllers: [LettersController, LetterTemplatesController],
  providers: [LettersService, LettersScheduler],
  exports: [LettersService],
})
export class LettersModule {}
