import 'reflect-metadata';
import { connect } from 'node:net';
import { ImapFlow } from 'imapflow';
import { Client } from 'pg';
import { startDovecot, type TestMailServer } from '../tests/support/dovecot';
import { startConsoleProcess, type RunningProcess } from './console-process';
import { benchMailbox, newLetter, type BenchMailKind } from './mailbox-corpus';
import { postgresCpu, threadsCpu } from './proc-stats';
import { cpuProfileOptions, parseArgs, percentiles, printTable, BENCH_OFFICER } from './stats';

/**
 * The privacy@ mailbox read by the console (issue 19): a real dovecot, started with its own
 * configuration in a temporary folder (the tests' helper), filled with a mailbox's worth of
 * realistic mail (`mailbox-corpus.ts`: request letters in Italian and English, replies,
 * auto-replies, delivery reports, list mail), appended in bulk with IMAP APPEND. Then:
 *
 * 1. The import: the built console, as its own process on a fresh database, reads the whole
 *    folder at its start (each message fetched, sealed and stored, read, filed as a request, a
 *    reply or other mail, audited, then marked and moved on the server). Its time is the
 *    reading's own (`GET /api/mailbox/status`), beside the floor: imapflow fetching the same
 *    messages bare from the same server, no parsing, no storing.
 * 2. The delay of a new message: a letter APPENDed to the folder, until its request is in the
 *    console's database; several, one after the other. Beside it the floor: a bare imapflow
 *    client in IDLE on the same folder hearing of the same message.
 *
 *   npm run bench:mailbox                           # 10,000 messages, 5 new letters
 *   npm run bench:mailbox -- --messages 300         # smaller (CI)
 *   npm run bench:mailbox -- --samples 10           # more new letters
 *   npm run bench:mailbox -- --cpu-prof /tmp/p      # a V8 CPU profile of the console, written when it stops
 *   options: --server postgres://postgres@127.0.0.1:5432/postgres
 *
 * Goals (issue 19): 10,000 messages imported in under 2 minutes; a new message in the console
 * within 30 s of its arrival.
 */

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const count = Number(args.messages ?? 10_000);
  const samples = Number(args.samples ?? 5);
  const server = args.server ?? process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `pc_bench_mailbox_${Date.now()}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(server);
  url.pathname = `/${dbName}`;
  const profile = cpuProfileOptions(args);
  let imap: TestMailServer | null = null;
  let running: RunningProcess | null = null;
  const db = new Client({ connectionString: url.toString() });
  try {
    imap = await startDovecot();
    type Status = { lastRead: { trigger: string; startedAt: string; finishedAt: string; [k: string]: unknown } | null };
    const env = {
      DATABASE_URL: url.toString(),
      ENCRYPTION_KEY: 'e'.repeat(64),
      ADMIN_EMAIL: BENCH_OFFICER.email,
      ADMIN_PASSWORD: BENCH_OFFICER.password,
      IMAP_URL: imap.url,
      MAILBOX_POLL_CRON: 'off',
    };
    /** The console, once its reading at start (of an empty folder, or the whole one) is done. */
    const start = async (idle: boolean, nodeOptions: string[] = []) => {
      const started = await startConsoleProcess({ ...env, MAILBOX_IDLE: idle ? 'on' : 'off' }, nodeOptions);
      const { token } = await post<{ token: string }>(started.base, '/api/auth/login', {
        email: BENCH_OFFICER.email,
        password: BENCH_OFFICER.password,
      });
      await readingDone(started.base, token, 'startup');
      return { ...started, token };
    };
    /** Waits for the console's reading of `trigger` to end; answers what it says of itself. */
    const readingDone = async (base: string, token: string, trigger: string) => {
      const since = performance.now();
      for (;;) {
        const status = await get<Status>(base, '/api/mailbox/status', token);
        if (status.lastRead?.trigger === trigger) return status.lastRead;
        if (performance.now() - since > 30 * 60_000)
          throw new Error('the console did not finish reading within 30 minutes');
        // Seldom: each look is a signed-in request the console answers while it reads.
        await sleep(1_000);
      }
    };

    // The import: a console started on the empty folder, without IDLE (its reading is asked for by hand).
    const first = await start(false, profile);
    running = first;

    let t = performance.now();
    const mail = benchMailbox(count);
    const written = performance.now() - t;
    const expected = new Map<BenchMailKind, number>();
    for (const m of mail) expected.set(m.kind, (expected.get(m.kind) ?? 0) + 1);
    const bytes = mail.reduce((n, m) => n + m.raw.length, 0);
    t = performance.now();
    await appendAll(
      imap,
      mail.map((m) => m.raw),
    );
    const appended = performance.now() - t;
    console.log(
      `Mailbox: ${count.toLocaleString('en')} messages (${(bytes / 1e6).toFixed(1)} MB: ${[...expected]
        .map(([k, n]) => `${n.toLocaleString('en')} ${k.replace('_', '-')}`)
        .join(', ')}), written in ${(written / 1000).toFixed(1)} s, appended in ${(appended / 1000).toFixed(1)} s`,
    );

    // The floor: the same messages fetched bare by imapflow from the same server (read-only: nothing moves).
    const floor = await bareFetch(imap);
    if (floor.count !== count) throw new Error(`the floor fetched ${floor.count} messages, not ${count}`);

    const cpu0 = { console: threadsCpu(first.pid), pg: postgresCpu() };
    // "Read now": its answer may outlast the HTTP server's timeout; the reading's own times are its status.
    void fetch(`${first.base}/api/mailbox/read`, {
      method: 'POST',
      headers: { authorization: `Bearer ${first.token}` },
    }).catch(() => undefined);
    const read = await readingDone(first.base, first.token, 'manual');
    const importMs = Date.parse(read.finishedAt) - Date.parse(read.startedAt);
    const cpuNow = threadsCpu(first.pid);
    const cpu = { main: cpuNow.main - cpu0.console.main, other: cpuNow.other - cpu0.console.other };
    const cpuPg = postgresCpu() - cpu0.pg;
    await first.stop();
    running = null;

    await db.connect();
    const filed = await db.query<{ disposition: string; n: string }>(
      `SELECT coalesce(disposition, 'unfiled') AS disposition, count(*) AS n FROM mailbox_messages GROUP BY 1`,
    );
    const byDisposition = Object.fromEntries(filed.rows.map((r) => [r.disposition, Number(r.n)]));
    const stored = Object.values(byDisposition).reduce((a, b) => a + b, 0);
    if (stored !== count || byDisposition.unfiled)
      throw new Error(`${stored} messages stored, ${byDisposition.unfiled ?? 0} not filed, of ${count}`);
    // Every reply to a letter that became a request is on that request; every letter asking a right is a request.
    const requestIds = new Set(
      (
        await db.query<{ message_id: string }>(
          `SELECT message_id FROM mailbox_messages WHERE disposition = 'request' AND message_id IS NOT NULL`,
        )
      ).rows.map((r) => r.message_id),
    );
    const threaded = mail.filter((m) => m.kind === 'reply' && requestIds.has(m.inReplyTo!)).length;
    if ((byDisposition.reply ?? 0) !== threaded)
      throw new Error(`${byDisposition.reply ?? 0} replies filed, ${threaded} sent to letters that made a request`);
    const letters = mail.filter((m) => m.kind === 'letter' && m.asksRight).length;
    if ((byDisposition.request ?? 0) < letters * 0.9)
      throw new Error(`${byDisposition.request ?? 0} requests of ${letters} letters asking a right`);
    const left = (await imap.messages('INBOX')).length;
    if (left) throw new Error(`${left} messages left in INBOX`);

    printTable(
      `Import of ${count.toLocaleString('en')} messages (the console's reading at its start, then checked in its database)`,
      ['', 's', 'messages/s', 'CPU console main s', 'CPU console other s', 'CPU PostgreSQL s'],
      [
        [
          'console: fetch, seal, store, read, file, audit, move',
          importMs / 1000,
          (count / importMs) * 1000,
          cpu.main / 1000,
          cpu.other / 1000,
          cpuPg / 1000,
        ],
        ['floor: imapflow fetching them bare', floor.ms / 1000, (count / floor.ms) * 1000, '', '', ''],
      ],
    );
    console.log(
      `  filed: ${byDisposition.request ?? 0} requests, ${byDisposition.reply ?? 0} replies, ${byDisposition.other ?? 0} other mail; console / floor ${(importMs / floor.ms).toFixed(1)}x. Goal: under 120 s.`,
    );

    // The delay of a new message: a console with IDLE, APPEND, then its request in the database.
    running = await start(true);
    // IDLE a moment after its last command (imapflow waits 15 s by default).
    const watcher = new ImapFlow({
      host: '127.0.0.1',
      port: imap.port,
      secure: false,
      auth: { user: imap.user, pass: imap.password },
      logger: false,
      autoIdleDelay: 200,
    });
    await watcher.connect();
    await watcher.mailboxOpen('INBOX', { readOnly: true });
    let heard: (() => void) | null = null;
    watcher.on('exists', () => heard?.());
    const delays: number[] = [];
    const floors: number[] = [];
    for (let i = 0; i < samples; i++) {
      await sleep(2_000);
      const letter = newLetter(i);
      const idle = new Promise<number>((resolve) => {
        heard = () => resolve(performance.now());
        setTimeout(() => resolve(NaN), 60_000).unref();
      });
      const sent = performance.now();
      await imap.deliver(letter.raw);
      const floorDelay = (await idle) - sent;
      if (Number.isNaN(floorDelay)) throw new Error('the bare IDLE client heard of no new message within 60 s');
      floors.push(floorDelay);
      for (;;) {
        const found = await db.query(`SELECT 1 FROM requests WHERE lower(subject_email) = lower($1)`, [
          letter.subjectEmail,
        ]);
        if (found.rowCount) break;
        if (performance.now() - sent > 120_000) throw new Error(`new letter ${i} not in the console after 120 s`);
        await sleep(20);
      }
      delays.push(performance.now() - sent);
    }
    await watcher.logout();
    const row = (what: string, values: number[]) => {
      const { p50 } = percentiles(values);
      return [what, p50 / 1000, Math.max(...values) / 1000];
    };
    printTable(
      `A new message, from its APPEND (${samples} letter${samples === 1 ? '' : 's'}, 2 s apart)`,
      ['', 'p50 s', 'max s'],
      [row('console: its request in the database', delays), row('floor: a bare IDLE client hears of it', floors)],
    );
    console.log('  Goal: within 30 s.');
  } finally {
    await db.end().catch(() => undefined);
    await running?.stop();
    await imap?.stop();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
}

/**
 * The messages appended over one connection, pipelined: each APPEND with a non-synchronising
 * literal (LITERAL+, which dovecot offers), so the server is not waited on between them.
 */
function appendAll(imap: TestMailServer, raws: Buffer[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(imap.port, '127.0.0.1');
    let buffer = '';
    let stage: 'greeting' | 'login' | 'append' | 'logout' = 'greeting';
    let done = 0;
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.on('error', fail);
    const write = async () => {
      for (let i = 0; i < raws.length; i++) {
        const head = Buffer.from(`a${i} APPEND INBOX {${raws[i].length}+}\r\n`);
        if (!socket.write(Buffer.concat([head, raws[i], Buffer.from('\r\n')])))
          await new Promise((r) => socket.once('drain', r));
      }
    };
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      let nl: number;
      while ((nl = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        if (stage === 'greeting' && line.startsWith('* OK')) {
          stage = 'login';
          socket.write(`l LOGIN "${imap.user}" "${imap.password}"\r\n`);
        } else if (stage === 'login' && line.startsWith('l ')) {
          if (!line.startsWith('l OK')) return fail(new Error(`login refused: ${line}`));
          stage = 'append';
          write().catch(fail);
        } else if (stage === 'append' && /^a\d+ /.test(line)) {
          if (!/^a\d+ OK/.test(line)) return fail(new Error(`APPEND refused: ${line}`));
          if (++done === raws.length) {
            stage = 'logout';
            socket.write('z LOGOUT\r\n');
          }
        } else if (stage === 'logout' && line.startsWith('z ')) {
          socket.end();
          resolve();
        }
      }
    });
  });
}

/** The floor: every message of the folder fetched whole (as the console fetches them), nothing else done. */
async function bareFetch(imap: TestMailServer): Promise<{ count: number; ms: number }> {
  const client: ImapFlow = await imap.client();
  try {
    const t = performance.now();
    await client.mailboxOpen('INBOX', { readOnly: true });
    let count = 0;
    for await (const m of client.fetch('1:*', { uid: true, source: true, internalDate: true })) if (m.source) count++;
    return { count, ms: performance.now() - t };
  } finally {
    await client.logout();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function get<T>(base: string, path: string, token: string): Promise<T> {
  const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** `T`: what the endpoint answers, as the caller expects it (a benchmark, not a test of it). */
async function post<T = unknown>(base: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
