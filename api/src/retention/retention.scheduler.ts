import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { ConflictError } from '../common/errors/domain.error';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { RetentionService } from './retention.service';
import { setSweepSchedule } from './sweep-schedule';

const JOB = 'retention-sweep';

/**
 * The daily sweep (RETENTION_SWEEP_CRON, in RETENTION_SWEEP_TIME_ZONE). Every instance of the
 * console schedules it; the sweep's advisory lock lets one of them run it, the others get a
 * conflict and let it be.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(RetentionScheduler.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: SchedulerRegistry,
    private readonly retention: RetentionService,
  ) {}

  onApplicationBootstrap(): void {
    // What the texts promising a deletion "at the next sweep" date it by.
    setSweepSchedule(
      this.config.retentionSweepCron
        ? { cron: this.config.retentionSweepCron, timeZone: this.config.retentionSweepTimeZone }
        : null,
    );
    if (!this.config.retentionSweepCron) return;
    const job = CronJob.from({
      cronTime: this.config.retentionSweepCron,
      timeZone: this.config.retentionSweepTimeZone,
      onTick: () => this.run(),
      waitForCompletion: true,
      start: false,
    });
    // The registry stops its jobs when the application shuts down.
    this.registry.addCronJob(JOB, job);
    job.start();
  }

  /** When the schedule runs next; null when it is off. */
  schedule(): { cron: string; timeZone: string; nextRunAt: string } | null {
    if (!this.config.retentionSweepCron || !this.registry.doesExist('cron', JOB)) return null;
    const next = this.registry.getCronJob(JOB).nextDate().toJSDate();
    return {
      cron: this.config.retentionSweepCron,
      timeZone: this.config.retentionSweepTimeZone,
      nextRunAt: next.toISOString(),
    };
  }

  private async run(): Promise<void> {
    try {
      const sweep = await this.retention.sweep(null, { dryRun: false, trigger: 'schedule' });
      this.logger.log(`Scheduled retention sweep ${sweep.status}: ${sweep.records} records`);
    } catch (error) {
      if (error instanceof ConflictError) this.logger.log(`Scheduled retention sweep skipped: ${error.message}`);
      else this.logger.error(`Scheduled retention sweep failed: ${(error as Error).message}`);
    }
  }
}
