/** The registers' enumerations as the API has them, with the key of each label (app.vocab.*). */
const choices = (group: string, ids: readonly string[]) => ids.map((id) => ({ id, name: `app.vocab.${group}.${id}` }));

export const TRANSFER_CHOICES = choices('transfer', ['none', 'scc', 'dpf', 'scc_dpf', 'other']);
export const PROCESSOR_STATUS_CHOICES = choices('processor_status', ['active', 'under_review', 'inactive']);
export const LEGAL_BASIS_CHOICES = choices('legal_basis', [
  'consent',
  'contract',
  'legal_obligation',
  'vital_interests',
  'public_task',
  'legitimate_interests',
]);
export const STORAGE_KIND_CHOICES = choices('storage_kind', ['cookie', 'localStorage']);
/** The website banner's categories (cookie policy, section 3). */
export const WEBSITE_COOKIE_CATEGORIES = [
  'necessary',
  'functional',
  'ai_chatbot',
  'statistics',
  'analytics',
  'marketing',
];
/** The platform's cookie policy has its own (Session & Security, Preferences...). */
export const PLATFORM_COOKIE_CATEGORIES = [
  'session_security',
  'preferences',
  'interaction_history',
  'advertising_marketing',
  'analytics',
];
export const COOKIE_CATEGORY_CHOICES = choices('cookie_category', [
  ...new Set([...WEBSITE_COOKIE_CATEGORIES, ...PLATFORM_COOKIE_CATEGORIES]),
]);
export const COOKIE_SYSTEM_CHOICES = choices('cookie_system', ['website', 'platform']);
export const PARTY_CHOICES = choices('party', ['first', 'third']);
export const RETENTION_ACTION_CHOICES = choices('retention_action', [
  'delete',
  'anonymise',
  'expire',
  'aggregate_only',
]);

/** Lists of short texts (data categories...) are edited one per line. */
export const linesToList = (text: unknown): string[] =>
  typeof text === 'string'
    ? text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
    : Array.isArray(text)
      ? (text as string[])
      : [];
export const listToLines = (value: unknown): string =>
  Array.isArray(value) ? value.join('\n') : typeof value === 'string' ? value : '';
/** What an activity's consent rests on: the contact form's own consent, or a banner category. */
export const CONSENT_CATEGORY_CHOICES = choices('cookie_category', ['contact_form', ...WEBSITE_COOKIE_CATEGORIES]);
/**
 * The console's sources an activity or a retention rule names (the register systems: a calendar's
 * events belong to its connection), with the retention screen's words for each.
 */
export const SOURCE_SYSTEM_CHOICES = [
  'leads',
  'chat-conversations',
  'calendar-connections',
  'consents',
  'access-logs',
  'mailbox',
  'requests',
  'suppressed-identifiers',
].map((id) => ({ id, name: `app.retention.sources.${id}` }));
