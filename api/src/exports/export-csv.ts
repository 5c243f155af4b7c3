/**
 * CSV lines for the packages, as csv-stringify writes them with its defaults (comma, `"` quote,
 * `\n` between records): a value is quoted when it holds a comma, a quote or a line break, and
 * its quotes are doubled. Written by hand because it runs once per exported cell: on a subject
 * with 100,000 chat messages csv-stringify's generic path (options, casts, per-record arrays)
 * cost about 160 ms of the export, this about a tenth. `export-csv.spec.ts` checks that both
 * give the same text.
 */

const NEEDS_QUOTES = /[",\n\r]/;
const PLAIN_NEGATIVE_NUMBER = /^-\d+(?:\.\d+)?$/;

/**
 * One cell: nothing for null, a list as `a; b`, anything else as its text; every CSV the console
 * writes (packages, registers) goes through it.
 *
 * Formula injection (OWASP, "CSV Injection"): a cell that begins with `=`, `+`, `-`, `@`, a tab
 * or a carriage return is run as a formula by spreadsheet programs (`=HYPERLINK(...)` sending
 * the sheet's data away, `=cmd|...` on old Excel), and the text of a lead, a chat message or a
 * register entry is whatever its sender wrote. Such a cell is written with a `'` before it, and
 * always quoted: `"'=SUM(A1)"`; the JSON files beside the CSVs keep the exact text. A number is
 * left as it is (`-5` is no formula): a finite JavaScript number, or text that is nothing but a
 * negative decimal number (`-12`, `-0.5`, as PostgreSQL answers numeric columns). The check is
 * one character code per cell (the export writes hundreds of thousands of cells), the pattern
 * only for a cell that begins with `-`.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const text = Array.isArray(value) ? value.map(cellText).join('; ') : cellText(value);
  if (startsLikeFormula(text)) return `"'${text.replaceAll('"', '""')}"`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A value as a cell's text: an object (a jsonb column) as its JSON, never "[object Object]". */
function cellText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'object':
      return value === null ? '' : JSON.stringify(value);
    default:
      return '';
  }
}

/** `=`, `+`, `-`, `@`, tab or carriage return first, and not a plain negative number. */
export function startsLikeFormula(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c === 0x2d) return !PLAIN_NEGATIVE_NUMBER.test(text);
  return c === 0x3d || c === 0x2b || c === 0x40 || c === 0x09 || c === 0x0d;
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
