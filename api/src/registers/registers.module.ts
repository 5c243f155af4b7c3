import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ACTIVITIES_REGISTER } from './activities/activities.register';
import { RecordOfProcessingController } from './activities/record.controller';
import { COOKIES_REGISTER } from './cookies/cookies.register';
import { PROCESSORS_REGISTER } from './processors/processors.register';
import { registerResourceController } from './register-resource';
import { RETENTION_REGISTER } from './retention/retention.register';

/** The registers an auditor asks for: processors (Art. 28), activities (Art. 30), cookies, retention. */
@Module({
  imports: [AuditModule],
  controllers: [
    RecordOfProcessingController,
    registerResourceController(PROCESSORS_REGISTER),
    registerResourceController(ACTIVITIES_REGISTER),
    registerResourceController(COOKIES_REGISTER),
    registerResourceController(RETENTION_REGISTER),
  ],
})
export class RegistersModule {}
