import type { DataSource, QueryRunner } from 'typeorm';
import { queryRow } from './sql-rows';

/** Names in-process locks of the embedded database (one process, one session: no server lock to take). */
const heldInProcess = new Set<string>();

export interface RunLock {
  release(): Promise<void>;
}

/**
 * One run at a time of a long job (an erasure, a sweep) across every instance of the console:
 * on a server, `pg_try_advisory_lock` on a connection of its own, held for the whole run, which
 * PostgreSQL lets go of when the process dies, so a crashed run never blocks the next one. The
 * embedded database serves one process (it holds a pid lock): an in-process guard is enough.
 * Answers null when another run holds it.
 */
export async function tryRunLock(
  dataSource: DataSource,
  embedded: boolean,
  namespace: number,
  name: string,
): Promise<RunLock | null> {
  const key = `${namespace}:${name}`;
  if (embedded) {
    if (heldInProcess.has(key)) return null;
    heldInProcess.add(key);
    return { release: () => Promise.resolve(void heldInProcess.delete(key)) };
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  let locked: boolean;
  try {
    const row = await queryRow<{ locked: boolean }>(runner, 'SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [
      namespace,
      name,
    ]);
    locked = row?.locked === true;
  } catch (error) {
    // Whether the lock was taken is unknown: the connection must not go back to the pool.
    await releaseLockConnection(runner, error);
    throw error;
  }
  if (!locked) {
    await runner.release();
    return null;
  }
  return {
    async release() {
      let failure: unknown;
      try {
        await runner.query('SELECT pg_advisory_unlock($1, hashtext($2))', [namespace, name]);
      } catch (error) {
        failure = error;
      } finally {
        await releaseLockConnection(runner, failure);
      }
    },
  };
}

/**
 * Gives a lock's connection back to the pool or, after `error` (its unlock failed, or its lock
 * query did not answer), has the pool close it instead: a session-level advisory lock lives as
 * long as its session, so a pooled connection still holding it would keep every later run out
 * (and hand it to whichever caller gets that connection, the locks being re-entrant). Closing
 * the connection is what surely lets the lock go; a broken one has lost it already.
 */
export async function releaseLockConnection(runner: QueryRunner, error?: unknown): Promise<void> {
  if (error === undefined) return runner.release();
  // PostgresQueryRunner's own release, with the error passed on to pg-pool, which then destroys
  // the client (typed private by TypeORM; release() takes no error).
  const postgres = runner as unknown as { releasePostgresConnection(err?: Error): Promise<void> };
  await postgres.releasePostgresConnection(
    error instanceof Error ? error : new Error('the lock connection failed', { cause: error }),
  );
}
