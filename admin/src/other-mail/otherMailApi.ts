import type { fetchUtils } from 'react-admin';

import type { MailboxStatus, ReadSummary } from '../api';

type HttpClient = (url: string, options?: fetchUtils.Options) => Promise<{ json: unknown }>;

/** The list resource `other-mail` is the API's `mailbox/other-mail` (plain REST). */
export const OTHER_MAIL_PATH = 'mailbox/other-mail';

/** The privacy@ mailbox endpoints that are not plain REST. */
export interface MailboxDataProvider {
  /** `GET /api/mailbox/status`. */
  mailboxStatus: () => Promise<MailboxStatus>;
  /** `POST /api/mailbox/read`: `skipped` when another console is reading it; 409 when IMAP_URL is not set. */
  readMailbox: () => Promise<ReadSummary | { skipped: true; reason: string }>;
  /** `POST /api/mailbox/other-mail/:id/make-request`: the new request's id (409 if made already). */
  makeRequestOfOtherMail: (id: string) => Promise<{ id: string }>;
}

/** Where the raw message (.eml) is downloaded from; each download is audited by the API. */
export const rawMessageUrl = (apiUrl: string, mailboxMessageId: string) =>
  `${apiUrl}/mailbox/messages/${encodeURIComponent(mailboxMessageId)}/raw`;

export const mailboxMethods = (apiUrl: string, httpClient: HttpClient): MailboxDataProvider => ({
  mailboxStatus: () => httpClient(`${apiUrl}/mailbox/status`).then(({ json }) => json as MailboxStatus),
  readMailbox: () =>
    httpClient(`${apiUrl}/mailbox/read`, { method: 'POST' }).then(
      ({ json }) => json as ReadSummary | { skipped: true; reason: string },
    ),
  makeRequestOfOtherMail: (id) =>
    httpClient(`${apiUrl}/mailbox/other-mail/${encodeURIComponent(id)}/make-request`, { method: 'POST' }).then(
      ({ json }) => json as { id: string },
    ),
});
