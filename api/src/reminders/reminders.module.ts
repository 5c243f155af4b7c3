import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LettersModule } from '../letters/letters.module';
import { RemindersController } from './reminders.controller';
import { RemindersScheduler } from './reminders.scheduler';
import { RemindersService } from './reminders.service';

/**
 * The officers' daily digest of requests overdue, due within 7 days or waiting on the subject
 * (issue 19), sent through the letters module's mail server. The scheduler's registry is
 * global (ScheduleModule.forRoot in RetentionModule).
 */
@Module({
  imports: [AuditModule, LettersModule],
  controllers: [RemindersController],
  providers: [RemindersService, RemindersScheduler],
})
export class RemindersModule {}
