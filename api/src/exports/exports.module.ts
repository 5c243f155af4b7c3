import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RequestsModule } from '../requests/requests.module';
import { SubjectsModule } from '../subjects/subjects.module';
import { ExportService } from './export.service';
import { ExportsController } from './exports.controller';
import { ReviewController } from './review.controller';
import { ReviewService } from './review.service';

@Module({
  imports: [AuditModule, RequestsModule, SubjectsModule],
  controllers: [ExportsController, ReviewController],
  providers: [ExportService, ReviewService],
  // The privacy portal publishes the same packages to the subject.
  exports: [ExportService],
})
export class ExportsModule {}
