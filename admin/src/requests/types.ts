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

export const REJECTION_REASONS = ['identity_not_verified', 'manifestly_unfounded', 'excessive'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

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
    closedAt: string | null;
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
    'exported',
    'export_interrupted',
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
    reject: { reason: RejectionReason; details?: string };
}
export type RequestAction = keyof RequestActionBodies;
