import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { fakerIT } from '@faker-js/faker';
import { Client, type Pool } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../api/src/database/data-source';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { normaliseName } from '../api/src/subjects/identifiers';
import { recordStopsStatement } from '../api/src/objections/record-stops';
import { MOBILE_PREFIXES, phoneWritings } from '../api/src/seed/demo-kit';

/**
 * A large synthetic database for the benchmarks, loaded with COPY (never row by row): people
 * spread over every source, with the subject index rows that ingestion would have written.
 * Person i is fully determined by i, so a benchmark can pick people and know their identifiers.
 */
export interface DatasetSize {
  leads: number;
  chatMessages: number;
  calendarEvents: number;
  consents: number;
  accessLogs: number;
}

export const FULL: DatasetSize = {
  leads: 1_000_000,
  chatMessages: 2_000_000,
  calendarEvents: 500_000,
  consents: 1_000_000,
  accessLogs: 3_000_000,
};

/** The tables of the five sources, whose rows a scale is named by (7.5M in FULL). */
export const SOURCE_TABLES = ['leads', 'chat_messages', 'calendar_events', 'consent_records', 'access_logs'];

/** The rows of the five sources a dataset of this size holds. */
export function sourceRows(size: DatasetSize): number {
  return size.leads + size.chatMessages + size.calendarEvents + size.consents + size.accessLogs;
}

/**
 * The size a benchmark's arguments ask for: `--rows 10M` (the scale whose five sources hold that
 * many rows: 10,000,000 rows is 1,333,333 leads) or `--scale 0.1` (a tenth of FULL); FULL when
 * neither is given.
 */
export function datasetSize(args: { scale?: string; rows?: string }): DatasetSize {
  return sizeAt(args.rows ? parseCount(args.rows) / sourceRows(FULL) : Number(args.scale ?? 1));
}

/** A scale as `--growth` lists it: `10M` or `750k` is `--rows`, a plain number is `--scale`. */
export function sizeOfScale(spec: string): DatasetSize {
  return /[km]$/i.test(spec) ? datasetSize({ rows: spec }) : datasetSize({ scale: spec });
}

export function sizeAt(scale: number): DatasetSize {
  if (!(scale > 0)) throw new Error(`not a scale: ${scale}`);
  return Object.fromEntries(
    Object.entries(FULL).map(([k, v]) => [k, Math.max(10, Math.round(v * scale))]),
  ) as unknown as DatasetSize;
}

/** `10M`, `750k` or `10000000`. */
function parseCount(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.replace(/[_,]/g, ''));
  if (!m) throw new Error(`not a row count: ${text} (say 10M, 750k or 10000000)`);
  return Number(m[1]) * { '': 1, k: 1e3, m: 1e6 }[m[2].toLowerCase() as '' | 'k' | 'm'];
}

/** The database's own rows, counted (ingestion by earlier runs adds leads and index rows). */
export async function countRows(db: Client): Promise<{ sourceRows: number; indexRows: number }> {
  const count = async (table: string) =>
    (await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0].n;
  let source = 0;
  for (const table of SOURCE_TABLES) source += Number(await count(table));
  return { sourceRows: source, indexRows: Number(await count('subject_identifiers')) };
}

const FIRST = fakerIT.rawDefinitions.person!.first_name!.generic as string[];
const LAST = fakerIT.rawDefinitions.person!.last_name!.generic as string[];
const DOMAINS = ['gmail.com', 'libero.it', 'yahoo.it', 'hotmail.it', 'outlook.it', 'virgilio.it'];

/** Cheap deterministic mixing, so person i always has the same names. */
export function mix(i: number, salt: number): number {
  let h = (i * 2654435761 + salt * 40503) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

export function person(i: number) {
  const first = FIRST[mix(i, 1) % FIRST.length];
  const last = LAST[mix(i, 2) % LAST.length];
  const slug = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
  const email = `${slug(first)}.${slug(last)}${i}@${DOMAINS[mix(i, 3) % DOMAINS.length]}`;
  const mobile = `${MOBILE_PREFIXES[i % MOBILE_PREFIXES.length]}${String(Math.floor(i / MOBILE_PREFIXES.length)).padStart(7, '0')}`;
  return {
    first,
    last,
    email,
    mobile,
    e164: `+39${mobile}`,
    name: normaliseName(`${first} ${last}`)!,
    consentId: `cid-${i.toString(36)}-${mix(i, 4).toString(36)}`,
    ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
  };
}

/** COPY text format: tabs and newlines escaped, \N for null. */
function field(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the dataset's values are strings, numbers, booleans and dates
  return String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

async function copy(client: Client, table: string, columns: string[], rows: Iterable<unknown[]>): Promise<void> {
  await copyText(client, table, columns, copyChunks(rows));
}

/** Rows as COPY text, 5,000 lines a chunk. */
export function* copyChunks(rows: Iterable<unknown[]>): Generator<string> {
  let chunk: string[] = [];
  for (const row of rows) {
    chunk.push(row.map(field).join('\t'));
    if (chunk.length === 5000) {
      yield chunk.join('\n') + '\n';
      chunk = [];
    }
  }
  if (chunk.length) yield chunk.join('\n') + '\n';
}

/** COPY text (from `copyChunks`) into a table. */
export async function copyText(client: Client, table: string, columns: string[], chunks: Iterable<string>) {
  await pipeline(Readable.from(chunks), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
}

type IndexRow = [string, string, string, string, string];

export async function loadDataset(client: Client, size: DatasetSize, log: (line: string) => void): Promise<void> {
  const people = size.leads;
  const base = Date.UTC(2026, 10, 22) - 700 * 86_400_000;
  const at = (i: number, salt: number, days = 700) =>
    new Date(base + (mix(i, salt) % (days * 1440)) * 60_000).toISOString();
  const index: IndexRow[] = [];
  const flushIndex = async () => {
    await copy(client, 'subject_identifiers', ['kind', 'value', 'source', 'record_id', 'field'], index);
    index.length = 0;
  };
  const timed = async (what: string, fn: () => Promise<void>) => {
    const t = Date.now();
    await fn();
    log(`  ${what}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };

  await timed(`${size.leads} leads`, async () => {
    const rows: unknown[][] = [];
    for (let i = 0; i < size.leads; i++) {
      const p = person(i);
      const id = randomUUID();
      const phone = phoneWritings(p.mobile)[i % 6];
      rows.push([
        id,
        `bench-lead-${i}`,
        p.first,
        p.last,
        i % 3 === 0 ? p.email.toUpperCase() : p.email,
        phone,
        i % 2 ? `${p.last} Srl` : null,
        `Vorremmo un preventivo per il negozio. Richiamatemi al ${phone}.`,
        'negozio',
        'più clienti',
        'google',
        'cpc',
        'vetrine-autunno',
        null,
        null,
        '/vetrine',
        'https://www.google.com/',
        at(i, 5),
        at(i, 5),
      ]);
      index.push(
        ['email', p.email, 'leads', id, 'email'],
        ['phone', p.e164, 'leads', id, 'phone'],
        ['name', p.name, 'leads', id, 'name'],
        ['phone', p.e164, 'leads', id, 'message'],
      );
      if (rows.length === 100_000) {
        await copy(client, 'leads', LEAD_COLUMNS, rows);
        await flushIndex();
        rows.length = 0;
      }
    }
    await copy(client, 'leads', LEAD_COLUMNS, rows);
    await flushIndex();
  });

  await timed(`${size.chatMessages} chat messages`, async () => {
    const conversations: unknown[][] = [];
    const messages: unknown[][] = [];
    const perConversation = 5;
    for (let c = 0; c * perConversation < size.chatMessages; c++) {
      const i = mix(c, 6) % people;
      const p = person(i);
      const conversationId = randomUUID();
      const startedAt = at(c, 7, 360);
      conversations.push([
        conversationId,
        `bench-chat-${c}`,
        ['anthropic', 'openai', 'gemini', 'ollama'][c % 4],
        startedAt,
      ]);
      const t = Date.parse(startedAt);
      for (let m = 0; m < perConversation && c * perConversation + m < size.chatMessages; m++) {
        const id = randomUUID();
        const user = m % 2 === 0;
        let content = user
          ? 'Fate allestimenti per negozi? Quanto costa un sopralluogo?'
          : 'Sì, il sopralluogo è gratuito. Vuole essere ricontattato? Può scrivere a info@vimage.it.';
        if (m === 4) {
          content = c % 2 ? `Sì, il mio numero è ${phoneWritings(p.mobile)[c % 6]}` : `Sì, scrivetemi a ${p.email}`;
          index.push(
            c % 2
              ? ['phone', p.e164, 'chat-messages', id, 'content']
              : ['email', p.email, 'chat-messages', id, 'content'],
          );
        }
        messages.push([
          id,
          null,
          conversationId,
          user ? 'user' : 'assistant',
          content,
          new Date(t + m * 30_000).toISOString(),
        ]);
      }
      if (messages.length >= 100_000) {
        await copy(client, 'chat_conversations', ['id', 'external_id', 'provider', 'started_at'], conversations);
        await copy(
          client,
          'chat_messages',
          ['id', 'external_id', 'conversation_id', 'role', 'content', 'sent_at'],
          messages,
        );
        await flushIndex();
        conversations.length = 0;
        messages.length = 0;
      }
    }
    await copy(client, 'chat_conversations', ['id', 'external_id', 'provider', 'started_at'], conversations);
    await copy(
      client,
      'chat_messages',
      ['id', 'external_id', 'conversation_id', 'role', 'content', 'sent_at'],
      messages,
    );
    await flushIndex();
  });

  await timed(`${size.calendarEvents} calendar events`, async () => {
    const connections: unknown[][] = [];
    const events: unknown[][] = [];
    const perConnection = 5;
    for (let k = 0; k * perConnection < size.calendarEvents; k++) {
      const i = mix(k, 8) % people;
      const p = person(i);
      const connectionId = randomUUID();
      connections.push([
        connectionId,
        `bench-conn-${k}`,
        p.email,
        '{https://www.googleapis.com/auth/calendar}',
        at(k, 9, 300),
      ]);
      index.push(['account', p.email, 'calendar-connections', connectionId, 'accountEmail']);
      for (let e = 0; e < perConnection && k * perConnection + e < size.calendarEvents; e++) {
        const id = randomUUID();
        const starts = Date.parse(at(k * 7 + e, 10, 300));
        events.push([
          id,
          null,
          connectionId,
          ['manual', 'system', 'imported'][e % 3],
          'Sopralluogo negozio',
          `Referente: ${p.first} ${p.last}`,
          JSON.stringify([
            { email: p.email, name: `${p.first} ${p.last}` },
            { email: 'laura.vianello@vimage.it', name: 'Laura Vianello' },
          ]),
          new Date(starts).toISOString(),
          new Date(starts + 3_600_000).toISOString(),
        ]);
        index.push(
          ['email', p.email, 'calendar-events', id, 'attendees'],
          ['name', p.name, 'calendar-events', id, 'attendees'],
          ['email', 'laura.vianello@vimage.it', 'calendar-events', id, 'attendees'],
          ['name', 'laura vianello', 'calendar-events', id, 'attendees'],
        );
      }
      if (events.length >= 100_000) {
        await copy(
          client,
          'calendar_connections',
          ['id', 'external_id', 'account_email', 'scopes', 'connected_at'],
          connections,
        );
        await copy(client, 'calendar_events', EVENT_COLUMNS, events);
        await flushIndex();
        connections.length = 0;
        events.length = 0;
      }
    }
    await copy(
      client,
      'calendar_connections',
      ['id', 'external_id', 'account_email', 'scopes', 'connected_at'],
      connections,
    );
    await copy(client, 'calendar_events', EVENT_COLUMNS, events);
    await flushIndex();
  });

  await timed(`${size.consents} consent records`, async () => {
    const rows: unknown[][] = [];
    for (let n = 0; n < size.consents; n++) {
      const i = n % people;
      const p = person(i);
      const id = randomUUID();
      const recordedAt = at(n, 11, 360);
      const withEmail = n % 3 === 0;
      rows.push([
        id,
        `bench-consent-${n}`,
        p.consentId,
        withEmail ? p.email : null,
        JSON.stringify({
          necessary: true,
          functional: false,
          ai_chatbot: n % 2 === 0,
          statistics: true,
          analytics: n % 3 === 0,
          marketing: false,
        }),
        n < people ? 'grant' : 'update',
        '2026-06-11',
        false,
        recordedAt,
        new Date(Date.parse(recordedAt) + 365 * 86_400_000).toISOString(),
      ]);
      index.push(['consent_id', p.consentId, 'consents', id, 'consentId']);
      if (withEmail) index.push(['email', p.email, 'consents', id, 'email']);
      if (rows.length === 100_000) {
        await copy(client, 'consent_records', CONSENT_COLUMNS, rows);
        await flushIndex();
        rows.length = 0;
      }
    }
    await copy(client, 'consent_records', CONSENT_COLUMNS, rows);
    await flushIndex();
  });

  await timed(`${size.accessLogs} access-log lines`, async () => {
    function* rows() {
      for (let n = 0; n < size.accessLogs; n++) {
        const p = person(mix(n, 12) % people);
        yield [
          p.ip,
          'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0',
          ['/', '/vetrine', '/contatti', '/progetti'][n % 4],
          'GET',
          200,
          at(n, 13, 29),
        ];
      }
    }
    await copy(client, 'access_logs', ['ip', 'user_agent', 'path', 'method', 'status', 'at'], rows());
  });

  await timed('ANALYZE', async () => {
    await client.query('ANALYZE');
  });
}

export const LEAD_COLUMNS = [
  'id',
  'external_id',
  'first_name',
  'last_name',
  'email',
  'phone',
  'company',
  'message',
  'space_type',
  'objective',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'landing_page',
  'referrer',
  'consent_given_at',
  'submitted_at',
];
const EVENT_COLUMNS = [
  'id',
  'external_id',
  'connection_id',
  'origin',
  'title',
  'description',
  'attendees',
  'starts_at',
  'ends_at',
];
const CONSENT_COLUMNS = [
  'id',
  'external_id',
  'consent_id',
  'email',
  'categories',
  'action',
  'policy_version',
  'do_not_track',
  'recorded_at',
  'valid_until',
];

/** Creates the benchmark database unless it exists; true when it was just created. */
export async function ensureDatabase(server: string, name: string): Promise<boolean> {
  const admin = new Client({ connectionString: server });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await admin.query(`CREATE DATABASE "${name}"`);
    return true;
  } finally {
    await admin.end();
  }
}

/**
 * A template database that benchmark runs copy (`CREATE DATABASE ... TEMPLATE`, a file copy),
 * made once: the schema (every migration), then `fill`, then bench_meta with `size`, written
 * last, which says it is complete. Answers at once when bench_meta is there.
 */
export async function ensureTemplate(
  server: string,
  name: string,
  url: string,
  size: unknown,
  fill: (db: Client) => Promise<void>,
): Promise<void> {
  const fresh = await ensureDatabase(server, name);
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    if (!fresh) {
      const done = await db.query(`SELECT 1 FROM pg_tables WHERE tablename = 'bench_meta'`);
      if (done.rowCount) return;
    }
    const dataSource = new DataSource(dataSourceOptions(url, 2));
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.destroy();
    await fill(db);
    await db.query(`CREATE TABLE bench_meta (size jsonb)`);
    await db.query(`INSERT INTO bench_meta VALUES ($1)`, [JSON.stringify(size)]);
  } finally {
    await db.end();
  }
}

/**
 * Loads the dataset unless the database already holds a complete one of this size (a fresh
 * database always loads); bench_meta, written last, says it is complete.
 */
export async function ensureDataset(db: Client, size: DatasetSize, fresh: boolean): Promise<void> {
  if (!fresh && (await loaded(db, size))) return;
  console.log('Loading with COPY (once; later runs reuse it):');
  const t = Date.now();
  await loadDataset(db, size, console.log);
  await db.query(`CREATE TABLE IF NOT EXISTS bench_meta (size jsonb)`);
  await db.query(`DELETE FROM bench_meta`);
  await db.query(`INSERT INTO bench_meta VALUES ($1)`, [JSON.stringify(size)]);
  console.log(`  loaded in ${((Date.now() - t) / 1000).toFixed(0)} s`);
}

/** Whether the database holds a complete dataset of this size (bench_meta is written last). */
export async function loaded(db: Client, size: DatasetSize): Promise<boolean> {
  try {
    const { rows } = await db.query<{ size: Record<string, number> }>('SELECT size FROM bench_meta');
    // jsonb reorders keys: compare field by field.
    return rows.length === 1 && Object.entries(size).every(([k, v]) => rows[0].size[k] === v);
  } catch {
    return false;
  }
}

export type Person = ReturnType<typeof person>;

/**
 * The officer's lists that bench:load and bench:search time, each page asked for one random
 * person, with the floor of bench:search: the same page as bare SQL, plus the count the console
 * makes when a full page cannot tell the total (a large list's estimate is reused for 10 s, so
 * the newest leads need none; a page shorter than asked for is its own total), and for a
 * source's records the processing stops of the page's records (`stopsOf`, the source), which
 * the console asks for every page that is not empty.
 */
export const OFFICER_LISTS: Array<{
  name: string;
  path: (p: Person) => string;
  floor: string[];
  params: (p: Person) => unknown[];
  stopsOf?: string;
}> = [
  {
    name: 'leads list filtered by e-mail',
    path: (p) => `/api/leads?filter=${encodeURIComponent(JSON.stringify({ email: p.email }))}&range=[0,24]`,
    floor: ['SELECT * FROM leads WHERE email IN ($1) ORDER BY submitted_at DESC, id DESC LIMIT 25'],
    params: (p) => [p.email],
    stopsOf: 'leads',
  },
  {
    name: 'leads list, first page, newest first',
    path: () => `/api/leads?sort=${encodeURIComponent('["submittedAt","DESC"]')}&range=[0,24]`,
    floor: ['SELECT * FROM leads ORDER BY submitted_at DESC, id DESC LIMIT 25'],
    params: () => [],
    stopsOf: 'leads',
  },
  {
    name: 'requests list',
    path: () => `/api/requests?range=[0,24]`,
    floor: [
      'SELECT * FROM requests ORDER BY working_due_date ASC, id ASC LIMIT 25',
      'SELECT count(*) FROM (SELECT 1 FROM requests LIMIT 10001) AS bounded',
    ],
    params: () => [],
  },
];

/**
 * A list's floor for one person, as bare SQL on `db`: the page, the count, then the page's
 * processing stops (as the console asks them: named, only for a page that is not empty).
 */
export async function runListFloor(db: Client | Pool, list: (typeof OFFICER_LISTS)[number], params: unknown[]) {
  const [page, ...counts] = list.floor;
  const { rows } = await db.query<{ id: unknown }>(page, page.includes('$1') ? params : []);
  for (const count of counts) await db.query(count, count.includes('$1') ? params : []);
  if (list.stopsOf && rows.length)
    await db.query({ ...recordStopsStatement(list.stopsOf), values: [rows.map((row) => String(row.id))] });
  return rows;
}

/**
 * The requests page must answer a full page (and its audit event name 25 requests): the dataset
 * has no requests of its own, so `count` are registered once through the API.
 */
export async function ensureRequests(db: Client, base: string, token: string, count = 100): Promise<void> {
  const [{ n: held }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM requests')).rows;
  for (let i = held; i < count; i++) {
    const p = person(i);
    const body = {
      type: 'access',
      channel: 'email',
      receivedAt: new Date(Date.now() - i * 3_600_000).toISOString(),
      subjectName: p.name,
      subjectEmail: p.email,
    };
    const made = await fetch(`${base}/api/requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (made.status !== 201) throw new Error(`registering a request failed: ${made.status} ${await made.text()}`);
  }
}
