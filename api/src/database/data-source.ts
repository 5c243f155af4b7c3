import type { PoolClient } from 'pg';
// Before any query: pg's promises made with their callbacks (see the file).
import './pg-query-callback';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { MIGRATIONS } from '../../../migrations';
import { ENTITIES } from './entities';
import { namingStrategy } from './naming.strategy';

/**
 * How long a pooled connection to a PostgreSQL server may sit idle before the pool closes it
 * (pg-pool's own default, written down): a new connection to a server is a new session, so
 * closing idle ones costs only a reconnection.
 */
export const SERVER_POOL_IDLE_TIMEOUT_MS = 10_000;

/**
 * The embedded database's one connection is never closed for being idle (0: no idle timeout).
 * PGlite is one session whatever the number of connections: closing the connection would not
 * end that session, only lose the prepared statements the next connection believes it has not made.
 */
export const EMBEDDED_POOL_IDLE_TIMEOUT_MS = 0;

/**
 * The one TypeORM options object, used by the app (TypeOrmModule) and by the migration
 * commands (database/cli.ts), so the two never drift. `embedded`: the URL is the embedded
 * PGlite's (see embedded-postgres.ts).
 */
export function dataSourceOptions(url: string, poolSize: number, embedded = false): PostgresConnectionOptions {
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
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: embedded ? EMBEDDED_POOL_IDLE_TIMEOUT_MS : SERVER_POOL_IDLE_TIMEOUT_MS,
      // pg-pool awaits this on every new physical connection before handing it out, and closes
      // the connection (failing that one call) if it throws.
      onConnect: embedded ? resetEmbeddedSession : withoutJit,
    },
  };
}

/**
 * A new connection to the embedded database lands in the session the previous one left (after a
 * dropped connection, say): its prepared statements (`prepared-query.ts`: "already exists"),
 * settings and session locks. DISCARD ALL gives the new pg client the fresh session it believes
 * it has. A server gives every connection a new session: nothing to reset there.
 */
async function resetEmbeddedSession(client: PoolClient): Promise<void> {
  await client.query('DISCARD ALL');
}

/**
 * A server's session without JIT compilation. The console's statements answer pages and
 * look-ups; those PostgreSQL estimates past `jit_above_cost` (a page of the audit log grouped
 * from its ids, a count bounded at 10,001 rows) spent longer compiling than running: a grouped
 * page of a person's events ran in 92 ms and compiled for 117 to 300 (docs/performance.md). Set
 * per session, as a SET, not as a startup option a connection pooler may refuse. PGlite has no JIT.
 */
async function withoutJit(client: PoolClient): Promise<void> {
  await client.query('SET jit = off');
}
