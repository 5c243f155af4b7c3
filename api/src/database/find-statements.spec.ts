import { FindOperator, In, type ObjectLiteral } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { FindStatements, KEPT_CHARACTERS, LONGEST_KEPT, type BuiltStatement } from './find-statements';

/**
 * What the cache keeps, and how much (the statements themselves are compared with TypeORM's in
 * tests/api/find-statements.test.ts). A stand-in builder: a statement of `padding` characters
 * with one parameter per value of the filter, as TypeORM numbers them.
 */
function builder(padding: number) {
  let builds = 0;
  const build = (options: ObjectLiteral): BuiltStatement => {
    builds++;
    const where = options.where as { email: unknown };
    const values = where.email instanceof FindOperator ? (where.email.value as unknown[]) : [where.email];
    const places = values.map((_, i) => `$${i + 1}`).join(', ');
    return { text: `SELECT * FROM leads WHERE email IN (${places}) /*${'x'.repeat(padding)}*/`, values };
  };
  return { build, builds: () => builds };
}

describe('find statements kept per shape', () => {
  it('keeps a shape once and reuses it with each find’s own values', () => {
    const cache = new FindStatements();
    const { build, builds } = builder(100);
    expect(cache.statement({ where: { email: 'anna@example.it' } }, build)!.values).toEqual(['anna@example.it']);
    expect(cache.statement({ where: { email: 'bruno@example.it' } }, build)!.values).toEqual(['bruno@example.it']);
    expect(builds()).toBe(2); // the first find and its template; the second from the cache
    expect(cache.size).toBe(1);
  });

  it('never keeps a statement longer than LONGEST_KEPT: a filter of many values is built each time', () => {
    const cache = new FindStatements();
    const { build, builds } = builder(LONGEST_KEPT);
    cache.statement({ where: { email: 'anna@example.it' } }, build);
    cache.statement({ where: { email: 'bruno@example.it' } }, build);
    expect(builds()).toBe(3);
    expect(cache.characters).toBeLessThan(1_000);
  });

  it('never keeps a shape whose key is longer than LONGEST_KEPT (thousands of values in a filter)', () => {
    const cache = new FindStatements();
    const { build } = builder(0);
    const many = Array.from({ length: 3_000 }, (_, i) => `person${i}@example.it`);
    const built = cache.statement({ where: { email: In(many) } }, build)!;
    expect(built.values).toEqual(many);
    expect(cache.size).toBe(0);
  });

  it('holds at most its budget of characters, the least recently used shapes dropped first', () => {
    const budget = 50_000;
    const cache = new FindStatements(500, budget);
    const { build } = builder(10_000);
    // A new shape for each number of values in the filter.
    for (let n = 1; n <= 20; n++) {
      cache.statement({ where: { email: In(Array.from({ length: n }, (_, i) => `p${i}@example.it`)) } }, build);
      expect(cache.characters).toBeLessThanOrEqual(budget);
    }
    expect(cache.size).toBe(4);
    // The newest shape is still kept: asked again, it is not built.
    const { build: again, builds } = builder(10_000);
    cache.statement({ where: { email: In(Array.from({ length: 20 }, (_, i) => `q${i}@example.it`)) } }, again);
    expect(builds()).toBe(0);
    expect(KEPT_CHARACTERS).toBeGreaterThan(LONGEST_KEPT * 10);
  });
});
