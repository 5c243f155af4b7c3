import { daysBetween, romeDate } from './deadlines';
import type { RequestEvent } from './request-event.entity';
import { OPEN_STATUSES, type DataSubjectRequest } from './request.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentRequest(r: DataSubjectRequest, now = new Date()) {
  const open = OPEN_STATUSES.includes(r.status);
  return {
    id: r.id,
    reference: r.reference,
    type: r.type,
    typeGuessed: r.typeGuessed,
    status: r.status,
    channel: r.channel,
    language: r.language,
    receivedAt: iso(r.receivedAt),
    subjectName: r.subjectName,
    subjectEmail: r.subjectEmail,
    subjectPhone: r.subjectPhone,
    description: r.description,
    dueDate: r.dueDate,
    slaDueDate: r.slaDueDate,
    extendedDueDate: r.extendedDueDate,
    workingDueDate: r.workingDueDate,
    /** Days from today (Rome) to the working deadline; null once the request is closed. */
    daysLeft: open ? daysBetween(romeDate(now), r.workingDueDate) : null,
    extensionReason: r.extensionReason,
    extensionCommunicatedAt: iso(r.extensionCommunicatedAt),
    identityVerifiedAt: iso(r.identityVerifiedAt),
    identityMethod: r.identityMethod,
    identityVerifiedBy: r.identityVerifiedBy,
    outcome: r.outcome,
    rejectionReason: r.rejectionReason,
    rejectionStatement: r.rejectionStatement,
    closedAt: iso(r.closedAt),
    /** Answered after the legal deadline in force (the extended one once extended). */
    answeredLate: r.answeredLate,
    lateByDays: r.lateByDays,
    /** An e-mail's Date: header, as the sender wrote it: not the receipt. */
    senderDate: iso(r.senderDate),
    emailMessageId: r.emailMessageId,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
    version: r.version,
  };
}

export function presentRequestEvent(e: RequestEvent) {
  return { id: e.id, requestId: e.requestId, at: iso(e.at), kind: e.kind, actorId: e.actorId, actorEmail: e.actorEmail, message: e.message, details: e.details };
}
