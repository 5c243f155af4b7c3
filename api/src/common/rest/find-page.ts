import { createHash } from 'node:crypto';
import {
  And,
  type DataSource,
  FindOperator,
  FindOptionsOrder,
  FindOptionsWhere,
  ILike,
  In,
  IsNull,
  LessThanOrEqual,
  MoreThanOrEqual,
  ObjectLiteral,
  Repository,
} from 'typeorm';
import type { Page } from './content-range';
import type { Condition, ListQuery } from './list-query';
import { queryRow } from '../sql-rows';
import { findRows } from '../../database/find-rows';
import { findStatementsPerEntity } from '../../database/find-statements';

/** Runs a parsed list query against a repository: one page of rows and the total count. */
export async function findPage<T extends ObjectLiteral>(
  repository: Repository<T>,
  query: ListQuery,
  searchable: readonly string[],
  baseWhere: FindOptionsWhere<T> = {},
): Promise<Page<T>> {
  const where = toWhere(query, searchable, baseWhere);
  const order = { [query.sort.field]: query.sort.order } as FindOptionsOrder<T>;
  // A stable tie-breaker keeps pages from overlapping when the sort field repeats.
  if (query.sort.field !== 'id' && repository.metadata.hasColumnWithPropertyPath('id')) {
    (order as Record<string, string>).id = query.sort.order;
  }
  const skip = query.range?.skip ?? 0;
  const take = query.range?.take;
  const rows = await findRows(repository, { where, order, skip, take });
  const total = totalFromPage(skip, take, rows.length) ?? (await countUpTo(repository, where));
  return { rows, total, skip };
}

/**
 * The total a page tells by itself: a page shorter than asked for (and not past the end) is the
 * last one, so the total is what came before it and what it holds. Most filtered lists (a
 * person's records, the open requests) fit in one page and need no count at all.
 */
export function totalFromPage(skip: number, take: number | undefined, received: number): number | null {
  if (received > 0 || skip === 0) {
    if (take === undefined || received < take) return skip + received;
  }
  return null;
}

/** Past this many matching rows a list's total is the planner's estimate: counting a million rows per page costs more than the page. */
export const EXACT_COUNT_LIMIT = 10_000;

/**
 * How long a list's estimate is reused. PostgreSQL's estimate moves only when the table is
 * analysed, and paging through a million leads asked for the same plan on every page; a small
 * list (the requests) asked for a plan before each bounded count.
 */
export const ESTIMATE_REUSE_MS = 10_000;

/**
 * An estimate's key: a digest of the statement and its values, so that a key's size does not
 * depend on the filter (any reader chooses it) and a searched e-mail or name is not held in
 * memory as text for as long as the key is kept.
 */
export function estimateKey(sql: string, parameters: unknown[]): string {
  return createHash('sha256').update(sql).update('\u0000').update(JSON.stringify(parameters)).digest('base64');
}

/** The estimates of lists, per database, by `estimateKey`; at most `capacity`, the oldest dropped first. */
export class EstimateCache {
  private readonly entries = new Map<string, { value: number; at: number }>();

  constructor(private readonly capacity = 200) {}

  get(key: string, now: number): number | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now - entry.at < ESTIMATE_REUSE_MS) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: number, now: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, at: now });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}

const listEstimates = new WeakMap<DataSource, EstimateCache>();

function listEstimatesOf(database: DataSource): EstimateCache {
  const cache = listEstimates.get(database) ?? new EstimateCache();
  listEstimates.set(database, cache);
  return cache;
}

/**
 * The number of rows a list matches: exact up to EXACT_COUNT_LIMIT (a bounded scan), beyond it
 * PostgreSQL's estimate for the same query (never below the limit). The UI pages through it the
 * same way; a total in the millions is approximate, as the docs say.
 */
export async function countUpTo<T extends ObjectLiteral>(
  repository: Repository<T>,
  where: FindOptionsWhere<T> | FindOptionsWhere<T>[],
): Promise<number> {
  const estimate = listEstimate(repository, where);
  // The plan's estimate first (no rows read): far above the limit, it is the answer. Only the
  // estimate is reused, never a count: a count is made for every page that needs one.
  const first = await estimate.first();
  if (first > EXACT_COUNT_LIMIT * 10) return first;
  const { n } = (await queryRow<{ n: number }>(
    repository,
    `SELECT count(*)::int AS n FROM (${estimate.sql} LIMIT ${EXACT_COUNT_LIMIT + 1}) AS bounded`,
    estimate.parameters,
  ))!;
  if (n <= EXACT_COUNT_LIMIT) return n;
  return estimate.pastLimit();
}

/**
 * The total of a list known to match more than EXACT_COUNT_LIMIT rows (a caller that read that
 * many): PostgreSQL's estimate, never below the limit, as `countUpTo` answers it.
 */
export function totalPastLimit<T extends ObjectLiteral>(
  repository: Repository<T>,
  where: FindOptionsWhere<T> | FindOptionsWhere<T>[],
): Promise<number> {
  return listEstimate(repository, where).pastLimit();
}

/** The statements of lists' estimates and counts, built once per shape (find-statements.ts). */
const estimateStatements = findStatementsPerEntity();

/** The plan's estimate of a list's rows, reused for ESTIMATE_REUSE_MS per database and query. */
function listEstimate<T extends ObjectLiteral>(
  repository: Repository<T>,
  where: FindOptionsWhere<T> | FindOptionsWhere<T>[],
) {
  const { text: sql, values: parameters } = estimateStatements(repository.metadata).statement({ where }, (shape) => {
    const [text, values] = repository
      .createQueryBuilder('row')
      .setFindOptions(shape)
      .select('1')
      .getQueryAndParameters();
    return { text, values };
  })!;
  const estimates = listEstimatesOf(repository.manager.connection);
  const key = estimateKey(sql, parameters);
  const planned = async () => {
    const plan = await queryRow<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
      repository,
      `EXPLAIN (FORMAT JSON) ${sql}`,
      parameters,
    );
    const value = Math.round(Number(plan!['QUERY PLAN'][0].Plan['Plan Rows']));
    estimates.set(key, value, Date.now());
    return value;
  };
  let reused: number | undefined;
  let estimate: number | undefined;
  const first = async () => {
    reused = estimates.get(key, Date.now());
    estimate = reused ?? (await planned());
    return estimate;
  };
  return {
    sql,
    parameters,
    first,
    async pastLimit() {
      if (estimate === undefined) await first();
      if (estimate! > EXACT_COUNT_LIMIT * 10) return estimate!;
      // A reused estimate that called the list small enough to count may be stale: planned again.
      return Math.max(EXACT_COUNT_LIMIT + 1, reused === undefined ? estimate! : await planned());
    },
  };
}

export function toWhere<T>(
  query: Pick<ListQuery, 'conditions' | 'search'>,
  searchable: readonly string[],
  baseWhere: FindOptionsWhere<T> = {},
): FindOptionsWhere<T> | FindOptionsWhere<T>[] {
  const operators = new Map<string, FindOperator<unknown>[]>();
  for (const condition of query.conditions) {
    const list = operators.get(condition.field) ?? [];
    list.push(toOperator(condition));
    operators.set(condition.field, list);
  }
  const base: Record<string, unknown> = { ...baseWhere };
  for (const [field, ops] of operators) {
    // A condition the caller gives (baseWhere) holds together with the client's own on the field.
    const all = base[field] instanceof FindOperator ? [base[field] as FindOperator<unknown>, ...ops] : ops;
    base[field] = all.length === 1 ? all[0] : And(...all);
  }
  if (!query.search) return base as FindOptionsWhere<T>;
  // `q` matches any searchable field: an OR of the same conditions, one per field.
  const pattern = `%${escapeLike(query.search)}%`;
  return searchable.map((field) => ({
    ...base,
    [field]: base[field] ? And(base[field] as FindOperator<unknown>, ILike(pattern)) : ILike(pattern),
  })) as FindOptionsWhere<T>[];
}

function toOperator(condition: Condition): FindOperator<unknown> {
  switch (condition.op) {
    case 'eq':
      return In([condition.value]);
    case 'in':
      return In(condition.values);
    case 'gte':
      return MoreThanOrEqual(condition.value);
    case 'lte':
      return LessThanOrEqual(condition.value);
    case 'isNull':
      return IsNull();
  }
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
