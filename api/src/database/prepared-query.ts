import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
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
