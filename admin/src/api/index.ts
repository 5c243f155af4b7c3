import type { ErasableSource } from '../sources/catalogue';
import type { components, paths } from './schema';

/*
 * The console's names for the API's answers and bodies. Every shape comes from the API's OpenAPI
 * document through the generated schema.d.ts (scripts/openapi.mjs, run by the build and by
 * `npm run typecheck`): nothing here is copied, so that a field the API changes fails the UI's
 * type-check instead of the screen.
 */

/** The named types of the OpenAPI document (components.schemas). */
export type Schemas = components['schemas'];

type Verb = 'get' | 'post' | 'put' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Success<R> = R extends { 200: infer A } ? A : R extends { 201: infer A } ? A : never;

/** The JSON a route answers on success. */
export type Answer<P extends keyof paths, V extends Verb> = paths[P][V] extends { responses: infer R }
  ? JsonOf<Success<R>>
  : never;

/** The JSON body a route takes. */
export type BodyOf<P extends keyof paths, V extends Verb> = paths[P][V] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

// ---------------------------------------------------------------------------
// Staff, the audit log
// ---------------------------------------------------------------------------

export type Role = Schemas['Role'];
/** A console user, as returned by `GET /api/auth/me` and `GET /api/users/:id`. */
export type User = Schemas['UserJson'];
/** An open session of a user (`GET /api/users/:id/sessions`): never its token. */
export type UserSession = Schemas['SessionJson'];
/** One link of the hash-chained audit log (`/api/audit-events`). */
export type AuditEvent = Schemas['AuditEventView'];
/** An account of the audit log's actor filter (`GET /api/audit/actors`). */
export type AuditActor = Answer<'/api/audit/actors', 'get'>[number];
/** `GET /api/audit/verify` */
export type AuditChainVerification = Schemas['ChainVerification'];
/** A key for the ingestion API (`/api/api-keys`, admins only). */
export type ApiKey = Schemas['ApiKeyView'];
/** The answer to `POST /api/api-keys`: the only time the key is sent in clear. */
export type CreatedApiKey = Answer<'/api/api-keys', 'post'>;

// ---------------------------------------------------------------------------
// Personal-data sources (read-only; data arrives through POST /api/ingest/<source>)
// ---------------------------------------------------------------------------

/** A stop a stored record was flagged under at ingestion (`processingStops` of a source's record). */
export type RecordStop = Schemas['RecordStop'];
/** Art. 18 and the stops: what every source's record may carry (chat messages: only the stops). */
export type Restrictable = Partial<Pick<Lead, 'restrictedAt' | 'restrictedByRequestId' | 'processingStops'>>;
export type Lead = Schemas['LeadsRecord'];
export type ChatConversation = Schemas['ChatConversationsRecord'];
export type ChatMessage = Schemas['ChatMessagesRecord'];
export type CalendarConnection = Schemas['CalendarConnectionsRecord'];
export type CalendarEvent = Schemas['CalendarEventsRecord'];
export type ConsentRecord = Schemas['ConsentsRecord'];
export type AccessLog = Schemas['AccessLogsRecord'];
export type ChatProvider = ChatConversation['provider'];
export type ChatRole = ChatMessage['role'];
export type EventOrigin = CalendarEvent['origin'];
export type Attendee = NonNullable<CalendarEvent['attendees']>[number];
export type ConsentCategory = keyof ConsentRecord['categories'];
export type ConsentAction = ConsentRecord['action'];

// ---------------------------------------------------------------------------
// Subject search (`GET /api/subjects/search?q=`)
// ---------------------------------------------------------------------------

/** The search's answer, each source's records typed by the source (the API answers them as plain objects). */
export type SubjectSearchResult = Omit<Schemas['SubjectSearchResult'], 'sources'> & { sources: SubjectSourceResult[] };
/** The kinds of identifier the search answers with (an IP only as the searched one). */
export type IdentifierKind = SubjectMatch['kind'];
/** 0: the searched identifier; 1: an identifier found in a record that matched it. */
export type Hop = Schemas['SubjectSearchResult']['identifiers'][number]['hop'];
export type SubjectMatch = Schemas['Match'];
export type SubjectRelation = Schemas['Relation'];
/** One index entry of a matched record (`PATCH /api/subjects/identifiers/:entryId` corrects its role). */
export type SubjectIndexEntry = Schemas['MatchedEntry'];
/** An identifier an erasure (Art. 17) put on the suppression list. */
export type ErasedIdentifier = NonNullable<Schemas['SubjectSearchResult']['erased']>;

/** The record each source's search results hold: the source's own record, without its stops. */
export interface SubjectRecordMap {
  leads: Omit<Lead, 'processingStops'> & Restrictable;
  'chat-conversations': Omit<ChatConversation, 'processingStops'> & Restrictable;
  'chat-messages': Omit<ChatMessage, 'processingStops'> & Restrictable;
  'calendar-connections': Omit<CalendarConnection, 'processingStops'> & Restrictable;
  'calendar-events': Omit<CalendarEvent, 'processingStops'> & Restrictable;
  consents: Omit<ConsentRecord, 'processingStops'> & Restrictable;
  'access-logs': Omit<AccessLog, 'processingStops'> & Restrictable;
}
type SearchedSource = Schemas['SubjectSearchResult']['sources'][number];
type SearchedRecord = SearchedSource['records'][number];

/** One source's results, its records typed by the source (the API answers them as plain objects). */
export type SubjectSourceResult<S extends keyof SubjectRecordMap = keyof SubjectRecordMap> = Omit<
  SearchedSource,
  'source' | 'records'
> & {
  source: S;
  records: Array<Omit<SearchedRecord, 'record'> & { record: SubjectRecordMap[S] }>;
};

// ---------------------------------------------------------------------------
// Requests (docs/requests.md)
// ---------------------------------------------------------------------------

export type RequestType = Schemas['RequestType'];
export type RequestStatus = Schemas['RequestStatus'];
export type Channel = Schemas['Channel'];
export type Language = Schemas['Language'];
export type IdentityMethod = Schemas['IdentityMethod'];
export type RejectionReason = Schemas['RejectionReason'];
export type IdentityInfoChannel = Schemas['IdentityInfoChannel'];
export type MinorDecision = Schemas['MinorDecision'];

/** The data-subject request as `GET /api/requests/:id` answers it. */
export type DataSubjectRequest = Schemas['RequestView'];
/** What the request page may offer in the request's state (`allowedActions`, from the API's rules). */
export type WorkflowAction = Schemas['OfferedAction'];
/** One line of a request's timeline (`/api/request-events?filter={"requestId":...}`). */
export type RequestEvent = Schemas['RequestEventView'];
/** `GET /api/requests/stats` */
export type RequestStats = Schemas['DashboardStats'];
export type MonthCounts = RequestStats['perMonth'][number];

/** The workflow actions of `POST /api/requests/:id/<action>`, with their bodies. */
export interface RequestActionBodies {
  'identity-check': BodyOf<'/api/requests/{id}/identity-check', 'post'>;
  verify: BodyOf<'/api/requests/{id}/verify', 'post'>;
  extend: BodyOf<'/api/requests/{id}/extend', 'post'>;
  close: BodyOf<'/api/requests/{id}/close', 'post'>;
  reject: BodyOf<'/api/requests/{id}/reject', 'post'>;
  'identity-info-requested': BodyOf<'/api/requests/{id}/identity-info-requested', 'post'>;
  'identity-info-received': BodyOf<'/api/requests/{id}/identity-info-received', 'post'>;
  fee: BodyOf<'/api/requests/{id}/fee', 'post'>;
  minor: BodyOf<'/api/requests/{id}/minor', 'post'>;
  'identity-documents': BodyOf<'/api/requests/{id}/identity-documents', 'post'>;
}
export type RequestAction = keyof RequestActionBodies;

// ---------------------------------------------------------------------------
// Erasure and the other rights (docs/erasure.md)
// ---------------------------------------------------------------------------

/** What happens to one record (labels: `app.requests.rights.erasure.actions`). */
export type ErasureAction = Schemas['ErasureAction'];
/** A record that is not only the subject's (Art. 15(4)): reviewed before anything of it is handed over. */
export type ReviewItem = Schemas['ReviewItem'];
/** `POST /api/requests/:id/erase[?dryRun=true]` */
export type ErasureReport = Omit<Schemas['ErasureReport'], 'sources'> & { sources: ErasureSourceReport[] };
/** One source of an erasure, named as the console's catalogue names it. */
export type ErasureSourceReport = Omit<Schemas['SourceErasureReport'], 'source'> & { source: ErasableSource };
/** `GET /api/requests/:id/erasure`: no steps and null dates before the first run. */
export type ErasureStatus = Answer<'/api/requests/{id}/erasure', 'get'>;
export type ErasureStepStatus = ErasureStatus['steps'][number]['status'];
/** `POST /api/requests/:id/rectify`: the contact-form fields it corrects; an empty string clears one. */
export type RectifyBody = Schemas['RectifyDto'];
export type RectifiableField = keyof RectifyBody;
export type RectifyResult = Answer<'/api/requests/{id}/rectify', 'post'>;
export type RecordChange = RectifyResult['changes'][number];
/** `POST /api/requests/:id/restrict`: records flagged, per source. */
export type RestrictResult = Answer<'/api/requests/{id}/restrict', 'post'>;
/** `POST /api/requests/:id/lift-restriction`: records unflagged, per source. */
export type LiftResult = Answer<'/api/requests/{id}/lift-restriction', 'post'>;
/** `POST /api/requests/:id/withdraw` */
export type WithdrawResult = Answer<'/api/requests/{id}/withdraw', 'post'>;
/** One processing activity stopped by a withdrawal or an objection. */
export type WithdrawalEffect = WithdrawResult['effects'][number];
/** `GET /api/requests/:id/recipients`: Art. 19, the processors to tell of the change. */
export type RecipientsResult = Answer<'/api/requests/{id}/recipients', 'get'>;
export type Recipient = RecipientsResult['recipients'][number];
/** A processing activity of the register (`GET /api/activities`), as the withdrawal dialog needs it. */
export type ProcessingActivitySummary = Pick<
  Schemas['ActivitiesEntry'],
  'id' | 'name' | 'legalBasis' | 'consentCategory' | 'sourceSystem'
>;

// ---------------------------------------------------------------------------
// Legal holds, objection decisions, processing stops, letters
// ---------------------------------------------------------------------------

export type HoldGround = Schemas['HoldGround'];
export type HoldState = Schemas['HoldState'];
/** One legal hold of an erasure request (`GET /api/requests/:id/holds`), Art. 17(3). */
export type LegalHold = Schemas['LegalHoldView'];
/** `POST /api/requests/:id/holds` */
export type PlaceHoldBody = Schemas['PlaceHoldDto'];
export type Assessment = Schemas['Assessment'];
export type ActiveStop = Schemas['ActiveStop'];
/** `POST /api/requests/:id/objection-decision` */
export type ObjectionDecisionBody = Schemas['ObjectionDecisionDto'];
export type ObjectionDecision = Answer<'/api/requests/{id}/objection-decision', 'post'>;
export type LetterKind = Schemas['LetterKind'];
export type LetterState = Schemas['LetterState'];
/** A letter of the request's outbox (`GET /api/requests/:id/letters`). */
export type Letter = Schemas['LetterView'];
/** `POST /api/requests/:id/letters/preview`: the letter as it would be sent. */
export type ComposedLetter = Schemas['ComposedLetter'];
/** `POST /api/requests/:id/letters[/preview]`: the kind, and the officer's own subject and text. */
export type LetterBody = Schemas['SendLetterDto'];

// ---------------------------------------------------------------------------
// Retention (docs/retention.md)
// ---------------------------------------------------------------------------

export type RetentionAction = Schemas['RetentionAction'];
export type PolicyState = Schemas['PolicyState'];
export type ReportEntry = Schemas['ReportEntry'];
export type SweepEffect = NonNullable<ReportEntry['effect']>;
export type SweepSourceResult = Schemas['SweepSourceResult'];
export type SweepSourceStatus = Schemas['SweepSourceStatus'];
/** A sweep or dry run (`/api/retention/sweeps`). */
export type RetentionSweep = Answer<'/api/retention/sweeps/{id}', 'get'>;
/** `GET /api/retention/report`: the policies, the schedule and the last sweep. */
export type RetentionReport = Answer<'/api/retention/report', 'get'>;

// ---------------------------------------------------------------------------
// The mailbox, letter templates, breaches
// ---------------------------------------------------------------------------

/** A message of the privacy@ mailbox that is no request (`GET /api/mailbox/other-mail`). */
export type OtherMail = Answer<'/api/mailbox/other-mail/{id}', 'get'>;
/** What a reading of the mailbox did: counts only. */
export type ReadSummary = Schemas['ReadSummary'];
/** `GET /api/mailbox/status`: whether the console reads the mailbox, and what its last reading did. */
export type MailboxStatus = Answer<'/api/mailbox/status', 'get'>;
/** A template in force as the console lists it: `id` is `key/language`; version 0 is the one in code. */
export type LetterTemplate = Schemas['TemplateInForce'];
/** One template with its earlier versions, newest first (`GET /api/letter-templates/:key/:language`). */
export type LetterTemplateDetail = Answer<'/api/letter-templates/{key}/{language}', 'get'>;
/** A breach as the API presents it. */
export type Breach = Answer<'/api/breaches/{id}', 'get'>;
export type AffectedCount = Schemas['AffectedCount'];
export type AffectedPerson = Schemas['AffectedPerson'];
/** `GET /api/breaches/:id/communication`: the Art. 34 letter as drafted. */
export type Communication = Answer<'/api/breaches/{id}/communication', 'get'>;
