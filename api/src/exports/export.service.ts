import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type archiver from 'archiver';
import { createHash } from 'node:crypto';
import type { Socket } from 'node:net';
import { Writable, type Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { escapeLiteral, Query, type PoolClient, type QueryArrayConfig, type QueryResult } from 'pg';
import { DataSource, type QueryRunner } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service';
import { ConflictError } from '../common/errors/domain.error';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { CONTROLLER, legalBasisWords } from '../registers/activities/record-of-processing';
import { RequestEvent } from '../requests/request-event.entity';
import type { DataSubjectRequest } from '../requests/request.entity';
import { normaliseEmail, normalisePhone } from '../subjects/identifiers';
import { SubjectSearchService } from '../subjects/subject-search.service';
import { csvLine, csvRecord } from './export-csv';
import { jsonRecord } from './export-json';
import { ExportSpool } from './export-spool';
import { watchStall } from './export-stall';
import { readmeHtml, readmeText, type ReadmeFacts } from './export-texts';
import {
  calendarConnectionRow,
  calendarEventRow,
  chatMessageRow,
  consentRow,
  leadRow,
  type ExportKind,
} from './export-rows';
import { appendDeflated, createPackageArchive, DeflatedFile } from './export-zip';
import { PageBytes } from './page-bytes';
import { excerptsText } from './excerpts';
import { ReviewService } from './review.service';

/** Records per page: small sources by OFFSET; large ones streamed (on a server) or by keyset. */
const PAGE = 1000;
const LARGE_PAGE = 2000;
/** Pages of a streamed query read ahead of the export before PostgreSQL is held back (`readStreaming`). */
const PAGES_AHEAD = 2;

/** Where a package reads from (see `openReader`). */
interface PackageReader {
  query(sql: string, params?: unknown[]): Promise<any>;
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

/** One data file of a package, produced page by page so that nothing large sits in memory. */
interface DataFile {
  source: string;
  label: { en: string; it: string };
  origin: { en: string; it: string };
  /** The source system name in the registers (activities and retention policies). */
  system: string;
  pages: () => AsyncGenerator<Array<Record<string, unknown>>>;
}

export interface ManifestFile {
  path: string;
  size: number;
  records: number;
  sha256: string;
}

/**
 * Access (Art. 15) and portability (Art. 20) packages: a ZIP streamed to the response with
 * archiver, never whole in memory, with README (html, txt), data/<source>.json and .csv, and a
 * manifest of sizes, record counts and SHA-256 checksums. Each download is on the request's
 * timeline and in the audit log with the archive's own checksum and size.
 */
@Injectable()
export class ExportService {
  private readonly logger = new Logger(ExportService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly search: SubjectSearchService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly review: ReviewService,
  ) {}

  fileName(request: DataSubjectRequest, kind: ExportKind): string {
    return `${request.reference}-${kind}.zip`;
  }

  /** Refuses before anything is sent: the identity must be verified first. */
  assertExportable(request: DataSubjectRequest): void {
    if (!request.identityVerifiedAt)
      throw new ConflictError("Verify the subject's identity before sending them any data");
  }

  async stream(
    actor: Actor,
    request: DataSubjectRequest,
    kind: ExportKind,
    out: Writable & { on(event: 'close', l: () => void): unknown },
  ): Promise<void> {
    this.assertExportable(request);
    // Art. 15(4): of records that are not only the person's, only the excerpts the officer included after review (access only).
    const excerpts = kind === 'access' ? await this.review.included(request.id) : [];
    const reader = await this.openReader();
    let files: DataFile[];
    try {
      files = await this.dataFiles(reader, request, kind);
    } catch (error) {
      await reader.close();
      throw error;
    }
    const archive = createPackageArchive();
    const zipHash = createHash('sha256');
    let zipSize = 0;
    let aborted = false;
    let current: Readable | null = null;
    archive.on('data', (chunk: Buffer) => {
      zipHash.update(chunk);
      zipSize += chunk.length;
    });
    archive.on('warning', (error) => this.logger.warn(error));
    // An archive that fails (a read error, no space for zlib) ends the export as failed, never as sent.
    const archiveFailed = new Promise<never>((_, reject) => archive.on('error', reject));
    archiveFailed.catch(() => {});
    // A client that stops reading would hold the snapshot's connection for ever: give it up.
    let stalled = false;
    const stopWatching = watchStall(out, this.config.exportStallSeconds * 1000, () => {
      stalled = true;
      out.destroy();
    });
    // The client went away before the end: stop reading the database and drop the archive.
    out.on('close', () => {
      stopWatching();
      if (out.writableFinished) return;
      aborted = true;
      current?.destroy();
      archive.abort();
    });
    const archiveEnded = new Promise<void>((resolve) => archive.on('end', () => resolve()));
    // The response is ended by hand, once the download is on the timeline and in the audit log.
    archive.pipe(out, { end: false });

    const manifest: ManifestFile[] = [];
    const language = request.language;
    try {
      for (const file of files) {
        if (aborted) break;
        manifest.push(
          ...(await this.addSource(
            archive,
            file,
            () => aborted,
            (entry) => (current = entry),
            archiveFailed,
          )),
        );
      }
      if (!aborted) {
        const facts = await this.readmeFacts(reader, request, kind, files, manifest);
        // The excerpts of other people's records the officer included (Art. 15(4)), one per record.
        if (excerpts.length) facts.files.push({ path: 'excerpts.txt', records: excerpts.length });
        // Everything is read: the rest (zipping, recording) needs no database connection.
        await reader.close();
        if (excerpts.length)
          manifest.push({
            ...(await this.addText(archive, 'excerpts.txt', excerptsText(excerpts, language))),
            records: excerpts.length,
          });
        for (const [path, text] of [
          ['README.txt', readmeText(facts, language)],
          ['README.html', readmeHtml(facts, language)],
        ] as const) {
          manifest.push(await this.addText(archive, path, text));
        }
        // The audit chain's signed head as it stood: an auditor can later check the chain still holds it.
        const auditCheckpoint = await this.audit.checkpoint();
        const manifestJson = JSON.stringify(
          {
            reference: request.reference,
            kind,
            generatedAt: facts.generatedAt.toISOString(),
            files: manifest,
            auditCheckpoint,
          },
          null,
          2,
        );
        archive.append(manifestJson, { name: 'manifest.json' });
        await Promise.race([archive.finalize(), archiveFailed]);
        await Promise.race([archiveEnded, archiveFailed]);
      }
    } catch (error) {
      await reader.close();
      if (!aborted) {
        // The download is cut (the client sees an incomplete file, not a finished one) and the
        // timeline says it failed and why: nothing partial is ever reported as sent.
        aborted = true;
        archive.abort();
        out.destroy(error as Error);
        this.logger.error(error);
        await this.record(
          actor,
          request,
          'export_failed',
          `${kind} package failed after ${zipSize} bytes: ${(error as Error).message}`,
          {
            kind,
            bytesSent: zipSize,
            error: (error as Error).message,
          },
        );
        return;
      }
    }
    await reader.close();
    if (aborted) {
      const why = stalled ? `: the client stopped reading for ${this.config.exportStallSeconds} s` : '';
      await this.record(
        actor,
        request,
        'export_interrupted',
        `${kind} package interrupted after ${zipSize} bytes${why}`,
        {
          kind,
          bytesSent: zipSize,
          ...(stalled ? { reason: 'client_stalled' } : {}),
        },
      );
      return;
    }
    const sha256 = zipHash.digest('hex');
    await this.record(actor, request, 'exported', `${kind} package ${this.fileName(request, kind)}`, {
      kind,
      file: this.fileName(request, kind),
      sha256,
      size: zipSize,
      files: manifest.map((f) => ({ path: f.path, records: f.records })),
    });
    out.end();
  }

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
  private async openReader(): Promise<PackageReader> {
    const db = this.dataSource;
    if (!this.config.databaseUrl) {
      return {
        query: (sql, params) => db.query(sql, params),
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
      query: (sql, params) => runner.query(sql, params),
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

  /**
   * Writes one source as data/<source>.json and data/<source>.csv from one read of the database.
   * Each file is deflated on its own zlib stream as it is made, so the two are compressed side by
   * side on the thread pool: the JSON goes into the archive page by page as it is read, the
   * compressed CSV waits in a spool (the archive takes one entry at a time) and follows. Both are
   * hashed and measured as they are made (DeflatedFile). A page is handed over without waiting for zlib to take
   * the one before: the next page is read while the last is compressed (backpressure one page behind).
   */
  private async addSource(
    archive: archiver.Archiver,
    file: DataFile,
    isAborted: () => boolean,
    started: (entry: Readable) => void,
    archiveFailed: Promise<never>,
  ): Promise<ManifestFile[]> {
    const jsonPath = `data/${file.source}.json`;
    const csvPath = `data/${file.source}.csv`;
    const json = new DeflatedFile();
    const csv = new DeflatedFile();
    started(json.output);
    appendDeflated(archive, json.output, jsonPath, json);
    let records = 0;
    const spool = new ExportSpool();
    const spooled = pipeline(
      csv.output,
      new Writable({
        write: (chunk: Buffer, _encoding, done) => void spool.write(chunk).then(() => done(), done),
      }),
    );
    spooled.catch(() => {}); // awaited below, or the export already failed
    const write = (file: DeflatedFile, chunk: Buffer): Promise<void> => {
      if (file.destroyed || file.write(chunk)) return Promise.resolve();
      return file.drained();
    };
    let waiting: Promise<unknown> = Promise.resolve();
    let completed = false;
    const pages = file.pages();
    let header: string[] | null = null;
    /**
     * The next page as its JSON and CSV bytes, each record encoded as it is made (`PageBytes`).
     * The records and the text are dropped before anything is awaited: held while zlib takes the
     * page before, they outlived young collections and were copied and promoted each time (a
     * quarter of the export's time and most of its memory growth); bytes in Buffers are outside
     * the JavaScript heap.
     */
    let jsonExpected = 16 * 1024;
    let csvExpected = 16 * 1024;
    const nextPage = async (): Promise<[Buffer, Buffer] | null> => {
      const { value: page, done } = await pages.next();
      if (done) return null;
      const jsonPage = new PageBytes(jsonExpected);
      const csvPage = new PageBytes(csvExpected);
      if (!header) {
        header = Object.keys(page[0]);
        csvPage.write('\ufeff' + csvLine(header));
      }
      for (const row of page) {
        jsonPage.write(`${records++ > 0 ? ',\n' : ''}  ${jsonRecord(row)}`);
        csvPage.write(csvRecord(row, header));
      }
      page.length = 0; // emptied, not only let go (see `mapAndEmpty`)
      jsonExpected = jsonPage.size;
      csvExpected = csvPage.size;
      return [jsonPage.bytes(), csvPage.bytes()];
    };
    try {
      waiting = write(json, Buffer.from('[\n'));
      for (let chunks = await nextPage(); chunks; chunks = await nextPage()) {
        if (isAborted()) return [];
        await waiting;
        waiting = Promise.all([write(json, chunks[0]), write(csv, chunks[1])]);
      }
      await waiting;
      if (isAborted()) return [];
      await write(json, Buffer.from(records > 0 ? '\n]\n' : ']\n'));
      json.end();
      csv.end();
      await Promise.race([spooled, archiveFailed]);
      const csvEntry = await spool.readable();
      started(csvEntry);
      appendDeflated(archive, csvEntry, csvPath, csv);
      // The spool is freed once the archive has taken all of it.
      await Promise.race([finished(csvEntry), archiveFailed]);
      completed = true;
    } finally {
      // Stopped half-way: zlib's streams are let go (a finished JSON entry may still be passing into the archive).
      if (!completed) {
        json.destroy();
        csv.destroy();
      }
      await pages.return(undefined);
      await spool.dispose();
    }
    return [
      { path: jsonPath, size: json.size, records, sha256: json.sha256() },
      { path: csvPath, size: csv.size, records, sha256: csv.sha256() },
    ];
  }

  private async addText(archive: archiver.Archiver, path: string, text: string): Promise<ManifestFile> {
    const buffer = Buffer.from(text, 'utf8');
    archive.append(buffer, { name: path });
    return { path, size: buffer.length, records: 0, sha256: createHash('sha256').update(buffer).digest('hex') };
  }

  /** The subject's records per source, as files to write; a source with nothing gets no file. */
  private async dataFiles(db: PackageReader, request: DataSubjectRequest, kind: ExportKind): Promise<DataFile[]> {
    const emails = [normaliseEmail(request.subjectEmail)].filter((e): e is string => !!e);
    const phones = [normalisePhone(request.subjectPhone)].filter((p): p is string => !!p);
    const found =
      emails.length || phones.length ? await this.search.locate(emails, phones) : new Map<string, Set<string>>();
    const ids = (source: string) => [...(found.get(source) ?? [])];
    const files: DataFile[] = [];
    const paged = (sql: string, params: unknown[], map: (row: Record<string, any>) => Record<string, unknown>) =>
      async function* () {
        for (let offset = 0; ; offset += PAGE) {
          const rows: Array<Record<string, any>> = await db.query(`${sql} LIMIT ${PAGE} OFFSET ${offset}`, params);
          if (rows.length === 0) return;
          yield rows.map(map);
          if (rows.length < PAGE) return;
        }
      };
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
    const keyset = <Row>(q: {
      table: string;
      select: string;
      where: string;
      keys: string[];
      params: Array<string | string[]>;
      keyOf: (row: Row) => string[];
      map: (row: Row) => Record<string, unknown>;
      /** Rows come as arrays of their columns (see `readAlongIndex`). */
      alongIndex?: boolean;
    }) =>
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
          return (q.alongIndex ? db.alongIndex(sql, values) : db.query(sql, values)) as Promise<Row[]>;
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
    const leadIds = ids('leads');
    if (leadIds.length) {
      files.push({
        source: 'leads',
        system: 'leads',
        label: { en: 'Contact-form requests', it: 'Richieste dal modulo di contatto' },
        origin: {
          en: 'You, through the contact form of the website',
          it: 'Lei, tramite il modulo di contatto del sito',
        },
        pages: paged(`SELECT * FROM leads WHERE id = ANY($1::uuid[]) ORDER BY submitted_at, id`, [leadIds], (r) =>
          leadRow(r, kind),
        ),
      });
    }

    // A conversation where the person wrote their e-mail or phone is theirs: all of its messages.
    const [{ conversations }] = await db.query(
      `SELECT array(SELECT DISTINCT id FROM (
         SELECT conversation_id AS id FROM chat_messages WHERE id = ANY($1::uuid[])
         UNION SELECT id FROM chat_conversations WHERE id = ANY($2::uuid[])) t)::text[] AS conversations`,
      [ids('chat-messages'), ids('chat-conversations')],
    );
    if (conversations.length) {
      const roles = kind === 'portability' ? ['user'] : ['user', 'assistant'];
      // Whether there is anything: the number is counted as the file is written (for 100,000 messages a count(*) cost 15 ms more).
      const [{ any }] = await db.query(
        `SELECT EXISTS (SELECT 1 FROM chat_messages WHERE conversation_id = ANY($1::uuid[]) AND role = ANY($2)) AS any`,
        [conversations, roles],
      );
      if (any) {
        files.push({
          source: 'chat-messages',
          system: 'chat-conversations',
          label: { en: 'Conversations with the AI assistant', it: "Conversazioni con l'assistente AI" },
          origin: {
            en: 'You, through the chat on the website; the replies were generated by the assistant',
            it: "Lei, tramite la chat del sito; le risposte sono state generate dall'assistente",
          },
          // Conversation by conversation, each read along its (conversation_id, sent_at) index:
          // on a server as one query streamed, on the embedded database page by page by keyset.
          pages: async function* () {
            const ordered: Array<{ id: string; started_at: Date; provider: string }> = await db.query(
              `SELECT id, started_at, provider FROM chat_conversations WHERE id = ANY($1::uuid[]) ORDER BY started_at, id`,
              [conversations],
            );
            for (const conversation of ordered) {
              const about = { started_at: conversation.started_at.toISOString(), provider: conversation.provider };
              if (db.streamed) {
                // The instant as UTC text (see below).
                const select = `SELECT role, content, (sent_at AT TIME ZONE 'UTC')::text FROM chat_messages WHERE conversation_id = $1 AND role = ANY($2) ORDER BY sent_at, id`;
                for await (const rows of db.streamed(select, [conversation.id, roles])) {
                  const mapped = mapAndEmpty(rows as Array<[string, string, string]>, ([role, content, sentUtc]) =>
                    chatMessageRow(about, role, content, sentUtc),
                  );
                  if (mapped.length > 0) yield mapped;
                }
                continue;
              }
              yield* keyset<[role: string, content: string, sentUtc: string, id: string]>({
                table: 'chat_messages',
                // The instant as UTC text, both the key and (cut to milliseconds here) the value:
                // a Date per row in pg, or to_char in the database, cost more than the query.
                select: `SELECT role, content, (sent_at AT TIME ZONE 'UTC')::text AS sent_utc, id FROM chat_messages`,
                where: `conversation_id = $1 AND role = ANY($2)`,
                keys: ['sent_at', 'id'],
                params: [conversation.id, roles],
                keyOf: ([, , sentUtc, id]) => [`${sentUtc}+00`, id],
                map: ([role, content, sentUtc]) => chatMessageRow(about, role, content, sentUtc),
                alongIndex: true, // (conversation_id, sent_at); the id breaks ties within a page
              })();
            }
          },
        });
      }
    }

    const connectionIds = ids('calendar-connections');
    if (connectionIds.length && kind === 'access') {
      files.push({
        source: 'calendar-connections',
        system: 'calendar-connections',
        label: { en: 'Google Calendar connections', it: 'Collegamenti a Google Calendar' },
        origin: {
          en: 'You, when you connected your Google Calendar',
          it: 'Lei, quando ha collegato il suo Google Calendar',
        },
        pages: paged(
          `SELECT * FROM calendar_connections WHERE id = ANY($1::uuid[]) ORDER BY connected_at, id`,
          [connectionIds],
          calendarConnectionRow,
        ),
      });
    }
    const origins = kind === 'portability' ? ['manual'] : ['manual', 'system', 'imported'];
    const eventWhere = `(id = ANY($1::uuid[]) OR connection_id = ANY($2::uuid[])) AND origin = ANY($3)`;
    const [{ any: events }] = await db.query(
      `SELECT EXISTS (SELECT 1 FROM calendar_events WHERE ${eventWhere}) AS any`,
      [ids('calendar-events'), connectionIds, origins],
    );
    if (events) {
      const own = (a: { email: string | null }) => !!a.email && emails.includes(a.email.toLowerCase());
      files.push({
        source: 'calendar-events',
        system: 'calendar-connections',
        label: { en: 'Calendar events', it: 'Eventi di calendario' },
        origin: {
          en: 'You (events you created), our booking system, or your Google Calendar (imported)',
          it: 'Lei (eventi da lei creati), il nostro sistema di prenotazione, o il suo Google Calendar (importati)',
        },
        pages: keyset<Record<string, any>>({
          table: 'calendar_events',
          select: `SELECT *, starts_at::text AS k_starts_at FROM calendar_events`,
          where: eventWhere,
          keys: ['starts_at', 'id'],
          params: [ids('calendar-events'), connectionIds, origins],
          keyOf: (e) => [e.k_starts_at, e.id],
          map: (e) => calendarEventRow(e, own),
        }),
      });
    }

    const consentIds = ids('consents');
    if (consentIds.length) {
      files.push({
        source: 'consents',
        system: 'consents',
        label: { en: 'Cookie choices', it: 'Scelte sui cookie' },
        origin: {
          en: 'You, through the cookie banner of the website',
          it: 'Lei, tramite il banner dei cookie del sito',
        },
        pages: paged(
          `SELECT * FROM consent_records WHERE id = ANY($1::uuid[]) ORDER BY recorded_at, id`,
          [consentIds],
          consentRow,
        ),
      });
    }
    return files;
  }

  /** Purposes, bases, recipients and retention of the exported sources, from the registers. */
  private async readmeFacts(
    db: PackageReader,
    request: DataSubjectRequest,
    kind: ExportKind,
    files: DataFile[],
    written: ManifestFile[],
  ): Promise<ReadmeFacts> {
    // The numbers of records are those written in the files.
    const count = (f: DataFile) => written.find((w) => w.path === `data/${f.source}.json`)?.records ?? 0;
    const systems = [...new Set(files.map((f) => f.system))];
    const activities: Array<{
      source_system: string;
      purposes: string;
      legal_basis: string;
      processors: Array<{ name: string; service: string; location: string; transfer_notes: string | null }> | null;
    }> = await db.query(
      `SELECT a.source_system, a.purposes, a.legal_basis,
                (SELECT json_agg(json_build_object('name', p.name, 'service', p.service, 'location', p.location, 'transfer_notes', p.transfer_notes) ORDER BY p.name)
                   FROM activity_processors ap JOIN processors p ON p.id = ap.processor_id WHERE ap.activity_id = a.id) AS processors
         FROM activities a WHERE a.source_system = ANY($1)`,
      [systems],
    );
    const retention: Array<{ source: string; period_text: string }> = await db.query(
      `SELECT source, period_text FROM retention_policies WHERE source = ANY($1)`,
      [systems],
    );
    const language = request.language;
    const recipients = new Map<string, ReadmeFacts['recipients'][number]>();
    for (const a of activities) {
      for (const p of a.processors ?? [])
        recipients.set(p.name, {
          name: p.name,
          service: p.service,
          location: p.location,
          safeguard: p.transfer_notes ?? '',
        });
    }
    return {
      reference: request.reference,
      kind,
      subject: request.subjectName ?? request.subjectEmail ?? request.subjectPhone ?? request.reference,
      generatedAt: new Date(),
      controller: CONTROLLER,
      sources: files.map((f) => ({
        source: f.source,
        label: f.label[language],
        records: count(f),
        origin: f.origin[language],
        purposes: activities.filter((a) => a.source_system === f.system).map((a) => a.purposes),
        legalBases: activities
          .filter((a) => a.source_system === f.system)
          .map((a) => legalBasisWords(a.legal_basis, language)),
        retention: retention.find((r) => r.source === f.system)?.period_text ?? null,
      })),
      recipients: [...recipients.values()],
      files: files.flatMap((f) =>
        [`data/${f.source}.json`, `data/${f.source}.csv`].map((path) => ({ path, records: count(f) })),
      ),
    };
  }

  private async record(
    actor: Actor,
    request: DataSubjectRequest,
    kind: string,
    message: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.save(
        RequestEvent,
        manager.create(RequestEvent, {
          requestId: request.id,
          at: new Date(),
          kind,
          actorId: actor.id,
          actorEmail: actor.email,
          message,
          details,
        }),
      );
      await this.audit.record(manager, actor, {
        action: `request.${kind}`,
        entity: 'request',
        entityId: request.id,
        details: { reference: request.reference, ...details },
      });
    });
  }
}

/**
 * A page's rows as export records; the rows are emptied, not only let go. An object that survived
 * two young collections is in the old generation, and a dead one there still keeps what it
 * references alive through young collections until the next full one: the promise, pg's result
 * or the generator's result that carried a page can be such an object, and the page would be
 * promoted in turn (see also `heap-tuning.ts`).
 */
function mapAndEmpty<Row>(rows: Row[], map: (row: Row) => Record<string, unknown>): Array<Record<string, unknown>> {
  const mapped = rows.map(map);
  rows.length = 0;
  return mapped;
}

/**
 * A page read along the index that fits its ORDER BY, whatever the planner's statistics say.
 * A conversation of 100,000 messages is an outlier they do not see (or have not seen yet, just
 * after it arrived): the planner expects a handful of rows, reads the whole rest of the
 * conversation through a bitmap scan and sorts it, for every page (60 ms a page of 1,000, 6 s
 * for the 100,000 messages). With sorting and bitmap scans off for this statement only, the
 * index range scan stops after a page (about 2 ms for 2,000 messages).
 *
 * One round trip: the settings, the SELECT and the settings put back go as one query of several
 * statements, inside the export's snapshot or as an implicit transaction of their own (separate round trips cost more than the page
 * itself, each waiting for the event loop to be free of the page before). That protocol has no
 * parameters: the values (ids and instants from the database, fixed roles) are written in as
 * literals escaped by pg; the statements given here hold no other `$`.
 *
 * Rows come as arrays: pg builds an object per row by setting each column by its name, which for
 * 100,000 messages cost about 20 ms more (V8 looks the name up in its string table each time).
 */
async function readAlongIndex(db: QueryRunner, sql: string, values: Array<string | string[]>): Promise<unknown[][]> {
  const text = alongIndexStatements(withLiterals(sql, values));
  const client = (await db.connect()) as PoolClient;
  const results = (await client.query({ text, rowMode: 'array' })) as unknown as QueryResult[];
  return results[2].rows;
}

/**
 * All the rows of `sql` (a SELECT with `$n` values, see `withLiterals`) from one query, handed
 * over in pages of LARGE_PAGE rows as they arrive, in the transaction (the snapshot) of `db`. The
 * plan is that of `readAlongIndex` (the same settings, for this statement only).
 *
 * One query rather than a page per query: each page read by keyset cost PostgreSQL a round trip,
 * a plan and an index descent, and waited for the event loop to send the next query; for
 * 100,000 messages that was about 40 ms more of PostgreSQL's time, and the rows carried their id
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
  let failure: Error | null = null;
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

/**
 * `sql` with its `$n` written as literals escaped by pg, for the simple query protocol (several
 * statements in one query, which has no parameters). The values are ids and instants from the
 * database and fixed roles; the statements given here hold no other `$`.
 */
function withLiterals(sql: string, values: Array<string | string[]>): string {
  const literal = (v: string | string[]) =>
    Array.isArray(v) ? `ARRAY[${v.map((x) => escapeLiteral(x)).join(', ')}]::text[]` : escapeLiteral(v);
  return sql.replace(/\$(\d+)/g, (_, n: string) => literal(values[Number(n) - 1]));
}
