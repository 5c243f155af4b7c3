import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { RunningConsole } from '../../api/src/bootstrap';
import { loadConfig } from '../../api/src/config/config';
import { registerSources, type SourceDefinition } from '../../api/src/sources/source-registry';

/**
 * Starts the real console for a test file: the whole AppModule on a random port, against a
 * PostgreSQL database made for this file (TEST_DATABASE=server, the default) or a fresh
 * embedded PGlite (TEST_DATABASE=embedded). close() stops it and drops the database.
 */

export const ADMIN = { email: 'admin@console.test', password: 'correct horse battery staple' };
/** The server that test databases are created on. */
export const TEST_SERVER_URL = process.env.TEST_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestConsole {
  url: string;
  running: RunningConsole;
  /** 'server' or 'embedded' */
  database: string;
  /** A connection string to this console's database (server mode only). */
  databaseUrl: string | null;
  login(email?: string, password?: string): Promise<string>;
  api(path: string, options?: ApiOptions): Promise<ApiResponse>;
  close(): Promise<void>;
}

export interface ApiOptions {
  method?: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface StartTestOptions {
  env?: Record<string, string>;
  /** Force a database kind regardless of TEST_DATABASE. */
  database?: 'server' | 'embedded';
  /** Reuse a data folder (embedded restarts). */
  dataDir?: string;
  /** Serve the built admin UI (browser tests). */
  serveAdmin?: boolean;
  /**
   * Sources registered beside the built-in ones (the sample source). The console's modules are
   * loaded after them: they build routes and entities from the registry once.
   */
  extraSources?: SourceDefinition[];
}

export async function startTestConsole(options: StartTestOptions = {}): Promise<TestConsole> {
  const database = options.database ?? (process.env.TEST_DATABASE === 'embedded' ? 'embedded' : 'server');
  const ownsDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'privacy-console-test-'));
  if (database === 'embedded') await copyEmptyEmbeddedDatabase(dataDir);
  const databaseUrl = database === 'server' ? await createTestDatabase() : null;
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    DEMO_PEOPLE: '0',
    // The daily retention sweep stays off unless a test turns it on.
    RETENTION_SWEEP_CRON: 'off',
    ADMIN_DIR: options.serveAdmin ? join(__dirname, '../../dist/admin') : 'none',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...options.env,
  });
  registerSources(options.extraSources ?? []);
  // Loaded here, not at the top, so that sources registered above are part of it.
  const { startConsole } = await import('../../api/src/bootstrap');
  const running = await startConsole(config);
  const url = running.url.replace('localhost', '127.0.0.1');

  const api = async (path: string, opts: ApiOptions = {}): Promise<ApiResponse> => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${url}${path}`, {
      method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
      headers,
      body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body };
  };

  return {
    url,
    running,
    database,
    databaseUrl,
    api,
    async login(email = ADMIN.email, password = ADMIN.password) {
      const response = await api('/api/auth/login', { body: { email, password } });
      if (response.status !== 200)
        throw new Error(`login as ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.token as string;
    },
    async close() {
      await running.close();
      if (databaseUrl) await dropTestDatabase(databaseUrl);
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * PGlite's initdb takes seconds of CPU on every fresh data folder, and it writes the same files
 * each time. A folder without a database gets a copy of one initialised once per PGlite version
 * (in the system's temporary folder); the console then migrates it as on any first start.
 * `npm start`'s own first start, tested by spawning the process, still runs initdb.
 */
async function copyEmptyEmbeddedDatabase(dataDir: string): Promise<void> {
  const pgdata = join(dataDir, 'pgdata');
  if (existsSync(pgdata)) return;
  const manifest = join(createRequire(__filename).resolve('@electric-sql/pglite'), '../../package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  const template = join(tmpdir(), `privacy-console-pglite-${version}`);
  if (!existsSync(template)) {
    const making = mkdtempSync(`${template}-making-`);
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create(join(making, 'pgdata'));
    await db.close();
    try {
      renameSync(making, template);
    } catch {
      // another test file made it first
      rmSync(making, { recursive: true, force: true });
    }
  }
  cpSync(join(template, 'pgdata'), pgdata, { recursive: true });
}

async function withServer<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<string> {
  const name = `pc_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await withServer((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropTestDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!name.startsWith('pc_test_')) throw new Error(`refusing to drop ${name}`);
  await withServer((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/**
 * Has the console chain the audited reads still in its inbox (`AuditService.chainInbox`): a read
 * has answered once its event is in the inbox, and reaches `audit_events` milliseconds later.
 */
export async function auditChained(consoleDb: TestConsole): Promise<void> {
  const { AuditService } = await import('../../api/src/audit/audit.service');
  await consoleDb.running.app.get(AuditService).chainInbox();
}

/**
 * Runs SQL directly on a console's database, bypassing the API (to set up or tamper). A
 * statement about `audit_events` first has the inbox chained, so that it sees every read that
 * has answered, as the console's own readers of the log do.
 */
export async function sql<T = any>(consoleDb: TestConsole, text: string, params: unknown[] = []): Promise<T[]> {
  if (/\baudit_events\b/.test(text)) await auditChained(consoleDb);
  if (!consoleDb.databaseUrl) {
    const { DataSource } = await import('typeorm');
    const dataSource = consoleDb.running.app.get(DataSource);
    return dataSource.query(text, params);
  }
  const client = new Client({ connectionString: consoleDb.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A unique e-mail for data a test creates for itself. */
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}.${randomBytes(4).toString('hex')}@console.test`;
}
