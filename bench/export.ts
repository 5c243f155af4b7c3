import 'reflect-metadata';
import archiver from 'archiver';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Writable } from 'node:stream';
import { Client } from 'pg';
import { ZIP_OPTIONS } from '../api/src/exports/export-zip';
import { readZip } from '../tests/support/zip';
import { closeHttpConnections, cpuProfileOptions, httpCall, parseArgs, printTable, BENCH_OFFICER } from './stats';
import { startConsoleProcess, type RunningProcess } from './console-process';
import { postgresCpu, rss, threadsCpu } from './proc-stats';

/**
 * Access-package export of a typical subject and a heavy one (100,000 chat messages), through
 * HTTP from the built console running as its own process: time, throughput, the growth of the
 * API process's resident memory and its CPU time while it exports; beside archiver's own
 * throughput zipping the same bytes from memory with the same options (the floor), and the ratio
 * the machine's cores would allow at the CPU the export took. Every package is checked: all the
 * messages are in it and every file matches the manifest's size and SHA-256.
 *
 *   npm run bench:export                       # 100,000 messages, the heavy export and the floor 3 times
 *   npm run bench:export -- --messages 20000   # smaller (CI)
 *   npm run bench:export -- --runs 5           # more pairs of heavy export and floor
 *   npm run bench:export -- --cpu-prof /tmp/p  # a V8 CPU profile of the console, written when it stops
 */
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const messages = Number(args.messages ?? 100_000);
  const runs = Number(args.runs ?? 3);
  const server = args.server ?? process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `pc_bench_export_${Date.now()}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(server);
  url.pathname = `/${dbName}`;
  const profile = cpuProfileOptions(args);
  let console_: RunningProcess | null = null;
  try {
    console_ = await startConsoleProcess(
      {
        DATABASE_URL: url.toString(),
        ENCRYPTION_KEY: 'd'.repeat(64),
        ADMIN_EMAIL: BENCH_OFFICER.email,
        ADMIN_PASSWORD: BENCH_OFFICER.password,
      },
      profile,
    );
    const { base, pid } = console_;
    const { token } = await post<{ token: string }>(base, '/api/auth/login', {
      email: BENCH_OFFICER.email,
      password: BENCH_OFFICER.password,
    });
    const { key } = await post<{ key: string }>(base, '/api/api-keys', { name: 'bench' }, token);
    const ingest = (source: string, body: unknown) => post(base, `/api/ingest/${source}`, body, undefined, key);

    await ingest('leads', [
      {
        externalId: 't-lead',
        firstName: 'Giulia',
        lastName: 'Bianchi',
        email: 'typical@example.it',
        phone: '347 111 2233',
        message: 'Preventivo vetrina',
        utmSource: 'google',
        submittedAt: '2026-11-02T10:00:00Z',
      },
      {
        externalId: 'h-lead',
        firstName: 'Marco',
        lastName: 'Rossi',
        email: 'heavy@example.it',
        phone: '347 444 5566',
        submittedAt: '2026-11-02T10:00:00Z',
      },
    ]);
    await ingest('chat-conversations', [
      {
        externalId: 't-chat',
        provider: 'anthropic',
        startedAt: '2026-11-05T18:00:00Z',
        messages: [
          { role: 'user', content: 'Fate allestimenti per negozi?', sentAt: '2026-11-05T18:00:01Z' },
          { role: 'assistant', content: 'Sì, certo.', sentAt: '2026-11-05T18:00:02Z' },
          { role: 'user', content: 'Richiamatemi al 347 111 2233', sentAt: '2026-11-05T18:00:03Z' },
        ],
      },
      {
        externalId: 'h-chat',
        provider: 'openai',
        startedAt: '2026-11-05T18:00:00Z',
        messages: [{ role: 'user', content: 'Scrivetemi a heavy@example.it', sentAt: '2026-11-05T18:00:01Z' }],
      },
    ]);
    await ingest('consents', {
      consentId: 'typical-browser',
      email: 'typical@example.it',
      categories: { necessary: true, ai_chatbot: true },
      action: 'grant',
      policyVersion: '2026-06-11',
      recordedAt: '2026-11-02T09:00:00Z',
    });
    const db = new Client({ connectionString: url.toString() });
    await db.connect();
    await db.query(
      `INSERT INTO chat_messages (conversation_id, role, content, sent_at)
       SELECT (SELECT id FROM chat_conversations WHERE external_id = 'h-chat'), CASE WHEN g % 2 = 0 THEN 'user' ELSE 'assistant' END,
              'Messaggio ' || g || ': ' || md5(g::text) || ' ' || repeat('vetrina allestimento luce ', 4), now() + g * interval '1 second'
       FROM generate_series(1, $1) g`,
      [messages - 1],
    );
    await db.end();

    /** One download, timed, with the console's peak resident memory and CPU time meanwhile; the package is checked. */
    const exportOnce = async (requestId: string, expected: number) => {
      const baseline = rss(pid);
      let peak = baseline;
      const cpu = threadsCpu(pid);
      const database = postgresCpu();
      const sampler = setInterval(() => (peak = Math.max(peak, rss(pid))), 5);
      const t = performance.now();
      const zip = await download(`${base}/api/requests/${requestId}/export.zip?kind=access`, token);
      const ms = performance.now() - t;
      clearInterval(sampler);
      const used = threadsCpu(pid);
      const cpuDatabase = postgresCpu() - database;
      const entries = await readZip(zip);
      const manifest = JSON.parse(entries.get('manifest.json')!.toString()) as {
        files: Array<{ path: string; size: number; records: number; sha256: string }>;
      };
      const chat = manifest.files.find((f) => f.path === 'data/chat-messages.json')!;
      if (chat.records !== expected) throw new Error(`${chat.records} chat messages exported, expected ${expected}`);
      for (const f of manifest.files) {
        const content = entries.get(f.path)!;
        if (content.length !== f.size || createHash('sha256').update(content).digest('hex') !== f.sha256)
          throw new Error(`${f.path}: size or checksum differs from the manifest`);
      }
      const raw = manifest.files.reduce((n, f) => n + f.size, 0);
      return {
        ms,
        raw,
        zip,
        entries,
        rssGrowth: peak - baseline,
        cpuMain: used.main - cpu.main,
        cpuOther: used.other - cpu.other,
        cpuDatabase,
      };
    };
    const requestFor = async (email: string) => {
      const request = await post<{ id: string }>(
        base,
        '/api/requests',
        { type: 'access', channel: 'email', language: 'it', receivedAt: new Date().toISOString(), subjectEmail: email },
        token,
      );
      await post(base, `/api/requests/${request.id}/verify`, { method: 'email_from_known_address' }, token);
      return request.id;
    };

    const typical = await exportOnce(await requestFor('typical@example.it'), 3);
    const heavyId = await requestFor('heavy@example.it');
    const rows: Array<Array<string | number>> = [
      [
        'typical subject',
        typical.ms,
        typical.raw / 1e6,
        typical.zip.length / 1e6,
        typical.raw / 1e6 / (typical.ms / 1000),
        typical.rssGrowth / 1e6,
        typical.cpuMain,
        typical.cpuOther,
        typical.cpuDatabase,
        '',
        '',
        '',
      ],
    ];
    // The heavy package and the floor, one after the other, `runs` times: the machine is shared,
    // so each export is compared with the floor measured right after it.
    const cores = availableParallelism();
    const ratios: number[] = [];
    for (let run = 1; run <= runs; run++) {
      const heavy = await exportOnce(heavyId, messages);
      // The floor: archiver alone, with the export's own options, zipping the same files from memory into nothing.
      const total = [...heavy.entries.values()].reduce((n, b) => n + b.length, 0);
      const t = performance.now();
      await new Promise<void>((resolve, reject) => {
        const archive = archiver('zip', ZIP_OPTIONS);
        archive.on('error', reject);
        archive.pipe(new Writable({ write: (_c, _e, cb) => cb() })).on('finish', () => resolve());
        for (const [name, data] of heavy.entries) archive.append(data, { name });
        void archive.finalize();
      });
      const floorMs = performance.now() - t;
      const rate = heavy.raw / 1e6 / (heavy.ms / 1000);
      const floorRate = total / 1e6 / (floorMs / 1000);
      ratios.push(rate / floorRate);
      rows.push([
        `heavy subject (${messages.toLocaleString('en')} messages), run ${run}`,
        heavy.ms,
        heavy.raw / 1e6,
        heavy.zip.length / 1e6,
        rate,
        heavy.rssGrowth / 1e6,
        heavy.cpuMain,
        heavy.cpuOther,
        heavy.cpuDatabase,
        floorRate,
        rate / floorRate,
        ceilingOnCores(heavy, cores, floorRate),
      ]);
    }
    printTable(
      'Access package export (through HTTP, console in its own process; floor: archiver alone on the same files from memory, right after)',
      [
        '',
        'ms',
        'data MB',
        'zip MB',
        'MB/s (data)',
        'RSS growth MB',
        'CPU main ms',
        'CPU other threads ms',
        'CPU PostgreSQL ms',
        'floor MB/s',
        'export / floor',
        `${cores} cores allow`,
      ],
      rows,
    );
    const sorted = [...ratios].sort((x, y) => x - y);
    console.log(
      `\n  "${cores} cores allow": export / floor were the export to take only its CPU time (the console's threads and PostgreSQL's) spread over ${cores} cores never idle: the ceiling of that run.`,
    );
    console.log(
      `  export / floor over ${runs} runs: median ${sorted[Math.floor((sorted.length - 1) / 2)].toFixed(2)}, best ${sorted[sorted.length - 1].toFixed(2)}, worst ${sorted[0].toFixed(2)}`,
    );
  } finally {
    await console_?.stop();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
}

/**
 * Export / floor were the cores never idle: the export taking as long as its CPU (the console's
 * threads and PostgreSQL's, read from /proc in clock ticks) spread over them; the floor deflates
 * on one thread. Blank for an export too short to have been counted a tick.
 */
function ceilingOnCores(
  heavy: { raw: number; cpuMain: number; cpuOther: number; cpuDatabase: number },
  cores: number,
  floorRate: number,
): number | string {
  const cpuMs = heavy.cpuMain + heavy.cpuOther + heavy.cpuDatabase;
  return cpuMs > 0 ? heavy.raw / 1e6 / (cpuMs / cores / 1000) / floorRate : '';
}

/** The package, through node:http (`httpCall`: fetch would take CPU the console's export did not get). */
async function download(url: string, token: string): Promise<Buffer> {
  const { status, body } = await httpCall(url, { headers: { authorization: `Bearer ${token}` } });
  if (status !== 200) throw new Error(`${url}: ${status}`);
  return body;
}

/** `T`: what the endpoint answers, as the caller expects it (a benchmark, not a test of it). */
async function post<T = unknown>(base: string, path: string, body: unknown, token?: string, key?: string): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(key ? { 'x-api-key': key } : {}),
    },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(closeHttpConnections);
