import { fakerIT } from '@faker-js/faker';
import { SOURCES } from '../sources/source-registry';
import { makePerson, phoneWritings, type DemoContext } from './demo-kit';

export { phoneWritings } from './demo-kit';

/**
 * Realistic Italian demo data, the same for the same seed: people who wrote through the
 * contact form, chatted with the assistant, booked appointments and chose cookies, with their
 * e-mails and phones written differently from one source to the next, and people with similar
 * names. Records are shaped as the website sends them to the ingestion API, per source
 * (`/api/ingest/<resource>`), in the order of the sources.
 */
export type DemoData = Record<string, object[]>;

/** Each person in turn, each registered source making its records of them (its definition's `demo`). */
export function generateDemoData(people: number, seed = 20261122, now = new Date('2026-11-22T09:00:00Z')): DemoData {
  const f = fakerIT;
  f.seed(seed);
  const makers = SOURCES.flatMap((source) =>
    'of' in source.demo ? [{ resource: source.resource, of: source.demo.of }] : [],
  );
  const data: DemoData = Object.fromEntries(makers.map(({ resource }) => [resource, []]));
  const daysAgo = (max: number) => new Date(now.getTime() - f.number.int({ min: 1, max: max * 24 * 60 }) * 60_000);
  let serial = 0;
  const nextId = (prefix: string) => `${prefix}-${seed}-${++serial}`;

  for (let i = 0; i < people; i++) {
    const person = makePerson(f, i);
    const made = new Map<string, object[]>();
    const context: DemoContext = {
      f,
      person,
      phones: phoneWritings(person.mobile),
      firstSeen: daysAgo(700),
      daysAgo,
      nextId,
      made: (resource) => made.get(resource) ?? [],
    };
    for (const { resource, of } of makers) {
      const records = of(context);
      made.set(resource, records);
      data[resource].push(...records);
    }
  }
  return data;
}

/** A source's demo records, typed as its ingestion DTO (for the tests and the seeder's callers). */
export function demoRecords<T extends object>(data: DemoData, resource: string): T[] {
  return (data[resource] ?? []) as T[];
}
