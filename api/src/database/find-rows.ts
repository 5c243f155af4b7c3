import { types, type Pool } from 'pg';
import {
  QueryFailedError,
  type FindManyOptions,
  type ObjectLiteral,
  type Repository,
  type SelectQueryBuilder,
} from 'typeorm';
import { DriverUtils } from 'typeorm/driver/DriverUtils';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { findStatementsPerEntity } from './find-statements';

/**
 * `repository.find(options)`, answered as TypeORM answers it (the same statement, and each value
 * through the driver's `prepareHydratedValue` and the column's transformer into an entity made as
 * TypeORM makes it), but with the rows read as arrays.
 *
 * A list page of the requests (25 rows of about 60 columns) spent more of the console's time
 * in pg building each row as an object and in TypeORM looking each value up in it by name than
 * in anything else of its own. A find whose entities are not one per row, or that TypeORM answers
 * with more than the row (a join, a relation id or count, a load listener, a subscriber, a
 * lock, a cache, an inheritance tree), or that runs in a transaction, is left to TypeORM.
 * `tests/api/find-rows.test.ts` compares both for every entity the console lists.
 */
export async function findRows<T extends ObjectLiteral>(
  repository: Repository<T>,
  options: FindManyOptions<T>,
): Promise<T[]> {
  const statement = repository.manager.queryRunner
    ? null
    : pageStatements(repository.metadata).statement(options, (shape) => {
        const builder = findBuilder(repository, shape);
        if (!oneEntityPerRow(repository, builder)) return null;
        const [text, values] = builder.getQueryAndParameters();
        return { text, values };
      });
  if (!statement) return findBuilder(repository, options).getMany();
  const { text, values } = statement;
  const pool = (repository.manager.connection.driver as PostgresDriver).master as Pool;
  let result: { fields: Array<{ name: string }>; rows: unknown[][] };
  try {
    result = await pool.query({ text, values, rowMode: 'array', types: DAYS_AS_TEXT });
  } catch (error) {
    // As TypeORM's query runner reports a failed statement (its parameters are kept out of the logs).
    throw new QueryFailedError(text, values, error as Error);
  }
  return hydrate(repository, repository.metadata.name, result.fields, result.rows);
}

/** The statements of find pages, built once per shape (find-statements.ts). */
const pageStatements = findStatementsPerEntity();

/** Whether `findRows` reads this find's rows as arrays (else TypeORM answers it). */
export function readsAsArrays<T extends ObjectLiteral>(
  repository: Repository<T>,
  options: FindManyOptions<T>,
): boolean {
  return oneEntityPerRow(repository, findBuilder(repository, options));
}

/** The statement of a find, as EntityManager.find builds it. */
function findBuilder<T extends ObjectLiteral>(repository: Repository<T>, options: FindManyOptions<T>) {
  return repository.createQueryBuilder(repository.metadata.name).setFindOptions(options);
}

/**
 * pg makes a `date` a Date at local midnight, which TypeORM's prepareHydratedValue then writes
 * back as `YYYY-MM-DD` (DateUtils.mixedDateToDateString; a string it answers as it is): the
 * day's text, as PostgreSQL sends it, is what both answer. A requests page holds 125 of them.
 */
const DATE_OID: number = types.builtins.DATE;
const dayText = (text: string): string => text;
const DAYS_AS_TEXT = {
  getTypeParser: ((oid: number, format: 'text' | 'binary' = 'text'): ((value: string) => unknown) =>
    oid === DATE_OID && format === 'text'
      ? dayText
      : (types.getTypeParser(oid, format) as (value: string) => unknown)) as typeof types.getTypeParser,
};

function oneEntityPerRow<T extends ObjectLiteral>(repository: Repository<T>, builder: SelectQueryBuilder<T>): boolean {
  const metadata = repository.metadata;
  const map = builder.expressionMap;
  return (
    !repository.manager.queryRunner &&
    map.joinAttributes.length === 0 &&
    map.relationIdAttributes.length === 0 &&
    map.relationCountAttributes.length === 0 &&
    metadata.relationIds.length === 0 &&
    metadata.relationCounts.length === 0 &&
    metadata.lazyRelations.length === 0 &&
    metadata.afterLoadListeners.length === 0 &&
    repository.manager.connection.subscribers.length === 0 &&
    metadata.tableType === 'regular' &&
    !metadata.discriminatorColumn &&
    metadata.childEntityMetadatas.length === 0 &&
    map.lockMode === undefined &&
    !map.cache &&
    !map.options.includes('create-pojo') &&
    !repository.manager.connection.options.typename &&
    // The whole entity selected, as a find without `select` selects it.
    map.selects.length === 1 &&
    map.selects[0].selection === builder.alias
  );
}

/** Per entity and alias: each column TypeORM would set, under the name the statement answers it. */
const columnsByAlias = new WeakMap<EntityMetadata, Map<string, Map<string, ColumnMetadata>>>();

function columnsOf(metadata: EntityMetadata, driver: PostgresDriver, alias: string): Map<string, ColumnMetadata> {
  const byAlias = columnsByAlias.get(metadata) ?? new Map<string, Map<string, ColumnMetadata>>();
  columnsByAlias.set(metadata, byAlias);
  let columns = byAlias.get(alias);
  if (!columns) {
    // As RawSqlResultsToEntityTransformer's getColumnsToProcess chooses them for a whole entity.
    columns = new Map(
      metadata.columns
        .filter((column) => !column.isVirtual)
        .map((column) => [DriverUtils.buildAlias(driver, undefined, alias, column.databaseName), column]),
    );
    byAlias.set(alias, columns);
  }
  return columns;
}

function hydrate<T extends ObjectLiteral>(
  repository: Repository<T>,
  alias: string,
  fields: Array<{ name: string }>,
  rows: unknown[][],
): T[] {
  const metadata = repository.metadata;
  const driver = repository.manager.connection.driver as PostgresDriver;
  const byName = columnsOf(metadata, driver, alias);
  // In the entity's column order, as TypeORM sets them (an entity's own key order).
  const at = new Map(fields.map((field, i) => [field.name, i]));
  const positions: number[] = [];
  const columns: ColumnMetadata[] = [];
  for (const [name, column] of byName) {
    const i = at.get(name);
    if (i === undefined) continue;
    positions.push(i);
    columns.push(column);
  }
  const entities: T[] = [];
  for (const row of rows) {
    const entity = entityOf<T>(metadata, driver, columns, (c) => row[positions[c]]);
    if (entity) entities.push(entity);
  }
  return entities;
}

/**
 * The entities of rows read as objects keyed as a statement of the whole entity names its
 * columns for `alias` (`row_id`, `row_email`, ...), as TypeORM's RawSqlResultsToEntityTransformer
 * answers them: one entity per primary key (the first row of each), a column the row does not
 * hold left unset. For the console's own prepared statements (load-by-ids.ts).
 */
export function entitiesFromRows<T extends ObjectLiteral>(
  metadata: EntityMetadata,
  driver: PostgresDriver,
  alias: string,
  rows: ObjectLiteral[],
): T[] {
  const byName = columnsOf(metadata, driver, alias);
  const names = [...byName.keys()];
  const columns = [...byName.values()];
  const keys = metadata.primaryColumns.map((column) =>
    DriverUtils.buildAlias(driver, undefined, alias, column.databaseName),
  );
  const seen = new Set<unknown>();
  const entities: T[] = [];
  for (const row of rows) {
    const key = keys.length === 1 ? keyPart(row[keys[0]]) : keys.map((k) => keyPart(row[k])).join('_');
    if (seen.has(key)) continue;
    seen.add(key);
    const entity = entityOf<T>(metadata, driver, columns, (c) => row[names[c]]);
    if (entity) entities.push(entity);
  }
  return entities;
}

/** A primary key's part as TypeORM groups rows by it. */
function keyPart(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return value.toString('hex');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value;
}

/**
 * One entity, made as TypeORM makes it, each column's value (`valueAt`) set through the driver's
 * `prepareHydratedValue`; undefined (a column the row does not hold) is left unset. A row of nulls
 * only is no entity (TypeORM's rule; a primary key is never null).
 */
function entityOf<T extends ObjectLiteral>(
  metadata: EntityMetadata,
  driver: PostgresDriver,
  columns: ColumnMetadata[],
  valueAt: (column: number) => unknown,
): T | null {
  const entity = metadata.create(undefined, { fromDeserializer: true }) as T;
  let hasData = false;
  for (let c = 0; c < columns.length; c++) {
    const column = columns[c];
    const value = valueAt(c);
    if (value === undefined) continue;
    if (value !== null && !column.isVirtualProperty) hasData = true;
    column.setEntityValue(entity, driver.prepareHydratedValue(value, column));
  }
  return hasData ? entity : null;
}
