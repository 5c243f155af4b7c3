import { Module } from '@nestjs/common';
import { AuditController, AuditEventsController } from './audit.controller';
import { AuditCheckpointLog } from './audit-checkpoint.log';
import { AuditService } from './audit.service';

@Module({
  controllers: [AuditEventsController, AuditController],
  providers: [AuditService, AuditCheckpointLog],
  exports: [AuditService],
})
export class AuditModule {}
