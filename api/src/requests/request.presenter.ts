import { addDays, daysBetween, romeDate } from './deadlines';
import { identityWaitDays, pausedDueDate } from './request-decisions';
import { allowedActions } from './request-rules';
import type { RequestEvent } from './request-event.entity';
import { OPEN_STATUSES, type DataSubjectRequest } from './request.entity';

function iso(d: Date): string;
function iso(d: Date | null): string | null;
function iso(d: Date | null) {
  return d ? d.toISOString() : null;
}

/** `pause`: IDENTITY_PAUSE=on, the working deadline moves while identity information is awaited. */
export function presentRequest(r: DataSubjectRequest, now = new Date(), pause = false) {
  const open = OPEN_STATUSES.includes(r.status);
  const awaiting =
    open && !r.identityVerifiedAt && r.identityInfoRequestedAt !== null && r.identityInfoReceivedAt === null;
  const waitingDays = awaiting ? identityWaitDays(r.identityInfoRequestedAt!, now) : 0;
  const withoutPause = addDays(r.workingDueDate, -r.identityPauseDays);
  const paused = pausedDueDate(
    withoutPause,
    r.identityPauseDays,
    pause ? waitingDays : 0,
    pause || r.identityPauseDays > 0,
  );
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
    daysLeft: open ? daysBetween(romeDate(now), paused ?? r.workingDueDate) : null,
    /** The working deadline as it would be without the identity pause. */
    workingDueDateWithoutPause: withoutPause,
    /** The working deadline moved by the days identity information was (and is being) awaited; null when nothing moved it. */
    pausedDueDate: paused,
    identityPauseDays: r.identityPauseDays,
    /** Days the identity information asked has been awaited so far; null when nothing is awaited. */
    identityWaitingDays: awaiting ? waitingDays : null,
    identityInfoRequestedAt: iso(r.identityInfoRequestedAt),
    identityInfoRequested: r.identityInfoRequested,
    identityInfoChannel: r.identityInfoChannel,
    identityInfoRespondBy: r.identityInfoRespondBy,
    identityInfoReceivedAt: iso(r.identityInfoReceivedAt),
    extensionReason: r.extensionReason,
    extensionCommunicatedAt: iso(r.extensionCommunicatedAt),
    identityVerifiedAt: iso(r.identityVerifiedAt),
    identityMethod: r.identityMethod,
    identityVerifiedBy: r.identityVerifiedBy,
    outcome: r.outcome,
    rejectionReason: r.rejectionReason,
    rejectionGround: r.rejectionGround,
    rejectionStatement: r.rejectionStatement,
    /** A reasonable fee (Art. 12(5)(a)), in euros. */
    feeAmount: r.feeAmountCents === null ? null : r.feeAmountCents / 100,
    feeBasis: r.feeBasis,
    feeJustification: r.feeJustification,
    feeChargedAt: iso(r.feeChargedAt),
    /** The intake found a statement of age or a date of birth under 18. */
    minorSuspected: r.minorSuspected,
    minorEvidence: r.minorEvidence,
    minorDecision: r.minorDecision,
    minorDecidedAt: iso(r.minorDecidedAt),
    minorDecidedBy: r.minorDecidedBy,
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
    /** What the request page may offer in this state, by the workflow's rules. */
    allowedActions: allowedActions(r, romeDate(now)),
  };
}

/** A request as the API answers it (the console's type for it). */
export type RequestView = ReturnType<typeof presentRequest>;

/** One entry of a request's history, as the API answers it. */
export type RequestEventView = ReturnType<typeof presentRequestEvent>;

export function presentRequestEvent(e: RequestEvent) {
  return {
    id: e.id,
    requestId: e.requestId,
    at: iso(e.at),
    kind: e.kind,
    actorId: e.actorId,
    actorEmail: e.actorEmail,
    message: e.message,
    details: e.details,
  };
}
