import 'reflect-metadata';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { startConsole } from '../api/src/bootstrap';
import { seal } from '../api/src/common/crypto/secret-box';
import { loadConfig } from '../api/src/config/config';
import { ensureDatabase, ensureDataset, FULL, mix, person, type DatasetSize } from './dataset';
import { parseArgs, percentiles, printTable, signIn, BENCH_OFFICER } from './stats';

/**
 * Erasure of people present in every source (lead, chat, calendar connection and events,
 * consent, access-log lines) on the benchmark database, through HTTP and the whole app: the
 * dry run and the real run, each timed. Google's revocation endpoint is a local server (the
 * only part outside the company); each subject's connection gets a token so that it is called.
 *
 *   npm run bench:erasure                       # the 1M-lead database of bench:search (loaded once)
 *   npm run bench:erasure -- --scale 0.01       # small (CI)
 *   options: --people 20 --server postgres://postgres@127.0.0.1:5432/postgres
 *
 * Each run erases other people of the database (picked at random): the search benchmark's
 * sample loses a few dozen of a million.
 */
const KEY = 'c'.repeat(64);

/** What an erasure run answers, the part read here. */
interface ErasureReport {
  state: string;
  sources: Array<{ source: string; error?: string | null; recordsAffected?: number | null }>;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const scale = Number(args.scale ?? 1);
  const wanted = Number(args.people ?? 20);
  const server = args.server ?? process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const size = Object.fromEntries(
    Object.entries(FULL).map(([k, v]) => [k, Math.max(10, Math.round(v * scale))]),
  ) as unknown as DatasetSize;
  const dbName = `pc_bench_${size.leads}`;
  const url = new URL(server);
  url.pathname = `/${dbName}`;

  let revocations = 0;
  const google = createServer((req, res) => {
    req.resume().on('end', () => {
      revocations++;
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => google.listen(0, '127.0.0.1', resolve));

  console.log(`Dataset: ${size.leads.toLocaleString('en')} leads and the rest in ${dbName}`);
  const fresh = await ensureDatabase(server, dbName);
  const running = await startConsole(
    loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: url.toString(),
      ENCRYPTION_KEY: KEY,
      ADMIN_EMAIL: BENCH_OFFICER.email,
      ADMIN_PASSWORD: BENCH_OFFICER.password,
      LOG_LEVEL: 'silent',
      ADMIN_DIR: 'none',
      DEMO_PEOPLE: '0',
      GOOGLE_OAUTH_REVOKE_URL: `http://127.0.0.1:${(google.address() as AddressInfo).port}/revoke`,
    }),
  );
  const db = new Client({ connectionString: url.toString() });
  await db.connect();
  try {
    await ensureDataset(db, size, fresh);
    const base = running.url.replace('localhost', '127.0.0.1');
    const token = await signIn(base);
    // `T`: what the endpoint answers, as this benchmark expects it.
    const api = async <T = unknown>(path: string, body: unknown): Promise<T> => {
      const res = await fetch(`${base}/api${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json: unknown = await res.json();
      if (!res.ok) throw new Error(`${path}: ${res.status} ${(json as { message?: string }).message}`);
      return json as T;
    };

    // People with a calendar connection (the rarest source), then only those also in chat and the access log.
    const connections = Math.ceil(size.calendarEvents / 5);
    const people: number[] = [];
    for (let attempt = 0; people.length < wanted && attempt < wanted * 200; attempt++) {
      const i = mix(Math.floor(Math.random() * connections), 8) % size.leads;
      const p = person(i);
      const { rows } = await db.query<{ sources: string[] | null }>(
        `SELECT array_agg(DISTINCT source) AS sources FROM subject_identifiers WHERE (kind, value) IN (('email', $1), ('account', $1), ('phone', $2))`,
        [p.email, p.e164],
      );
      const sources: string[] = rows[0].sources ?? [];
      const logs = await db.query(`SELECT 1 FROM access_logs WHERE ip = $1 LIMIT 1`, [p.ip]);
      if (
        ['leads', 'chat-messages', 'calendar-connections', 'calendar-events', 'consents'].every((s) =>
          sources.includes(s),
        ) &&
        logs.rowCount &&
        !people.includes(i)
      )
        people.push(i);
    }
    if (people.length < wanted) console.log(`Only ${people.length} people are in every source; erasing those.`);

    const previews: number[] = [];
    const runs: number[] = [];
    const affected: number[] = [];
    for (const i of people) {
      const p = person(i);
      await db.query(`UPDATE calendar_connections SET refresh_token_encrypted = $2 WHERE account_email = $1`, [
        p.email,
        seal(Buffer.from(KEY, 'hex'), `1//bench-${i}`),
      ]);
      const request = await api<{ id: string }>('/requests', {
        type: 'erasure',
        channel: 'email',
        receivedAt: new Date().toISOString(),
        subjectName: `${p.first} ${p.last}`,
        subjectEmail: p.email,
        subjectPhone: p.e164,
      });
      await api(`/requests/${request.id}/verify`, { method: 'email_from_known_address' });
      let t = performance.now();
      await api(`/requests/${request.id}/erase?dryRun=true`, { ips: [p.ip] });
      previews.push(performance.now() - t);
      t = performance.now();
      const report = await api<ErasureReport>(`/requests/${request.id}/erase`, { ips: [p.ip] });
      runs.push(performance.now() - t);
      if (report.state !== 'complete')
        throw new Error(
          `erasure of person ${i} is ${report.state}: ${JSON.stringify(report.sources.filter((s) => s.error))}`,
        );
      affected.push(report.sources.reduce((n, s) => n + (s.recordsAffected ?? 0), 0));
    }
    const row = (what: string, values: number[]) => {
      const { p50, p95 } = percentiles(values);
      return [what, p50.toFixed(0), p95.toFixed(0), Math.max(...values).toFixed(0)];
    };
    printTable(
      `Erasure of ${people.length} people present in every source (${size.leads.toLocaleString('en')}-lead database), ms`,
      ['', 'p50', 'p95', 'max'],
      [row('dry run (lists every record)', previews), row('erasure (every source, Google revocation)', runs)],
    );
    console.log(
      `Records changed per person: ${Math.min(...affected)}–${Math.max(...affected)}; Google revocations: ${revocations}. Goal: erasure under 1 s.`,
    );
  } finally {
    await db.end();
    await running.close();
    google.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
