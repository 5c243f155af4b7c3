import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  /** A postgres:// URL that pg (and so TypeORM) connects to. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite on `<dataDir>/pgdata` and serves it over the Postgres wire protocol on a
 * loopback port, so that the app talks to it exactly as to a real server. PGlite is one
 * database session: callers must use a pool of one connection (see DESIGN.md).
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const pgdata = join(dataDir, 'pgdata');
  mkdirSync(pgdata, { recursive: true });
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
    },
  };
}
