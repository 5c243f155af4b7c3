import fc from 'fast-check';
import { DataSource, type ObjectLiteral, type Repository } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPage, toWhere } from '../../api/src/common/rest/find-page';
import { parseListQuery, type FieldType, type ListSpec } from '../../api/src/common/rest/list-query';
import { FindStatements, type BuiltStatement } from '../../api/src/database/find-statements';
import { IngestionService } from '../../api/src/ingestion/ingestion.service';
import { storedUnderStopCondition } from '../../api/src/objections/record-stops';
import { DataSubjectRequest } from '../../api/src/requests/request.entity';
import { RequestEvent } from '../../api/src/requests/request-event.entity';
import { REQUEST_EVENTS_LIST, REQUESTS_LIST } from '../../api/src/requests/requests.list';
import { seedDemoData } from '../../api/src/seed/demo-seeder';
import { Lead } from '../../api/src/sources/leads/lead.entity';
import { SOURCES } from '../../api/src/sources/source-registry';
import { User } from '../../api/src/users/user.entity';
import { USERS_LIST } from '../../api/src/users/users.list';
import { startTestConsole, type TestConsole } from '../support/test-console';

/**
 * The lists' statements are built by TypeORM once per shape of find and reused with each find's
 * own values (find-statements.ts, issue 24): for any list query, the statement and its
 * parameters must be exactly what TypeORM builds for it; a wrong parameter in a place would
 * show one person's records for another's filter.
 */
describe('find statements: built once per shape, exactly as TypeORM builds each', () => {
  let c: TestConsole;
  let dataSource: DataSource;

  beforeAll(async () => {
    c = await startTestConsole();
    dataSource = c.running.app.get(DataSource);
    await seedDemoData(c.running.app.get(IngestionService), 6);
  });
  afterAll(() => c?.close());

  /** What TypeORM builds for a find, as findRows asks for it. */
  const typeormBuilds =
    (repository: Repository<ObjectLiteral>) =>
    (options: ObjectLiteral): BuiltStatement => {
      const [text, values] = repository
        .createQueryBuilder(repository.metadata.name)
        .setFindOptions(options)
        .getQueryAndParameters();
      return { text, values };
    };

  /** A value the list contract accepts for a field of this type, or text it may refuse. */
  const valueOf = (type: FieldType): fc.Arbitrary<unknown> => {
    if (typeof type === 'object') return fc.constantFrom(...type.enum);
    switch (type) {
      case 'uuid':
        return fc.uuid();
      case 'integer':
        return fc.integer({ min: -5, max: 100_000 });
      case 'boolean':
        return fc.boolean();
      case 'datetime':
        return fc
          .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString());
      case 'date':
        return fc
          .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10));
      default:
        // JavaScript's own property names and control characters among them.
        return fc.oneof(
          fc.string(),
          fc.constantFrom('__proto__', 'constructor', 'toString', 'a\u0000b', '%_\\', '\uE000'),
        );
    }
  };

  /** A raw ra-data-simple-rest filter on the spec's fields: equal, one of, a bound, null, and the search. */
  const rawFilter = (spec: ListSpec) => {
    const fields = Object.entries(spec.fields);
    const condition = fc.constantFrom(...fields).chain(([field, type]) =>
      fc.oneof(
        valueOf(type).map((v) => [field, v] as const),
        fc.array(valueOf(type), { minLength: 0, maxLength: 3 }).map((vs) => [field, vs] as const),
        valueOf(type).map((v) => [`${field}_gte`, v] as const),
        valueOf(type).map((v) => [`${field}_lte`, v] as const),
        fc.constant([field, null] as const),
      ),
    );
    return fc.record({
      conditions: fc.array(condition, { maxLength: 4 }),
      q: fc.option(fc.oneof(fc.string(), fc.constantFrom('anna', '__proto__', '%')), { nil: undefined }),
      sort: fc.tuple(fc.constantFrom(...Object.keys(spec.fields)), fc.constantFrom('ASC', 'DESC')),
      range: fc.tuple(fc.nat({ max: 60 }), fc.integer({ min: 1, max: 30 })),
    });
  };

  const LISTS: Array<[ListSpec, () => Repository<ObjectLiteral>]> = [
    [REQUESTS_LIST, () => dataSource.getRepository<ObjectLiteral>(DataSubjectRequest)],
    [REQUEST_EVENTS_LIST, () => dataSource.getRepository<ObjectLiteral>(RequestEvent)],
    [USERS_LIST, () => dataSource.getRepository<ObjectLiteral>(User)],
    ...SOURCES.map((s): [ListSpec, () => Repository<ObjectLiteral>] => [
      s.list,
      () => dataSource.getRepository<ObjectLiteral>(s.entity),
    ]),
  ];

  it('answers every list query the statement and parameters TypeORM builds for it, reusing each shape', () => {
    for (const [spec, repositoryOf] of LISTS) {
      const repository = repositoryOf();
      const statements = new FindStatements();
      let builds = 0;
      let asked = 0;
      const counted = (options: ObjectLiteral) => {
        builds++;
        return typeormBuilds(repository)(options);
      };
      fc.assert(
        fc.property(rawFilter(spec), ({ conditions, q, sort, range }) => {
          const filter: Record<string, unknown> = Object.fromEntries(conditions);
          if (q !== undefined) filter.q = q;
          let parsed;
          try {
            parsed = parseListQuery(spec, {
              filter: JSON.stringify(filter),
              sort: JSON.stringify(sort),
              range: JSON.stringify([range[0], range[0] + range[1] - 1]),
            });
          } catch {
            return; // refused by the list contract: no statement is built for it
          }
          const options = {
            where: toWhere(parsed, spec.searchable),
            order: {
              [parsed.sort.field]: parsed.sort.order,
              ...(parsed.sort.field === 'id' ? {} : { id: parsed.sort.order }),
            },
            skip: parsed.range?.skip ?? 0,
            take: parsed.range?.take,
          };
          // Three times: the second and third of the same shape come from the cache.
          for (let i = 0; i < 3; i++) {
            asked++;
            expect(statements.statement(options, counted)).toEqual(typeormBuilds(repository)(options));
          }
        }),
        { numRuns: 60 },
      );
      // Each shape built twice (the find, and its markers) when first asked, never again.
      expect(statements.size, spec.resource).toBeGreaterThan(0);
      expect(builds, spec.resource).toBe(2 * statements.size);
      expect(asked, spec.resource).toBeGreaterThan(builds);
    }
  });

  it('builds with TypeORM each time what it cannot reuse: a Raw condition, or a shape whose markers did not come back', () => {
    const repository = dataSource.getRepository<ObjectLiteral>(Lead);
    const statements = new FindStatements();
    let builds = 0;
    const raw = { where: { id: storedUnderStopCondition('leads', true), email: 'a@example.org' }, take: 5 };
    for (let i = 0; i < 3; i++)
      expect(
        statements.statement(raw, (o) => {
          builds++;
          return typeormBuilds(repository)(o);
        }),
      ).toEqual(typeormBuilds(repository)(raw));
    expect(builds).toBe(3);
    // A build that changes its parameters (as a transformer would) is not reused: the markers do not come back.
    const shouting = (o: ObjectLiteral) => {
      builds++;
      const built = typeormBuilds(repository)(o);
      return { text: built.text, values: built.values.map((v) => (typeof v === 'string' ? v.toUpperCase() : v)) };
    };
    builds = 0;
    for (const email of ['anna@example.org', 'bruno@example.org', 'carla@example.org']) {
      const options = { where: { email }, take: 5 };
      expect(statements.statement(options, shouting)).toEqual(shouting(options));
    }
    // Three asks, each built for itself (the first also with its markers) and once more by the test.
    expect(builds).toBe(2 + 1 + 2 + 2);
    // Nor one whose values change on the way while the markers come back (a transformer of numbers).
    const inCents = (o: ObjectLiteral) => {
      builds++;
      const built = typeormBuilds(repository)(o);
      return { text: built.text, values: built.values.map((v) => (typeof v === 'number' ? v * 100 : v)) };
    };
    builds = 0;
    for (const amount of [42, 43, 44]) {
      const options = { where: { email: amount }, take: 5 };
      expect(statements.statement(options, inCents)).toEqual({ text: expect.any(String), values: [amount * 100] });
    }
    expect(builds).toBe(2 + 1 + 1);
  });

  it('reads each person’s leads for their own filter, the same shape reused for the next person', async () => {
    const leads = dataSource.getRepository(Lead);
    const emails = [...new Set((await leads.find({ order: { id: 'ASC' } })).map((l) => l.email as string))].slice(0, 3);
    expect(emails.length).toBeGreaterThanOrEqual(2);
    const spec = SOURCES.find((s) => s.entity === Lead)!;
    const pages: unknown[][] = [];
    for (const email of emails) {
      const parsed = parseListQuery(spec.list, { filter: JSON.stringify({ email }) });
      const page = await findPage(leads, parsed, spec.list.searchable);
      expect(page.rows.length).toBeGreaterThan(0);
      // Every lead of this person, and no one else's.
      expect(page.rows.every((row) => row.email === email)).toBe(true);
      expect(page.rows.map((row) => row.id).sort()).toEqual(
        (await leads.find({ where: { email } })).map((row) => row.id).sort(),
      );
      pages.push(page.rows.map((row) => row.id));
    }
    // The second person's page shares nothing with the first's.
    expect(pages[1].some((id) => pages[0].includes(id))).toBe(false);
  });
});
