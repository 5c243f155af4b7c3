import { FindOperator, type ObjectLiteral } from 'typeorm';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';

/**
 * The statements TypeORM builds for finds, built once per shape of find and reused with each
 * find's own values.
 *
 * TypeORM builds a find's SQL anew for every call: aliases, the select list, and a regular
 * expression of every property name of the entity run over the whole text, its largest share of
 * a list page (docs/performance.md). The SQL depends on the find's structure (the fields, the
 * operators, the number of values in an `In`, the order, the range), not on its values, which
 * become parameters. So a shape is built once with a unique marker for each value, the marker's
 * place in the parameters noted, and a find of the same shape gets that SQL and its own values
 * in those places.
 *
 * A shape is only reused once its first find, built by TypeORM, has answered exactly the SQL
 * and parameters the markers predicted; anything this file does not know (a `Raw` condition, a
 * relation, an object that is not a Date, an option other than where, order, skip and take) is
 * built by TypeORM every time. `tests/api/find-statements.test.ts` compares both on every list.
 */
export interface BuiltStatement {
  text: string;
  values: unknown[];
}

/** The shape of a find (the cache's key) and its values, in walking order. */
interface Walked {
  key: string;
  values: unknown[];
  /** The find with each value replaced by the marker of its index. */
  template: ObjectLiteral;
}

/** The operators whose SQL depends only on their type and the number of their values. */
const PLAIN_OPERATORS = new Set([
  'in',
  'any',
  'between',
  'ilike',
  'like',
  'lessThan',
  'lessThanOrEqual',
  'moreThan',
  'moreThanOrEqual',
  'equal',
  'isNull',
  'not',
  'and',
  'or',
]);

const FIND_OPTIONS = new Set(['where', 'order', 'skip', 'take']);

/** Only a template holds markers: a find's own values are never read as one. */
const markerOf = (index: number) => `\uE000find-statement-marker:${index}\uE000`;
const MARKER = /^\uE000find-statement-marker:(\d+)\uE000$/;

/** A FindOperator's own fields, as its constructor takes them (its getters look through a child). */
interface OperatorFields {
  _type: string;
  _value: unknown;
  _useParameter: boolean;
  _multipleParameters: boolean;
  _getSql: unknown;
  _objectLiteralParameters: unknown;
}

class Uncacheable extends Error {}

function walkValue(value: unknown, values: unknown[]): [string, unknown] {
  if (value === null) return ['null', null];
  if (value === undefined) return ['undefined', undefined];
  if (value instanceof FindOperator) return walkOperator(value, values);
  const kind = value instanceof Date ? 'date' : typeof value;
  if (kind !== 'string' && kind !== 'number' && kind !== 'boolean' && kind !== 'bigint' && kind !== 'date')
    throw new Uncacheable();
  values.push(value);
  return [kind, markerOf(values.length - 1)];
}

function walkOperator(operator: FindOperator<unknown>, values: unknown[]): [string, unknown] {
  const fields = operator as unknown as OperatorFields;
  if (
    !PLAIN_OPERATORS.has(fields._type) ||
    fields._getSql !== undefined ||
    fields._objectLiteralParameters !== undefined
  )
    throw new Uncacheable();
  let key: string;
  let value: unknown;
  if (Array.isArray(fields._value)) {
    const walked = fields._value.map((item) => walkValue(item, values));
    key = `[${walked.map(([k]) => k).join(',')}]`;
    value = walked.map(([, v]) => v);
  } else {
    [key, value] = walkValue(fields._value, values);
  }
  const template = new FindOperator(
    fields._type as never,
    value,
    fields._useParameter,
    fields._multipleParameters,
    undefined,
    undefined,
  );
  return [
    `${fields._type}:${fields._useParameter ? 'p' : ''}${fields._multipleParameters ? 'm' : ''}(${key})`,
    template,
  ];
}

function walkWhere(where: unknown, values: unknown[]): [string, unknown] {
  if (Array.isArray(where)) {
    const walked = where.map((item) => walkWhere(item, values));
    return [`[${walked.map(([k]) => k).join(';')}]`, walked.map(([, w]) => w)];
  }
  if (where === null || typeof where !== 'object' || Object.getPrototypeOf(where) !== Object.prototype)
    throw new Uncacheable();
  const parts: string[] = [];
  const template: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(where)) {
    const [key, marked] = walkValue(value, values);
    parts.push(`${JSON.stringify(field)}=${key}`);
    template[field] = marked;
  }
  return [`{${parts.join(',')}}`, template];
}

/** The shape of `options`, its values, and its template; null for a find TypeORM must build. */
export function walkFind(options: ObjectLiteral): Walked | null {
  if (Object.getPrototypeOf(options) !== Object.prototype) return null;
  const values: unknown[] = [];
  const template: Record<string, unknown> = {};
  const parts: string[] = [];
  try {
    for (const [option, value] of Object.entries(options)) {
      if (!FIND_OPTIONS.has(option)) return null;
      if (value === undefined) {
        parts.push(`${option}:undefined`);
        continue;
      }
      if (option === 'where') {
        const [key, marked] = walkWhere(value, values);
        parts.push(`where:${key}`);
        template.where = marked;
      } else {
        // The order and the range are written into the SQL itself: they are part of the shape.
        parts.push(`${option}:${JSON.stringify(value)}`);
        template[option] = value;
      }
    }
  } catch (error) {
    if (error instanceof Uncacheable) return null;
    throw error;
  }
  return { key: parts.join('|'), values, template };
}

/** Where each parameter of the template's statement takes its value from; null if one is not a marker. */
function placesOf(templateValues: unknown[], count: number): number[] | null {
  const places: number[] = [];
  for (const value of templateValues) {
    const match = typeof value === 'string' ? MARKER.exec(value) : null;
    if (!match || Number(match[1]) >= count) return null;
    places.push(Number(match[1]));
  }
  return places;
}

type Entry = { text: string; places: number[] } | 'built-each-time' | 'no-statement';

/**
 * A shape whose key or statement is longer than this (a filter of hundreds of values) is built by
 * TypeORM each time and not kept: any signed-in reader chooses the filters, and a few hundred
 * such shapes would hold hundreds of megabytes.
 */
export const LONGEST_KEPT = 16_000;

/** What one cache holds at most: its shapes' keys, statements and places, in characters. */
export const KEPT_CHARACTERS = 1_000_000;

const sizeOf = (key: string, entry: Entry) =>
  key.length + (typeof entry === 'string' ? 0 : entry.text.length + entry.places.length);

/**
 * Statements by shape, for one entity of one database and one kind of statement (a page, a
 * count); at most `capacity` shapes and `budget` characters, the least recently used dropped
 * first.
 */
export class FindStatements {
  private readonly entries = new Map<string, Entry>();
  private kept = 0;

  constructor(
    private readonly capacity = 500,
    private readonly budget = KEPT_CHARACTERS,
  ) {}

  /**
   * The statement of `options`, as `build` makes it from a find's options,
   * from the cache or built and, if its shape holds, kept. `build` answers null for a find it
   * leaves to TypeORM whole (which depends on the shape only), and so does this.
   */
  statement(options: ObjectLiteral, build: (options: ObjectLiteral) => BuiltStatement | null): BuiltStatement | null {
    const walked = walkFind(options);
    if (!walked || walked.key.length > LONGEST_KEPT) return build(options);
    const key = walked.key;
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      if (entry === 'no-statement') return null;
      if (entry === 'built-each-time') return build(options);
      return { text: entry.text, values: entry.places.map((place) => walked.values[place]) };
    }
    const built = build(options);
    const template = build(walked.template);
    if (built === null || template === null) {
      this.remember(key, built === null && template === null ? 'no-statement' : 'built-each-time');
      return built;
    }
    const places = placesOf(template.values, walked.values.length);
    // Kept only if the markers, put back as this find's values, give what TypeORM built for it.
    const holds =
      places !== null &&
      template.text === built.text &&
      places.length === built.values.length &&
      places.every((place, i) => Object.is(walked.values[place], built.values[i]));
    const keep = holds && places && template.text.length <= LONGEST_KEPT;
    this.remember(key, keep ? { text: template.text, places } : 'built-each-time');
    return built;
  }

  /** How many shapes are kept (for the tests). */
  get size(): number {
    return this.entries.size;
  }

  /** How many characters the kept shapes hold (for the tests). */
  get characters(): number {
    return this.kept;
  }

  private remember(key: string, entry: Entry): void {
    this.entries.set(key, entry);
    this.kept += sizeOf(key, entry);
    while (this.entries.size > this.capacity || this.kept > this.budget) {
      const [oldest, dropped] = this.entries.entries().next().value!;
      this.entries.delete(oldest);
      this.kept -= sizeOf(oldest, dropped);
    }
  }
}

/** The caches of one kind of statement, per entity (TypeORM's metadata: one per entity and database). */
export function findStatementsPerEntity(): (entity: EntityMetadata) => FindStatements {
  const caches = new WeakMap<EntityMetadata, FindStatements>();
  return (entity) => {
    let cache = caches.get(entity);
    if (!cache) caches.set(entity, (cache = new FindStatements()));
    return cache;
  };
}
