/**
 * CSV formula injection, in the browser: the lists' Export button writes its CSV here, from
 * records whose text is whatever people sent (a request's description, a lead's message). The
 * rule mirrors the API's csvCell (api/src/exports/export-csv.ts, the authority; a unit test
 * holds the two together): text beginning with `=`, `+`, `-`, `@`, a tab or a carriage return
 * gets a `'` before it, so that a spreadsheet shows it instead of running it; a number, or text
 * that is nothing but a negative decimal number, is left alone. The exporter quotes every cell.
 */
const PLAIN_NEGATIVE_NUMBER = /^-\d+(?:\.\d+)?$/;

export function startsLikeFormula(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c === 0x2d) return !PLAIN_NEGATIVE_NUMBER.test(text);
  return c === 0x3d || c === 0x2b || c === 0x40 || c === 0x09 || c === 0x0d;
}

/** The value with every string in it (nested objects and arrays too, as jsonexport flattens them) neutralised. */
export function neutraliseFormulas(value: unknown): unknown {
  if (typeof value === 'string') return startsLikeFormula(value) ? `'${value}` : value;
  if (Array.isArray(value)) return value.map(neutraliseFormulas);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, neutraliseFormulas(v)]));
  }
  return value;
}

/** A value as one cell's text: lists joined with "; ", an object as its "key: value" pairs. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cellText).filter(Boolean).join('; ');
  if (typeof value === 'object')
    return Object.entries(value)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => `${k}: ${cellText(v)}`)
      .join(', ');
  return typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : '';
}

/** One quoted cell, its formula neutralised (the API's csvCell rule). */
function quoted(value: unknown): string {
  const text = typeof value === 'number' ? String(value) : (neutraliseFormulas(cellText(value)) as string);
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A list's CSV: one column per field the records carry (so every field the list shows, the IP
 * address of an access log included), headed by its label in the console's language, every
 * cell quoted and neutralised against formula injection.
 */
export function listCsv(records: ReadonlyArray<Record<string, unknown>>, header: (field: string) => string): string {
  const fields: string[] = [];
  for (const record of records)
    for (const field of Object.keys(record)) if (!fields.includes(field)) fields.push(field);
  return [
    fields.map((f) => quoted(header(f))).join(','),
    ...records.map((r) => fields.map((f) => quoted(r[f])).join(',')),
  ].join('\n');
}
