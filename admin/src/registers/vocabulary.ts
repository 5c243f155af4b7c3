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
export const COOKIE_CATEGORY_CHOICES = choices('cookie_category', [
  'necessary',
  'functional',
  'ai_chatbot',
  'statistics',
  'analytics',
  'marketing',
]);
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
