/**
 * The JSON text of a value with every object's keys in sorted order, so that the same content
 * always gives the same text (and the same hash) however its keys were ordered, for instance by
 * jsonb. Writes what json-stable-stringify 1.3 (the chain's canonical form until 2026-12-04)
 * writes for any value without cycles, character for character: a `toJSON` is called first; an
 * `undefined` (or a function) is left out of an object and written `null` in an array; keys sort
 * by UTF-16 code units; everything else is `JSON.stringify`'s. The property test in
 * `canonical-json.spec.ts` compares the two. Several times faster (the verifier hashes every
 * event of the log), because it does only that.
 */
export function canonicalJson(value: unknown): string | undefined {
  if (value && typeof (value as { toJSON?: unknown }).toJSON === 'function')
    value = (value as { toJSON: () => unknown }).toJSON();
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i === 0 ? '' : ',') + (canonicalJson(value[i]) ?? 'null');
    return text + ']';
  }
  const keys = Object.keys(value).sort();
  let text = '{';
  let first = true;
  for (const key of keys) {
    const member = canonicalJson((value as Record<string, unknown>)[key]);
    if (!member) continue;
    text += (first ? '' : ',') + JSON.stringify(key) + ':' + member;
    first = false;
  }
  return text + '}';
}
