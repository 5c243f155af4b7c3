import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SessionCache } from '../auth/session-cache';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [AuditModule],
  controllers: [UsersController],
  // The session checks' cache lives here: the users' changes are what must clear it.
  providers: [UsersService, SessionCache],
  exports: [UsersService, SessionCache],
})
export class UsersModule {}
