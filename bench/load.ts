import 'reflect-metadata';
import { availableParallelism } from 'node:os';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { startConsoleProcess, startFloorServer } from './console-process';
import { datasetSize, ensureDatabase, ensureDataset, ensureRequests, OFFICER_LISTS, person } from './dataset';
import { cpuMeter } from './proc-stats';
import {
  cpuProfileOptions,
  httpCall,
  parseArgs,
  printTable,
  signIn,
  BENCH_ENCRYPTION_KEY,
  BENCH_OFFICER,
} from './stats';

/**
 * Load on the endpoints the officer uses most, through HTTP and the whole app (auth, audit of
 * every read, JSON): autocannon at 50 concurrent connections for 30 s per scenario on the
 * 1M-lead database of bench:search. Each request asks for a different random person. Each
 * scenario is followed by its floor: a bare node:http server (bench/load-floor-server.ts) doing
 * the same database work (the list's page, count and processing stops, or the search statement,
 * and one audit row), so that what the console itself costs can be read off; then the floor as
 * issue 24 filed it, a requests page of six columns after three round trips, and that page with
 * every column.
 *
 *   npm run bench:load                                  # 1M-lead database (loaded once, then reused)
 *   npm run bench:load -- --scale 0.01 --duration 5     # small (CI)
 *   npm run bench:load -- --rows 10M                    # the scale with 10,000,000 source rows
 *   options: --connections 50 --warmup 5 (seconds run unmeasured before each scenario; 0 for none) --server postgres://postgres@127.0.0.1:5432/postgres
 *            --only search          # the scenarios whose name contains this (and no floor)
 *            --only search --floor  # the same, each followed by its own floor
 *            --cpu-prof /tmp/p      # a V8 CPU profile of the console, written when it stops
 *            --workers 2            # the console in 2 worker processes (WORKERS); the pool of 20 is shared
 *                                   # out among them (--pool N: connections per worker instead)
 */
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const duration = Number(args.duration ?? 30);
  // Each scenario first runs this long unmeasured: a restarted console compiles its hot paths and
  // opens its pool in the first seconds, which is not the steady state the figures describe.
  const warmup = Number(args.warmup ?? 5);
  const connections = Number(args.connections ?? 50);
  const server = args.server ?? process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const size = datasetSize(args);
  const dbName = `pc_bench_${size.leads}`;
  const url = new URL(server);
  url.pathname = `/${dbName}`;

  const only = args.only as string | undefined;
  const cores = availableParallelism();
  const profile = cpuProfileOptions(args);
  const workers = Number(args.workers ?? 1);
  if (!Number.isInteger(workers) || workers < 1) throw new Error('--workers must be a whole number, at least 1');
  // The same connections to PostgreSQL in all, whatever the number of workers, unless --pool says otherwise.
  const pool = Number(args.pool ?? Math.max(2, Math.ceil(Math.min(20, connections) / workers)));
  const fresh = await ensureDatabase(server, dbName);
  // The console in a process of its own, configured as in production: autocannon must not share its event loop.
  const running = await startConsoleProcess(
    {
      NODE_ENV: 'production',
      DATABASE_URL: url.toString(),
      DATABASE_POOL_SIZE: String(pool),
      WORKERS: String(workers),
      ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY,
      ADMIN_EMAIL: BENCH_OFFICER.email,
      ADMIN_PASSWORD: BENCH_OFFICER.password,
    },
    profile,
  );
  const db = new Client({ connectionString: url.toString() });
  await db.connect();
  try {
    await ensureDataset(db, size, fresh);
    const base = running.base;
    const token = await signIn(base);
    const random = () => person(Math.floor(Math.random() * size.leads));
    await ensureRequests(db, base, token);

    // Each scenario with the path of its floor: the same database work from a bare server.
    const scenarios: Array<{ name: string; path: () => string; floor: () => string }> = [
      {
        name: 'subject search (random e-mail)',
        path: () => `/api/subjects/search?q=${encodeURIComponent(random().email)}`,
        floor: () => `/search?q=${encodeURIComponent(random().email)}`,
      },
      ...OFFICER_LISTS.map((list, n) => ({
        name: list.name,
        path: () => list.path(random()),
        floor: () => `/lists/${n}?params=${encodeURIComponent(JSON.stringify(list.params(random())))}`,
      })),
    ];
    /**
     * One scenario: `warmup` seconds unmeasured, then `duration` measured; its row of the table,
     * with the CPU time each request cost the server (`pid`: the console or the floor, with its
     * workers), PostgreSQL and the load generator itself, read from /proc around the measured run.
     */
    const measure = async (name: string, options: autocannon.Options, pid: number): Promise<Array<string | number>> => {
      const run = (seconds: number) =>
        autocannon({ connections, headers: { authorization: `Bearer ${token}` }, ...options, duration: seconds });
      if (warmup > 0) await run(warmup);
      const meter = cpuMeter(pid);
      const result = await run(duration);
      const used = meter();
      const perRequest = (ms: number) => ms / Math.max(1, result.requests.total);
      const cpu = {
        server: perRequest(used.server),
        database: perRequest(used.database),
        generator: perRequest(used.client),
      };
      return [
        name,
        result.requests.total,
        result.requests.average.toFixed(0),
        result.latency.p50,
        result.latency.p99,
        result.latency.max,
        result.errors + result.timeouts,
        result.non2xx,
        cpu.server,
        cpu.database,
        cpu.generator,
        // What this machine's cores could serve at that CPU per request, were nothing else waiting.
        Math.round((cores * 1000) / (cpu.server + cpu.database + cpu.generator)),
      ];
    };
    const paths = (path: () => string): autocannon.Options['requests'] => [
      { method: 'GET', setupRequest: (request) => ({ ...request, path: path() }) },
    ];
    const chosen = scenarios.filter(({ name }) => !only || name.includes(only));
    const rows: Array<Array<string | number>> = [];
    if (only && !args.floor) {
      for (const { name, path } of chosen)
        rows.push([...(await measure(name, { url: base, requests: paths(path) }, running.pid)), '']);
    } else {
      // Each scenario, then right after its floor: a bare node:http server doing the same
      // database work (the page and its count, or the search statement, and one audit row).
      // The floor's search opens the suppression key, which the console's first search makes.
      await httpCall(`${base}/api/subjects/search?q=${encodeURIComponent(random().email)}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const floor = await startFloorServer({
        DATABASE_URL: url.toString(),
        DATABASE_POOL_SIZE: String(Math.min(20, connections)),
        ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY,
      });
      try {
        for (const { name, path, floor: floorPath } of chosen) {
          const row = await measure(name, { url: base, requests: paths(path) }, running.pid);
          const bare = await measure(
            `  floor: the same, bare node:http + pg`,
            { url: floor.base, requests: paths(floorPath) },
            floor.pid,
          );
          rows.push([...row, (Number(row[2]) / Number(bare[2])).toFixed(2)], [...bare, '']);
        }
        // The floor as issue 24 filed it: a requests page of six columns, the session looked up.
        if (!only)
          rows.push(
            [
              ...(await measure('floor: requests page, six columns, as filed', { url: `${floor.base}/` }, floor.pid)),
              '',
            ],
            [
              ...(await measure(
                'floor: the same page, every column',
                { url: `${floor.base}/every-column` },
                floor.pid,
              )),
              '',
            ],
          );
      } finally {
        await floor.stop();
      }
    }
    printTable(
      `${connections} connections, ${duration} s per scenario after ${warmup} s unmeasured, ${size.leads.toLocaleString('en')}-lead database, console in ${workers === 1 ? 'one process' : `${workers} worker processes`} with a pool of ${pool} each (latency in ms)`,
      [
        'scenario',
        'requests',
        'req/s',
        'p50',
        'p99',
        'max',
        'errors',
        'non-2xx',
        'CPU ms/req: server',
        'PostgreSQL',
        'load generator',
        `req/s ${cores} cores allow`,
        'req/s / floor',
      ],
      rows,
    );
    console.log(
      'Goal: no error, p99 under 100 ms; the search at 0.7 of its floor, each list at 0.8 of its own (req/s / floor).',
    );
    console.log(
      `CPU ms/req: CPU time per request, read from /proc around each measured run. "req/s ${cores} cores allow": ${cores} × 1,000 ms over their sum, the ceiling were the machine's cores never idle.`,
    );
  } finally {
    await db.end();
    await running.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
