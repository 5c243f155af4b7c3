import type {
  Assessment,
  Channel,
  HoldGround,
  IdentityInfoChannel,
  IdentityMethod,
  Language,
  LetterKind,
  MinorDecision,
  RectifiableField,
  RejectionReason,
  RequestStatus,
  RequestType,
  Schemas,
} from '../api';

/*
 * The choices the request screens offer, in the order they show them: each list is checked against
 * the API's vocabulary (`satisfies`), so that a value the API drops fails the build.
 */

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

export const FEE_BASES = ['manifestly_unfounded', 'excessive'] as const satisfies readonly Schemas['FeeDto']['basis'][];
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
] as const satisfies readonly RectifiableField[];

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

/** The officer's assessment of an objection (Art. 21(1)), as the API lists them. */
export const ASSESSMENTS = ['none', 'compelling_grounds'] as const satisfies readonly Assessment[];

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
] as const satisfies readonly LetterKind[];
