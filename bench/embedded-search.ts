import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../api/src/database/embedded-postgres';
import { phoneWritings } from '../api/src/seed/demo-kit';
import { startConsoleProcess } from './console-process';
import { searchFloor } from './search-floor';
import {
  closeHttpConnections,
  cpuProfileOptions,
  httpCall,
  percentiles,
  parseArgs,
  printTable,
  signIn,
  BENCH_ENCRYPTION_KEY,
  BENCH_OFFICER,
} from './stats';

/**
 * The subject search a newcomer gets: `npm start`'s embedded database (PGlite) with its demo
 * people, searched over HTTP one at a time (the console in a process of its own, as `npm start`
 * runs it), beside two floors measured in the same run: the console's bare HTTP round trip
 * (`/api/health`) and the console's search statement as bare SQL on the same embedded database.
 *
 *   npm run bench:embedded                        # 200 demo people (npm start's default), 1,000 searches
 *   options: --people 200 --samples 1000 --warm-up 3000 (searches before the timed ones)
 *            --cpu-prof /tmp/p (a V8 CPU profile of the console's measured run, written when it stops)
 */
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const people = Number(args.people ?? 200);
  const samples = Number(args.samples ?? 1000);
  const warmUp = Number(args['warm-up'] ?? 3000);
  const profile = cpuProfileOptions(args);
  const dataDir = mkdtempSync(join(tmpdir(), 'pc-bench-embedded-'));
  // The console as `npm start` runs it, in a process of its own: the officer's browser is not in
  // its event loop, and neither is the benchmark's client. Its first start makes the demo people.
  const startTheConsole = (nodeOptions: string[] = []) =>
    startConsoleProcess(
      {
        NODE_ENV: 'development',
        DATA_DIR: dataDir,
        ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY,
        ADMIN_EMAIL: BENCH_OFFICER.email,
        ADMIN_PASSWORD: BENCH_OFFICER.password,
        DEMO_PEOPLE: String(people),
      },
      nodeOptions,
    );
  try {
    // The embedded database has one user at a time: the demo people are read between two starts.
    await (await startTheConsole()).stop();
    // The demo people as an officer would search them: e-mails, phones as written, names.
    // One query at a time: a pg client runs its queries in turn (a second while one runs is deprecated).
    const [emails, phones, names] = await onTheDatabase(dataDir, async (db) => {
      const values: string[][] = [];
      for (const kind of ['email', 'phone', 'name'])
        values.push(
          (
            await db.query<{ value: string }>(
              `SELECT DISTINCT value FROM subject_identifiers WHERE kind = $1 AND role = 'owner' ORDER BY value`,
              [kind],
            )
          ).rows.map((r) => r.value),
        );
      return values;
    });
    const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];
    const kindOf = (n: number) => (n % 5 < 3 ? 'e-mail' : n % 5 === 3 ? 'phone' : 'name');
    const queryOf = (n: number) => {
      const kind = kindOf(n);
      return kind === 'e-mail'
        ? pick(emails)
        : kind === 'phone'
          ? phoneWritings(pick(phones).replace(/^\+39/, ''))[n % 6]
          : pick(names);
    };
    const queries = Array.from({ length: samples }, (_, n) => queryOf(n));
    // Searches before the timed ones, as in a console that has been running (PGlite's WebAssembly
    // and the console's code are compiled as they are used); the first ones are a figure of their own.
    const warmUps = Array.from({ length: warmUp }, (_, n) => queryOf(n));

    const time = async (run: () => Promise<unknown>) => {
      const t = performance.now();
      await run();
      return performance.now() - t;
    };
    const running = await startTheConsole(profile);
    const app: number[] = [];
    const health: number[] = [];
    const justStarted: number[] = [];
    let found = 0;
    try {
      const base = running.base;
      const headers = { authorization: `Bearer ${await signIn(base)}` };
      const searchOnce = async (q: string) => {
        const res = await httpCall(`${base}/api/subjects/search?q=${encodeURIComponent(q)}`, { headers });
        if (res.status !== 200) throw new Error(`search ${q}: ${res.status} ${res.body.toString()}`);
        return res.body;
      };
      for (const [n, q] of warmUps.entries()) {
        const t = await time(() => searchOnce(q));
        if (n < JUST_STARTED) justStarted.push(t);
      }

      for (const q of queries) {
        let answer: Buffer = Buffer.alloc(0);
        app.push(await time(async () => (answer = await searchOnce(q))));
        if ((JSON.parse(answer.toString()) as { total: number }).total > 0) found++;
      }
      for (let i = 0; i < samples; i++) health.push(await time(() => httpCall(`${base}/api/health`)));
    } finally {
      await running.stop();
    }
    // The search statement as bare SQL, on the same embedded database, once the console has let go of it.
    const sql: number[] = [];
    const embedded = await startEmbeddedPostgres(dataDir);
    try {
      const bare = await searchFloor(embedded.url, BENCH_ENCRYPTION_KEY);
      for (const q of warmUps) await bare.search(q);
      for (const q of queries) sql.push(await time(() => bare.search(q)));
      await bare.close();
    } finally {
      await embedded.stop();
    }

    const a = percentiles(app);
    const h = percentiles(health);
    const j = percentiles(justStarted);
    const s = percentiles(sql);
    const byKind = (kind: string) => {
      const p = percentiles(app.filter((_, n) => kindOf(n) === kind));
      const q = percentiles(sql.filter((_, n) => kindOf(n) === kind));
      return [`  by ${kind}`, p.p50, p.p95, p.p99, q.p50, q.p95, q.p99];
    };
    printTable(
      `Subject search on the embedded database, ${people} demo people (ms)`,
      ['', 'p50', 'p95', 'p99'],
      [
        ['API, GET /api/subjects/search', a.p50, a.p95, a.p99],
        ['floor: GET /api/health', h.p50, h.p95, h.p99],
        ['floor: the search statement, bare SQL', s.p50, s.p95, s.p99],
        ['search / (health + bare SQL)', a.p50 / (h.p50 + s.p50), a.p95 / (h.p95 + s.p95), a.p99 / (h.p99 + s.p99)],
        ['API, the console just started (warm-up)', j.p50, j.p95, j.p99],
      ],
    );
    printTable(
      'The same searches by what was searched (ms)',
      ['', 'API p50', 'API p95', 'API p99', 'SQL p50', 'SQL p95', 'SQL p99'],
      ['e-mail', 'phone', 'name'].map(byKind),
    );
    console.log(
      `  ${samples} searches after ${warmUp.toLocaleString('en')} others, ${found} found someone; the first ${Math.min(JUST_STARTED, warmUp)} of the warm-up on the last line`,
    );
  } finally {
    closeHttpConnections();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The embedded database of `dataDir`, opened in this process as the console opens it, for `use`. */
async function onTheDatabase<T>(dataDir: string, use: (db: Client) => Promise<T>): Promise<T> {
  const embedded = await startEmbeddedPostgres(dataDir);
  const db = new Client({ connectionString: embedded.url });
  try {
    await db.connect();
    return await use(db);
  } finally {
    await db.end().catch(() => {});
    await embedded.stop();
  }
}

/** The searches of a console just started, timed during the warm-up. */
const JUST_STARTED = 500;

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
