import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { AuditService } from './audit.service';

const JOB = 'audit-checkpoint-log';
/** Every day at midnight, Rome time: one line an auditor can compare with the chain later. */
const DAILY = '0 0 * * *';

/**
 * Writes the signed checkpoint of the audit chain into the console's log when it starts, every
 * day, and when it stops (chaining the inbox and copying it into DATA_DIR then), so that copies of the chain's head
 * accumulate outside the database.
 */
@Injectable()
export class AuditCheckpointLog implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditCheckpoint');

  constructor(
    private readonly audit: AuditService,
    private readonly registry: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    // Once the start-up is over: until then only warnings and errors are printed (main.ts).
    setImmediate(() => void this.log('start'));
    const job = CronJob.from({
      cronTime: DAILY,
      timeZone: 'Europe/Rome',
      onTick: () => this.log('daily'),
      waitForCompletion: true,
      start: false,
    });
    this.registry.addCronJob(JOB, job);
    job.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    // The reads that answered are chained before the console stops (any left are chained at the next start).
    await this.audit
      .chainInbox()
      .catch((error) => this.logger.warn(`Could not chain the audit inbox: ${(error as Error).message}`));
    await this.audit
      .writeAnchor()
      .catch((error) => this.logger.warn(`Could not copy the audit checkpoint: ${(error as Error).message}`));
    await this.log('stop');
  }

  private async log(when: 'start' | 'daily' | 'stop'): Promise<void> {
    try {
      const checkpoint = await this.audit.checkpoint();
      this.logger.log({ msg: 'Audit checkpoint', when, checkpoint });
    } catch (error) {
      this.logger.warn(`Could not read the audit checkpoint: ${(error as Error).message}`);
    }
  }
}
