import type { Pool, PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** A statement the hot paths run many times a second: a name unique in the app and its SQL. */
export interface PreparedStatement {
  name: string;
  text: string;
}

/**
 * Runs a named statement on TypeORM's own pool. PostgreSQL parses and plans an unnamed
 * statement on every call, which for the short lookups of a session check or a subject search
 * costs more than running them; a named one is prepared once per pooled connection and its plan
 * reused. Outside a transaction only: it takes whichever pooled connection is free.
 */
export async function preparedQuery<T>(
  dataSource: DataSource,
  statement: PreparedStatement,
  values: unknown[],
): Promise<T[]> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const result = await pool.query({ name: statement.name, text: statement.text, values });
  return result.rows as T[];
}

/**
 * Runs a named statement on the connection of `manager`'s transaction: for the statements a
 * transaction runs many times a minute (the audit chainer's), which PostgreSQL would otherwise
 * plan on every run. On the embedded database the one connection is every request's, so a
 * transaction's planning is time the next request waits.
 */
export async function preparedQueryIn<T>(
  manager: EntityManager,
  statement: PreparedStatement,
  values: unknown[],
): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error(`${statement.name} must run inside a transaction`);
  const client = (await runner.connect()) as PoolClient;
  const result = await client.query({ name: statement.name, text: statement.text, values });
  return result.rows as T[];
}
