import type { presentApiKey } from '../api-keys/api-keys.service';
import type { presentAuditEvent } from '../audit/audit-event.presenter';
import type { presentLetter } from '../letters/letter.presenter';
import type { presentActivity } from '../registers/activities/activities.register';
import type { presentCookie } from '../registers/cookies/cookies.register';
import type { presentProcessor } from '../registers/processors/processors.register';
import type { presentRetentionPolicy } from '../registers/retention/retention.register';

/*
 * The answers of the routes a factory builds (one controller class for every register), whose
 * return types say nothing of the register: each declares its answer by name (`AnswersWith`) and
 * the build describes the name from the type exported here (scripts/openapi/response-schemas.mjs).
 * A source's record (`<Resource>Record`) needs no line: the build reads it from the source's
 * definition (its `present`). Every other answer comes from its method's return type.
 */

/** A stop a stored record was flagged under: every source's record carries them. */
export type { RecordStop } from '../objections/record-stops';

/** An entry of a register as its list, show, create and update answer it. */
export type ProcessorsEntry = ReturnType<typeof presentProcessor>;
export type ActivitiesEntry = ReturnType<typeof presentActivity>;
export type CookiesEntry = ReturnType<typeof presentCookie>;
export type RetentionPoliciesEntry = ReturnType<typeof presentRetentionPolicy>;

export type { IngestResult } from '../ingestion/ingestion.service';

/*
 * Answers and vocabularies under the names their readers know them by (the admin UI's types are
 * generated from these names): without a name here an answer is described in place.
 */
export type { RequestView, RequestEventView } from '../requests/request.presenter';
export type {
  Channel,
  IdentityInfoChannel,
  IdentityMethod,
  Language,
  MinorDecision,
  RejectionReason,
  RequestStatus,
  RequestType,
} from '../requests/request.entity';
export type { Role } from '../users/user.entity';
export type { LegalHoldView } from '../legal-holds/legal-holds.service';
export type { HoldGround, HoldState } from '../legal-holds/legal-hold-rules';
export type { Assessment } from '../objections/stop-rules';
export type { LetterKind } from '../letters/letter-texts';
export type { LetterState } from '../letters/letter.entity';
export type { RetentionAction } from '../registers/retention/retention-policy.entity';
export type { IdentifierKind } from '../subjects/identifiers';
export type LetterView = ReturnType<typeof presentLetter>;
export type AuditEventView = ReturnType<typeof presentAuditEvent>;
export type ApiKeyView = ReturnType<typeof presentApiKey>;
