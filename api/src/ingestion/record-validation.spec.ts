import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IngestLeadDto } from '../sources/leads/leads.ingestion';
import { RECORD_OPTIONS, recordProblems } from './record-validation';

const VALID = {
  externalId: 'lead-1',
  email: 'mario.rossi@example.it',
  firstName: 'Mario',
  submittedAt: '2026-11-22T10:14:58Z',
};

/** The fields and problems of a record, as recordProblems answers and as class-validator does. */
async function bothAnswers(plain: object) {
  const problems = async (errors: Promise<Array<{ property: string; constraints?: object }>>) =>
    (await errors).map((e) => [e.property, Object.keys(e.constraints ?? {}).sort()]).sort();
  return {
    compiled: await problems(recordProblems(plainToInstance(IngestLeadDto, plain), IngestLeadDto)),
    reference: await problems(validate(plainToInstance(IngestLeadDto, plain) as object, RECORD_OPTIONS)),
  };
}

const anyValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', ' ', 'not an e-mail', 'a@b.it', '2026-02-30', 'x'.repeat(400)),
  fc.integer(),
  fc.constant(null),
  fc.boolean(),
);

describe('recordProblems: the compiled checks answer as class-validator', () => {
  it('passes a valid record, and refuses one without its e-mail', async () => {
    expect(await bothAnswers(VALID)).toEqual({ compiled: [], reference: [] });
    const { compiled } = await bothAnswers({ ...VALID, email: undefined });
    expect(compiled.map(([field]) => field)).toEqual(['email']);
  });

  it('agrees on any field, known or not, and any value (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.oneof(
            fc.constantFrom('email', 'phone', 'firstName', 'submittedAt', 'externalId', 'utmSource'),
            fc.string(),
          ),
          anyValue,
          { maxKeys: 4 },
        ),
        async (changes) => {
          const { compiled, reference } = await bothAnswers({ ...VALID, ...changes });
          expect(compiled).toEqual(reference);
        },
      ),
      { numRuns: 300 },
    );
  });
});
