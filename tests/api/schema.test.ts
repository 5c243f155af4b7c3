import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../support/test-console';

describe('schema', () => {
  let c: TestConsole;
  beforeAll(async () => {
    c = await startTestConsole();
  });
  afterAll(() => c?.close());

  it('comes from the migrations, which ran at start, and matches the entities exactly', async () => {
    const dataSource = c.running.app.get(DataSource);
    expect(await dataSource.showMigrations()).toBe(false);
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM migrations');
    expect(count).toBe(dataSource.migrations.length);
    // What `npm run migration:generate` would write: nothing, or an entity lacks its migration.
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    expect(upQueries.map((q) => q.query)).toEqual([]);
  });

  it('uses a pool of one connection on the embedded database', () => {
    const dataSource = c.running.app.get(DataSource);
    const expected = c.database === 'embedded' ? 1 : 10;
    expect((dataSource.driver as unknown as { master: { options: { max: number } } }).master.options.max).toBe(
      expected,
    );
  });
});
