import 'reflect-metadata';
import '../api/src/heap-tuning';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { HeapProfiler } from 'node:inspector';
import { Client } from 'pg';
import { startConsole } from '../api/src/bootstrap';
import { loadConfig } from '../api/src/config/config';
import { datasetSize, ensureDatabase, ensureDataset, person } from './dataset';
import {
  closeHttpConnections,
  httpCall,
  parseArgs,
  printTable,
  signIn,
  BENCH_ENCRYPTION_KEY,
  BENCH_OFFICER,
} from './stats';

/**
 * What the console allocates for a subject search, and where: V8's sampling heap profiler over a
 * run of searches one at a time, counting the objects the collector has already freed (what
 * makes the young collections run), by package and by function. The console runs in this
 * process (the profiler's session is in-process); the benchmark's own client is left out of the
 * tables. Not a timing: allocation is what the console's young collections pay for.
 *
 *   npm run bench:allocations                        # 1,000 searches on the 100,000-lead set
 *   options: --scale 0.1 --searches 1000 --top 25
 *            --profile /tmp/search.heapprofile        # the whole profile, for Chrome's DevTools
 */
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const size = datasetSize({ scale: args.scale ?? '0.1', rows: args.rows });
  const searches = Number(args.searches ?? 1000);
  const top = Number(args.top ?? 25);
  const server = args.server ?? process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `pc_bench_${size.leads}`;
  const url = new URL(server);
  url.pathname = `/${dbName}`;
  const fresh = await ensureDatabase(server, dbName);
  const db = new Client({ connectionString: url.toString() });
  await db.connect();
  const running = await startConsole(
    loadConfig({
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: url.toString(),
      ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY,
      ADMIN_EMAIL: BENCH_OFFICER.email,
      ADMIN_PASSWORD: BENCH_OFFICER.password,
      LOG_LEVEL: 'silent',
      ADMIN_DIR: 'none',
      DEMO_PEOPLE: '0',
    }),
  );
  const session = new Session();
  try {
    await ensureDataset(db, size, fresh);
    const base = running.url.replace('localhost', '127.0.0.1');
    const headers = { authorization: `Bearer ${await signIn(base)}` };
    // The people `bench:search` searches: the data set's customers, chosen at random.
    const emails = Array.from({ length: searches + 50 }, () => person(Math.floor(Math.random() * size.leads)).email);
    let answered = 0;
    const search = async (email: string) => {
      const res = await httpCall(`${base}/api/subjects/search?q=${encodeURIComponent(email)}`, { headers });
      if (res.status !== 200) throw new Error(`search ${email}: ${res.status}`);
      answered += res.body.length;
    };
    for (const email of emails.slice(0, 50)) await search(email); // warm-up
    answered = 0;
    session.connect();
    await session.post('HeapProfiler.enable');
    // The two `include` options are newer than Node's typings of the protocol.
    const sampling = {
      samplingInterval: 4096,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    };
    await session.post('HeapProfiler.startSampling', sampling);
    for (const email of emails.slice(50)) await search(email);
    const { profile } = await session.post('HeapProfiler.stopSampling');
    if (args.profile) writeFileSync(args.profile, JSON.stringify(profile));
    const { byPackage, byFunction, total } = tally(profile);
    const kb = (bytes: number) => (bytes / 1024 / searches).toFixed(1);
    const rowsOf = (m: Map<string, number>) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([name, bytes]) => [name, kb(bytes), ((100 * bytes) / total).toFixed(1)]);
    console.log(
      `\n${searches} searches on ${dbName}: the console allocated ${kb(total)} KB a search (sampled), answering ${(answered / 1024 / searches).toFixed(1)} KB`,
    );
    printTable('By package (KB a search)', ['', 'KB', '%'], rowsOf(byPackage));
    printTable('By function, its own allocations (KB a search)', ['', 'KB', '%'], rowsOf(byFunction));
  } finally {
    session.disconnect();
    closeHttpConnections();
    await db.end();
    await running.close();
  }
}

/** The profile's bytes by package and by function, leaving out the benchmark's own code. */
function tally(profile: HeapProfiler.SamplingHeapProfile) {
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  const visit = (node: HeapProfiler.SamplingHeapProfileNode, inBenchmark: boolean) => {
    const { url, functionName, lineNumber } = node.callFrame;
    const benchmark = inBenchmark || /\/dist\/bench\//.test(url);
    if (!benchmark && node.selfSize > 0) {
      const dependency = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url)?.[1];
      const own = /\/dist\/(api\/src\/.*)$/.exec(url)?.[1];
      const where = dependency ?? (own ? 'the console' : url.startsWith('node:') ? 'node' : '(V8)');
      const file = own ?? url.replace(/.*node_modules\//, '');
      byPackage.set(where, (byPackage.get(where) ?? 0) + node.selfSize);
      const name = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + node.selfSize);
      total += node.selfSize;
    }
    for (const child of node.children) visit(child, benchmark);
  };
  visit(profile.head, false);
  return { byPackage, byFunction, total };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
