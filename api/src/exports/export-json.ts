/**
 * JSON records for the packages, exactly as `JSON.stringify(record)` writes them. Written by hand
 * because it runs once per exported record, where a call of JSON.stringify per record cost
 * noticeably more (docs/performance.md). The saving is on
 * strings: most need no escaping and are quoted as they are; any other value, and a string
 * that needs escaping, goes through JSON.stringify itself. `export-json.spec.ts` checks that
 * both give the same text.
 */

/** A string JSON.stringify writes as it is, between quotes: no quote, backslash, control character or surrogate. */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

const quotedKeys = new Map<string, string>();

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = `${JSON.stringify(key)}:`;
    if (quotedKeys.size < 1000) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/** One record (a plain object of the export's rows) on one line, as JSON.stringify writes it. */
export function jsonRecord(record: Record<string, unknown>): string {
  let text = '{';
  let first = true;
  for (const key of Object.keys(record)) {
    const value = record[key];
    let json: string | undefined;
    if (typeof value === 'string') json = PLAIN.test(value) ? `"${value}"` : JSON.stringify(value);
    else json = JSON.stringify(value);
    // As JSON.stringify: a key whose value has no JSON (undefined, a function) is left out.
    if (json === undefined) continue;
    text += (first ? '' : ',') + quotedKey(key) + json;
    first = false;
  }
  return text + '}';
}
