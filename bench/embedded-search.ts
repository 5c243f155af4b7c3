import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startConsole } from '../api/src/bootstrap';
import { loadConfig } from '../api/src/config/config';
import { phoneWritings } from '../api/src/seed/demo-kit';
import { classifyQuery } from '../api/src/subjects/identifiers';
import { percentiles, parseArgs, printTable, signIn, BENCH_OFFICER } from './stats';

/**
 * The subject search a newcomer gets: `npm start`'s embedded database (PGlite) with its demo
 * people, searched over HTTP one at a time, beside two floors measured in the same run: the
 * console's bare HTTP round trip (`/api/health`) and the search's index look-ups as bare SQL on
 * the same embedded connection.
 *
 *   npm run bench:embedded                        # 200 demo people (npm start's default), 1,000 searches
 *   options: --people 200 --samples 1000
 */
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const people = Number(args.people ?? 200);
  const samples = Number(args.samples ?? 1000);
  const dataDir = mkdtempSync(join(tmpdir(), 'pc-bench-embedded-'));
  const running = await startConsole(
    loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ENCRYPTION_KEY: 'c'.repeat(64),
      ADMIN_EMAIL: BENCH_OFFICER.email,
      ADMIN_PASSWORD: BENCH_OFFICER.password,
      LOG_LEVEL: 'silent',
      ADMIN_DIR: 'none',
      DEMO_PEOPLE: String(people),
    }),
  );
  try {
    const base = running.url.replace('localhost', '127.0.0.1');
    const token = await signIn(base);
    const headers = { authorization: `Bearer ${token}` };
    const dataSource = running.app.get(DataSource);

    // The demo people as an officer would search them: e-mails, phones as written, names.
    const known = async (kind: string) =>
      (
        await dataSource.query<Array<{ value: string }>>(
          `SELECT DISTINCT value FROM subject_identifiers WHERE kind = $1 AND role = 'owner' ORDER BY value`,
          [kind],
        )
      ).map((r) => r.value);
    const [emails, phones, names] = await Promise.all([known('email'), known('phone'), known('name')]);
    const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];
    const queries = Array.from({ length: samples }, (_, n) =>
      n % 5 < 3 ? pick(emails) : n % 5 === 3 ? phoneWritings(pick(phones).replace(/^\+39/, ''))[n % 6] : pick(names),
    );

    const time = async (run: () => Promise<unknown>) => {
      const t = performance.now();
      await run();
      return performance.now() - t;
    };
    const searchOnce = async (q: string) => {
      const res = await fetch(`${base}/api/subjects/search?q=${encodeURIComponent(q)}`, { headers });
      if (res.status !== 200) throw new Error(`search ${q}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { total: number };
    };
    for (const q of queries.slice(0, 50)) await searchOnce(q); // warm-up

    const app: number[] = [];
    let found = 0;
    for (const q of queries)
      app.push(
        await time(async () => {
          if ((await searchOnce(q)).total > 0) found++;
        }),
      );
    const health: number[] = [];
    for (let i = 0; i < samples; i++)
      health.push(await time(async () => (await fetch(`${base}/api/health`)).arrayBuffer()));
    const sql: number[] = [];
    for (const q of queries) sql.push(await time(() => bareLookups(dataSource, q)));

    const a = percentiles(app);
    const h = percentiles(health);
    const s = percentiles(sql);
    printTable(
      `Subject search on the embedded database, ${people} demo people (ms)`,
      ['', 'p50', 'p95', 'p99'],
      [
        ['API, GET /api/subjects/search', a.p50, a.p95, a.p99],
        ['floor: GET /api/health', h.p50, h.p95, h.p99],
        ['floor: index look-ups as bare SQL', s.p50, s.p95, s.p99],
        ['search / (health + bare SQL)', a.p50 / (h.p50 + s.p50), a.p95 / (h.p95 + s.p95), a.p99 / (h.p99 + s.p99)],
      ],
    );
    console.log(`  ${samples} searches, ${found} found someone`);
  } finally {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The search's index look-ups (the identifier, then one hop) as bare SQL on the console's own connection. */
async function bareLookups(dataSource: DataSource, q: string): Promise<void> {
  const c = classifyQuery(q)!;
  const kinds = c.kind === 'email' ? ['email', 'account'] : [c.kind];
  const first = await dataSource.query<Array<{ source: string; record_id: string }>>(
    `SELECT source, record_id FROM subject_identifiers WHERE kind = ANY($1) AND value = $2 LIMIT 5000`,
    [kinds, c.value],
  );
  if (first.length === 0) return;
  await dataSource.query(
    `SELECT kind, value, source, record_id FROM subject_identifiers
     WHERE (kind, value) IN (
       SELECT DISTINCT kind, value FROM subject_identifiers
       WHERE (source, record_id) IN (SELECT s, r FROM unnest($1::text[], $2::text[]) t(s, r))
         AND kind IN ('email', 'phone', 'account', 'consent_id'))
     LIMIT 5000`,
    [first.map((r) => r.source), first.map((r) => r.record_id)],
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
