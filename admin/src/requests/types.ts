import type { RaRecord } from 'react-admin';

import type { ErasableSource } from '../sources/catalogue';

import type {
  Channel,
  IdentityInfoChannel,
  IdentityMethod,
  Language,
  MinorDecision,
  RejectionReason,
  RequestStatus,
  RequestType,
} from '../../../api/src/requests/request.entity';
import type { RequestEventView, RequestView } from '../../../api/src/requests/request.presenter';
import type { OfferedAction } from '../../../api/src/requests/request-rules';

export type {
  Channel,
  IdentityInfoChannel,
  IdentityMethod,
  Language,
  MinorDecision,
  RejectionReason,
  RequestStatus,
  RequestType,
};

/**
 * The data-subject request as `GET /api/requests/:id` answers it: the API's presenter is the one
 * source of its shape (docs/requests.md). The lists below are the choices the forms offer, checked
 * against the API's vocabularies.
 */
export type DataSubjectRequest = RequestView;

/** What the request page may offer in the request's state (`allowedActions`, from the API's rules). */
export type WorkflowAction = OfferedAction;

export const REQUEST_TYPES = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'consent_withdrawal',
] as const satisfies readonly RequestType[];

export const REQUEST_STATUSES = [
  'received',
  'identity_check',
  'in_progress',
  'completed',
  'rejected',
] as const satisfies readonly RequestStatus[];

/** The statuses of a request still to be answered. */
export const OPEN_STATUSES = ['received', 'identity_check', 'in_progress'] as const satisfies readonly RequestStatus[];
export type OpenStatus = (typeof OPEN_STATUSES)[number];

export const CHANNELS = [
  'email',
  'web_form',
  'post',
  'phone',
  'in_person',
  'other',
] as const satisfies readonly Channel[];

export const LANGUAGES = ['it', 'en'] as const satisfies readonly Language[];

export const IDENTITY_METHODS = [
  'email_from_known_address',
  'document_seen',
  'signed_in_account',
] as const satisfies readonly IdentityMethod[];

export const REJECTION_REASONS = [
  'identity_not_verified',
  'manifestly_unfounded',
  'excessive',
  'merits',
] as const satisfies readonly RejectionReason[];

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

export const IDENTITY_INFO_CHANNELS = ['email', 'letter', 'phone'] as const satisfies readonly IdentityInfoChannel[];

export const FEE_BASES = ['manifestly_unfounded', 'excessive'] as const;
export const MINOR_DECISIONS = ['confirmed', 'dismissed'] as const satisfies readonly MinorDecision[];

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
export type RequestEvent = RequestEventView & RaRecord<string>;

export type MonthCounts = { month: string } & Record<RequestType, number>;

/** `GET /api/requests/stats` */
export interface RequestStats {
  openByStatus: Record<OpenStatus, number>;
  open: number;
  dueWithin7Days: number;
  overdue: number;
  /** Open and waiting on the subject: identity information asked for and not received. */
  waitingOnSubject?: number;
  medianDaysToClose: number | null;
  /** Answered (closed or refused) after the legal deadline, last 12 months. */
  answeredLate: number;
  /** 12 entries, oldest first. */
  perMonth: MonthCounts[];
  processorsReviewOverdue?: number;
  processorsMissingDpa?: number;
  processorsMissingTia?: number;
  activitiesMissingRetention?: number;
  /** Objections (Art. 21) and withdrawals (Art. 7(3)) in force, and the records stored flagged since. */
  processingStops?: {
    inForce: number;
    requests: number;
    flaggedRecords: number;
    flaggedBySource: Record<string, number>;
  };
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

// The sources an erasure goes through, and their order: sources/catalogue.ts.

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

// ---------------------------------------------------------------------------
// Legal holds, objection decisions, processing stops, letters: the API's own types
// ---------------------------------------------------------------------------

export type { HoldGround, HoldState };
import type { HoldGround, HoldState } from '../../../api/src/legal-holds/legal-hold-rules';
import type { Assessment } from '../../../api/src/objections/stop-rules';
import type { ActiveStop } from '../../../api/src/objections/active-stops';

export type { Assessment, ActiveStop };

/*
 * The answers below are typed by hand after their presenters (`presentHold` in
 * legal-holds.service.ts, `decide` in objections.service.ts, `ComposedLetter` in
 * letters.service.ts, `presentLetter` and `LETTER_KINDS` of api/src/letters/): those files import
 * the database layer, which the UI's build cannot load.
 */

/** One legal hold of an erasure request (`GET /api/requests/:id/holds`), Art. 17(3). */
export interface LegalHold {
  id: string;
  requestId: string;
  source: string;
  scope: 'source' | 'record';
  recordId: string | null;
  ground: HoldGround;
  legalReference: string | null;
  reason: string;
  endsAt: string | null;
  reviewAt: string | null;
  placedBy: string;
  placedAt: string;
  liftedAt: string | null;
  liftedBy: string | null;
  liftReason: string | null;
  state: HoldState;
  /** The ids of the records it keeps. */
  records: string[];
  /** Ended or lifted and not erased yet: the next run of the erasure erases them. */
  freed: number;
}

/**
 * The grounds a hold may be placed on, in the order of Art. 17(3), with their letter of the
 * paragraph: a Record over the API's type, so that a ground the API adds fails the build until it
 * is offered here.
 */
export const HOLD_GROUND_LETTERS: Record<HoldGround, string> = {
  freedom_of_expression: 'a',
  legal_obligation: 'b',
  archiving: 'd',
  legal_claims: 'e',
};
export const HOLD_GROUNDS = Object.keys(HOLD_GROUND_LETTERS) as HoldGround[];

/** `POST /api/requests/:id/holds` */
export interface PlaceHoldBody {
  source: string;
  recordId?: string;
  ground: HoldGround;
  legalReference?: string;
  reason: string;
  endsAt?: string;
  reviewAt?: string;
}

/** The officer's assessment of an objection (Art. 21(1)), as the API lists them. */
export const ASSESSMENTS = ['none', 'compelling_grounds'] as const satisfies readonly Assessment[];

/** `POST /api/requests/:id/objection-decision` */
export interface ObjectionDecisionBody {
  activityIds?: string[];
  directMarketing?: boolean;
  assessment?: Assessment;
  grounds?: string;
}

/** What `POST .../objection-decision` answers; the timeline line `objection_decided` carries the same details. */
export interface ObjectionDecision {
  reference: string;
  outcome: 'processing_stopped' | 'objection_refused';
  directMarketing: boolean;
  assessment: Assessment | null;
  grounds: string | null;
  activities: Array<{ activityId: string; activity: string; sourceSystem: string | null }>;
  identifiersFlagged: number;
  /** Art. 21(1) and 12(4), in the request's language, when compelling grounds override the objection. */
  statement: string | null;
}

/** The kinds of letter (`LETTER_KINDS` in api/src/letters/letter-texts.ts, docs/letters.md). */
export const LETTER_KINDS = [
  'acknowledgement',
  'identity_info',
  'extension',
  'refusal',
  'completion',
  'no_data',
  'recipient_notice',
  'recipients_list',
  'package_link',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
export type LetterState = 'queued' | 'sent' | 'failed';

/** A letter of the request's outbox (`GET /api/requests/:id/letters`, `presentLetter`). */
export interface Letter {
  id: string;
  requestId: string;
  kind: LetterKind;
  /** acknowledgement, ..., completion_<type>: the letter-templates' keys. */
  templateKey: string;
  templateVersion: number;
  language: Language;
  edited: boolean;
  to: string;
  processorId: string | null;
  subject: string;
  text: string;
  state: LetterState;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  messageId: string;
  inReplyTo: string | null;
  createdAt: string;
  createdBy: string;
  sentAt: string | null;
}

/** `POST /api/requests/:id/letters/preview`: the letter as it would be sent. */
export interface ComposedLetter {
  kind: LetterKind;
  templateKey: string;
  templateVersion: number;
  language: Language;
  to: string | null;
  processorId: string | null;
  subject: string;
  text: string;
}

/** `POST /api/requests/:id/letters[/preview]`: the kind, and the officer's own subject and text. */
export interface LetterBody {
  kind: LetterKind;
  /** recipient_notice: the processor (among GET /api/requests/:id/recipients). */
  processorId?: string;
  subject?: string;
  text?: string;
}
