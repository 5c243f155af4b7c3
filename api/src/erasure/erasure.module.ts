import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SubjectsModule } from '../subjects/subjects.module';
import { ErasureController } from './erasure.controller';
import { ErasureService } from './erasure.service';
import { SubjectRightsService } from './subject-rights.service';

@Module({
  imports: [AuditModule, SubjectsModule],
  controllers: [ErasureController],
  providers: [ErasureService, SubjectRightsService],
  exports: [ErasureService],
})
export class ErasureModule {}
