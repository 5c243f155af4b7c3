import { DataSource } from 'typeorm';
import type { PoolClient } from 'pg';
import { open } from '../api/src/common/crypto/secret-box';
import { loadConfig } from '../api/src/config/config';
import { dataSourceOptions } from '../api/src/database/data-source';
import type { PreparedStatement } from '../api/src/database/prepared-query';
import { classifyQuery } from '../api/src/subjects/identifiers';
import { searchParametersFor, subjectSearchStatement } from '../api/src/subjects/search-statement';

/**
 * The search's floor: the console's own search statement (`search-statement.ts`), prepared once
 * and run with the parameters the console gives it, on a bare pg client (one of a pool made as
 * the console makes its own, so with the same session settings): what the database does for a
 * search, without HTTP, the framework, the session, the audit or the attribution. `url`: the
 * console's database, which must have been searched once (that makes the suppression key,
 * opened here with `encryptionKey` as the console opens it).
 */
export async function searchFloor(url: string, encryptionKey: string): Promise<SearchFloor> {
  // One connection: the embedded database takes one at a time.
  const dataSource = new DataSource(dataSourceOptions(url, 1));
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  const close = async () => {
    await runner.release();
    await dataSource.destroy();
  };
  try {
    const { statement, parametersOf } = await searchStatementOf(dataSource, encryptionKey);
    const db = (await runner.connect()) as PoolClient;
    return {
      search: async (query) => {
        await db.query({ name: statement.name, text: statement.text, values: await parametersOf(query) });
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

export interface SearchFloor {
  search(query: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The console's search statement for `dataSource`'s database, and the parameters the console
 * gives it for a query (the suppression key read and opened as the console does).
 */
export async function searchStatementOf(
  dataSource: DataSource,
  encryptionKey: string,
): Promise<{ statement: PreparedStatement; parametersOf: (query: string) => Promise<unknown[]> }> {
  const statement = subjectSearchStatement(dataSource);
  const { controllerDomains } = loadConfig({
    ...process.env,
    DATABASE_URL: 'postgres://unused',
    ENCRYPTION_KEY: encryptionKey,
  });
  const rows = await dataSource.query<Array<{ sealed: Buffer }>>(
    `SELECT sealed FROM data_keys WHERE name = 'suppression'`,
  );
  if (!rows[0]) throw new Error('the console has not searched this database yet: no suppression key');
  const key = Buffer.from(open(Buffer.from(encryptionKey, 'hex'), rows[0].sealed), 'hex');
  return {
    statement,
    parametersOf: (query) => {
      const typed = query.trim();
      return searchParametersFor(classifyQuery(typed)!, typed, controllerDomains, () => Promise.resolve(key));
    },
  };
}
