import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { Alias } from 'typeorm/query-builder/Alias';
import { RawSqlResultsToEntityTransformer } from 'typeorm/query-builder/transformer/RawSqlResultsToEntityTransformer';
import { preparedQuery } from './prepared-query';

interface Loader {
  name: string;
  text: string;
  transformer: RawSqlResultsToEntityTransformer;
  alias: Alias;
}

const loaders = new WeakMap<DataSource, Map<EntityTarget<ObjectLiteral>, Loader>>();

/**
 * The entities with these ids, as `repository.find({ where: { id: In(ids) } })` answers them
 * (columns, types and transformers such as decryption applied by TypeORM), but through one
 * prepared statement per entity: the SQL is built once and PostgreSQL plans it once per
 * connection. For the reads a search makes many times a second. The hydration is TypeORM's own
 * transformer, a class the package exports but does not document: tests/api/ingestion-search.test.ts
 * compares the answers with find()'s for every source, so an upgrade that changes it fails there.
 */
export async function loadByIds<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  ids: string[],
): Promise<T[]> {
  if (ids.length === 0) return [];
  const byEntity = loaders.get(dataSource) ?? new Map<EntityTarget<ObjectLiteral>, Loader>();
  loaders.set(dataSource, byEntity);
  let loader = byEntity.get(entity);
  if (!loader) {
    const builder = dataSource.getRepository(entity).createQueryBuilder('row').where('row.id = ANY(:ids)', { ids: [] });
    const [text] = builder.getQueryAndParameters();
    loader = {
      name: `load-by-ids.${builder.expressionMap.mainAlias!.metadata.tableName}`,
      text,
      transformer: new RawSqlResultsToEntityTransformer(builder.expressionMap, dataSource.driver, [], [], undefined),
      alias: builder.expressionMap.mainAlias!,
    };
    byEntity.set(entity, loader);
  }
  const rows = await preparedQuery<ObjectLiteral>(dataSource, loader, [ids]);
  return loader.transformer.transform(rows, loader.alias) as T[];
}
