import type { presentOtherMail } from '../../../api/src/mailbox/other-mail.list';

/** A message of the privacy@ mailbox that is no request (`GET /api/mailbox/other-mail`). */
export type OtherMail = ReturnType<typeof presentOtherMail>;

/** What a reading of the mailbox did (the API's `ReadSummary`, in mailbox.service): counts only. */
export interface ReadSummary {
  trigger: string;
  startedAt: string;
  finishedAt: string;
  found: number;
  stored: number;
  known: number;
  requests: number;
  replies: number;
  other: number;
}

/** `GET /api/mailbox/status`: whether the console reads the mailbox, and what its last reading did. */
export type MailboxStatus =
  | { configured: false }
  | {
      configured: true;
      host: string;
      folder: string;
      processedFolder: string;
      pollCron: string | null;
      idle: boolean;
      lastRead: ReadSummary | null;
    };
