import { escapeLiteral } from 'pg';

/**
 * `sql` with its `$n` written as literals escaped by pg, for the simple query protocol (several
 * statements in one query, which has no parameters). The values are ids and instants from the
 * database and fixed roles; the statements given here hold no other `$`.
 * Escaping is pg's own `escapeLiteral` (the code had no SQL-literal helper of its own).
 */
export function withLiterals(sql: string, values: Array<string | string[]>): string {
  const literal = (v: string | string[]) =>
    Array.isArray(v) ? `ARRAY[${v.map((x) => escapeLiteral(x)).join(', ')}]::text[]` : escapeLiteral(v);
  return sql.replace(/\$(\d+)/g, (_, n: string) => literal(values[Number(n) - 1]));
}
