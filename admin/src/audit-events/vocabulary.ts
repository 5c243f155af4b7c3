import { SUBJECT_SOURCES } from '../sources/catalogue';

/**
 * Every action code the API writes, as api/src/audit/audit-actions.ts lists them (the console is
 * built apart from the API; tests/unit/audit-actions.test.ts keeps the two lists the same and
 * checks each code has words in English and Italian). A code added by a later API version is
 * still shown, untranslated.
 */
export const AUDIT_ACTIONS = [
  // Sign-in and sessions
  'auth.login',
  'auth.login_failed',
  'auth.login_throttled',
  'auth.logout',
  // Staff accounts and keys
  'user.created',
  'user.updated',
  'user.deleted',
  'user.viewed',
  'user.sessions_viewed',
  'user.session_revoked',
  'user.sessions_revoked',
  'users.listed',
  'api_key.created',
  'api_key.revoked',
  'encryption_key.rotated',
  'audit_key.rotated',
  'audit.checkpoint_started',
  // Personal data received, searched, read
  'data.ingested',
  'subject.searched',
  'subject.index_rebuilt',
  'subject.attribution_corrected',
  'records.listed',
  'record.viewed',
  // Data-subject requests
  'request.created',
  'request.duplicate_import',
  'request.updated',
  'request.receipt_changed',
  'request.subject_changed',
  'request.identity_check',
  'request.identity_info_requested',
  'request.identity_info_received',
  'request.identity_document_added',
  'request.identity_document_viewed',
  'request.identity_documents_destroyed',
  'request.identity_evidence',
  'request.verified',
  'request.extended',
  'request.fee_charged',
  'request.minor_decided',
  'request.note_added',
  'request.closed',
  'request.rejected',
  'request.review_viewed',
  'request.review_decided',
  'request.other_requests_viewed',
  'request.exported',
  'request.export_failed',
  'request.export_interrupted',
  'request.subject_message',
  'request.viewed',
  'requests.listed',
  'request-events.listed',
  'recipients.viewed',
  'letters.viewed',
  'legal_holds.viewed',
  // Rights exercised on the data
  'subject.rectified',
  'subject.restricted',
  'subject.restriction_lifted',
  'subject.consent_withdrawn',
  'subject.objection_recorded',
  'subject.objection_decided',
  'erasure.previewed',
  'erasure.started',
  'erasure.source_erased',
  'erasure.source_failed',
  'erasure.calendar_revoked',
  'erasure.held_records_erased',
  'erasure.waived',
  'erasure.completed',
  'legal_hold.placed',
  'legal_hold.lifted',
  // Letters and the mailbox
  'letter.queued',
  'letter.sent',
  'letter.failed',
  'letter_template.updated',
  'mailbox.message_downloaded',
  'mailbox.duplicate_skipped',
  'mailbox.request_created',
  'mailbox.reply_filed',
  'mailbox.other_mail',
  'mailbox.other_mail_deleted',
  'mailbox.other_mail_made_request',
  'other-mail.listed',
  'other-mail.viewed',
  'reminders.sent',
  // The portal
  'portal.code_sent',
  'portal.code_not_sent',
  'portal.code_wrong',
  'portal.confirmed',
  'portal.throttled',
  // Registers
  'activity.created',
  'activity.updated',
  'activity.deleted',
  'processor.created',
  'processor.updated',
  'processor.deleted',
  'cookie.created',
  'cookie.updated',
  'cookie.deleted',
  'retention_policy.created',
  'retention_policy.updated',
  'retention_policy.deleted',
  // Retention and breaches
  'retention.sweep_previewed',
  'retention.sweep_started',
  'retention.swept',
  'retention.sweep_failed',
  'retention.revoked_tokens_deleted',
  'breach.created',
  'breach.updated',
  'breach.decided',
  'breach.notified',
  'breach.communicated',
  'breach.affected_listed',
  'breach.recipients_exported',
  // Reading the log itself
  'audit-events.listed',
  'audit-event.viewed',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Reads of personal data (one event per page or record read): hidden unless the officer asks. */
export const READ_ACTIONS: readonly AuditAction[] = [
  'users.listed',
  'user.viewed',
  'user.sessions_viewed',
  'records.listed',
  'record.viewed',
  'requests.listed',
  'request.viewed',
  'request-events.listed',
  'request.review_viewed',
  'request.other_requests_viewed',
  'recipients.viewed',
  'letters.viewed',
  'legal_holds.viewed',
  'other-mail.listed',
  'other-mail.viewed',
  'breach.affected_listed',
  'audit-events.listed',
  'audit-event.viewed',
];

export const isReadAction = (action: string): boolean => (READ_ACTIONS as readonly string[]).includes(action);

/** `data.ingested` events name the source (`leads`, `chat-conversations`...) as their entity. */
export const AUDIT_ENTITIES = [
  'user',
  'session',
  'api_key',
  'subject',
  'request',
  'portal_submission',
  ...SUBJECT_SOURCES,
  'retention_sweep',
  'audit_event',
  'audit',
  'subject_identifier',
  'breach',
  'letter_template',
  'other_mail',
  'mailbox_message',
  'reminders',
  'console',
  'activity',
  'processor',
  'cookie',
  'retention_policy',
];

export const actionLabelKey = (action: string) => `resources.audit-events.actions.${action}`;
export const entityLabelKey = (entity: string) => `resources.audit-events.entities.${entity}`;

export const actionChoices = AUDIT_ACTIONS.map((action) => ({ id: action, name: actionLabelKey(action) }));
export const entityChoices = AUDIT_ENTITIES.map((entity) => ({ id: entity, name: entityLabelKey(entity) }));

type ChipColor = 'default' | 'primary' | 'secondary' | 'success' | 'error' | 'warning' | 'info';

/** Failures stand out; deletions are flagged; everything else stays quiet. */
export const actionColor = (action: string): ChipColor => {
  if (action.endsWith('_failed') || action.endsWith('.failed')) return 'error';
  if (action.endsWith('.deleted')) return 'warning';
  if (action.endsWith('.created')) return 'success';
  if (action.endsWith('.revoked')) return 'warning';
  if (action.startsWith('auth.')) return 'default';
  return 'info';
};
