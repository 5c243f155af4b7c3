import { SUBJECT_SOURCES } from '../sources/catalogue';

/**
 * The audit actions and entities the API records today. Unknown values (added
 * by a later API version) are still shown, untranslated.
 */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'user.created',
  'user.updated',
  'user.deleted',
  'api_key.created',
  'api_key.revoked',
  'data.ingested',
  'subject.searched',
  // The data-subject request workflow (labels in requests/messages.*.ts).
  'request.created',
  'request.updated',
  'request.identity_check',
  'request.verified',
  'request.extended',
  'request.note_added',
  'request.closed',
  'request.rejected',
  'request.exported',
  'request.export_interrupted',
  'request.identity_evidence',
  'request.subject_message',
  // The privacy portal (api/src/portal/).
  'portal.code_sent',
  'portal.code_not_sent',
  'portal.code_wrong',
  'portal.confirmed',
  'portal.throttled',
  // Retention sweeps (labels in retention/messages.*.ts).
  'retention.sweep_previewed',
  'retention.sweep_started',
  'retention.swept',
  'retention.sweep_failed',
  // Reads of personal data: one event per page or record read (api/src/audit/read-audit.ts).
  'records.listed',
  'record.viewed',
  'requests.listed',
  'request.viewed',
  'request-events.listed',
  'recipients.viewed',
  'audit-events.listed',
  'audit-event.viewed',
  'users.listed',
  'user.viewed',
] as const;

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
