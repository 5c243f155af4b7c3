import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IntakeController } from './intake.controller';
import { RequestEventsController, RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';

@Module({
  imports: [AuditModule],
  controllers: [RequestsController, RequestEventsController, IntakeController],
  providers: [RequestsService],
  exports: [RequestsService],
})
export class RequestsModule {}
