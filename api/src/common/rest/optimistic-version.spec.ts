import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VersionField } from './optimistic-version';

class Change {
  @VersionField() version?: number;
}

const problems = async (body: Record<string, unknown>) =>
  (await validate(plainToInstance(Change, body))).map((e) => e.property);

describe('VersionField', () => {
  it('takes a whole number, or nothing', async () => {
    for (const body of [{}, { version: 1 }, { version: 0 }, { version: 2_147_483_647 }])
      expect(await problems(body), JSON.stringify(body)).toEqual([]);
  });

  it('refuses anything else that would skip the check', async () => {
    for (const version of ['abc', '3', '', null, true, 1.5, -1, Number.MAX_VALUE, Number.NaN, { valueOf: 1 }, [3]]) {
      expect(await problems({ version }), JSON.stringify(version)).toEqual(['version']);
    }
  });

  it('refuses every non-integer JSON value (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue().filter((v) => !(typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 2_147_483_647)),
        async (version) => {
          expect(await problems({ version })).toEqual(['version']);
        },
      ),
      { numRuns: 300 },
    );
  });
});
