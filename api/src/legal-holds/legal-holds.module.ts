import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ErasurePlanner } from '../erasure/erasure-planner';
import { SubjectsModule } from '../subjects/subjects.module';
import { LegalHoldsController } from './legal-holds.controller';
import { LegalHoldsService } from './legal-holds.service';

/**
 * Legal holds (issue 17, Art. 17(3)). The erasure's planner (stateless) is given here, so that a
 * hold takes exactly the records the erasure would, without reaching into the erasure module.
 */
@Module({
  imports: [AuditModule, SubjectsModule],
  controllers: [LegalHoldsController],
  providers: [LegalHoldsService, ErasurePlanner],
})
export class LegalHoldsModule {}
