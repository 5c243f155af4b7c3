import {
  And,
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
  const [rows, total] = await repository.findAndCount({
    where,
    order,
    skip: query.range?.skip,
    take: query.range?.take,
  });
  return { rows, total, skip: query.range?.skip ?? 0 };
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
  for (const [field, ops] of operators) base[field] = ops.length === 1 ? ops[0] : And(...ops);
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
