import type { RaRecord } from 'react-admin';

import type { SubjectSource } from './sources/catalogue';

export const ROLES = ['admin', 'officer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** A console user, as returned by `GET /api/auth/me` and `GET /api/users/:id`. */
export interface User extends RaRecord<string> {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  active: boolean;
  /** The language of the e-mails the console sends them; null: the console's default. */
  language: 'it' | 'en' | null;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
}

/** An open session of a user (`GET /api/users/:id/sessions`): never its token. */
export interface UserSession {
  id: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string;
  revokedAt: string | null;
  ip: string | null;
  userAgent: string | null;
  /** The session of the admin looking at the list. */
  current: boolean;
}

/** One link of the hash-chained audit log (`/api/audit-events`). */
export interface AuditEvent extends RaRecord<string> {
  /** Numeric string (bigint sequence on the server). */
  id: string;
  /** ISO 8601 instant. */
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  details: Record<string, unknown> | null;
  prevHash: string | null;
  /** SHA-256, 64 hex characters. */
  hash: string;
}

/** `GET /api/audit/verify` */
/** An account of the audit log's actor filter (`GET /api/audit/actors`). */
export interface AuditActor {
  id: string;
  fullName: string | null;
  email: string | null;
  /** The account was deleted since: only the e-mail it acted with is left. */
  deleted: boolean;
}

export interface AuditChainVerification {
  valid: boolean;
  checked: number;
  firstBrokenId: string | null;
  reason: string | null;
  verifiedAt: string;
  /** The signed checkpoint of the chain's newest event the chain was checked against. */
  checkpoint: { lastId: string; at: string; count: number } | null;
}

// ---------------------------------------------------------------------------
// Personal-data sources (read-only; data arrives through POST /api/ingest/<source>)
// ---------------------------------------------------------------------------

/**
 * Art. 18: a record of a source restricted by a request (kept, flagged, never swept); the API
 * answers the flag on every source but chat messages.
 */
export interface Restrictable {
  restrictedAt?: string | null;
  restrictedByRequestId?: string | null;
  /** The stops (objection, Art. 21; withdrawal, Art. 7(3)) ingestion stored the record under. */
  processingStops?: RecordStop[];
}

/** A stop a stored record was flagged under at ingestion (`processingStops` of a source's record). */
export interface RecordStop {
  reason: 'objection' | 'direct_marketing' | 'withdrawal';
  /** Null for a direct-marketing objection to all marketing. */
  activity: string | null;
  requestId: string;
  reference: string | null;
  /** When the stop was put. */
  since: string;
  /** When the record was stored flagged. */
  flaggedAt: string;
  /** When the person's fresh consent lifted it; null while in force. */
  liftedAt: string | null;
}

/** A contact-form submission (`/api/leads`). */
export interface Lead extends RaRecord<string>, Restrictable {
  id: string;
  externalId: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
  message: string | null;
  spaceType: string | null;
  objective: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmTerm: string | null;
  utmContent: string | null;
  landingPage: string | null;
  referrer: string | null;
  consentGivenAt: string | null;
  submittedAt: string;
  ingestedAt: string;
}

export const CHAT_PROVIDERS = ['anthropic', 'openai', 'gemini', 'ollama'] as const;
export type ChatProvider = (typeof CHAT_PROVIDERS)[number];

/** A conversation with the website's AI chat (`/api/chat-conversations`). */
export interface ChatConversation extends RaRecord<string>, Restrictable {
  id: string;
  externalId: string | null;
  provider: ChatProvider;
  startedAt: string;
  ingestedAt: string;
  /** Set by an erasure: the person's identifiers masked in the messages, kept for statistics. */
  anonymisedAt?: string | null;
  /** Who the visitor said they are in the chat (issue 16), when they did. */
  visitorEmail?: string | null;
  visitorName?: string | null;
}

export const CHAT_ROLES = ['user', 'assistant'] as const;
export type ChatRole = (typeof CHAT_ROLES)[number];

/** One message of a chat conversation (`/api/chat-messages`). */
export interface ChatMessage extends RaRecord<string>, Pick<Restrictable, 'processingStops'> {
  id: string;
  externalId: string | null;
  conversationId: string;
  role: ChatRole;
  content: string;
  sentAt: string;
}

/** A visitor's Google Calendar connection (`/api/calendar-connections`); the tokens are never sent. */
export interface CalendarConnection extends RaRecord<string>, Restrictable {
  id: string;
  externalId: string | null;
  accountEmail: string;
  scopes: string[];
  holdsTokens: boolean;
  /** in_use; held_after_revocation (encrypted, unused, until the sweep deletes them); none. */
  tokens: 'in_use' | 'held_after_revocation' | 'none';
  /** When the retention sweep deletes a revoked connection's tokens; null when none is scheduled. */
  tokensDeletedAt: string | null;
  connectedAt: string;
  revokedAt: string | null;
  ingestedAt: string;
}

export const EVENT_ORIGINS = ['manual', 'system', 'imported'] as const;
export type EventOrigin = (typeof EVENT_ORIGINS)[number];

export interface Attendee {
  email?: string | null;
  name?: string | null;
}

/** A calendar event (`/api/calendar-events`). */
export interface CalendarEvent extends RaRecord<string>, Restrictable {
  id: string;
  externalId: string | null;
  connectionId: string | null;
  origin: EventOrigin;
  title: string;
  description: string | null;
  attendees: Attendee[] | null;
  startsAt: string;
  endsAt: string;
  ingestedAt: string;
}

export const CONSENT_CATEGORIES = [
  'necessary',
  'functional',
  'ai_chatbot',
  'statistics',
  'analytics',
  'marketing',
] as const;
export type ConsentCategory = (typeof CONSENT_CATEGORIES)[number];
export const CONSENT_ACTIONS = ['grant', 'update', 'withdraw'] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];

/** A cookie-banner choice (`/api/consents`). */
export interface ConsentRecord extends RaRecord<string>, Restrictable {
  id: string;
  externalId: string | null;
  consentId: string;
  email: string | null;
  categories: Partial<Record<ConsentCategory, boolean>>;
  action: ConsentAction;
  policyVersion: string;
  doNotTrack: boolean;
  recordedAt: string;
  validUntil: string;
  ingestedAt: string;
}

/** One line of the web server's access log (`/api/access-logs`). */
export interface AccessLog extends RaRecord<string>, Restrictable {
  /** Numeric string (bigint sequence on the server). */
  id: string;
  externalId: string | null;
  ip: string;
  userAgent: string | null;
  path: string;
  method: string;
  status: number;
  at: string;
}

/** A key for the ingestion API (`/api/api-keys`, admins only). */
export interface ApiKey extends RaRecord<string> {
  id: string;
  name: string;
  /** The key's first characters, to recognise it (`pck_3f9a...`). */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The answer to `POST /api/api-keys`: the only time the key is sent in clear. */
export interface CreatedApiKey extends ApiKey {
  key: string;
}

// ---------------------------------------------------------------------------
// Subject search (`GET /api/subjects/search?q=`)
// ---------------------------------------------------------------------------

// The sources themselves are named in one place: sources/catalogue.ts.

export type IdentifierKind = 'email' | 'phone' | 'name' | 'consent_id' | 'account' | 'ip';

/** 0: the searched identifier; 1: an identifier found in a record that matched it. */
export type Hop = 0 | 1;

export interface SubjectMatch {
  kind: IdentifierKind;
  value: string;
  /** The record's field that holds the identifier (`email`, `content`, `attendees`...). */
  field: string;
  hop: Hop;
}

export interface SubjectRecordMap {
  leads: Lead;
  'chat-conversations': ChatConversation;
  'chat-messages': ChatMessage;
  'calendar-connections': CalendarConnection;
  'calendar-events': CalendarEvent;
  consents: ConsentRecord;
  'access-logs': AccessLog;
}

export interface SubjectSourceResult<S extends SubjectSource = SubjectSource> {
  source: S;
  /** How many records matched; `records` may hold fewer (the API caps each source). */
  total: number;
  records: Array<{
    id: string;
    record: SubjectRecordMap[S];
    matches: SubjectMatch[];
    /** Whose the record is for the person searched (Art. 15(4)): theirs, shared with others, or someone else's that mentions them. */
    relation?: SubjectRelation;
    /** The index entries that brought the record in, each the owner's identifier or a mention (the officer may correct it). */
    entries?: SubjectIndexEntry[];
  }>;
}

export type SubjectRelation = 'own' | 'shared' | 'mention';

/** One index entry of a matched record (`PATCH /api/subjects/identifiers/:entryId` corrects its role). */
export interface SubjectIndexEntry {
  entryId: string;
  kind: IdentifierKind;
  value: string;
  field: string;
  role: 'owner' | 'mention';
}

export interface SubjectSearchResult {
  query: string;
  understoodAs: 'email' | 'phone' | 'name' | 'ip';
  normalised: string;
  identifiers: Array<{ kind: IdentifierKind; value: string; hop: Hop }>;
  total: number;
  sources: SubjectSourceResult[];
  /** The searched e-mail or phone is on the suppression list: the erasure that put it there. */
  erased?: ErasedIdentifier | null;
}

/** An identifier an erasure (Art. 17) put on the suppression list. */
export interface ErasedIdentifier {
  kind: string;
  requestId: string | null;
  reference: string | null;
  /** The erasure's first run. */
  since: string;
  /** Every source done or waived; null while it is under way. */
  completedAt: string | null;
  /** Records of the person the sources sent since, refused. */
  refusedCount: number;
}
