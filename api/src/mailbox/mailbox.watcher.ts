import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CronJob } from 'cron';
import type { ImapFlow } from 'imapflow';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { imapClient, MailboxService, type ReadTrigger } from './mailbox.service';

/** How long to wait before connecting again after the IDLE connection dropped (doubling, up to a minute). */
const RECONNECT_MS = [1_000, 2_000, 5_000, 15_000, 30_000, 60_000];
/** New mail often comes in bursts: one reading a moment after the first sign. */
const IDLE_SETTLE_MS = 500;

/**
 * Starts the mailbox's reading when IMAP_URL is set (otherwise nothing): once at start, on the
 * schedule (MAILBOX_POLL_CRON), and, with MAILBOX_IDLE=on, as soon as the server says a message
 * arrived (IMAP IDLE on a connection of its own). Every instance does so; the run lock lets one
 * console at a time read.
 */
@Injectable()
export class MailboxWatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MailboxWatcher.name);
  private job: CronJob | null = null;
  private idleClient: ImapFlow | null = null;
  private stopped = false;
  private reconnects = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private settleTimer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mailbox: MailboxService,
  ) {}

  onApplicationBootstrap(): void {
    const settings = this.config.mailbox;
    if (!settings) return;
    this.trigger('startup');
    if (settings.pollCron) {
      this.job = CronJob.from({
        cronTime: settings.pollCron,
        onTick: () => this.trigger('schedule'),
        start: true,
      });
    }
    if (settings.idle) void this.watch();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    void this.job?.stop();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.settleTimer) clearTimeout(this.settleTimer);
    const client = this.idleClient;
    this.idleClient = null;
    if (client) await client.logout().catch(() => client.close());
  }

  private trigger(why: ReadTrigger): void {
    if (this.stopped) return;
    this.mailbox.read(why).catch((error: unknown) => {
      // Never the message: an IMAP or database error can quote addresses.
      this.logger.error(`Mailbox reading (${why}) failed: ${error instanceof Error ? error.name : 'unknown error'}`);
    });
  }

  /** Holds a connection selected on the folder; imapflow idles on it and reports new messages. */
  private async watch(): Promise<void> {
    const settings = this.config.mailbox!;
    const client = imapClient(settings, false);
    this.idleClient = client;
    client.on('exists', (event) => {
      // Fewer messages is our own reading moving them away: only an arrival calls for a reading.
      if (event.count <= event.prevCount || this.settleTimer) return;
      this.settleTimer = setTimeout(() => {
        this.settleTimer = null;
        this.trigger('idle');
      }, IDLE_SETTLE_MS);
    });
    client.on('close', () => this.reconnect(client));
    try {
      await client.connect();
      await client.mailboxOpen(settings.folder, { readOnly: true });
      this.reconnects = 0;
      if (!client.capabilities.has('IDLE'))
        this.logger.warn('The mail server cannot IDLE: new mail is read on the schedule only');
    } catch (error) {
      this.logger.warn(`Mailbox IDLE connection failed: ${error instanceof Error ? error.name : 'unknown error'}`);
      client.close();
    }
  }

  private reconnect(client: ImapFlow): void {
    if (this.stopped || this.idleClient !== client || this.reconnectTimer) return;
    const delay = RECONNECT_MS[Math.min(this.reconnects++, RECONNECT_MS.length - 1)];
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      // A reading on reconnecting: what arrived while the connection was down.
      this.trigger('idle');
      void this.watch();
    }, delay);
  }
}
