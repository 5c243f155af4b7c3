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
/** The source catalogue (api/src/sources/source-registry.ts), labelled as the menu labels them. */
export const SOURCE_CHOICES = [
  'leads',
  'chat-conversations',
  'chat-messages',
  'calendar-connections',
  'calendar-events',
  'consents',
  'access-logs',
].map((id) => ({
  id,
  name: `app.menu.sources.${id}`,
}));
