import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/access.decorators';
import type { AuthenticatedUser } from '../auth/auth.service';
import { RemindersScheduler } from './reminders.scheduler';
import { RemindersService } from './reminders.service';

/** The officers' daily reminders digest: its schedule, and a run on demand to test the setup. */
@ApiTags('reminders')
@Roles('admin')
@Controller('reminders')
export class RemindersController {
  constructor(
    private readonly reminders: RemindersService,
    private readonly scheduler: RemindersScheduler,
  ) {}

  @Get('schedule')
  @ApiOperation({ summary: 'When the daily digest is sent next (REMINDER_CRON); null when it is off' })
  schedule() {
    return { schedule: this.scheduler.schedule() };
  }

  @Post('send-now')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Sends today's digest now to each admin and officer not sent it yet today (nothing to report: no e-mail); audited. 409 without SMTP_URL or while another run sends.",
  })
  sendNow(@CurrentUser() actor: AuthenticatedUser) {
    return this.reminders.send(actor, 'manual');
  }
}
