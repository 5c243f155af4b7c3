import fc from 'fast-check';
import stableStringify from 'json-stable-stringify';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

/** Keys that JavaScript gives a meaning of its own, and characters JSON must escape. */
const awkwardKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'toJSON',
  '',
  '\u0000',
  '\u2028',
  '"',
  '\\',
  'é',
  'B',
  'a',
  '10',
  '9',
);

const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('array'), tie('object')),
  leaf: fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ noInvalidDate: false }),
    fc.constant(() => 'a function'),
    fc.constant({ toJSON: () => ({ b: 1, a: [undefined, 2] }) }),
  ),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(fc.oneof(awkwardKey, fc.string({ unit: 'binary', maxLength: 6 })), tie('value'), {
    maxKeys: 6,
  }),
}));

describe('canonicalJson', () => {
  it('writes what json-stable-stringify wrote, for any value (the audit chain hashes this text)', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(stableStringify(v));
      }),
      { numRuns: 3000 },
    );
  });

  it('sorts keys by UTF-16 code units at every depth, and leaves undefined out of objects only', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [undefined, 'x'] }, B: null, é: 2 })).toBe(
      '{"B":null,"a":{"c":[null,"x"]},"b":1,"é":2}',
    );
    expect(canonicalJson({ at: new Date(Date.UTC(2026, 11, 4)) })).toBe('{"at":"2026-12-04T00:00:00.000Z"}');
    expect(canonicalJson(undefined)).toBeUndefined();
  });
});
