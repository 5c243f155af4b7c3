import { AUDIT_ACTIONS } from '../../../api/src/audit/audit-actions';
import { SUBJECT_SOURCES } from '../sources/catalogue';

/**
 * Every action code the API writes, and which of them are reads of personal data: the API's own
 * list (a module with no imports, bundled into the console as it is). A code added by a later
 * API version is still shown, untranslated.
 */
export { AUDIT_ACTIONS, READ_ACTIONS, isReadAction, type AuditAction } from '../../../api/src/audit/audit-actions';

/** `data.ingested` events name the source (`leads`, `chat-conversations`...) as their entity. */
export const AUDIT_ENTITIES = [
  'user',
  'session',
  'api_key',
  'subject',
  'request',
  'portal_submission',
  'portal_package',
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
