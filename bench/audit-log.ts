import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startConsoleProcess, type RunningProcess } from './console-process';
import { ensureTemplate } from './dataset';
import { BENCH_OFFICER, closeHttpConnections, httpCall, parseArgs, percentiles, printTable, signIn } from './stats';

/**
 * The audit log as it grows with use: its screen (reads grouped, as the officer first sees it),
 * everything about a person, and the verification of the whole chain, through the real HTTP API
 * of the built console in its own process.
 *
 *   npm run bench:audit-log                         # 1,000,000 events (chained once, about 2 minutes)
 *   npm run bench:audit-log -- --events 100000      # smaller
 *   options: --samples 20 (requests per figure) --verifications 2 --server postgres://...
 *
 * The events are read events of five officers, put into the audit inbox and chained by the
 * console itself (a valid chain with its signed checkpoint) in a template database, once; each
 * run works on a fresh copy of it. In every block of 40 events an officer reads 30 pages of the
 * leads, opens 5 leads, searches for a person and opens 4 requests.
 */
const ENCRYPTION_KEY = 'e'.repeat(64);

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const events = Number(args.events ?? 1_000_000);
  const samples = Number(args.samples ?? 20);
  const verifications = Number(args.verifications ?? 2);
  const server = args.server ?? process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const template = `pc_bench_audit_${events}`;
  const run = 'pc_bench_audit_run';
  const urlOf = (name: string) => Object.assign(new URL(server), { pathname: `/${name}` }).toString();

  console.log(`Audit log: ${events.toLocaleString('en')} events (${template})`);
  await ensureTemplate(server, template, urlOf(template), { events }, (db) => chainEvents(db, urlOf(template), events));

  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${run}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${run}" TEMPLATE "${template}"`);
  const dataDir = mkdtempSync(join(tmpdir(), 'pc-bench-audit-'));
  const console_ = await startBenchConsole(urlOf(run), dataDir);
  const db = new Client({ connectionString: urlOf(run) });
  try {
    await db.connect();
    const token = await signIn(console_.base);
    const get = async (path: string) => {
      const started = performance.now();
      const res = await httpCall(`${console_.base}${path}`, { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.body.toString()}`);
      return { ms: performance.now() - started, body: res.body, res };
    };
    const list = (filter: object, range: [number, number], sort: [string, string] = ['id', 'DESC']) =>
      `/api/audit-events?filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent(JSON.stringify(range))}&sort=${encodeURIComponent(JSON.stringify(sort))}`;
    const timed = async (path: string, n = samples) => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) times.push((await get(path)).ms);
      return times;
    };
    // The person: the last one searched for.
    const [{ query: person }] = (
      await db.query<{ query: string }>(
        `SELECT details->>'query' AS query FROM audit_events WHERE action = 'subject.searched' ORDER BY id DESC LIMIT 1`,
      )
    ).rows;

    // The floors, in the same run: the newest page of the log straight from PostgreSQL, and the
    // same page through the console with each read on its own line (a plain list).
    const floorSql: number[] = [];
    for (let i = 0; i < samples; i++) {
      const started = performance.now();
      await db.query('SELECT * FROM audit_events ORDER BY id DESC LIMIT 25');
      floorSql.push(performance.now() - started);
    }
    const rows: Array<[string, number[]]> = [
      ['floor: newest 25 events, bare SQL (pg client)', floorSql],
      ['floor: newest page, each read on its own line', await timed(list({ reads: true }, [0, 24]))],
      ['screen as it opens: reads grouped, newest first', await timed(list({ reads: 'grouped' }, [0, 24]))],
      ['reads grouped, lines 1,000-1,024', await timed(list({ reads: 'grouped' }, [1000, 1024]))],
      ['reads grouped, oldest first', await timed(list({ reads: 'grouped' }, [0, 24], ['id', 'ASC']))],
      ['everything about a person, each read', await timed(list({ reads: true, person }, [0, 24]))],
      ['everything about a person, reads grouped', await timed(list({ reads: 'grouped', person }, [0, 24]))],
    ];
    printTable(
      `The audit log's pages, one request at a time (ms; ${samples} each)`,
      ['', 'p50', 'p95', 'max'],
      rows.map(([what, times]) => {
        const { p50, p95 } = percentiles(times);
        return [what, p50.toFixed(1), p95.toFixed(1), Math.max(...times).toFixed(1)];
      }),
    );
    const grouped = await get(list({ reads: 'grouped' }, [0, 24]));
    console.log(
      `  The screen's Content-Range: ${grouped.res.headers['content-range']} (lines: exact while the window holds every event, estimated past it)`,
    );

    // Verifying the chain, while another client asks for the console's health every 100 ms.
    const health = async (until: () => boolean) => {
      const times: number[] = [];
      while (!until()) {
        const started = performance.now();
        const res = await httpCall(`${console_.base}/api/health`);
        if (res.status !== 200) throw new Error(`health: ${res.status}`);
        times.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return times;
    };
    let n = 0;
    const idle = await health(() => n++ >= 30);
    const verifyRows: Array<Array<string | number>> = [];
    for (let i = 0; i < verifications; i++) {
      let verifying = true;
      const verification = get('/api/audit/verify').finally(() => (verifying = false));
      const during = await health(() => !verifying);
      const { ms, body } = await verification;
      const answer = JSON.parse(body.toString()) as { valid: boolean; checked: number };
      if (!answer.valid) throw new Error(`the chain did not verify: ${body.toString()}`);
      const p = percentiles(during);
      verifyRows.push([
        `verification ${i + 1}: ${answer.checked.toLocaleString('en')} events`,
        (ms / 1000).toFixed(2),
        p.p50.toFixed(1),
        Math.max(...during).toFixed(1),
      ]);
    }
    const floorRead = await readWholeLog(db);
    const p = percentiles(idle);
    printTable(
      'Verifying the whole chain (GET /api/audit/verify), and the console meanwhile',
      ['', 'seconds', 'health p50 ms', 'health max ms'],
      [
        ['floor: reading every event (pg client, no hashing)', (floorRead / 1000).toFixed(2), '-', '-'],
        ...verifyRows,
        ['health, idle', '-', p.p50.toFixed(1), Math.max(...idle).toFixed(1)],
      ],
    );
  } finally {
    closeHttpConnections();
    await db.end().catch(() => {});
    await console_.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await admin.query(`DROP DATABASE IF EXISTS "${run}" WITH (FORCE)`);
    await admin.end();
  }
}

function startBenchConsole(url: string, dataDir: string): Promise<RunningProcess> {
  return startConsoleProcess({
    DATABASE_URL: url,
    DATA_DIR: dataDir,
    ENCRYPTION_KEY,
    ADMIN_EMAIL: BENCH_OFFICER.email,
    ADMIN_PASSWORD: BENCH_OFFICER.password,
  });
}

/** Every event read in batches of 5,000 by id, as the verifier reads them: its floor. */
async function readWholeLog(db: Client): Promise<number> {
  const started = performance.now();
  let after = '0';
  for (;;) {
    const { rows } = await db.query<{ id: string }>(
      `SELECT id::text AS id, at, actor_id, actor_email, action, entity, entity_id, details, prev_hash, hash
         FROM audit_events e WHERE e.id > $1 ORDER BY e.id LIMIT 5000`,
      [after],
    );
    if (rows.length === 0) break;
    after = rows[rows.length - 1].id;
  }
  return performance.now() - started;
}

/**
 * The template's events: put into the audit inbox with one INSERT, and chained by the console
 * (it chains its inbox before answering a page of the log), once.
 */
async function chainEvents(db: Client, url: string, events: number) {
  const started = performance.now();
  await db.query(
    `INSERT INTO audit_inbox (at, actor_id, actor_email, action, entity, entity_id, details)
     SELECT now() - interval '400 days' + i * interval '3 seconds',
            md5('officer' || ((i / 40) % 5))::uuid,
            'officer' || ((i / 40) % 5) || '@example.com',
            CASE WHEN i % 40 < 30 THEN 'records.listed' WHEN i % 40 < 35 THEN 'record.viewed'
                 WHEN i % 40 = 35 THEN 'subject.searched' ELSE 'request.viewed' END,
            CASE WHEN i % 40 < 35 THEN 'leads' WHEN i % 40 = 35 THEN 'subject' ELSE 'request' END,
            CASE WHEN i % 40 < 30 THEN NULL WHEN i % 40 < 35 THEN md5('lead' || (i % 7))::uuid::text
                 WHEN i % 40 = 35 THEN NULL ELSE md5('request' || (i % 13))::uuid::text END,
            CASE WHEN i % 40 < 30 THEN jsonb_build_object('range', '[0,24]', 'total', 2000,
                                         'ids', jsonb_build_array(md5('a' || i)::uuid, md5('b' || i)::uuid))
                 WHEN i % 40 = 35 THEN jsonb_build_object('query', 'person' || i || '@example.org', 'results', 3)
                 ELSE '{}'::jsonb END
       FROM generate_series(1, $1::int) AS i`,
    [events],
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'pc-bench-audit-'));
  const console_ = await startBenchConsole(url, dataDir);
  try {
    const token = await signIn(console_.base);
    const res = await httpCall(`${console_.base}/api/audit-events?range=[0,0]`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (res.status !== 200) throw new Error(`chaining: ${res.status} ${res.body.toString()}`);
  } finally {
    closeHttpConnections();
    await console_.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const [{ left }] = (await db.query<{ left: number }>('SELECT count(*)::int AS left FROM audit_inbox')).rows;
  if (left > 0) throw new Error(`${left} events still in the inbox after chaining`);
  await db.query('VACUUM ANALYZE audit_events');
  console.log(`Chained by the console in ${((performance.now() - started) / 1000).toFixed(1)} s (once)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
