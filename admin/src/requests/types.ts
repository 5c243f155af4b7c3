import type { RaRecord } from 'react-admin';

/**
 * The data-subject request as `GET /api/requests/:id` answers it (docs/requests.md).
 * The vocabularies mirror api/src/requests/request.entity.ts.
 */
export const REQUEST_TYPES = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'consent_withdrawal',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const REQUEST_STATUSES = ['received', 'identity_check', 'in_progress', 'completed', 'rejected'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** The statuses of a request still to be answered. */
export const OPEN_STATUSES = ['received', 'identity_check', 'in_progress'] as const satisfies readonly RequestStatus[];
export type OpenStatus = (typeof OPEN_STATUSES)[number];

export const CHANNELS = ['email', 'web_form', 'post', 'phone', 'in_person', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const LANGUAGES = ['it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const IDENTITY_METHODS = ['email_from_known_address', 'document_seen', 'signed_in_account'] as const;
export type IdentityMethod = (typeof IDENTITY_METHODS)[number];

export const REJECTION_REASONS = ['identity_not_verified', 'manifestly_unfounded', 'excessive', 'merits'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** The grounds of a refusal on the merits per type, and of excess (api/src/requests/request-rules.ts). */
export const MERIT_GROUNDS: Record<RequestType, readonly string[]> = {
  erasure: ['art17_3_a', 'art17_3_b', 'art17_3_c', 'art17_3_d', 'art17_3_e'],
  access: ['art15_4'],
  objection: ['art21_1'],
  portability: ['art20_1'],
  restriction: ['art18_1'],
  rectification: ['art16'],
  consent_withdrawal: [],
};
export const EXCESS_GROUNDS = ['repetitive', 'other_excess'] as const;

export const IDENTITY_INFO_CHANNELS = ['email', 'letter', 'phone'] as const;
export type IdentityInfoChannel = (typeof IDENTITY_INFO_CHANNELS)[number];

export const FEE_BASES = ['manifestly_unfounded', 'excessive'] as const;
export const MINOR_DECISIONS = ['confirmed', 'dismissed'] as const;
export type MinorDecision = (typeof MINOR_DECISIONS)[number];

export interface DataSubjectRequest extends RaRecord<string> {
  id: string;
  /** `DSR-2026-0042`, numbered per year of receipt. */
  reference: string;
  type: RequestType;
  /** true while the type is the intake's guess, not yet confirmed by an officer. */
  typeGuessed: boolean;
  status: RequestStatus;
  channel: Channel;
  language: Language;
  /** ISO 8601 instant. */
  receivedAt: string;
  subjectName: string | null;
  subjectEmail: string | null;
  subjectPhone: string | null;
  description: string | null;
  /** Statutory deadline, one month from receipt (YYYY-MM-DD). */
  dueDate: string;
  /** The company's promise (YYYY-MM-DD). */
  slaDueDate: string;
  /** Three months from receipt, once extended (YYYY-MM-DD). */
  extendedDueDate: string | null;
  /** The earliest deadline that applies (YYYY-MM-DD). */
  workingDueDate: string;
  /** Days from today (Rome) to workingDueDate; negative when overdue; null once closed. */
  daysLeft: number | null;
  extensionReason: string | null;
  extensionCommunicatedAt: string | null;
  identityVerifiedAt: string | null;
  identityMethod: IdentityMethod | null;
  identityVerifiedBy: string | null;
  outcome: string | null;
  rejectionReason: RejectionReason | null;
  rejectionStatement: string | null;
  /** An Art. 17(3) letter, art21_1, art20_1... (merits), or repetitive / other_excess. */
  rejectionGround: string | null;
  /** A reasonable fee instead of a refusal (Art. 12(5)(a)), in euros. */
  feeAmount: number | null;
  feeBasis: string | null;
  feeJustification: string | null;
  feeChargedAt: string | null;
  /** The identity information asked (Art. 12(6)) and when it arrived. */
  identityInfoRequestedAt: string | null;
  identityInfoRequested: string | null;
  identityInfoChannel: IdentityInfoChannel | null;
  identityInfoRespondBy: string | null;
  identityInfoReceivedAt: string | null;
  /** Days of completed waits the working deadline moved by (IDENTITY_PAUSE=on). */
  identityPauseDays: number;
  /** Days the information asked has been awaited so far; null when nothing is awaited. */
  identityWaitingDays: number | null;
  /** The working deadline without the identity pause. */
  workingDueDateWithoutPause: string;
  /** The working deadline moved by the identity pause; null when nothing moved it. */
  pausedDueDate: string | null;
  /** The intake found a statement of age or a date of birth under 18. */
  minorSuspected: boolean;
  minorEvidence: string | null;
  minorDecision: MinorDecision | null;
  minorDecidedAt: string | null;
  minorDecidedBy: string | null;
  closedAt: string | null;
  /** Closed or refused after the legal deadline in force then (the extended one once extended). */
  answeredLate: boolean;
  /** Whole days after that deadline (Rome); null when on time or open. */
  lateByDays: number | null;
  /** An imported e-mail's own Date: header, as the sender wrote it: not the receipt. */
  senderDate: string | null;
  emailMessageId: string | null;
  createdAt: string;
  updatedAt: string;
  /** Sent back with PUT: a stale version is a 409. */
  version: number;
}

export const EVENT_KINDS = [
  'received',
  'note',
  'identity_check',
  'verified',
  'extended',
  'closed',
  'rejected',
  'updated',
  'receipt_changed',
  'subject_changed',
  'identity_info_requested',
  'identity_info_received',
  'fee_charged',
  'minor_decided',
  'identity_document_added',
  'identity_documents_destroyed',
  'exported',
  'export_interrupted',
  // What was done to the subject's data (docs/erasure.md).
  'erasure_started',
  'erasure_resumed',
  'erasure_source_done',
  'erasure_source_failed',
  'erasure_waived',
  'erasure_completed',
  'rectified',
  'restricted',
  'restriction_lifted',
  'consent_withdrawn',
  'objection_recorded',
] as const;
export type RequestEventKind = (typeof EVENT_KINDS)[number];

/** One line of a request's timeline (`/api/request-events?filter={"requestId":...}`). */
export interface RequestEvent extends RaRecord<string> {
  id: string;
  requestId: string;
  at: string;
  kind: RequestEventKind | string;
  actorId: string | null;
  actorEmail: string | null;
  message: string | null;
  details: Record<string, unknown> | null;
}

export type MonthCounts = { month: string } & Record<RequestType, number>;

/** `GET /api/requests/stats` */
export interface RequestStats {
  openByStatus: Record<OpenStatus, number>;
  open: number;
  dueWithin7Days: number;
  overdue: number;
  medianDaysToClose: number | null;
  /** Answered (closed or refused) after the legal deadline, last 12 months. */
  answeredLate: number;
  /** 12 entries, oldest first. */
  perMonth: MonthCounts[];
  processorsReviewOverdue?: number;
}

/** The workflow actions of `POST /api/requests/:id/<action>`, with their bodies. */
export interface RequestActionBodies {
  'identity-check': { text?: string };
  verify: { method: IdentityMethod; note?: string };
  extend: { reason: string; communicatedAt: string };
  close: { outcome: string };
  reject: { reason: RejectionReason; ground?: string; details?: string };
  'identity-info-requested': { what: string; how: IdentityInfoChannel; askedAt: string; respondBy: string };
  'identity-info-received': { receivedAt: string; what: string };
  fee: { amount: number; basis: (typeof FEE_BASES)[number]; justification: string };
  minor: { decision: MinorDecision; note?: string };
  'identity-documents': { fileName: string; contentType: string; contentBase64: string };
}
export type RequestAction = keyof RequestActionBodies;

// ---------------------------------------------------------------------------
// Erasure and the other rights (api/src/erasure, docs/erasure.md)
// ---------------------------------------------------------------------------

/** The sources an erasure goes through, in the order a run takes. */
export const ERASABLE_SOURCES = [
  'calendar-events',
  'calendar-connections',
  'chat-conversations',
  'consents',
  'access-logs',
  'leads',
] as const;
export type ErasableSource = (typeof ERASABLE_SOURCES)[number];

/** What happens to one record (labels: `app.requests.rights.erasure.actions`). */
export type ErasureAction = 'delete' | 'mask' | 'unlink' | 'revoke_and_delete' | 'remove_attendee' | 'mask_mention';

/** A record that is not only the subject's (Art. 15(4)): reviewed before anything of it is handed over. */
export interface ReviewItem {
  source: string;
  recordId: string;
  relation: 'mention' | 'shared';
  date: string | null;
  otherParticipants: number | null;
  passage: string;
  decision: 'include' | 'exclude' | null;
  excerpt: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
}
export type ErasureStepStatus = 'done' | 'failed' | 'waived';

export interface ErasureSourceReport {
  source: ErasableSource;
  /** Records still to change; `records` lists at most 1000 of them. */
  total: number;
  records: Array<{ id: string; action: ErasureAction; summary: string }>;
  /** After a run. */
  status?: ErasureStepStatus | 'pending';
  recordsAffected?: number;
  error?: string | null;
  waiverReason?: string | null;
}

/** `POST /api/requests/:id/erase[?dryRun=true]` */
export interface ErasureReport {
  requestId: string;
  reference: string;
  dryRun: boolean;
  state: 'preview' | 'complete' | 'incomplete';
  identifiers: { emails: number; phones: number; names: number; ips: number };
  /** E-mails and phones that go (or went) on the suppression list. */
  suppressed: number;
  sources: ErasureSourceReport[];
}

/** `GET /api/requests/:id/erasure`: no steps and null dates before the first run. */
export interface ErasureStatus {
  startedAt: string | null;
  completedAt: string | null;
  steps: Array<{
    source: ErasableSource;
    status: ErasureStepStatus;
    recordsAffected: number;
    attempts: number;
    error: string | null;
    waiverReason: string | null;
    updatedAt: string;
  }>;
}

/** The contact-form fields a rectification corrects; an empty string clears one. */
export const RECTIFIABLE_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'company',
  'spaceType',
  'objective',
  'message',
] as const;
export type RectifiableField = (typeof RECTIFIABLE_FIELDS)[number];
export type RectifyBody = Partial<Record<RectifiableField, string>>;

export interface RecordChange {
  source: string;
  recordId: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** `POST /api/requests/:id/rectify` */
export interface RectifyResult {
  reference: string;
  recordsChanged: number;
  changes: RecordChange[];
}

/** `POST /api/requests/:id/restrict`: records flagged, per source. */
export interface RestrictResult {
  reference: string;
  restricted: Record<string, number>;
}

/** `POST /api/requests/:id/lift-restriction`: records unflagged, per source. */
export interface LiftResult {
  reference: string;
  lifted: Record<string, number>;
}

/** One processing activity stopped by a withdrawal or an objection. */
export interface WithdrawalEffect {
  activityId: string;
  activity: string;
  legalBasis: string;
  consentCategory: string | null;
  sourceSystem: string | null;
  /** Records the console holds in the activity's source, to erase or restrict next. */
  recordsHeld: number;
  /** The cookie-banner category now refused, if the activity has one. */
  bannerRefuses: string | null;
}

/** `POST /api/requests/:id/withdraw` */
export interface WithdrawResult {
  reference: string;
  consentRecordId: string;
  consentId: string;
  categories: Record<string, boolean>;
  effects: WithdrawalEffect[];
}

/** Art. 19: one processor to tell of the change. */
export interface Recipient {
  processorId: string;
  name: string;
  service: string;
  /** ISO 3166 code. */
  country: string;
  transferMechanism: string;
  contact: string | null;
  activities: string[];
  categories: string[];
  change: 'erasure' | 'rectification' | 'restriction';
  /** Ready to send, in the request's language. */
  notice: string;
}

/** `GET /api/requests/:id/recipients` */
export interface RecipientsResult {
  reference: string;
  sources: string[];
  recipients: Recipient[];
}

/** A processing activity of the register (`GET /api/activities`), as the withdrawal dialog needs it. */
export interface ProcessingActivitySummary extends RaRecord<string> {
  id: string;
  name: string;
  legalBasis: string;
  consentCategory: string | null;
  sourceSystem: string | null;
}
