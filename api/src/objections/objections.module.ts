import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SubjectsModule } from '../subjects/subjects.module';
import { ObjectionsController } from './objections.controller';
import { ObjectionsService } from './objections.service';
import { ProcessingStopsService } from './processing-stops.service';

/** Objections (Art. 21) and the stops they and withdrawals of consent (Art. 7(3)) put on processing. */
@Module({
  imports: [AuditModule, SubjectsModule],
  controllers: [ObjectionsController],
  providers: [ObjectionsService, ProcessingStopsService],
  exports: [ProcessingStopsService],
})
export class ObjectionsModule {}
