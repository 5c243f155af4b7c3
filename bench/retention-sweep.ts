import 'reflect-metadata';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { startConsoleProcess } from './console-process';
import { ensureTemplate, mix } from './dataset';
import { parseArgs, percentiles, printTable, BENCH_OFFICER } from './stats';

/**
 * The retention sweep of a large access log, through the real HTTP API of the built console
 * running as its own process, while a second client keeps asking it for other things.
 *
 *   npm run bench:retention                        # 3,000,000 expired lines (loaded once, about 2 minutes)
 *   npm run bench:retention -- --rows 100000       # smaller
 *   options: --recent 300000 (lines inside the 30 days, kept) --restricted 1000 (expired but
 *            restricted, kept) --batch 10000 (RETENTION_SWEEP_BATCH) --server postgres://...
 *
 * The lines are written once with COPY into a template database; each run sweeps a fresh copy
 * of it (CREATE DATABASE ... TEMPLATE: a file copy), so that every run deletes the same lines.
 * During the sweep another loop asks, one request after the other, for GET /api/health and a
 * page of the access log itself (GET /api/access-logs, the last two hours, newest first): their
 * latency is compared with the same loop before the sweep.
 */
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const rows = Number(args.rows ?? 3_000_000);
  const recent = Number(args.recent ?? Math.round(rows / 10));
  const restricted = Number(args.restricted ?? 1000);
  const batch = args.batch ?? '10000';
  const server = args.server ?? process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const template = `pc_bench_retention_${rows}_${recent}_${restricted}`;
  const run = `pc_bench_retention_run`;
  const urlOf = (name: string) => Object.assign(new URL(server), { pathname: `/${name}` }).toString();

  console.log(
    `Access log: ${rows.toLocaleString('en')} expired lines, ${restricted.toLocaleString('en')} expired but restricted, ${recent.toLocaleString('en')} recent (${template})`,
  );
  const size = { rows, recent, restricted };
  await ensureTemplate(server, template, urlOf(template), size, (db) => writeLines(db, size));

  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${run}" WITH (FORCE)`);
  let t = performance.now();
  await admin.query(`CREATE DATABASE "${run}" TEMPLATE "${template}"`);
  console.log(`Fresh copy of the template: ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const console_ = await startConsoleProcess({
    DATABASE_URL: urlOf(run),
    ENCRYPTION_KEY: 'e'.repeat(64),
    ADMIN_EMAIL: BENCH_OFFICER.email,
    ADMIN_PASSWORD: BENCH_OFFICER.password,
    RETENTION_SWEEP_BATCH: batch,
  });
  const base = console_.base;
  const db = new Client({ connectionString: urlOf(run) });
  try {
    await db.connect();
    const login = await call<{ token: string }>(base, 'POST', '/api/auth/login', undefined, {
      email: BENCH_OFFICER.email,
      password: BENCH_OFFICER.password,
    });
    const token = login.body.token;
    const [{ expected, kept }] = (
      await db.query<{ expected: number; kept: number }>(
        `SELECT count(*) FILTER (WHERE at < now() - interval '30 days' AND restricted_at IS NULL)::int AS expected,
                count(*) FILTER (WHERE at >= now() - interval '30 days' OR restricted_at IS NOT NULL)::int AS kept FROM access_logs`,
      )
    ).rows;

    // The other client: one request at a time, health and a page of the access log in turn (the
    // last two hours' lines, newest first: along the index the sweep deletes from).
    const listPath = `/api/access-logs?sort=["at","DESC"]&range=[0,24]&filter=${encodeURIComponent(JSON.stringify({ at_gte: new Date(Date.now() - 2 * 3_600_000).toISOString() }))}`;
    const probe = async (until: () => boolean) => {
      const health: number[] = [];
      const list: number[] = [];
      for (let i = 0; !until(); i++) {
        const started = performance.now();
        const res = i % 2 === 0 ? await call(base, 'GET', '/api/health') : await call(base, 'GET', listPath, token);
        if (res.status !== 200) throw new Error(`probe answered ${res.status}`);
        (i % 2 === 0 ? health : list).push(performance.now() - started);
      }
      return { health, list };
    };
    let n = 0;
    const idle = await probe(() => n++ >= 400);

    t = performance.now();
    const dry = await call<{ records: number }>(base, 'POST', '/api/retention/sweep?dryRun=true', token);
    const dryMs = performance.now() - t;

    let sweeping = true;
    t = performance.now();
    const sweepCall = call<RetentionSweep>(base, 'POST', '/api/retention/sweep', token).finally(
      () => (sweeping = false),
    );
    const during = await probe(() => !sweeping);
    const sweep = await sweepCall;
    const wallMs = performance.now() - t;
    if (sweep.status !== 200 || sweep.body.status !== 'completed')
      throw new Error(`sweep: ${sweep.status} ${JSON.stringify(sweep.body)}`);
    const logs = sweep.body.results.find((r) => r.source === 'access-logs');
    if (!logs) throw new Error(`sweep: no access-logs result in ${JSON.stringify(sweep.body)}`);
    const [{ left }] = (await db.query<{ left: number }>(`SELECT count(*)::int AS left FROM access_logs`)).rows;
    if (logs.changed !== expected || left !== kept)
      throw new Error(`deleted ${logs.changed} of ${expected} expected; ${left} lines left, ${kept} expected`);
    const sweepMs = sweep.body.durationMs;

    printTable(
      `Retention sweep of the access log (batches of ${Number(batch).toLocaleString('en')}, console in its own process)`,
      ['', 'lines', 'seconds', 'lines/s'],
      [
        [
          'sweep, POST /api/retention/sweep (HTTP, wall)',
          logs.changed,
          (wallMs / 1000).toFixed(1),
          Math.round(logs.changed / (wallMs / 1000)),
        ],
        [
          '  as recorded (started to finished)',
          logs.changed,
          (sweepMs / 1000).toFixed(1),
          Math.round(logs.changed / (sweepMs / 1000)),
        ],
        ['dry run (counts only)', dry.body.records, (dryMs / 1000).toFixed(1), '-'],
      ],
    );
    console.log(
      `  ${logs.batches} batches; ${logs.restricted} restricted lines and ${kept - logs.restricted} recent ones kept (checked: ${left} left).`,
    );

    const row = (what: string, values: number[]) => {
      const { p50, p95, p99 } = percentiles(values);
      return [what, values.length, p50.toFixed(1), p95.toFixed(1), p99.toFixed(1), Math.max(...values).toFixed(1)];
    };
    printTable(
      'Other requests, one at a time (ms)',
      ['', 'requests', 'p50', 'p95', 'p99', 'max'],
      [
        row('GET /api/health, idle', idle.health),
        row('GET /api/health, during the sweep', during.health),
        row('GET /api/access-logs page, idle', idle.list),
        row('GET /api/access-logs page, during the sweep', during.list),
      ],
    );
    console.log(
      `Goal: at least 50,000 lines/s: ${Math.round(logs.changed / (wallMs / 1000)).toLocaleString('en')} lines/s.`,
    );
  } finally {
    await db.end().catch(() => {});
    await console_.stop();
    await admin.query(`DROP DATABASE IF EXISTS "${run}" WITH (FORCE)`);
    await admin.end();
  }
}

/** The template's lines, written with COPY, once. */
async function writeLines(db: Client, size: { rows: number; recent: number; restricted: number }) {
  const t = performance.now();
  const now = Date.now();
  const day = 86_400_000;
  const paths = ['/', '/vetrine', '/contatti', '/progetti', '/privacy-policy'];
  function* lines() {
    const total = size.rows + size.restricted + size.recent;
    let chunk: string[] = [];
    for (let n = 0; n < total; n++) {
      const expired = n < size.rows + size.restricted;
      // Expired: 31 to 395 days old; recent: within the last 20 days.
      const at = expired
        ? now - 31 * day - (mix(n, 21) % (364 * 1440)) * 60_000
        : now - (mix(n, 22) % (20 * 1440)) * 60_000;
      const h = mix(n, 23);
      const ip = `10.${(h >> 16) & 255}.${(h >> 8) & 255}.${h & 255}`;
      const restrictedAt = n >= size.rows && expired ? new Date(now).toISOString() : '\\N';
      chunk.push(
        `${ip}\tMozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0\t${paths[n % paths.length]}\tGET\t200\t${new Date(at).toISOString()}\t${restrictedAt}`,
      );
      if (chunk.length === 10_000) {
        yield chunk.join('\n') + '\n';
        chunk = [];
      }
    }
    if (chunk.length) yield chunk.join('\n') + '\n';
  }
  await pipeline(
    Readable.from(lines()),
    db.query(copyFrom(`COPY access_logs (ip, user_agent, path, method, status, at, restricted_at) FROM STDIN`)),
  );
  await db.query('VACUUM ANALYZE access_logs');
  console.log(
    `Loaded with COPY in ${((performance.now() - t) / 1000).toFixed(1)} s (once; later runs copy the template)`,
  );
}

/** What POST /api/retention/sweep answers, the part read here. */
interface RetentionSweep {
  status: string;
  durationMs: number;
  results: Array<{ source: string; changed: number; batches: number; restricted: number }>;
}

/** `T`: what the endpoint answers, as the caller expects it (a benchmark, not a test of it). */
async function call<T = unknown>(
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
