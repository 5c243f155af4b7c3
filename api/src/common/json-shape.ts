/**
 * How much structure a JSON body may have, checked on its raw bytes before it is parsed.
 *
 * Parsing is linear, but what comes after is not: class-transformer (the validation pipe's
 * plainToInstance) costs time in the square of an object's field count, during which the whole
 * console waits (the event loop is busy; figures in docs/performance.md, "Request bodies"). Deep nesting costs recursion in the reviver, the transformer and the
 * validator. No body the console takes comes near these limits: the largest object of a DTO has
 * about 20 fields, a full ingestion batch (1,000 records) has about 30,000 fields in all, and
 * nothing nests deeper than 5.
 */
export const JSON_LIMITS = {
  /** Fields of one object. */
  fieldsPerObject: 1_000,
  /** Fields in the whole body, every object together. */
  fields: 100_000,
  /** Objects and arrays inside each other. */
  depth: 32,
} as const;

export type JsonLimits = { fieldsPerObject: number; fields: number; depth: number };

export interface JsonShapeProblem {
  /** 413 for too many fields (too much to take), 400 for nesting (not a shape the console takes). */
  status: 400 | 413;
  message: string;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/**
 * Counts the fields (a `:` outside strings) of each object, the fields in all and the nesting,
 * in one pass over UTF-8 bytes (no byte of a multi-byte character is ASCII, so none is taken
 * for a quote or a bracket), and stops at the first limit passed. Malformed JSON is left to the
 * parser: this only has to be right, and bounded, for what the parser would accept.
 */
export function jsonShapeProblem(bytes: Uint8Array, limits: JsonLimits = JSON_LIMITS): JsonShapeProblem | null {
  const perLevel = new Int32Array(limits.depth + 2);
  let depth = 0;
  let fields = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
      continue;
    }
    if (b === QUOTE) {
      inString = true;
    } else if (b === COLON) {
      if (++perLevel[depth] > limits.fieldsPerObject) {
        return { status: 413, message: `The request body has an object of more than ${limits.fieldsPerObject} fields` };
      }
      if (++fields > limits.fields) {
        return { status: 413, message: `The request body has more than ${limits.fields} fields in all` };
      }
    } else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
      if (++depth > limits.depth) {
        return { status: 400, message: `The request body nests objects and arrays more than ${limits.depth} deep` };
      }
      perLevel[depth] = 0;
    } else if ((b === CLOSE_OBJECT || b === CLOSE_ARRAY) && depth > 0) {
      depth--;
    }
  }
  return null;
}
