import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparedQuery, preparedQueryIn, type PreparedStatement } from '../../api/src/database/prepared-query';
import { startTestConsole, type TestConsole } from '../support/test-console';

/**
 * Named statements, on the server and on the embedded database: `preparedQueryIn` runs on the
 * transaction's own connection (it sees what the transaction wrote and nobody else has yet), is
 * prepared once and reused, and refuses to run outside a transaction, where `preparedQuery` is
 * the one to use.
 */
describe('named statements inside a transaction', () => {
  let c: TestConsole;
  let dataSource: DataSource;
  const SUPPRESSED: PreparedStatement = {
    name: 'test.suppressed-by-hash',
    text: 'SELECT hash, kind FROM suppressed_identifiers WHERE hash = ANY($1::text[]) ORDER BY hash',
  };
  const mine = 'test-prepared-mine-' + Date.now();
  const other = 'test-prepared-other-' + Date.now();

  beforeAll(async () => {
    c = await startTestConsole();
    dataSource = c.running.app.get(DataSource);
  });
  afterAll(() => c?.close());

  it("sees the transaction's own uncommitted rows, and what it rolls back is gone for everyone", async () => {
    const insert = `INSERT INTO suppressed_identifiers (hash, kind) VALUES ($1, 'email')`;
    await dataSource
      .transaction(async (manager) => {
        await manager.query(insert, [mine]);
        // Twice: the second run reuses the statement prepared on this connection.
        for (let i = 0; i < 2; i++)
          expect(await preparedQueryIn(manager, SUPPRESSED, [[mine, other]])).toEqual([{ hash: mine, kind: 'email' }]);
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    expect(await preparedQuery(dataSource, SUPPRESSED, [[mine, other]])).toEqual([]);
  });

  it('refuses to run outside a transaction', async () => {
    await expect(preparedQueryIn(dataSource.manager, SUPPRESSED, [[mine]])).rejects.toThrow(
      'test.suppressed-by-hash must run inside a transaction',
    );
  });
});
