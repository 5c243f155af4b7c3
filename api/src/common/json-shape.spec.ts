import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JSON_LIMITS, jsonShapeProblem, type JsonLimits } from './json-shape';

const bytes = (text: string) => Buffer.from(text, 'utf8');

/** The shape of a parsed value, counted the plain way. */
function shapeOf(value: unknown, depth = 0, out = { fields: 0, fieldsPerObject: 0, depth: 0 }) {
  if (value !== null && typeof value === 'object') {
    out.depth = Math.max(out.depth, depth + 1);
    const entries = Array.isArray(value) ? value.map((v) => ['', v] as const) : Object.entries(value);
    if (!Array.isArray(value)) {
      out.fields += entries.length;
      out.fieldsPerObject = Math.max(out.fieldsPerObject, entries.length);
    }
    for (const [, v] of entries) shapeOf(v, depth + 1, out);
  }
  return out;
}

describe('jsonShapeProblem', () => {
  it('lets ordinary bodies through', () => {
    expect(jsonShapeProblem(bytes('{"email":"a@b.c","password":"x: {[\\"]}"}'))).toBeNull();
    expect(jsonShapeProblem(bytes('[{"a":1},{"b":[1,2,{"c":"é:中文🙂{"}]}]'))).toBeNull();
    expect(jsonShapeProblem(bytes(''))).toBeNull();
  });

  it('refuses an object of too many fields, too many fields in all, and deep nesting', () => {
    const wide = `{${Array.from({ length: JSON_LIMITS.fieldsPerObject + 1 }, (_, i) => `"k${i}":0`).join(',')}}`;
    expect(jsonShapeProblem(bytes(wide))).toMatchObject({
      status: 413,
      message: expect.stringMatching(/more than 1000 fields/),
    });
    const many = `[${Array.from({ length: JSON_LIMITS.fields / 50 + 1 }, () => `{${Array.from({ length: 50 }, (_, i) => `"k${i}":0`).join(',')}}`).join(',')}]`;
    expect(jsonShapeProblem(bytes(many))).toMatchObject({
      status: 413,
      message: expect.stringMatching(/fields in all/),
    });
    expect(jsonShapeProblem(bytes('['.repeat(33) + ']'.repeat(33)))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/32 deep/),
    });
    expect(jsonShapeProblem(bytes('{"a":'.repeat(33) + '1' + '}'.repeat(33)))).toMatchObject({ status: 400 });
    expect(jsonShapeProblem(bytes('['.repeat(32) + ']'.repeat(32)))).toBeNull();
  });

  it('does not count colons, brackets or escaped quotes inside strings', () => {
    const limits = { fieldsPerObject: 1, fields: 1, depth: 1 };
    expect(jsonShapeProblem(bytes('{"a":"::{{[[\\"::"}'), limits)).toBeNull();
    expect(jsonShapeProblem(bytes('{"a\\\\":"\\\\"}'), limits)).toBeNull();
  });

  it('refuses 200,000 fields in a few milliseconds', () => {
    const hostile = bytes(`{${Array.from({ length: 200_000 }, (_, i) => `"k${i}":0`).join(',')}}`);
    const started = performance.now();
    expect(jsonShapeProblem(hostile)).not.toBeNull();
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('agrees with the parsed value on any JSON: passes at its exact shape, refuses one below', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const text = bytes(JSON.stringify(value));
        const shape = shapeOf(value);
        const exact: JsonLimits = { fieldsPerObject: shape.fieldsPerObject, fields: shape.fields, depth: shape.depth };
        expect(jsonShapeProblem(text, exact)).toBeNull();
        if (shape.fieldsPerObject > 0)
          expect(jsonShapeProblem(text, { ...exact, fieldsPerObject: shape.fieldsPerObject - 1 })).not.toBeNull();
        if (shape.fields > 0) expect(jsonShapeProblem(text, { ...exact, fields: shape.fields - 1 })).not.toBeNull();
        if (shape.depth > 0) expect(jsonShapeProblem(text, { ...exact, depth: shape.depth - 1 })).not.toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});
