import type { Letter } from './letter.entity';

/** What the API answers of a letter: all of it (it is what the recipient read), dates as ISO strings. */
export function presentLetter(letter: Letter) {
  return {
    id: letter.id,
    requestId: letter.requestId,
    kind: letter.kind,
    templateKey: letter.templateKey,
    templateVersion: letter.templateVersion,
    language: letter.language,
    edited: letter.edited,
    to: letter.toAddress,
    processorId: letter.processorId,
    subject: letter.subject,
    text: letter.body,
    state: letter.state,
    attempts: letter.attempts,
    lastError: letter.lastError,
    nextAttemptAt: letter.nextAttemptAt?.toISOString() ?? null,
    messageId: letter.messageId,
    inReplyTo: letter.inReplyTo,
    createdAt: letter.createdAt.toISOString(),
    createdBy: letter.createdBy,
    sentAt: letter.sentAt?.toISOString() ?? null,
  };
}
