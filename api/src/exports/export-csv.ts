/**
 * CSV lines for the packages, as csv-stringify writes them with its defaults (comma, `"` quote,
 * `\n` between records): a value is quoted when it holds a comma, a quote or a line break, and
 * its quotes are doubled. Written by hand because it runs once per exported cell: on a subject
 * with 100,000 chat messages csv-stringify's generic path (options, casts, per-record arrays)
 * cost about 160 ms of the export, this about a tenth. `export-csv.spec.ts` checks that both
 * give the same text.
 */

const NEEDS_QUOTES = /[",\n\r]/;

/** One cell: nothing for null, a list as `a; b`, anything else as its text. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join('; ') : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record's `columns`, in that order, ended by `\n` (read from the record, no array of values made: it runs once per exported record). */
export function csvRecord(record: Readonly<Record<string, unknown>>, columns: readonly string[]): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) line += (i > 0 ? ',' : '') + csvCell(record[columns[i]]);
  return line + '\n';
}

/** One line of `values`, ended by `\n`. */
export function csvLine(values: readonly unknown[]): string {
  return csvRecord(values as unknown as Record<string, unknown>, Object.keys(values));
}
