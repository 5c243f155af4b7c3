import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { MIGRATIONS } from '../../../migrations';
import { ENTITIES } from './entities';
import { namingStrategy } from './naming.strategy';

/**
 * The one TypeORM options object, used by the app (TypeOrmModule) and by the migration
 * commands (database/cli.ts), so the two never drift.
 */
export function dataSourceOptions(url: string, poolSize: number): PostgresConnectionOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy,
    // gen_random_uuid() is built into PostgreSQL 13+ and PGlite: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    // Query errors are reported by the exception filter; TypeORM's own log would print parameters.
    logging: ['migration'],
    // The embedded database is one session: a pool of one makes a transaction that awaits a
    // second connection fail in every test instead of hanging in production.
    extra: { max: poolSize, connectionTimeoutMillis: 10_000 },
  };
}
