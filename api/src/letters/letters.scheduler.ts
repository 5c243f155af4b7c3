import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { LettersService } from './letters.service';

/**
 * Tries the letters whose retry time has come (and any a stopped process left half-sent), as
 * often as the first retry wait and at least every 30 seconds. Every instance of the console
 * runs it; the claim in LettersService.retryDue lets one of them send each letter.
 */
@Injectable()
export class LettersScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LettersScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly letters: LettersService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.letters) return;
    const every = Math.min(this.config.letters.retrySeconds, 30) * 1000;
    this.timer = setInterval(() => {
      this.running ??= this.run().finally(() => (this.running = null));
    }, every);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async run(): Promise<void> {
    try {
      const sent = await this.letters.retryDue();
      if (sent) this.logger.log(`Letters sent on retry: ${sent}`);
    } catch (error) {
      this.logger.error(`Scheduled letter retry failed: ${(error as Error).message}`);
    }
  }
}
