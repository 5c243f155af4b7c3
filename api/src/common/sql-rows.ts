/**
 * TypeORM answers a raw query with `any`. These helpers give its rows the type the caller's SQL
 * selects, once, instead of a cast (or an unchecked `any`) at every use.
 */

/** Anything that runs raw SQL: an EntityManager, a DataSource, a Repository or a QueryRunner. */
export interface RunsSql {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * The rows of a raw `UPDATE/DELETE ... RETURNING`: TypeORM's PostgreSQL driver answers
 * `[rows, affectedCount]` for those and the rows alone for a SELECT or INSERT.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped callers (erasure) read fields; queryRows is the typed way
export function returnedRows<T = Record<string, any>>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as T[];
  return Array.isArray(result) ? (result as T[]) : [];
}

/** The rows of a raw statement (SELECT, or any statement with RETURNING), as the SQL selects them. */
export async function queryRows<T>(db: RunsSql, sql: string, parameters?: unknown[]): Promise<T[]> {
  return returnedRows<T>(await db.query(sql, parameters));
}

/** The first row of a raw statement, or undefined when it answers none. */
export async function queryRow<T>(db: RunsSql, sql: string, parameters?: unknown[]): Promise<T | undefined> {
  const [row] = await queryRows<T>(db, sql, parameters);
  return row;
}
