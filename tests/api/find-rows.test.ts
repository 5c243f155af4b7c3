import { DataSource, MoreThanOrEqual, type ObjectLiteral } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../../api/src/audit/audit-event.entity';
import { ENTITIES } from '../../api/src/database/entities';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { RawSqlResultsToEntityTransformer } from 'typeorm/query-builder/transformer/RawSqlResultsToEntityTransformer';
import { entitiesFromRows, findRows, readsAsArrays } from '../../api/src/database/find-rows';
import { IngestionService } from '../../api/src/ingestion/ingestion.service';
import { DataSubjectRequest } from '../../api/src/requests/request.entity';
import { RequestEvent } from '../../api/src/requests/request-event.entity';
import { seedDemoData } from '../../api/src/seed/demo-seeder';
import { SOURCES } from '../../api/src/sources/source-registry';
import { User } from '../../api/src/users/user.entity';
import { startTestConsole, type TestConsole } from '../support/test-console';

/**
 * The lists read their pages with findRows (rows as arrays, hydrated as TypeORM hydrates them):
 * every entity of the console, read both ways, must come out the same, types, decrypted tokens
 * and the entity's class included (issue 24: no behaviour change).
 */
describe('findRows answers what repository.find answers', () => {
  let c: TestConsole;
  let dataSource: DataSource;

  beforeAll(async () => {
    c = await startTestConsole();
    const token = await c.login();
    dataSource = c.running.app.get(DataSource);
    await seedDemoData(c.running.app.get(IngestionService), 6);
    for (const [type, email] of [
      ['access', 'anna.verdi@example.it'],
      ['erasure', 'bruno.neri@example.it'],
    ]) {
      const created = await c.api('/api/requests', {
        method: 'POST',
        token,
        body: {
          type,
          channel: 'email',
          receivedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
          subjectName: 'Anna Verdi',
          subjectEmail: email,
        },
      });
      expect(created.status).toBe(201);
    }
    // A read, so that the audit log holds events with details.
    expect((await c.api('/api/leads?range=[0,4]', { token })).status).toBe(200);
  });
  afterAll(() => c?.close());

  it('reads every entity with rows exactly as find() does, in the same order', async () => {
    let compared = 0;
    for (const entity of ENTITIES) {
      const repository = dataSource.getRepository<ObjectLiteral>(entity);
      const order = Object.fromEntries(
        repository.metadata.primaryColumns.map((column) => [column.propertyName, 'DESC']),
      );
      const options = { order, skip: 0, take: 40 };
      const expected = await repository.find(options);
      const name = repository.metadata.tableName;
      expect(await findRows(repository, options), name).toStrictEqual(expected);
      if (expected.length > 0) compared++;
    }
    // The demo people's sources, the requests and their timeline, users, audit events and the registers at least.
    expect(compared).toBeGreaterThanOrEqual(SOURCES.length + 6);
  });

  it('reads the lists’ entities as arrays, with a filter, an order and a range', async () => {
    for (const entity of [DataSubjectRequest, RequestEvent, AuditEvent, User, ...SOURCES.map((s) => s.entity)]) {
      const repository = dataSource.getRepository<ObjectLiteral>(entity);
      const options = { order: { id: 'ASC' as const }, skip: 1, take: 3 };
      expect(readsAsArrays(repository, options), repository.metadata.tableName).toBe(true);
      expect(await findRows(repository, options)).toStrictEqual(await repository.find(options));
    }
    const requests = dataSource.getRepository(DataSubjectRequest);
    const filtered = { where: { dueDate: MoreThanOrEqual('2000-01-01') }, order: { receivedAt: 'DESC' as const } };
    const rows = await findRows(requests, filtered);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toBeInstanceOf(DataSubjectRequest);
    // A `date` column is the calendar day as text, a timestamp a Date, as TypeORM answers them.
    expect(rows[0].dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rows[0].receivedAt).toBeInstanceOf(Date);
    expect(rows).toStrictEqual(await requests.find(filtered));
  });

  it('leaves to TypeORM what it answers with more than the row, and a find inside a transaction', async () => {
    const events = dataSource.getRepository(RequestEvent);
    // A request's event names its request (a relation TypeORM joins when asked for).
    expect(events.metadata.relations.length).toBeGreaterThan(0);
    const withRelation = { relations: [events.metadata.relations[0].propertyName], take: 2 };
    expect(readsAsArrays(events, withRelation)).toBe(false);
    expect(await findRows(events, withRelation)).toStrictEqual(await events.find(withRelation));
    expect(readsAsArrays(events, { select: { id: true }, take: 2 })).toBe(false);
    await dataSource.transaction(async (manager) => {
      const inTransaction = manager.getRepository(RequestEvent);
      expect(readsAsArrays(inTransaction, { take: 2 })).toBe(false);
      expect(await findRows(inTransaction, { take: 2 })).toHaveLength(2);
    });
  });

  it('makes entities of rows read as objects as TypeORM does, one per primary key (loadByIds, the search)', async () => {
    const driver = dataSource.driver as PostgresDriver;
    let compared = 0;
    for (const entity of ENTITIES) {
      const repository = dataSource.getRepository<ObjectLiteral>(entity);
      const builder = repository.createQueryBuilder('row').limit(40);
      const raw = await builder.getRawMany<ObjectLiteral>();
      // Rows given twice (a join would repeat them): TypeORM keeps the first of each primary key.
      const rows = [...raw, ...raw.slice(0, 3).map((row) => ({ ...row }))];
      const typeorm = new RawSqlResultsToEntityTransformer(builder.expressionMap, driver, [], [], undefined);
      const expected = typeorm.transform(rows, builder.expressionMap.mainAlias!);
      const name = repository.metadata.tableName;
      expect(entitiesFromRows(repository.metadata, driver, 'row', rows), name).toStrictEqual(expected);
      expect(expected, name).toHaveLength(raw.length);
      // A column the rows do not hold is left as the entity has it, not made null.
      const column = repository.metadata.columns.find((c) => !c.isPrimary)!;
      const key = `row_${column.databaseName}`;
      const partial = raw.map(({ [key]: _left, ...row }) => row);
      expect(entitiesFromRows(repository.metadata, driver, 'row', partial), name).toStrictEqual(
        typeorm.transform(partial, builder.expressionMap.mainAlias!),
      );
      if (raw.length > 0) compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(SOURCES.length + 6);
  });

  it('reports a failed statement as TypeORM does, and reads nothing', async () => {
    const requests = dataSource.getRepository(DataSubjectRequest);
    // A day PostgreSQL cannot read: the driver's error, wrapped as TypeORM wraps it.
    await expect(findRows(requests, { where: { dueDate: 'not a day' } })).rejects.toMatchObject({
      name: 'QueryFailedError',
      driverError: expect.objectContaining({ code: '22007' }),
    });
  });
});
