import 'reflect-metadata';
import { Client } from 'pg';
import { startConsole } from '../api/src/bootstrap';
import { loadConfig } from '../api/src/config/config';
import { phoneWritings } from '../api/src/seed/demo-kit';
import { classifyQuery } from '../api/src/subjects/identifiers';
import { ensureDatabase, ensureDataset, FULL, person, type DatasetSize } from './dataset';
import { percentiles, parseArgs, printTable } from './stats';

/**
 * Subject search latency over random people (through HTTP, the whole app) against the same
 * look-ups as bare indexed SQL (the floor), and ingestion throughput through the batch API.
 *
 *   npm run bench:search                      # the 1M-lead database (loaded once, then reused)
 *   npm run bench:search -- --scale 0.01      # a hundredth of it (CI)
 *   options: --samples 1000 --ingest 20000 --server postgres://postgres@127.0.0.1:5432/postgres
 */
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const scale = Number(args.scale ?? 1);
  const samples = Number(args.samples ?? 1000);
  const ingestCount = Number(args.ingest ?? 20_000);
  const server = args.server ?? process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const size = Object.fromEntries(
    Object.entries(FULL).map(([k, v]) => [k, Math.max(10, Math.round(v * scale))]),
  ) as unknown as DatasetSize;
  const dbName = `pc_bench_${size.leads}`;
  const url = new URL(server);
  url.pathname = `/${dbName}`;

  console.log(
    `Dataset: ${Object.entries(size as unknown as Record<string, number>)
      .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
      .join(', ')} in ${dbName}`,
  );
  const fresh = await ensureDatabase(server, dbName);
  const running = await startConsole(
    loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: url.toString(),
      ENCRYPTION_KEY: 'c'.repeat(64),
      ADMIN_EMAIL: 'bench@console.test',
      ADMIN_PASSWORD: 'timing harness passphrase 7',
      LOG_LEVEL: 'silent',
      ADMIN_DIR: 'none',
      DEMO_PEOPLE: '0',
    }),
  );
  const db = new Client({ connectionString: url.toString() });
  await db.connect();
  try {
    await ensureDataset(db, size, fresh);
    const base = running.url.replace('localhost', '127.0.0.1');
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@console.test', password: 'timing harness passphrase 7' }),
    });
    const { token } = (await login.json()) as { token: string };

    // The same random people for both measurements: e-mails, phones (as people write them) and names.
    const queries = Array.from({ length: samples }, (_, n) => {
      const p = person(Math.floor(Math.random() * size.leads));
      return n % 5 < 3 ? p.email : n % 5 === 3 ? phoneWritings(p.mobile)[n % 6] : `${p.first} ${p.last}`;
    });

    for (const q of queries.slice(0, 20)) await search(base, token, q); // warm-up
    const app: number[] = [];
    let found = 0;
    for (const q of queries) {
      const t = performance.now();
      const body = await search(base, token, q);
      app.push(performance.now() - t);
      if (body.total > 0) found++;
    }
    const floor: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      await bareLookups(db, q);
      floor.push(performance.now() - t);
    }
    const a = percentiles(app);
    const f = percentiles(floor);
    const kindOf = (n: number) => (n % 5 < 3 ? 'e-mail' : n % 5 === 3 ? 'phone' : 'name');
    const byKind = ['e-mail', 'phone', 'name'].map((kind) => {
      const k = percentiles(app.filter((_, n) => kindOf(n) === kind));
      return [`  API, by ${kind}`, k.p50, k.p95, k.p99];
    });
    printTable(
      'Subject search (ms)',
      ['', 'p50', 'p95', 'p99'],
      [
        ['API, GET /api/subjects/search', a.p50, a.p95, a.p99],
        ...byKind,
        ['bare indexed SQL (floor)', f.p50, f.p95, f.p99],
        ['ratio', a.p50 / f.p50, a.p95 / f.p95, a.p99 / f.p99],
      ],
    );
    console.log(`  ${samples} searches, ${found} found someone (names can be shared: all results are returned)`);

    const rate = await ingestLeads(base, token, ingestCount);
    printTable(
      'Ingestion through POST /api/ingest/leads',
      ['records', 'batch', 'concurrency', 'records/s'],
      [[ingestCount, 1000, 2, rate]],
    );
  } finally {
    await db.end();
    await running.close();
  }
}

async function search(base: string, token: string, q: string): Promise<{ total: number }> {
  const res = await fetch(`${base}/api/subjects/search?q=${encodeURIComponent(q)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.status !== 200) throw new Error(`search ${q}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { total: number };
}

/** What the search does, as plain SQL with no HTTP, framework, audit or presentation. */
async function bareLookups(db: Client, q: string): Promise<void> {
  const c = classifyQuery(q)!;
  const kinds = c.kind === 'email' ? ['email', 'account'] : [c.kind];
  const first = await db.query<{ source: string; record_id: string }>(
    `SELECT source, record_id FROM subject_identifiers WHERE kind = ANY($1) AND value = $2 LIMIT 5000`,
    [kinds, c.value],
  );
  const linked = first.rows.length
    ? await db.query<{ kind: string; value: string }>(
        `SELECT DISTINCT kind, value FROM subject_identifiers WHERE (source, record_id) IN (SELECT s, r FROM unnest($1::text[], $2::text[]) t(s, r)) AND kind IN ('email','phone','account','consent_id') LIMIT 50`,
        [first.rows.map((r) => r.source), first.rows.map((r) => r.record_id)],
      )
    : { rows: [] as Array<{ kind: string; value: string }> };
  const second = linked.rows.length
    ? await db.query<{ source: string; record_id: string }>(
        `SELECT source, record_id FROM subject_identifiers WHERE (kind, value) IN (SELECT k, v FROM unnest($1::text[], $2::text[]) t(k, v)) LIMIT 5000`,
        [linked.rows.map((r) => r.kind), linked.rows.map((r) => r.value)],
      )
    : { rows: [] as Array<{ source: string; record_id: string }> };
  const bySource = new Map<string, string[]>();
  for (const r of [...first.rows, ...second.rows])
    bySource.set(r.source, [...(bySource.get(r.source) ?? []), r.record_id]);
  const tables: Record<string, string> = {
    leads: 'leads',
    'chat-messages': 'chat_messages',
    'calendar-connections': 'calendar_connections',
    'calendar-events': 'calendar_events',
    consents: 'consent_records',
  };
  for (const [source, ids] of bySource) {
    if (tables[source])
      await db.query(`SELECT * FROM ${tables[source]} WHERE id = ANY($1::uuid[])`, [ids.slice(0, 200)]);
  }
}

async function ingestLeads(base: string, token: string, count: number): Promise<number> {
  const made = await fetch(`${base}/api/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: 'bench' }),
  });
  const { key } = (await made.json()) as { key: string };
  const run = Date.now().toString(36);
  const batches = Array.from({ length: Math.ceil(count / 1000) }, (_, b) =>
    JSON.stringify(
      Array.from({ length: Math.min(1000, count - b * 1000) }, (_, n) => {
        const i = 50_000_000 + b * 1000 + n;
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
      }),
    ),
  );
  let next = 0;
  const t = performance.now();
  const worker = async () => {
    while (next < batches.length) {
      const body = batches[next++];
      const res = await fetch(`${base}/api/ingest/leads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body,
      });
      if (res.status !== 200) throw new Error(`ingest: ${res.status} ${await res.text()}`);
    }
  };
  await Promise.all([worker(), worker()]);
  return count / ((performance.now() - t) / 1000);
}

/** Creates the database when missing; answers true when it was created. */
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
