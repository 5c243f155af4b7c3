import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IntakeController } from './intake.controller';
import { OtherRequestsController } from './other-requests.controller';
import { OtherRequestsService } from './other-requests.service';
import { RequestEventsController, RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';

@Module({
  imports: [AuditModule],
  controllers: [RequestsController, RequestEventsController, IntakeController, OtherRequestsController],
  providers: [RequestsService, OtherRequestsService],
  exports: [RequestsService],
})
export class RequestsModule {}
