import { actionLabelKey } from './vocabulary';

/**
 * What an audit event keeps (`details`), as labelled rows in words rather than JSON: sources,
 * rights, statuses and outcomes as the console names them, dates as dates, a page read as its
 * range. Plain data; DetailsField translates and draws it. A key without a label is shown as it
 * is stored, so nothing the event holds is hidden.
 */

export type Shown =
  | { kind: 'text'; text: string }
  /** A word of the console's vocabulary (`fallback`: the stored value, if it has no word). */
  | { kind: 'word'; key: string; fallback: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; value: string; dateOnly: boolean }
  | { kind: 'yesno'; value: boolean }
  | { kind: 'none' }
  | { kind: 'list'; items: Shown[] }
  | { kind: 'rows'; rows: DetailRow[] }
  /** Ids and hashes: monospace, as stored. */
  | { kind: 'code'; text: string }
  /** The records a read returned: how many, and their ids. */
  | { kind: 'records'; ids: string[] }
  /** A page of a list, 1-based, with the total when known. */
  | { kind: 'page'; from: number; to: number; total: number | null };

export interface DetailRow {
  key: string;
  /** i18n keys, the first that exists is the label; else the key as stored. */
  labels: string[];
  value: Shown;
}

interface EventLike {
  action: string;
  entity: string;
  requestId?: string | null;
  requestReference?: string | null;
  details: Record<string, unknown> | null;
}

const DETAIL_LABEL = (key: string) => `resources.audit-events.details.${key}`;

/**
 * The words of a value the API writes in English (a failed sign-in's `wrong password`); free text
 * an officer typed has none and is shown as typed.
 */
export const valueWordKey = (value: string) =>
  `resources.audit-events.values.${value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')}`;

/** Keys whose values are words of a vocabulary the console already has. */
const WORDS: Record<string, (value: string) => string> = {
  type: (v) => `resources.requests.types.${v}`,
  types: (v) => `resources.requests.types.${v}`,
  rights: (v) => `resources.requests.types.${v}`,
  status: (v) => `resources.requests.statuses.${v}`,
  fromStatus: (v) => `resources.requests.statuses.${v}`,
  toStatus: (v) => `resources.requests.statuses.${v}`,
  channel: (v) => `resources.requests.channels.${v}`,
  language: (v) => `resources.requests.languages.${v}`,
  understoodAs: (v) => `app.find_person.kinds.${v}`,
  source: (v) => `app.menu.sources.${v}`,
  sources: (v) => `app.menu.sources.${v}`,
  role: (v) => `app.roles.${v}`,
  outcome: valueWordKey,
  decision: valueWordKey,
  reason: valueWordKey,
  action: (v) => actionLabelKey(v),
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE_LIKE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32,})$/i;

function shownValue(key: string, value: unknown, depth: number, fieldLabels: (key: string) => string[]): Shown {
  if (value === null || value === undefined) return { kind: 'none' };
  if (typeof value === 'boolean') return { kind: 'yesno', value };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') {
    if (WORDS[key]) return { kind: 'word', key: WORDS[key](value), fallback: value };
    if (ISO_INSTANT.test(value)) return { kind: 'date', value, dateOnly: false };
    if (ISO_DATE.test(value)) return { kind: 'date', value, dateOnly: true };
    if (CODE_LIKE.test(value)) return { kind: 'code', text: value };
    return { kind: 'text', text: value };
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return { kind: 'none' };
    return { kind: 'list', items: value.map((item) => shownValue(key, item, depth + 1, fieldLabels)) };
  }
  if (typeof value === 'object') {
    // Deep inside, the structure no longer reads as words: kept as it is stored.
    if (depth >= 2) return { kind: 'code', text: JSON.stringify(value) };
    const rows = rowsOf(value as Record<string, unknown>, depth + 1, fieldLabels);
    return rows.length ? { kind: 'rows', rows } : { kind: 'none' };
  }
  // JSON holds nothing else; a value of another kind reads as nothing.
  return { kind: 'none' };
}

function rowsOf(object: Record<string, unknown>, depth: number, fieldLabels: (key: string) => string[]): DetailRow[] {
  return Object.entries(object).map(([key, value]) => ({
    key,
    labels: [DETAIL_LABEL(key), ...fieldLabels(key)],
    value:
      // A change to a subject's record names the source's field: its label, not its code.
      key === 'field' && typeof value === 'string' && typeof object.source === 'string'
        ? { kind: 'word', key: `resources.${object.source}.fields.${value}`, fallback: value }
        : shownValue(key, value, depth, fieldLabels),
  }));
}

/** A list read's `filter` and `range` as they were sent (JSON text). */
function parsedJson(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** What an auditor reads first; the rest follows as stored (the database keeps JSON keys in its own order). */
const FIRST = [
  'query',
  'understoodAs',
  'found',
  'reason',
  'why',
  'justification',
  'message',
  'text',
  'outcome',
  'decision',
];
const rank = (key: string) => (FIRST.includes(key) ? FIRST.indexOf(key) : FIRST.length);

export function detailRows(event: EventLike): DetailRow[] {
  const details = Object.fromEntries(
    Object.entries(event.details ?? {}).sort(([a], [b]) => rank(a) - rank(b)),
  ) as Record<string, unknown>;
  // The filter of a source's list names the source's own fields (`resources.leads.fields.email`).
  const fieldLabels = (key: string) => [`resources.${event.entity}.fields.${key}`];
  const rows: DetailRow[] = [];
  for (const [key, value] of Object.entries(details)) {
    // Shown above the details already: the request the event is about.
    if (key === 'requestId' && (value === event.requestId || value === null)) continue;
    if (key === 'reference' && value === event.requestReference) continue;
    const labels = [DETAIL_LABEL(key)];
    if (key === 'ids' && Array.isArray(value)) {
      rows.push({ key, labels, value: { kind: 'records', ids: value.map(String) } });
    } else if (key === 'range') {
      const range = parsedJson(value);
      const total = typeof details.total === 'number' ? details.total : null;
      if (Array.isArray(range) && range.length === 2 && range.every((n) => typeof n === 'number'))
        rows.push({ key, labels, value: { kind: 'page', from: range[0] + 1, to: range[1] + 1, total } });
      else rows.push({ key, labels, value: shownValue(key, range, 0, fieldLabels) });
    } else if (key === 'filter') {
      rows.push({ key, labels, value: shownValue(key, parsedJson(value), 0, fieldLabels) });
    } else if (key === 'found' && value && typeof value === 'object' && !Array.isArray(value)) {
      // A search: how many records in each source.
      const found = Object.entries(value as Record<string, unknown>).map(([source, n]) => ({
        key: source,
        labels: [`app.menu.sources.${source}`],
        value: shownValue(source, n, 1, fieldLabels),
      }));
      rows.push({ key, labels, value: found.length ? { kind: 'rows', rows: found } : { kind: 'none' } });
    } else {
      rows.push({ key, labels, value: shownValue(key, value, 0, fieldLabels) });
    }
  }
  return rows;
}
