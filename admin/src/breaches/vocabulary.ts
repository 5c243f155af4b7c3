import { SUBJECT_SOURCES, sourceLabelKey } from '../sources/catalogue';

/** The breach register's enumerations as the API has them, with the key of each label (app.breaches.vocab.*). */
const choices = (group: string, ids: readonly string[]) =>
  ids.map((id) => ({ id, name: `app.breaches.vocab.${group}.${id}` }));

export const NATURE_CHOICES = choices('nature', ['confidentiality', 'integrity', 'availability']);
export const RISK_CHOICES = choices('risk', ['none', 'risk', 'high']);
export const STATUS_CHOICES = choices('status', ['open', 'closed']);
export const NOTIFICATION_KIND_CHOICES = choices('notification_kind', ['initial', 'supplementary']);
export const DECISION_CHOICES = choices('decision', [
  'notify_authority',
  'not_notify_authority',
  'communicate_subjects',
  'not_communicate_subjects',
]);
export const CHANNEL_CHOICES = choices('channel', [
  'email',
  'post',
  'phone',
  'sms',
  'in_person',
  'public_notice',
  'other',
]);
/** The sources a breach may concern, labelled as the menu labels them. */
export const SOURCE_CHOICES = SUBJECT_SOURCES.map((id) => ({ id, name: sourceLabelKey(id) }));
