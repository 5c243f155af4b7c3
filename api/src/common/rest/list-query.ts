import { InvalidQueryError } from '../errors/domain.error';

/**
 * The ra-data-simple-rest list contract, parsed and checked once for every resource:
 *   sort=["field","ASC"]  range=[0,24]  filter={"field":value,"field_gte":v,"q":"text"}
 * Plain functions, free of framework code: the controllers and TypeORM adapter use the result.
 */

export type FieldType =
  | 'text'
  | 'uuid'
  | 'integer'
  | 'boolean'
  | 'datetime'
  /** A calendar date, `YYYY-MM-DD` (deadlines). */
  | 'date'
  | { enum: readonly string[] };

export interface ListSpec {
  /** The resource name as in the URL, used in Content-Range. */
  resource: string;
  /** Every field a client may sort or filter on, with its type. */
  fields: Record<string, FieldType>;
  /** Text fields that the `q` filter searches (case-insensitive substring). */
  searchable: readonly string[];
  defaultSort: readonly [string, SortOrder];
  /** Largest page a client may ask for; the default keeps one answer bounded. */
  maxPageSize?: number;
}

export type SortOrder = 'ASC' | 'DESC';
export type FilterValue = string | number | boolean | Date;

export type Condition =
  | { field: string; op: 'eq'; value: FilterValue }
  | { field: string; op: 'in'; values: FilterValue[] }
  | { field: string; op: 'gte' | 'lte'; value: FilterValue }
  | { field: string; op: 'isNull' };

export interface ListQuery {
  sort: { field: string; order: SortOrder };
  /** Zero-based offset and count; null when the client asked for everything (no range). */
  range: { skip: number; take: number } | null;
  conditions: Condition[];
  search: string | null;
}

export interface RawListQuery {
  sort?: unknown;
  range?: unknown;
  filter?: unknown;
}

export const DEFAULT_MAX_PAGE_SIZE = 1000;
const MAX_IN_VALUES = 1000;

export function parseListQuery(spec: ListSpec, raw: RawListQuery): ListQuery {
  return {
    sort: parseSort(spec, raw.sort),
    range: parseRange(spec, raw.range),
    ...parseFilter(spec, raw.filter),
  };
}

function parseJsonParameter(name: string, raw: unknown): unknown {
  if (typeof raw !== 'string') {
    throw new InvalidQueryError(name, 'must be given once, as JSON');
  }
  // PostgreSQL text cannot hold a NUL character: refused here rather than failing in the query.
  if (raw.includes('\u0000')) throw new InvalidQueryError(name, 'must not contain NUL characters');
  try {
    return JSON.parse(raw);
  } catch {
    throw new InvalidQueryError(name, `is not valid JSON: ${truncate(raw)}`);
  }
}

function parseSort(spec: ListSpec, raw: unknown): ListQuery['sort'] {
  if (raw === undefined || raw === '') return { field: spec.defaultSort[0], order: spec.defaultSort[1] };
  const value = parseJsonParameter('sort', raw);
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || typeof value[1] !== 'string') {
    throw new InvalidQueryError('sort', 'must be ["field","ASC"] or ["field","DESC"]');
  }
  const [field, order] = value as [string, string];
  if (!declaredField(spec, field)) {
    throw new InvalidQueryError(
      'sort',
      `unknown field "${truncate(field)}"; sortable fields: ${Object.keys(spec.fields).join(', ')}`,
    );
  }
  const upper = order.toUpperCase();
  if (upper !== 'ASC' && upper !== 'DESC') {
    throw new InvalidQueryError('sort', `order must be ASC or DESC, not "${truncate(order)}"`);
  }
  return { field, order: upper };
}

function parseRange(spec: ListSpec, raw: unknown): ListQuery['range'] {
  const max = spec.maxPageSize ?? DEFAULT_MAX_PAGE_SIZE;
  if (raw === undefined || raw === '') return { skip: 0, take: Math.min(25, max) };
  const value = parseJsonParameter('range', raw);
  if (!Array.isArray(value) || value.length !== 2 || !value.every((n) => Number.isSafeInteger(n))) {
    throw new InvalidQueryError('range', 'must be [start, end] with two whole numbers, e.g. [0,24]');
  }
  const [start, end] = value as [number, number];
  if (start < 0 || end < 0) throw new InvalidQueryError('range', 'start and end must not be negative');
  if (end < start) throw new InvalidQueryError('range', 'end must not be before start');
  const take = end - start + 1;
  if (take > max) throw new InvalidQueryError('range', `at most ${max} records per page (asked for ${take})`);
  return { skip: start, take };
}

function parseFilter(spec: ListSpec, raw: unknown): Pick<ListQuery, 'conditions' | 'search'> {
  if (raw === undefined || raw === '') return { conditions: [], search: null };
  const value = parseJsonParameter('filter', raw);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidQueryError('filter', 'must be a JSON object, e.g. {"q":"rossi"}');
  }
  const conditions: Condition[] = [];
  let search: string | null = null;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'q') {
      if (typeof v !== 'string') throw new InvalidQueryError('filter.q', 'must be a string');
      if (spec.searchable.length === 0) throw new InvalidQueryError('filter.q', `${spec.resource} has no text search`);
      if (v.includes('\u0000')) throw new InvalidQueryError('filter.q', 'must not contain NUL characters');
      search = v.trim() === '' ? null : v.trim();
      continue;
    }
    const bound = /^(.+)_(gte|lte)$/.exec(key);
    const field = bound && declaredField(spec, bound[1]) ? bound[1] : key;
    const type = declaredField(spec, field);
    if (!type) {
      throw new InvalidQueryError(
        'filter',
        `unknown field "${truncate(key)}"; filterable fields: ${['q', ...Object.keys(spec.fields)].join(', ')}`,
      );
    }
    const name = `filter.${key}`;
    if (bound && field !== key) {
      const op = bound[2] as 'gte' | 'lte';
      if (!isOrdered(type)) throw new InvalidQueryError(name, `${field} has no order; _gte/_lte do not apply`);
      conditions.push({ field, op, value: coerce(name, type, v, op) });
    } else if (v === null) {
      conditions.push({ field, op: 'isNull' });
    } else if (Array.isArray(v)) {
      if (v.length > MAX_IN_VALUES) throw new InvalidQueryError(name, `at most ${MAX_IN_VALUES} values`);
      conditions.push({ field, op: 'in', values: v.map((item) => coerce(name, type, item)) });
    } else {
      conditions.push({ field, op: 'eq', value: coerce(name, type, v) });
    }
  }
  return { conditions, search };
}

/**
 * The type of a field the list declares, or undefined. Only the spec's own fields count: `in`
 * or `fields[name]` would also find `constructor`, `toString`, `__proto__`... on Object's
 * prototype (each was a 500 on every list).
 */
export function declaredField(spec: Pick<ListSpec, 'fields'>, name: string): FieldType | undefined {
  return Object.hasOwn(spec.fields, name) ? spec.fields[name] : undefined;
}

function isOrdered(type: FieldType): boolean {
  return type === 'integer' || type === 'datetime' || type === 'date' || type === 'text';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function coerce(name: string, type: FieldType, v: unknown, bound?: 'gte' | 'lte'): FilterValue {
  if (typeof type === 'object') {
    if (typeof v !== 'string' || !type.enum.includes(v)) {
      throw new InvalidQueryError(name, `must be one of ${type.enum.join(', ')}`);
    }
    return v;
  }
  switch (type) {
    case 'text':
      if (typeof v !== 'string' && typeof v !== 'number') throw new InvalidQueryError(name, 'must be a string');
      if (String(v).includes('\u0000')) throw new InvalidQueryError(name, 'must not contain NUL characters');
      return String(v);
    case 'uuid':
      if (typeof v !== 'string' || !UUID.test(v)) throw new InvalidQueryError(name, 'must be a UUID');
      return v.toLowerCase();
    case 'integer': {
      const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
      if (typeof n !== 'number' || !Number.isSafeInteger(n))
        throw new InvalidQueryError(name, 'must be a whole number');
      return n;
    }
    case 'boolean':
      if (typeof v === 'boolean') return v;
      if (v === 'true' || v === 'false') return v === 'true';
      throw new InvalidQueryError(name, 'must be true or false');
    case 'date': {
      const date = typeof v === 'string' && DATE_ONLY.test(v) ? new Date(`${v}T00:00:00.000Z`) : null;
      if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== v) {
        throw new InvalidQueryError(name, 'must be a date, YYYY-MM-DD');
      }
      return v;
    }
    case 'datetime': {
      if (typeof v !== 'string')
        throw new InvalidQueryError(name, 'must be a date (YYYY-MM-DD) or an ISO 8601 instant');
      if (DATE_ONLY.test(v)) {
        // A bare date bounds the whole day (UTC): _lte 2026-11-22 includes that day's evening.
        const start = new Date(`${v}T00:00:00.000Z`);
        if (Number.isNaN(start.getTime()) || start.toISOString().slice(0, 10) !== v)
          throw new InvalidQueryError(name, 'is not a real date');
        return bound === 'lte' ? new Date(start.getTime() + 86_400_000 - 1) : start;
      }
      const date = new Date(v);
      if (!/^\d{4}-\d{2}-\d{2}T/.test(v) || Number.isNaN(date.getTime())) {
        throw new InvalidQueryError(name, 'must be a date (YYYY-MM-DD) or an ISO 8601 instant');
      }
      return date;
    }
  }
}

function truncate(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
