import type { ListSpec } from '../common/rest/list-query';
import { OTHER_MAIL_KINDS } from './mail-triage';
import type { OtherMail } from './other-mail.entity';

export const OTHER_MAIL_LIST: ListSpec = {
  resource: 'mailbox/other-mail',
  fields: {
    id: 'uuid',
    kind: { enum: OTHER_MAIL_KINDS },
    fromAddress: 'text',
    subject: 'text',
    receivedAt: 'datetime',
    requestId: 'uuid',
  },
  searchable: ['fromAddress', 'subject'],
  defaultSort: ['receivedAt', 'DESC'],
  maxPageSize: 100,
};

/** What the API answers for other mail: it carries no deadline, being no request. */
export function presentOtherMail(other: OtherMail) {
  return {
    id: other.id,
    kind: other.kind,
    reason: other.reason,
    fromAddress: other.fromAddress,
    subject: other.subject,
    receivedAt: other.receivedAt.toISOString(),
    mailboxMessageId: other.mailboxMessageId,
    requestId: other.requestId,
    madeRequestAt: other.madeRequestAt?.toISOString() ?? null,
    madeRequestBy: other.madeRequestBy,
  };
}
