import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SubjectIndexService } from './subject-index.service';
import { SubjectReindexService } from './subject-reindex.service';
import { SubjectSearchService } from './subject-search.service';
import { SubjectsController } from './subjects.controller';

@Module({
  imports: [AuditModule],
  controllers: [SubjectsController],
  providers: [SubjectIndexService, SubjectSearchService, SubjectReindexService],
  exports: [SubjectIndexService, SubjectSearchService],
})
export class SubjectsModule {}
