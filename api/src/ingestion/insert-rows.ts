import type { EntityManager, EntityTarget } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { queryRows } from '../common/sql-rows';

/**
 * Column types whose values PostgreSQL reads the same from an element of an array parameter as
 * from a parameter of their own (pg writes both with the same `prepareValue`).
 */
const PLAIN_TYPES = new Set(['text', 'uuid', 'timestamp with time zone', 'smallint', 'integer', 'bigint', 'inet']);

/**
 * Inserts rows into an entity's table in one `INSERT … SELECT FROM unnest(…)`, one array
 * parameter per column, skipping rows whose unique key is stored already (ON CONFLICT DO NOTHING),
 * and answers the inserted rows' `id` and `external_id`, in input order. It writes what TypeORM's
 * multi-row `insert().values()` writes (the same driver preparation of each value; a property left
 * out takes the column's default), without building a statement of one parameter per value, which
 * cost most of a batch's time. Answers null when a column is not one it handles the same way
 * (a relation, an array, a transformer, a column left out by some rows only while it has a
 * default): the caller then inserts with TypeORM.
 */
export async function insertRowsAtOnce(
  manager: EntityManager,
  entity: EntityTarget<unknown>,
  rows: object[],
): Promise<Array<{ id: string; external_id: string | null }> | null> {
  const metadata = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  const names: string[] = [];
  const types: string[] = [];
  const params: unknown[][] = [];
  for (const column of metadata.columns) {
    if (!column.isInsert || (column.isGenerated && column.generationStrategy === 'increment')) continue;
    const values: unknown[] = rows.map((row): unknown => column.getEntityValue(row));
    const given = values.filter((v) => v !== undefined).length;
    if (given === 0) continue; // its default, as TypeORM's DEFAULT
    if (!handled(column, driver.normalizeType(column))) return null;
    // Left out by some rows: the same as NULL only for a column without a default.
    if (
      given < rows.length &&
      (column.default !== undefined || column.isGenerated || column.isCreateDate || column.isUpdateDate)
    )
      return null;
    names.push(driver.escape(column.databaseName));
    types.push(driver.normalizeType(column));
    params.push(values.map((v): unknown => (v === undefined ? null : driver.preparePersistentValue(v, column))));
  }
  const returned = ['id', 'externalId'].map((p) => metadata.findColumnWithPropertyName(p));
  if (!names.length || returned.some((c) => !c)) return null;
  const columns = names.map((_, i) => `c${i}`);
  return queryRows(
    manager,
    `INSERT INTO ${driver.escape(metadata.tableName)} (${names.join(', ')})
     SELECT ${columns.join(', ')} FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')}) AS t(${columns.join(', ')})
     ON CONFLICT DO NOTHING RETURNING ${returned.map((c) => `${driver.escape(c!.databaseName)} AS ${driver.escape(c!.propertyName === 'id' ? 'id' : 'external_id')}`).join(', ')}`,
    params,
  );
}

function handled(column: ColumnMetadata, type: string): boolean {
  return (
    PLAIN_TYPES.has(type) &&
    !column.isArray &&
    !column.transformer &&
    !column.relationMetadata &&
    !column.isVersion &&
    !column.isDiscriminator &&
    !column.embeddedMetadata
  );
}
