import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { ConflictError } from '../common/errors/domain.error';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { RemindersService } from './reminders.service';

const JOB = 'reminders-digest';

/**
 * The daily digest (REMINDER_CRON, in REMINDER_TIME_ZONE). Every instance of the console
 * schedules it; the run lock lets one of them send, and the day kept per user keeps a later
 * run that day (another instance's, or a second time in the cron) from sending again.
 */
@Injectable()
export class RemindersScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(RemindersScheduler.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: SchedulerRegistry,
    private readonly reminders: RemindersService,
  ) {}

  onApplicationBootstrap(): void {
    const { cron, timeZone } = this.config.reminders;
    if (!cron || !this.config.letters) return;
    const job = CronJob.from({
      cronTime: cron,
      timeZone,
      onTick: () => this.run(),
      waitForCompletion: true,
      start: false,
    });
    // The registry stops its jobs when the application shuts down.
    this.registry.addCronJob(JOB, job);
    job.start();
  }

  /** When the digest goes next; null when it is off. */
  schedule(): { cron: string; timeZone: string; nextRunAt: string } | null {
    const { cron, timeZone } = this.config.reminders;
    if (!cron || !this.registry.doesExist('cron', JOB)) return null;
    return { cron, timeZone, nextRunAt: this.registry.getCronJob(JOB).nextDate().toJSDate().toISOString() };
  }

  private async run(): Promise<void> {
    try {
      const run = await this.reminders.send(null, 'schedule');
      this.logger.log(
        `Reminders digest of ${run.day}: ${run.sent} sent, ${run.failed} failed, ${run.alreadySent} already sent`,
      );
    } catch (error) {
      if (error instanceof ConflictError) this.logger.log(`Reminders digest skipped: ${error.message}`);
      else this.logger.error(`Reminders digest failed: ${(error as Error).message}`);
    }
  }
}
