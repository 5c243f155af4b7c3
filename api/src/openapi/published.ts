import type { presentApiKey } from '../api-keys/api-keys.service';
import type { presentAuditEvent } from '../audit/audit-event.presenter';
import type { presentLetter } from '../letters/letter.presenter';
import type { presentActivity } from '../registers/activities/activities.register';
import type { presentCookie } from '../registers/cookies/cookies.register';
import type { presentProcessor } from '../registers/processors/processors.register';
import type { presentRetentionPolicy } from '../registers/retention/retention.register';
import type { RecordStop } from '../objections/record-stops';
import type { AccessLogView } from '../sources/access-logs/access-logs.presenter';
import type { CalendarConnectionView, CalendarEventView } from '../sources/calendar/calendar.presenter';
import type { ChatConversationView, ChatMessageView } from '../sources/chat/chat.presenter';
import type { ConsentView } from '../sources/consents/consents.presenter';
import type { LeadView } from '../sources/leads/leads.presenter';

/*
 * The answers of the routes a factory builds (one controller class for every source, every
 * register), whose return types say nothing of the source: each declares its answer by name
 * (`recordSchema`, `entrySchema`) and the build describes the name from the type exported here
 * (scripts/openapi/response-schemas.mjs). Every other answer comes from its method's return type.
 */

/** A record as a source's list and show answer it: the presenter's fields and the stops it was stored under. */
type Stored<View> = View & { processingStops: RecordStop[] };

export type LeadsRecord = Stored<LeadView>;
export type ChatConversationsRecord = Stored<ChatConversationView>;
export type ChatMessagesRecord = Stored<ChatMessageView>;
export type CalendarConnectionsRecord = Stored<CalendarConnectionView>;
export type CalendarEventsRecord = Stored<CalendarEventView>;
export type ConsentsRecord = Stored<ConsentView>;
export type AccessLogsRecord = Stored<AccessLogView>;

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
