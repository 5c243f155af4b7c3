import { Module } from '@nestjs/common';
import { AuditController, AuditEventsController } from './audit.controller';
import { AuditService } from './audit.service';

@Module({
  controllers: [AuditEventsController, AuditController],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
