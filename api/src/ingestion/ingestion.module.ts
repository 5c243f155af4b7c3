import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { registeredSources } from '../sources/source-registry';
import { SubjectsModule } from '../subjects/subjects.module';
import { ingestionController } from './ingestion.controller';
import { IngestionGate } from './ingestion-gate';
import { IngestionService } from './ingestion.service';

/** POST /api/ingest/<resource> for every registered source. */
@Module({
  imports: [AuditModule, SubjectsModule],
  controllers: registeredSources().map((source) => ingestionController(source)),
  providers: [IngestionService, IngestionGate],
})
export class IngestionModule {}
