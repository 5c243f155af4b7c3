import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer, type PGLiteSocketHandler } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  /** A postgres:// URL that pg (and so TypeORM) connects to. */
  url: string;
  stop(): Promise<void>;
  /**
   * Closes every client connection from the database's side, as a restart of a database server
   * would (an open transaction is rolled back), but the PGlite session behind them stays as it
   * was: its prepared statements, settings and locks. The server keeps listening. For the tests
   * of tests/api/connection-resilience.test.ts.
   */
  dropConnections(): Promise<void>;
}

/**
 * Starts PGlite on `<dataDir>/pgdata` and serves it over the Postgres wire protocol on a
 * loopback port, so that the app talks to it exactly as to a real server. PGlite is one
 * database session: callers must use a pool of one connection (see DESIGN.md).
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const pgdata = join(dataDir, 'pgdata');
  mkdirSync(pgdata, { recursive: true });
  const holder = embeddedLockHolder(dataDir);
  if (holder && holder !== process.pid)
    throw new Error(
      `Another console (process ${holder}) is using ${dataDir}: the embedded database has one user at a time`,
    );
  writeFileSync(lockFile(dataDir), String(process.pid));
  const db = await PGlite.create(pgdata);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  let stopped = false;
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      rmSync(lockFile(dataDir), { force: true });
    },
    async dropConnections() {
      // What server.stop() does to its clients; pglite-socket has no public way to do it alone.
      const handlers = (server as unknown as { handlers?: Set<PGLiteSocketHandler> }).handlers;
      if (!(handlers instanceof Set))
        throw new Error('@electric-sql/pglite-socket changed: its server has no handlers to drop');
      const dropped = [...handlers];
      handlers.clear();
      await Promise.all(dropped.map((handler) => handler.detach(true)));
    },
  };
}

const lockFile = (dataDir: string) => join(dataDir, 'embedded.pid');

/** The live process using the embedded database in `dataDir`, if any (a stale lock of a dead process is ignored). */
export function embeddedLockHolder(dataDir: string): number | null {
  const file = lockFile(dataDir);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}
