import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { BreachesController } from './breaches.controller';
import { BreachesService } from './breaches.service';

/** Personal-data breaches: the register (Art. 33(5)), the 72-hour clock, the people affected (Art. 34). */
@Module({
  imports: [AuditModule],
  controllers: [BreachesController],
  providers: [BreachesService],
})
export class BreachesModule {}
