import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RequestsModule } from '../requests/requests.module';
import { SubjectsModule } from '../subjects/subjects.module';
import { ExportService } from './export.service';
import { ExportsController } from './exports.controller';

@Module({
  imports: [AuditModule, RequestsModule, SubjectsModule],
  controllers: [ExportsController],
  providers: [ExportService],
})
export class ExportsModule {}
