import type { DataSource } from 'typeorm';

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
export async function tryRunLock(dataSource: DataSource, embedded: boolean, namespace: number, name: string): Promise<RunLock | null> {
  const key = `${namespace}:${name}`;
  if (embedded) {
    if (heldInProcess.has(key)) return null;
    heldInProcess.add(key);
    return { release: async () => void heldInProcess.delete(key) };
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  let locked = false;
  try {
    const [row] = await runner.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [namespace, name]);
    locked = row.locked === true;
  } finally {
    if (!locked) await runner.release();
  }
  if (!locked) return null;
  return {
    async release() {
      try {
        await runner.query('SELECT pg_advisory_unlock($1, hashtext($2))', [namespace, name]);
      } catch {
        // A broken connection has lost the lock already.
      } finally {
        await runner.release();
      }
    },
  };
}
