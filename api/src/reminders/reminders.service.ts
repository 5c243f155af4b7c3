import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service';
import { ConflictError } from '../common/errors/domain.error';
import { tryRunLock } from '../common/run-lock';
import { queryRows } from '../common/sql-rows';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { LettersService } from '../letters/letters.service';
import { addDays, romeDate } from '../requests/deadlines';
import { OPEN_STATUSES, type Language } from '../requests/request.entity';
import { composeDigest, digestSections, DUE_SOON_DAYS, type DigestCounts, type DigestRequest } from './reminder-digest';

/** One reminders run at a time across every instance of the console. */
const REMINDER_LOCK = 727_021;

/** Who gets the digest: the staff who handle requests. Auditors only read, and get none. */
const RECIPIENT_ROLES = ['admin', 'officer'];

export interface ReminderRun {
  /** The day of the run (Rome), the one the deadlines count from. */
  day: string;
  /** Digests sent now. */
  sent: number;
  /** Digests the mail server did not take (tried again on the next run, the same day too). */
  failed: number;
  /** Recipients already sent today's digest. */
  alreadySent: number;
  /** Recipients with nothing to report (no e-mail). */
  nothingToReport: number;
}

interface Recipient {
  id: string;
  email: string;
  full_name: string;
  language: Language | null;
  sent_on: string | null;
}

/**
 * The officers' daily digest (issue 19): the open requests overdue, due within 7 days or
 * waiting on the subject, one e-mail per admin and officer in their language, at most once a
 * day each. The flow only: the content is reminder-digest.ts, the sending the letters module's.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger(RemindersService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly letters: LettersService,
    private readonly audit: AuditService,
  ) {}

  /** Sends today's digests not sent yet; 409 without SMTP, or while another run is under way. */
  async send(actor: Actor | null, trigger: 'schedule' | 'manual', now = new Date()): Promise<ReminderRun> {
    if (!this.letters.canSend) {
      throw new ConflictError('The reminders are sent by e-mail: set SMTP_URL and MAIL_FROM first');
    }
    const lock = await tryRunLock(this.dataSource, this.config.databaseUrl === null, REMINDER_LOCK, 'digest');
    if (!lock) throw new ConflictError('The reminders are being sent by another run: try again in a minute');
    try {
      return await this.run(actor, trigger, now);
    } finally {
      await lock.release();
    }
  }

  private async run(actor: Actor | null, trigger: 'schedule' | 'manual', now: Date): Promise<ReminderRun> {
    const day = romeDate(now);
    const [recipients, requests] = await Promise.all([this.recipients(), this.requestsToReport(day)]);
    const sections = digestSections(requests, day);
    const result: ReminderRun = { day, sent: 0, failed: 0, alreadySent: 0, nothingToReport: 0 };
    const sent: Array<{ userId: string } & DigestCounts> = [];
    for (const recipient of recipients) {
      if (recipient.sent_on === day) {
        result.alreadySent++;
        continue;
      }
      const mail = composeDigest({
        sections,
        language: recipient.language ?? this.config.reminders.language,
        recipientName: recipient.full_name,
        today: day,
        consoleUrl: this.config.publicUrl,
      });
      if (!mail) {
        result.nothingToReport++;
        continue;
      }
      try {
        await this.letters.sendMail(recipient.email, mail.subject, mail.text);
      } catch (error) {
        // One refused address must not keep the others' digests back.
        result.failed++;
        this.logger.warn(`Reminders digest to user ${recipient.id} not sent: ${(error as Error).message}`);
        continue;
      }
      await this.dataSource.query(
        `INSERT INTO reminder_digests (user_id, sent_on, sent_at) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) DO UPDATE SET sent_on = excluded.sent_on, sent_at = excluded.sent_at`,
        [recipient.id, day, now],
      );
      result.sent++;
      sent.push({ userId: recipient.id, ...mail.counts });
    }
    // Counts only, never the content (the subjects' names stay out of the audit log). A quiet
    // scheduled run leaves no line; an admin's send-now always does.
    if (trigger === 'manual' || result.sent > 0 || result.failed > 0) {
      await this.audit.recordNow(actor, {
        action: 'reminders.sent',
        entity: 'reminders',
        entityId: null,
        details: { trigger, ...result, recipients: sent },
      });
    }
    return result;
  }

  private recipients(): Promise<Recipient[]> {
    return queryRows<Recipient>(
      this.dataSource,
      `SELECT u.id, u.email, u.full_name, u.language, d.sent_on::text AS sent_on
       FROM users u LEFT JOIN reminder_digests d ON d.user_id = u.id
       WHERE u.active AND u.role = ANY($1) ORDER BY u.email`,
      [RECIPIENT_ROLES],
    );
  }

  /** The open requests that can be in a digest: due within the week (or late), or awaiting the subject. */
  private async requestsToReport(day: string): Promise<DigestRequest[]> {
    const rows = await queryRows<{
      id: string;
      reference: string;
      type: DigestRequest['type'];
      status: DigestRequest['status'];
      subject_name: string | null;
      working_due_date: string;
      identity_info_requested_at: Date | null;
      identity_info_received_at: Date | null;
    }>(
      this.dataSource,
      `SELECT id, reference, type, status, subject_name, working_due_date::text AS working_due_date,
              identity_info_requested_at, identity_info_received_at
       FROM requests
       WHERE status = ANY($1)
         AND (working_due_date <= $2 OR (identity_info_requested_at IS NOT NULL AND identity_info_received_at IS NULL))`,
      [OPEN_STATUSES, addDays(day, DUE_SOON_DAYS)],
    );
    return rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      type: r.type,
      status: r.status,
      subjectName: r.subject_name,
      workingDueDate: r.working_due_date,
      identityInfoRequestedAt: r.identity_info_requested_at,
      identityInfoReceivedAt: r.identity_info_received_at,
    }));
  }
}
