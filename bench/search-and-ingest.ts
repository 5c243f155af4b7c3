import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Client } from 'pg';
import { phoneWritings } from '../api/src/seed/demo-kit';
import { leadIdentifiers } from '../api/src/sources/leads/leads.ingestion';
import {
  copyChunks,
  copyText,
  countRows,
  datasetSize,
  ensureDatabase,
  ensureDataset,
  ensureRequests,
  LEAD_COLUMNS,
  OFFICER_LISTS,
  runListFloor,
  person,
  sizeOfScale,
  sourceRows,
  type DatasetSize,
} from './dataset';
import { startConsoleProcess, startFloorServer } from './console-process';
import { cpuMeter } from './proc-stats';
import { searchFloor } from './search-floor';
import {
  closeHttpConnections,
  cpuProfileOptions,
  httpCall,
  httpJson,
  percentiles,
  parseArgs,
  printTable,
  signIn,
  BENCH_ENCRYPTION_KEY,
  BENCH_OFFICER,
} from './stats';

/**
 * Subject search and the officer's lists, one request at a time (through HTTP, the whole app,
 * the console in a process of its own as in production), each beside its floor: the console's
 * search statement, and each list's page, as bare SQL; for the search also the bare node:http server
 * of bench:load doing the same round trips (the statement, then the read's audit row); ingestion
 * throughput through the batch API beside a COPY of the same leads and index rows.
 *
 *   npm run bench:search                      # the 1M-lead database (7.5M source rows; loaded once, then reused)
 *   npm run bench:search -- --rows 10M        # the scale with 10,000,000 source rows (1,333,333 leads)
 *   npm run bench:search -- --scale 0.01      # a hundredth of the 1M-lead database
 *   npm run bench:growth                      # search and lists at 0.1, 1 and 10M rows, one table (no ingestion)
 *   npm run bench:growth -- 0.001,0.01        # the scales to run (a number is --scale, 10M or 750k is --rows)
 *   options: --samples 1000 (searches, and pages of each list) --ingest 20000 (0: none)
 *            --ingest-parallel 2 (batches of 1,000 leads posted at a time)
 *            --warm-up 3000 (searches of other people first, as in a console that has been running)
 *            --cpu-prof /tmp/p (a V8 CPU profile of the console, written when it stops)
 *            --server postgres://postgres@127.0.0.1:5432/postgres
 */
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const samples = Number(args.samples ?? 1000);
  const warmUp = Number(args['warm-up'] ?? 3000);
  const server = args.server ?? process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (args.growth)
    return growth(server, args.growth === 'true' ? GROWTH_SCALES : args.growth.split(','), samples, warmUp);

  const size = datasetSize(args);
  const ingestCount = Number(args.ingest ?? 20_000);
  const profile = cpuProfileOptions(args);
  const inFlight = Number(args['ingest-parallel'] ?? 2);
  const run = await measureAt(server, size, { samples, warmUp, ingestCount, inFlight, nodeOptions: profile });
  const { search: a, floor: f, httpFloor: h, justStarted: j } = run;
  printTable(
    'Subject search (ms)',
    ['', 'p50', 'p95', 'p99'],
    [
      ['API, GET /api/subjects/search', a.p50, a.p95, a.p99],
      ...run.byKind.map(([kind, k]) => [`  API, by ${kind}`, k.p50, k.p95, k.p99]),
      ['the search statement, bare SQL (floor)', f.p50, f.p95, f.p99],
      ['ratio', a.p50 / f.p50, a.p95 / f.p95, a.p99 / f.p99],
      ['the same round trips, bare node:http (floor)', h.p50, h.p95, h.p99],
      ['ratio', a.p50 / h.p50, a.p95 / h.p95, a.p99 / h.p99],
      ['API, the console just started (warm-up)', j.p50, j.p95, j.p99],
    ],
  );
  console.log(
    `  ${samples} searches after ${warmUp.toLocaleString('en')} of other people, ${run.found} found someone (names can be shared: all results are returned); the first ${Math.min(JUST_STARTED, warmUp)} of the warm-up on the last line`,
  );
  printTable(
    "The officer's lists, one page at a time (ms)",
    ['', 'p50', 'p95', 'p99', 'floor p50', 'floor p95', 'floor p99', 'p95 / floor p95'],
    run.lists.map(({ name, app, floor }) => [
      name,
      app.p50,
      app.p95,
      app.p99,
      floor.p50,
      floor.p95,
      floor.p99,
      app.p95 / floor.p95,
    ]),
  );
  console.log(
    `  ${samples} pages of each; the floor: the same page as bare SQL, the count and the stops the console asks for`,
  );
  console.log(
    `\nDatabase: ${run.rows.sourceRows.toLocaleString('en')} source rows (leads, chat messages, calendar events, consents, access logs), ${run.rows.indexRows.toLocaleString('en')} index rows`,
  );
  if (run.ingestion) {
    const { api, copy, copyLoaded, indexRows, cpu } = run.ingestion;
    printTable(
      `Ingestion: ${ingestCount.toLocaleString('en')} leads and their ${indexRows.toLocaleString('en')} index rows`,
      ['', 'records/s'],
      [
        [`API, POST /api/ingest/leads (batches of 1,000, ${inFlight} at a time)`, api],
        ['COPY into empty tables with the same indexes (floor)', copy],
        ['COPY into the loaded tables, rolled back (floor)', copyLoaded],
        ['API / COPY into empty tables', api / copy],
        ['API / COPY into the loaded tables', api / copyLoaded],
      ],
    );
    console.log('Goal: at least 5,000 records/s, and at least half the COPY.');
    console.log(
      `CPU per 1,000 leads through the API (/proc): the console ${cpu.console.toFixed(0)} ms, PostgreSQL ${cpu.database.toFixed(0)} ms, this benchmark ${cpu.client.toFixed(0)} ms; ${availableParallelism()} cores.`,
    );
  }
}

/** `npm run bench:growth`: the scales of issue 24 (0.1M leads, 1M leads, 10M source rows). */
const GROWTH_SCALES = ['0.1', '1', '10M'];

/** Search and lists at each scale, one after the other, in one table (no ingestion: the data sets stay as loaded). */
async function growth(server: string, scales: string[], samples: number, warmUp: number): Promise<void> {
  const rows: Array<Array<string | number>> = [];
  for (const spec of scales) {
    const size = sizeOfScale(spec);
    const run = await measureAt(server, size, { samples, warmUp, ingestCount: 0 });
    const scale = /[km]$/i.test(spec) ? `${spec} rows` : spec;
    const line = (what: string, app: Percentiles, floor: Percentiles) => [
      what,
      scale,
      size.leads,
      run.rows.sourceRows,
      run.rows.indexRows,
      app.p50,
      app.p95,
      app.p99,
      floor.p50,
      floor.p95,
      floor.p99,
    ];
    rows.push(line('subject search', run.search, run.floor));
    rows.push(line(SEARCH_BESIDE_HTTP_FLOOR, run.search, run.httpFloor));
    for (const list of run.lists) rows.push(line(list.name, list.app, list.floor));
  }
  // Each operation's rows side by side, so that its growth reads down the table.
  const what = (row: Array<string | number>) => OPERATIONS.indexOf(String(row[0]));
  rows.sort((x, y) => what(x) - what(y));
  printTable(
    `How each cost grows: ${samples} requests of each, one at a time (ms; the floor: the search statement, and each list's page, as bare SQL; on the second search line, the search's round trips over bare node:http)`,
    ['', 'scale', 'leads', 'source rows', 'index rows', 'p50', 'p95', 'p99', 'floor p50', 'floor p95', 'floor p99'],
    rows,
  );
  console.log('Goal: search p95 at most 5 ms at 1M leads and at 10M source rows.');
}

const SEARCH_BESIDE_HTTP_FLOOR = 'subject search (floor over bare node:http)';
const OPERATIONS = ['subject search', SEARCH_BESIDE_HTTP_FLOOR, ...OFFICER_LISTS.map((l) => l.name)];

type Percentiles = ReturnType<typeof percentiles>;

interface ScaleRun {
  search: Percentiles;
  /** The first JUST_STARTED searches of the warm-up. */
  justStarted: Percentiles;
  floor: Percentiles;
  /** The search statement and the read's audit row, behind a bare node:http server (bench:load's floor). */
  httpFloor: Percentiles;
  byKind: Array<[string, Percentiles]>;
  found: number;
  lists: Array<{ name: string; app: Percentiles; floor: Percentiles }>;
  rows: { sourceRows: number; indexRows: number };
  ingestion: IngestionRun | null;
}

interface MeasureOptions {
  /** Searches timed, and pages of each list. */
  samples: number;
  /** Searches of other people before the timed ones. */
  warmUp: number;
  /** Leads ingested after (0: none). */
  ingestCount: number;
  /** Batches of leads posted at a time (2 unless said). */
  inFlight?: number;
  nodeOptions?: string[];
}

/** The searches of a console just started, timed during the warm-up. */
const JUST_STARTED = 500;

/** One data set: the console started on it in a process of its own, searches and lists timed, then ingestion (unless 0). */
async function measureAt(
  server: string,
  size: DatasetSize,
  { samples, warmUp, ingestCount, inFlight = 2, nodeOptions = [] }: MeasureOptions,
): Promise<ScaleRun> {
  const dbName = `pc_bench_${size.leads}`;
  const url = new URL(server);
  url.pathname = `/${dbName}`;
  console.log(
    `Dataset: ${Object.entries(size as unknown as Record<string, number>)
      .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
      .join(', ')} (${sourceRows(size).toLocaleString('en')} source rows) in ${dbName}`,
  );
  const fresh = await ensureDatabase(server, dbName);
  // The console in a process of its own, configured as in production: the officer's browser is
  // not in the console's event loop, and neither is the benchmark's client.
  const running = await startConsoleProcess(
    {
      NODE_ENV: 'production',
      DATABASE_URL: url.toString(),
      ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY,
      ADMIN_EMAIL: BENCH_OFFICER.email,
      ADMIN_PASSWORD: BENCH_OFFICER.password,
    },
    nodeOptions,
  );
  const db = new Client({ connectionString: url.toString() });
  await db.connect();
  try {
    await ensureDataset(db, size, fresh);
    const base = running.base;
    const token = await signIn(base);
    await ensureRequests(db, base, token);
    const randomPerson = () => person(Math.floor(Math.random() * size.leads));

    // The same random people for both measurements: e-mails, phones (as people write them) and names.
    const queryOf = (n: number) => {
      const p = randomPerson();
      return n % 5 < 3 ? p.email : n % 5 === 3 ? phoneWritings(p.mobile)[n % 6] : `${p.first} ${p.last}`;
    };
    const queries = Array.from({ length: samples }, (_, n) => queryOf(n));
    const app: number[] = [];
    const floor: number[] = [];
    const httpFloor: number[] = [];
    const justStarted: number[] = [];
    let found = 0;
    // Warm-up on other people (the measured people's pages are read by the measurement only),
    // until PostgreSQL's buffers hold what every search reads (the upper levels of the indexes)
    // as in a console that has been running; its first searches are kept as a figure of their own.
    for (let n = 0; n < warmUp; n++) {
      const t = performance.now();
      await search(base, token, queryOf(n));
      if (n < JUST_STARTED) justStarted.push(performance.now() - t);
    }
    // The suppression key the floor opens is made by the console's first search.
    if (warmUp === 0) await search(base, token, queryOf(0));
    const bare = await searchFloor(url.toString(), BENCH_ENCRYPTION_KEY);
    const floorServer = await startFloorServer({
      DATABASE_URL: url.toString(),
      DATABASE_POOL_SIZE: '10',
      ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY,
    });
    try {
      for (let n = 0; n < 100; n++) await bare.search(queryOf(n));
      for (let n = 0; n < 100; n++) await search(floorServer.base, token, queryOf(n), '/search');
      // Each person searched by the three, which goes first taking turns: a person's pages not yet
      // in PostgreSQL's buffers are read by the first, a third of the time each.
      /** `ask`, its time kept in `times`; its answer for the caller, read once the clock has stopped. */
      const timed =
        <T>(times: number[], ask: (q: string) => Promise<T>) =>
        async (q: string): Promise<T> => {
          const t = performance.now();
          const answer = await ask(q);
          times.push(performance.now() - t);
          return answer;
        };
      const viaConsole = async (q: string) => {
        const answer = await timed(app, (q) => search(base, token, q))(q);
        if ((JSON.parse(answer.toString()) as { total: number }).total > 0) found++;
      };
      const turns = [
        viaConsole,
        timed(floor, (q) => bare.search(q)),
        timed(httpFloor, (q) => search(floorServer.base, token, q, '/search')),
      ];
      for (const [n, q] of queries.entries()) {
        for (let k = 0; k < turns.length; k++) await turns[(n + k) % turns.length](q);
      }
    } finally {
      await bare.close();
      await floorServer.stop();
    }
    const kindOf = (n: number) => (n % 5 < 3 ? 'e-mail' : n % 5 === 3 ? 'phone' : 'name');
    const byKind = ['e-mail', 'phone', 'name'].map((kind): [string, Percentiles] => [
      kind,
      percentiles(app.filter((_, n) => kindOf(n) === kind)),
    ]);

    const lists = [];
    for (const list of OFFICER_LISTS) {
      const people = Array.from({ length: samples }, randomPerson);
      for (let n = 0; n < 100; n++) await page(base, token, list.path(randomPerson())); // warm-up, other people
      const listed: number[] = [];
      for (const p of people) {
        const t = performance.now();
        await page(base, token, list.path(p));
        listed.push(performance.now() - t);
      }
      const bare: number[] = [];
      for (const p of people) {
        const t = performance.now();
        await runListFloor(db, list, list.params(p));
        bare.push(performance.now() - t);
      }
      lists.push({ name: list.name, app: percentiles(listed), floor: percentiles(bare) });
    }

    // Counted before ingestion adds its leads: the rows the searches and lists ran on.
    const rows = await countRows(db);
    const ingestion = ingestCount > 0 ? await ingestLeads(db, base, token, ingestCount, running.pid, inFlight) : null;
    return {
      search: percentiles(app),
      justStarted: percentiles(justStarted),
      floor: percentiles(floor),
      httpFloor: percentiles(httpFloor),
      byKind,
      found,
      lists,
      rows,
      ingestion,
    };
  } finally {
    await db.end();
    await running.stop();
  }
}

async function page(base: string, token: string, path: string): Promise<void> {
  const res = await httpCall(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.body.toString()}`);
}

/**
 * The answer's bytes, read to the end (parsed by the caller once the clock has stopped); `path`
 * the floor server's instead of the console's.
 */
async function search(base: string, token: string, q: string, path = '/api/subjects/search'): Promise<Buffer> {
  const res = await httpCall(`${base}${path}?q=${encodeURIComponent(q)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.status !== 200) throw new Error(`search ${q}: ${res.status} ${res.body.toString()}`);
  return res.body;
}

interface IngestionRun {
  /** Records a second through the API, and through a COPY of the same rows. */
  api: number;
  /** Into empty tables made like the real ones, and into the real ones (rolled back). */
  copy: number;
  copyLoaded: number;
  indexRows: number;
  /** CPU time (ms) per 1,000 leads through the API: what bounds its throughput. */
  cpu: { console: number; database: number; client: number };
}

/**
 * `count` new leads through POST /api/ingest/leads, then two floors: the same leads and the index
 * rows ingestion writes for them, COPYed into empty tables made LIKE leads and
 * subject_identifiers (INCLUDING ALL: the same indexes and defaults, dropped after), and into
 * leads and subject_identifiers themselves in a transaction rolled back.
 */
async function ingestLeads(
  db: Client,
  base: string,
  token: string,
  count: number,
  consolePid: number,
  inFlight: number,
): Promise<IngestionRun> {
  const { key } = await httpJson<{ key: string }>(
    `${base}/api/api-keys`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: 'bench' }),
    },
    201,
  );
  const run = Date.now().toString(36);
  const leads = Array.from({ length: count }, (_, n) => {
    const i = 50_000_000 + n;
    const p = person(i);
    return {
      externalId: `bench-ingest-${run}-${i}`,
      firstName: p.first,
      lastName: p.last,
      email: p.email,
      phone: phoneWritings(p.mobile)[i % 6],
      company: `${p.last} Srl`,
      message: `Richiamatemi al ${p.mobile}, grazie`,
      utmSource: 'google',
      utmMedium: 'cpc',
      utmCampaign: 'bench',
      landingPage: '/vetrine',
      submittedAt: new Date().toISOString(),
    };
  });
  const batches = Array.from({ length: Math.ceil(count / 1000) }, (_, b) =>
    JSON.stringify(leads.slice(b * 1000, (b + 1) * 1000)),
  );
  let next = 0;
  const meter = cpuMeter(consolePid);
  const t = performance.now();
  const worker = async () => {
    while (next < batches.length) {
      const body = batches[next++];
      await httpJson(`${base}/api/ingest/leads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body,
      });
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const api = count / ((performance.now() - t) / 1000);
  const used = meter();
  const perThousand = (ms: number) => (ms * 1000) / count;
  const cpu = {
    console: perThousand(used.server),
    database: perThousand(used.database),
    client: perThousand(used.client),
  };

  // The COPY's text is made before the clock starts, as the API's request bodies were.
  const leadRows: unknown[][] = [];
  const indexRows: unknown[][] = [];
  for (const lead of leads) {
    const id = randomUUID();
    const row: Record<string, unknown> = {
      id,
      external_id: lead.externalId,
      first_name: lead.firstName,
      last_name: lead.lastName,
      email: lead.email,
      phone: lead.phone,
      company: lead.company,
      message: lead.message,
      space_type: null,
      objective: null,
      utm_source: lead.utmSource,
      utm_medium: lead.utmMedium,
      utm_campaign: lead.utmCampaign,
      utm_term: null,
      utm_content: null,
      landing_page: lead.landingPage,
      referrer: null,
      consent_given_at: null,
      submitted_at: lead.submittedAt,
    };
    leadRows.push(LEAD_COLUMNS.map((c) => row[c]));
    for (const f of leadIdentifiers(lead)) indexRows.push([f.kind, f.value, 'leads', id, f.field, f.role]);
  }
  // The floor must write what ingestion wrote: as many index rows as it made for these leads.
  const { rows: written } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM leads l JOIN subject_identifiers s ON s.source = 'leads' AND s.record_id = l.id::text
     WHERE l.external_id LIKE $1`,
    [`bench-ingest-${run}-%`],
  );
  if (written[0].n !== indexRows.length)
    throw new Error(`ingestion wrote ${written[0].n} index rows, the COPY floor would write ${indexRows.length}`);
  const leadText = [...copyChunks(leadRows)];
  const indexText = [...copyChunks(indexRows)];
  await db.query('DROP TABLE IF EXISTS bench_copy_leads, bench_copy_identifiers');
  await db.query('CREATE TABLE bench_copy_leads (LIKE leads INCLUDING ALL)');
  await db.query('CREATE TABLE bench_copy_identifiers (LIKE subject_identifiers INCLUDING ALL)');
  const indexColumns = ['kind', 'value', 'source', 'record_id', 'field', 'role'];
  let copy: number;
  try {
    const c = performance.now();
    await copyText(db, 'bench_copy_leads', LEAD_COLUMNS, leadText);
    await copyText(db, 'bench_copy_identifiers', indexColumns, indexText);
    copy = count / ((performance.now() - c) / 1000);
  } finally {
    await db.query('DROP TABLE bench_copy_leads, bench_copy_identifiers');
  }
  // The same rows into the tables the API wrote to, whose indexes are as large as the data set's:
  // their pages are what each new entry has to find. Rolled back, so the set stays as loaded; the
  // external ids made new, as the API's leads hold the same ones.
  const externalId = LEAD_COLUMNS.indexOf('external_id');
  const loadedText = [
    ...copyChunks(leadRows.map((r) => r.map((v, i) => (i === externalId ? `${String(v)}-copy` : v)))),
  ];
  await db.query('BEGIN');
  try {
    const c = performance.now();
    await copyText(db, 'leads', LEAD_COLUMNS, loadedText);
    await copyText(db, 'subject_identifiers', indexColumns, indexText);
    const copyLoaded = count / ((performance.now() - c) / 1000);
    return { api, copy, copyLoaded, indexRows: indexRows.length, cpu };
  } finally {
    await db.query('ROLLBACK');
  }
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(closeHttpConnections);
