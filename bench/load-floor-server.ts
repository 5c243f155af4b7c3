import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../api/src/database/data-source';
import { OFFICER_LISTS, runListFloor } from './dataset';
import { searchStatementOf } from './search-floor';

/**
 * The floors of `bench:load`: a bare node:http server, in a process of its own as the console is,
 * with no framework, ORM, validation, guard or log. What the console costs above it is its own.
 *
 * - `/`: a page of requests, six columns, after three round trips (the session looked up in the
 *   database, the page, an unbounded count): the floor of issue 24 as it was filed.
 * - `/every-column`: the same, the page in the console's order with every column.
 * - `/lists/<n>?params=<JSON>`: the page of `OFFICER_LISTS[n]` as bench:search's floor runs it
 *   (every column, the count the console makes, a source's processing stops of the page), then
 *   one audit row: the database's work for that list in the console.
 * - `/search?q=`: the console's search statement with its parameters, then one audit row.
 *
 * The audit rows go into `bench_floor_audit`, made like the audit inbox (the same indexes and
 * WAL) and emptied when the server starts, so that the console's log holds none of them. A session token is looked up in the
 * database once, then known, as the console's session cache knows it.
 *
 *   DATABASE_URL=... PORT=... ENCRYPTION_KEY=... node dist/bench/load-floor-server.js
 */
const url = process.env.DATABASE_URL!;
// No JIT, as the console's pool (data-source.ts, which sets it after connecting for PgBouncer's
// sake; this server connects to PostgreSQL itself).
const pool = new Pool({
  connectionString: url,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 20),
  options: '-c jit=off',
});

const PAGES: Record<string, string> = {
  '/': `SELECT id, reference, type, status, received_at, due_date FROM requests ORDER BY received_at DESC LIMIT 25`,
  '/every-column': `SELECT * FROM requests ORDER BY working_due_date ASC, id ASC LIMIT 25`,
};

const AUDIT_ROW = {
  name: 'bench_floor_audit_insert',
  text: `INSERT INTO bench_floor_audit (at, actor_id, actor_email, action, entity, entity_id, details)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
};

const knownSessions = new Set<string>();

async function checkSession(req: IncomingMessage): Promise<boolean> {
  const token = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
  const hash = createHash('sha256').update(token).digest('hex');
  if (knownSessions.has(hash)) return true;
  const { rowCount } = await pool.query(`SELECT 1 FROM sessions WHERE token_hash = $1 AND revoked_at IS NULL`, [hash]);
  if (rowCount) knownSessions.add(hash);
  return Boolean(rowCount);
}

async function audit(action: string, details: Record<string, unknown>): Promise<void> {
  await pool.query({
    ...AUDIT_ROW,
    values: [new Date(), null, 'floor@bench', action, 'floor', null, JSON.stringify(details)],
  });
}

async function main(): Promise<void> {
  // The search statement is built from the console's entities, once.
  const dataSource = new DataSource(dataSourceOptions(url, 1));
  await dataSource.initialize();
  const search = await searchStatementOf(dataSource, process.env.ENCRYPTION_KEY!);
  await dataSource.destroy();
  // Emptied at each start, as the console's chainer keeps its inbox nearly empty.
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_floor_audit (LIKE audit_inbox INCLUDING ALL)`);
  await pool.query(`TRUNCATE bench_floor_audit`);

  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const at = new URL(req.url ?? '/', 'http://floor');
    const list = /^\/lists\/(\d+)$/.exec(at.pathname);
    if (list || at.pathname === '/search') {
      if (!(await checkSession(req))) return void res.writeHead(401).end();
      if (list) {
        const params = JSON.parse(at.searchParams.get('params') ?? '[]') as unknown[];
        const rows = await runListFloor(pool, OFFICER_LISTS[Number(list[1])], params);
        await audit('floor.listed', { shown: rows.length });
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify(rows));
      }
      const q = at.searchParams.get('q') ?? '';
      const { rows } = await pool.query({ ...search.statement, values: await search.parametersOf(q) });
      await audit('floor.searched', { query: q });
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify(rows[0]));
    }
    // The floor as issue 24 filed it: the session, the page, the total.
    const token = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
    await pool.query(
      `SELECT s.id, u.email, u.role FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = encode(sha256($1::bytea), 'hex') AND s.revoked_at IS NULL`,
      [token],
    );
    const page = await pool.query(PAGES[at.pathname] ?? PAGES['/']);
    const [{ total }] = (await pool.query<{ total: number }>(`SELECT count(*)::int AS total FROM requests`)).rows;
    res.writeHead(200, { 'content-type': 'application/json', 'content-range': `requests 0-24/${total}` });
    res.end(JSON.stringify(page.rows));
  };

  // Answers its own errors, so never rejects.
  createServer((req, res) => {
    answer(req, res).catch((error: Error) => res.writeHead(500).end(String(error)));
  }).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('Floor server ready'));
}

void main();
