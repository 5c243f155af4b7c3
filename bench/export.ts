import 'reflect-metadata';
import archiver from 'archiver';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Client } from 'pg';
import { readZip } from '../tests/support/zip';
import { parseArgs, printTable } from './stats';

/**
 * Access-package export of a typical subject and a heavy one (100,000 chat messages), through
 * HTTP from the built console running as its own process: time, throughput, and the growth of
 * the API process's resident memory while it exports; beside archiver's own throughput zipping
 * the same bytes from memory (the floor).
 *
 *   npm run bench:export                       # 100,000 messages
 *   npm run bench:export -- --messages 20000   # smaller (CI)
 */
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const messages = Number(args.messages ?? 100_000);
  const server = args.server ?? process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `pc_bench_export_${Date.now()}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(server);
  url.pathname = `/${dbName}`;
  const port = await freePort();
  const child = spawn(process.execPath, [join(__dirname, '../api/src/main.js')], {
    env: { ...process.env, DATABASE_URL: url.toString(), PORT: String(port), ENCRYPTION_KEY: 'd'.repeat(64), ADMIN_EMAIL: 'bench@console.test', ADMIN_PASSWORD: 'bench password 123', LOG_LEVEL: 'warn', ADMIN_DIR: 'none' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => d.toString().includes('Privacy console ready') && resolve());
      child.on('exit', (code) => reject(new Error(`console exited ${code}`)));
    });
    const token = (await post(base, '/api/auth/login', { email: 'bench@console.test', password: 'bench password 123' })).token as string;
    const key = (await post(base, '/api/api-keys', { name: 'bench' }, token)).key as string;
    const ingest = (source: string, body: unknown) => post(base, `/api/ingest/${source}`, body, undefined, key);

    await ingest('leads', [
      { externalId: 't-lead', firstName: 'Giulia', lastName: 'Bianchi', email: 'typical@example.it', phone: '347 111 2233', message: 'Preventivo vetrina', utmSource: 'google', submittedAt: '2026-11-02T10:00:00Z' },
      { externalId: 'h-lead', firstName: 'Marco', lastName: 'Rossi', email: 'heavy@example.it', phone: '347 444 5566', submittedAt: '2026-11-02T10:00:00Z' },
    ]);
    await ingest('chat-conversations', [
      { externalId: 't-chat', provider: 'anthropic', startedAt: '2026-11-05T18:00:00Z', messages: [
        { role: 'user', content: 'Fate allestimenti per negozi?', sentAt: '2026-11-05T18:00:01Z' },
        { role: 'assistant', content: 'Sì, certo.', sentAt: '2026-11-05T18:00:02Z' },
        { role: 'user', content: 'Richiamatemi al 347 111 2233', sentAt: '2026-11-05T18:00:03Z' },
      ] },
      { externalId: 'h-chat', provider: 'openai', startedAt: '2026-11-05T18:00:00Z', messages: [{ role: 'user', content: 'Scrivetemi a heavy@example.it', sentAt: '2026-11-05T18:00:01Z' }] },
    ]);
    await ingest('consents', { consentId: 'typical-browser', email: 'typical@example.it', categories: { necessary: true, ai_chatbot: true }, action: 'grant', policyVersion: '2026-06-11', recordedAt: '2026-11-02T09:00:00Z' });
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

    const rows: Array<Array<string | number>> = [];
    let heavyZip: Buffer | null = null;
    for (const [label, email] of [['typical subject', 'typical@example.it'], [`heavy subject (${messages.toLocaleString('en')} messages)`, 'heavy@example.it']] as const) {
      const request = await post(base, '/api/requests', { type: 'access', channel: 'email', language: 'it', receivedAt: new Date().toISOString(), subjectEmail: email }, token);
      await post(base, `/api/requests/${request.id}/verify`, { method: 'email_from_known_address' }, token);
      const baseline = rss(child.pid!);
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, rss(child.pid!))), 5);
      const t = performance.now();
      const res = await fetch(`${base}/api/requests/${request.id}/export.zip?kind=access`, { headers: { authorization: `Bearer ${token}` } });
      const zip = Buffer.from(await res.arrayBuffer());
      const ms = performance.now() - t;
      clearInterval(sampler);
      const manifest = JSON.parse((await readZip(zip)).get('manifest.json')!.toString()) as { files: Array<{ path: string; size: number; records: number }> };
      const chat = manifest.files.find((f) => f.path === 'data/chat-messages.json')!;
      const expected = email.startsWith('heavy') ? messages : 3;
      if (chat.records !== expected) throw new Error(`${label}: ${chat.records} chat messages exported, expected ${expected}`);
      const raw = manifest.files.reduce((n, f) => n + f.size, 0);
      rows.push([label, ms, raw / 1e6, zip.length / 1e6, raw / 1e6 / (ms / 1000), (peak - baseline) / 1e6]);
      if (email.startsWith('heavy')) heavyZip = zip;
    }
    printTable('Access package export (through HTTP, console in its own process)', ['', 'ms', 'data MB', 'zip MB', 'MB/s (data)', 'RSS growth MB'], rows);

    // The floor: archiver alone, zipping the same files from memory into nothing.
    const entries = await readZip(heavyZip!);
    const total = [...entries.values()].reduce((n, b) => n + b.length, 0);
    const t = performance.now();
    await new Promise<void>((resolve, reject) => {
      const archive = archiver('zip', { zlib: { level: 6 } });
      archive.on('error', reject);
      archive.pipe(new Writable({ write: (_c, _e, cb) => cb() })).on('finish', () => resolve());
      for (const [name, data] of entries) archive.append(data, { name });
      void archive.finalize();
    });
    const floorMs = performance.now() - t;
    const heavyRate = rows[1][4] as number;
    const floorRate = total / 1e6 / (floorMs / 1000);
    printTable('Floor: archiver alone on the heavy package', ['', 'ms', 'data MB', 'MB/s'], [
      ['archiver, from memory', floorMs, total / 1e6, floorRate],
      ['export / floor', heavyRate / floorRate, 0, 0],
    ]);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
}

function rss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

async function post(base: string, path: string, body: unknown, token?: string, key?: string): Promise<any> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(key ? { 'x-api-key': key } : {}) },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
