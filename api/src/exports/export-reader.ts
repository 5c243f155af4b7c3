import { Query, type PoolClient, type QueryArrayConfig, type QueryResult } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import type { Socket } from 'node:net';
import { withLiterals } from './sql-literals';

/**
 * The reading side of a package: the database connection (a snapshot on a server), pages by
 * OFFSET or by keyset, a large source streamed with back-pressure on the socket, and the
 * registers' facts for the README. Nothing here writes a ZIP entry (`export-writer.ts`).
 */

/** Records per page: small sources by OFFSET; large ones streamed (on a server) or by keyset. */
const PAGE = 1000;
const LARGE_PAGE = 2000;
/** Pages of a streamed query read ahead of the export before PostgreSQL is held back (`readStreaming`). */
const PAGES_AHEAD = 2;

/** Where a package reads from (see `openPackageReader`). */
export interface PackageReader {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** A page read along the index that fits its ORDER BY (`readAlongIndex`), each row as an array of its columns. */
  alongIndex(sql: string, values: Array<string | string[]>): Promise<unknown[][]>;
  /**
   * All the rows of a query read along the index that fits its ORDER BY, as one query streamed
   * in pages (`readStreaming`), each row as an array of its columns. Null on the embedded
   * database: one query there would hold its only session for the whole download (large sources
   * are read by keyset instead).
   */
  streamed: ((sql: string, values: Array<string | string[]>) => AsyncGenerator<unknown[][]>) | null;
  close(): Promise<void>;
}

export type ExportRow = Record<string, unknown>;
export type ExportPages = () => AsyncGenerator<ExportRow[]>;

/**
 * What a package reads through. On a server: one read-only REPEATABLE READ transaction, so that
 * the package is the data as it was at one instant whatever an erasure, a retention sweep or
 * the website changes while it is written (a conversation swept half-way through its pages
 * would otherwise be half in it); a read-only snapshot blocks no writer. On the embedded
 * database (one session, for demos) each page is read on its own: a snapshot there would hold
 * the only session for as long as the download lasts, and a stalled download would stop the
 * whole console (and on a server a stalled download would hold a connection of the pool: see
 * `watchStall`). `close` may be called more than once and on a broken connection, and must
 * come before anything else takes a connection.
 */
export async function openPackageReader(db: DataSource, onServer: boolean): Promise<PackageReader> {
  if (!onServer) {
    return {
      query: <T>(sql: string, params?: unknown[]) => db.query<T[]>(sql, params),
      alongIndex: async (sql, values) => {
        const runner = db.createQueryRunner();
        try {
          return await readAlongIndex(runner, sql, values);
        } finally {
          await runner.release();
        }
      },
      streamed: null,
      close: async () => {},
    };
  }
  const runner = db.createQueryRunner();
  let closed = false;
  try {
    await runner.connect();
    await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  } catch (error) {
    await runner.release();
    throw error;
  }
  return {
    query: <T>(sql: string, params?: unknown[]) => runner.query(sql, params) as Promise<T[]>,
    alongIndex: (sql, values) => readAlongIndex(runner, sql, values),
    streamed: (sql, values) => readStreaming(runner, sql, values),
    close: async () => {
      if (closed) return;
      closed = true;
      await runner.query('ROLLBACK').catch(() => {});
      await runner.release();
    },
  };
}

/** A small source read page by page by OFFSET, each row mapped to what the package says. */
export function pagedByOffset<Row>(
  db: PackageReader,
  sql: string,
  params: unknown[],
  map: (row: Row) => ExportRow,
): ExportPages {
  return async function* () {
    for (let offset = 0; ; offset += PAGE) {
      const rows = await db.query<Row>(`${sql} LIMIT ${PAGE} OFFSET ${offset}`, params);
      if (rows.length === 0) return;
      yield rows.map(map);
      if (rows.length < PAGE) return;
    }
  };
}

/**
 * Large sources are read by keyset, not OFFSET: each page starts after the last key seen,
 * so reading 100,000 messages costs 50 index range scans, not a growing sort. Keys travel as
 * text with PostgreSQL's microseconds (`keyOf`): a JS Date would cut them and repeat rows.
 * ORDER BY names the table's columns: an output column of the same name (an instant
 * formatted as text) was once what got sorted, with no index, and out of step with the key
 * comparison (rows sharing a millisecond could be lost at a page boundary).
 *
 * `alongIndex`: the page is read along an index that fits the keys, whatever the planner
 * believes (see `readAlongIndex`). Only for a source whose index is known to fit them.
 */
export const pagedByKeyset = <Row>(
  db: PackageReader,
  q: {
    table: string;
    select: string;
    where: string;
    keys: string[];
    params: Array<string | string[]>;
    keyOf: (row: Row) => string[];
    map: (row: Row) => Record<string, unknown>;
    /** Rows come as arrays of their columns (see `readAlongIndex`). */
    alongIndex?: boolean;
  },
): ExportPages =>
  async function* () {
    const columns = q.keys.map((k) => `${q.table}.${k}`);
    const read = (last: string[] | null): Promise<Row[]> => {
      const placeholders = q.keys.map(
        (k, i) => `$${q.params.length + i + 1}::${k.endsWith('id') ? 'uuid' : 'timestamptz'}`,
      );
      // The first key alone bounds the index scan; the row comparison breaks ties.
      const after: string = last
        ? ` AND ${columns[0]} >= ${placeholders[0]} AND (${columns.join(', ')}) > (${placeholders.join(', ')})`
        : '';
      const sql = `${q.select} WHERE ${q.where}${after} ORDER BY ${columns.join(', ')} LIMIT ${LARGE_PAGE}`;
      const values = last ? [...q.params, ...last] : q.params;
      return (q.alongIndex ? db.alongIndex(sql, values) : db.query<Row>(sql, values)) as Promise<Row[]>;
    };
    // The next page is asked for before this one is written: the database works while the
    // page is turned into JSON and CSV. A reader that stops early leaves one page unread.
    let next: Promise<Row[]> | null = read(null);
    while (next) {
      const rows: Row[] = await next;
      next = null;
      if (rows.length === LARGE_PAGE) {
        next = read(q.keyOf(rows[rows.length - 1]));
        next.catch(() => {}); // awaited on the next turn, or dropped with the reader
      }
      const mapped = mapAndEmpty(rows, q.map);
      if (mapped.length > 0) yield mapped;
    }
  };

/**
 * What the registers say of some source systems, as a data subject reads it: purposes, bases and
 * processors (activities), retention, in the request's language (the `_it`/`_en` columns, the
 * officer's text where they are empty). Never the officer's internal notes.
 */
export interface RegisterFacts {
  activities: Array<{
    source_system: string;
    purposes: string;
    legal_basis: string;
    processors: Array<{
      name: string;
      service: string;
      location: string;
      transfer_mechanism: string;
      transfer_impact_assessment_on: string | null;
    }> | null;
  }>;
  retention: Array<{ source: string; period_text: string }>;
}

export async function readRegisterFacts(
  db: PackageReader,
  systems: string[],
  language: 'it' | 'en',
): Promise<RegisterFacts> {
  language = language === 'it' ? 'it' : 'en'; // written into the column names below
  const activities = await db.query<RegisterFacts['activities'][number]>(
    `SELECT a.source_system, coalesce(a.purposes_${language}, a.purposes) AS purposes, a.legal_basis,
              (SELECT json_agg(json_build_object('name', p.name, 'service', coalesce(p.service_${language}, p.service),
                        'location', coalesce(p.location_${language}, p.location), 'transfer_mechanism', p.transfer_mechanism,
                        'transfer_impact_assessment_on', p.transfer_impact_assessment_on::text) ORDER BY p.name)
                 FROM activity_processors ap JOIN processors p ON p.id = ap.processor_id
                WHERE ap.activity_id = a.id) AS processors
       FROM activities a WHERE a.source_system = ANY($1) ORDER BY a.name`,
    [systems],
  );
  const retention = await db.query<RegisterFacts['retention'][number]>(
    `SELECT source, coalesce(period_text_${language}, period_text) AS period_text FROM retention_policies WHERE source = ANY($1)`,
    [systems],
  );
  return { activities, retention };
}

/**
 * A page's rows as export records; the rows are emptied, not only let go. An object that survived
 * two young collections is in the old generation, and a dead one there still keeps what it
 * references alive through young collections until the next full one: the promise, pg's result
 * or the generator's result that carried a page can be such an object, and the page would be
 * promoted in turn (see also `heap-tuning.ts`).
 */
export function mapAndEmpty<Row>(
  rows: Row[],
  map: (row: Row) => Record<string, unknown>,
): Array<Record<string, unknown>> {
  const mapped = rows.map(map);
  rows.length = 0;
  return mapped;
}

/**
 * A page read along the index that fits its ORDER BY, whatever the planner's statistics say.
 * A conversation of 100,000 messages is an outlier they do not see (or have not seen yet, just
 * after it arrived): the planner expects a handful of rows, reads the whole rest of the
 * conversation through a bitmap scan and sorts it, for every page. With sorting and bitmap scans
 * off for this statement only, the index range scan stops after a page (figures:
 * docs/performance.md).
 *
 * One round trip: the settings, the SELECT and the settings put back go as one query of several
 * statements, inside the export's snapshot or as an implicit transaction of their own (separate round trips cost more than the page
 * itself, each waiting for the event loop to be free of the page before). That protocol has no
 * parameters: the values (ids and instants from the database, fixed roles) are written in as
 * literals escaped by pg; the statements given here hold no other `$`.
 *
 * Rows come as arrays: pg builds an object per row by setting each column by its name, which
 * costs more (V8 looks the name up in its string table each time).
 */
async function readAlongIndex(db: QueryRunner, sql: string, values: Array<string | string[]>): Promise<unknown[][]> {
  const text = alongIndexStatements(withLiterals(sql, values));
  const client = (await db.connect()) as PoolClient;
  const results = (await client.query({ text, rowMode: 'array' })) as unknown as Array<QueryResult<unknown[]>>;
  return results[2].rows;
}

/**
 * All the rows of `sql` (a SELECT with `$n` values, see `withLiterals`) from one query, handed
 * over in pages of LARGE_PAGE rows as they arrive, in the transaction (the snapshot) of `db`. The
 * plan is that of `readAlongIndex` (the same settings, for this statement only).
 *
 * One query rather than a page per query: each page read by keyset cost PostgreSQL a round trip,
 * a plan and an index descent, and waited for the event loop to send the next query (more of
 * PostgreSQL's time: docs/performance.md), and the rows carried their id
 * only to be the key of the next page. PostgreSQL is held back by the connection instead: once
 * PAGES_AHEAD pages wait to be read, the socket is paused (as pg-copy-streams does) and PostgreSQL waits
 * in its send until the export catches up, so memory stays at about three pages whatever the
 * size of the source.
 *
 * A reader that stops half-way (a download given up, a failure) would leave the query sending
 * the rest: the connection is closed instead, which ends the query and its transaction, and the
 * pool does not take a closed connection back (`close` of the reader then has nothing to roll back).
 */
async function* readStreaming(
  db: QueryRunner,
  sql: string,
  values: Array<string | string[]>,
): AsyncGenerator<unknown[][]> {
  const client = (await db.connect()) as PoolClient & { connection: { stream: Socket } };
  const socket = client.connection.stream;
  const text = alongIndexStatements(withLiterals(sql, values));
  const query = new Query({ text, rowMode: 'array' } as QueryArrayConfig);
  const waiting: unknown[][][] = [];
  let page: unknown[][] = [];
  let ended = false;
  let failure = null as Error | null;
  let paused = false;
  let arrived: (() => void) | null = null;
  const wake = () => {
    const resolve = arrived;
    arrived = null;
    resolve?.();
  };
  query.on('row', (row: unknown[]) => {
    page.push(row);
    if (page.length < LARGE_PAGE) return;
    waiting.push(page);
    page = [];
    if (waiting.length >= PAGES_AHEAD && !paused) {
      paused = true;
      socket.pause();
    }
    wake();
  });
  query.on('end', () => {
    if (page.length > 0) waiting.push(page);
    page = [];
    ended = true;
    wake();
  });
  query.on('error', (error: Error) => {
    failure = error;
    ended = true;
    wake();
  });
  client.query(query);
  try {
    for (;;) {
      const next = waiting.shift();
      if (next) {
        if (paused && waiting.length < PAGES_AHEAD) {
          paused = false;
          socket.resume();
        }
        yield next;
      } else if (failure) {
        throw failure;
      } else if (ended) {
        return;
      } else {
        await new Promise<void>((resolve) => (arrived = resolve));
      }
    }
  } finally {
    if (!ended) socket.destroy();
  }
}

/** `select` planned with sorting and bitmap scans off, for it alone (see `readAlongIndex`): the SELECT's rows are the third result. */
function alongIndexStatements(select: string): string {
  return `SET LOCAL enable_sort = off; SET LOCAL enable_bitmapscan = off; ${select}; RESET enable_sort; RESET enable_bitmapscan`;
}
