import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SubjectsModule } from '../subjects/subjects.module';
import { IngestionController } from './ingestion.controller';
import { IngestionGate } from './ingestion-gate';
import { IngestionService } from './ingestion.service';

@Module({
  imports: [AuditModule, SubjectsModule],
  controllers: [IngestionController],
  providers: [IngestionService, IngestionGate],
})
export class IngestionModule {}
