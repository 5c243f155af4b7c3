import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ObjectionsModule } from '../objections/objections.module';
import { SubjectsModule } from '../subjects/subjects.module';
import { ErasureController } from './erasure.controller';
import { ErasurePlanner } from './erasure-planner';
import { ErasureService } from './erasure.service';
import { SubjectRightsService } from './subject-rights.service';

@Module({
  imports: [AuditModule, SubjectsModule, ObjectionsModule],
  controllers: [ErasureController],
  providers: [ErasureService, ErasurePlanner, SubjectRightsService],
  // SubjectRightsService: the letters' Art. 19 notices use its list of recipients.
  exports: [ErasureService, SubjectRightsService],
})
export class ErasureModule {}
