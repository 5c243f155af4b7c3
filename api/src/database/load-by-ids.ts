import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { DriverUtils } from 'typeorm/driver/DriverUtils';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { entitiesFromRows } from './find-rows';
import { preparedQuery } from './prepared-query';

interface Loader {
  name: string;
  text: string;
  metadata: EntityMetadata;
  /** The statement's alias of the table: its columns are named `row_<column>`. */
  alias: string;
  /** The row as a JSON object keyed as `text` names its columns (see `rowAsJson`). */
  json: (tableAlias: string) => string;
  /** Columns whose JSON form is not what the pg driver answers: bytea (hex) and timestamps (text). */
  byteaAliases: string[];
  dateAliases: string[];
}

const loaders = new WeakMap<DataSource, Map<EntityTarget<ObjectLiteral>, Loader>>();

function loaderOf(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>): Loader {
  const byEntity = loaders.get(dataSource) ?? new Map<EntityTarget<ObjectLiteral>, Loader>();
  loaders.set(dataSource, byEntity);
  let loader = byEntity.get(entity);
  if (!loader) {
    const builder = dataSource.getRepository(entity).createQueryBuilder('row').where('row.id = ANY(:ids)', { ids: [] });
    const [text] = builder.getQueryAndParameters();
    const alias = builder.expressionMap.mainAlias!;
    const columns = alias.metadata.columns.map((column) => ({
      column: column.databaseName,
      key: DriverUtils.buildAlias(dataSource.driver, undefined, 'row', column.databaseName),
      type: dataSource.driver.normalizeType(column),
    }));
    // Each value as the pg driver would answer it once JSON.parse has read it: bigint and numeric
    // as text (exact), bytea as hex (made a Buffer again below). Objects of at most 50 pairs
    // (PostgreSQL's 100 arguments), joined.
    const json = (tableAlias: string) => {
      const pairs = columns.map(({ column, key, type }) => {
        const value = `${tableAlias}."${column}"`;
        const asJson = ['bigint', 'int8', 'numeric', 'decimal'].includes(type)
          ? `${value}::text`
          : type === 'bytea'
            ? `encode(${value}, 'hex')`
            : value;
        return `'${key}', ${asJson}`;
      });
      const chunks: string[] = [];
      for (let i = 0; i < pairs.length; i += 50)
        chunks.push(`jsonb_build_object(${pairs.slice(i, i + 50).join(', ')})`);
      return chunks.join(' || ');
    };
    loader = {
      name: `load-by-ids.${alias.metadata.tableName}`,
      text,
      metadata: alias.metadata,
      alias: alias.name,
      json,
      byteaAliases: columns.filter((c) => c.type === 'bytea').map((c) => c.key),
      dateAliases: columns.filter((c) => c.type.startsWith('timestamp')).map((c) => c.key),
    };
    byEntity.set(entity, loader);
  }
  return loader;
}

/**
 * The entities with these ids, as `repository.find({ where: { id: In(ids) } })` answers them
 * (columns, types and transformers such as decryption applied by TypeORM), but through one
 * prepared statement per entity: the SQL is built once and PostgreSQL plans it once per
 * connection. For the reads a search makes many times a second. The rows are made entities as
 * `findRows` makes them (find-rows.ts: TypeORM's own steps for each column):
 * tests/api/ingestion-search.test.ts compares the answers with find()'s for every source, so an
 * upgrade of TypeORM that changes them fails there.
 */
export async function loadByIds<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  ids: string[],
): Promise<T[]> {
  if (ids.length === 0) return [];
  const loader = loaderOf(dataSource, entity);
  const rows = await preparedQuery<ObjectLiteral>(dataSource, loader, [ids]);
  return entitiesFromRows<T>(loader.metadata, dataSource.driver as PostgresDriver, loader.alias, rows);
}

/**
 * SQL for one row of `entity`'s table (aliased `tableAlias`) as a JSON object that
 * `entitiesFromJson` turns into the entity `loadByIds` would answer: for a statement that
 * builds a whole answer as JSON in PostgreSQL (the subject search).
 */
export function rowAsJson(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>, tableAlias: string): string {
  return loaderOf(dataSource, entity).json(tableAlias);
}

/** The entities of rows built by `rowAsJson`, hydrated as `loadByIds` hydrates them. */
export function entitiesFromJson<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  rows: ObjectLiteral[],
): T[] {
  if (rows.length === 0) return [];
  const loader = loaderOf(dataSource, entity);
  for (const row of rows) {
    for (const key of loader.byteaAliases) if (typeof row[key] === 'string') row[key] = Buffer.from(row[key], 'hex');
    for (const key of loader.dateAliases) if (typeof row[key] === 'string') row[key] = new Date(row[key]);
  }
  return entitiesFromRows<T>(loader.metadata, dataSource.driver as PostgresDriver, loader.alias, rows);
}
