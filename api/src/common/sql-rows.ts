/**
 * The rows of a raw `UPDATE/DELETE ... RETURNING`: TypeORM's PostgreSQL driver answers
 * `[rows, affectedCount]` for those and the rows alone for a SELECT or INSERT.
 */
export function returnedRows<T = Record<string, any>>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as T[];
  return Array.isArray(result) ? (result as T[]) : [];
}
