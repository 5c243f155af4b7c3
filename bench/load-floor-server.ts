import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool } from 'pg';

/**
 * The floor of `bench:load`: a bare node:http server, in a process of its own as the console is,
 * answering a page of requests as JSON after the same three PostgreSQL round trips a list costs
 * the console (the session, the page, the total), with no framework, ORM, validation, guard or
 * log. What the console costs above it is its own. `/` answers six columns of each request;
 * `/every-column` the same page in the console's order with every column, about as many bytes
 * as the console's answer, so that what the payload costs is told apart from the rest.
 *
 *   DATABASE_URL=... PORT=... node dist/bench/load-floor-server.js
 */
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 20),
});

const PAGES: Record<string, string> = {
  '/': `SELECT id, reference, type, status, received_at, due_date FROM requests ORDER BY received_at DESC LIMIT 25`,
  '/every-column': `SELECT * FROM requests ORDER BY working_due_date ASC, id ASC LIMIT 25`,
};

/** The requests page: the session, a page, the total (answers its own errors, so never rejects). */
async function requestsPage(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const token = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
    await pool.query(
      `SELECT s.id, u.email, u.role FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = encode(sha256($1::bytea), 'hex') AND s.revoked_at IS NULL`,
      [token],
    );
    const page = await pool.query(PAGES[req.url ?? '/'] ?? PAGES['/']);
    const [{ total }] = (await pool.query<{ total: number }>(`SELECT count(*)::int AS total FROM requests`)).rows;
    res.writeHead(200, { 'content-type': 'application/json', 'content-range': `requests 0-24/${total}` });
    res.end(JSON.stringify(page.rows));
  } catch (error) {
    res.writeHead(500).end(String(error));
  }
}

createServer((req, res) => void requestsPage(req, res)).listen(Number(process.env.PORT), '127.0.0.1', () =>
  console.log('Floor server ready'),
);
