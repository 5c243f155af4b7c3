import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import archiver from 'archiver';
import { stringify } from 'csv-stringify/sync';
import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import { PassThrough } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service';
import { ConflictError } from '../common/errors/domain.error';
import { CONTROLLER, legalBasisWords } from '../registers/activities/record-of-processing';
import { RequestEvent } from '../requests/request-event.entity';
import type { DataSubjectRequest } from '../requests/request.entity';
import { normaliseEmail, normalisePhone } from '../subjects/identifiers';
import { SubjectSearchService } from '../subjects/subject-search.service';
import { readmeHtml, readmeText, type ReadmeFacts } from './export-texts';
import { calendarConnectionRow, calendarEventRow, chatMessageRow, consentRow, leadRow, type ExportKind } from './export-rows';

const PAGE = 1000;
/** An instant as ISO 8601 text, e.g. 2026-11-22T10:15:00.000Z, formatted by PostgreSQL. */
const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** One data file of a package, produced page by page so that nothing large sits in memory. */
interface DataFile {
  source: string;
  label: { en: string; it: string };
  origin: { en: string; it: string };
  /** The source system name in the registers (activities and retention policies). */
  system: string;
  count: number;
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
  ) {}

  fileName(request: DataSubjectRequest, kind: ExportKind): string {
    return `${request.reference}-${kind}.zip`;
  }

  /** Refuses before anything is sent: the identity must be verified first. */
  assertExportable(request: DataSubjectRequest): void {
    if (!request.identityVerifiedAt) throw new ConflictError("Verify the subject's identity before sending them any data");
  }

  async stream(actor: Actor, request: DataSubjectRequest, kind: ExportKind, out: Writable & { on(event: 'close', l: () => void): unknown }): Promise<void> {
    this.assertExportable(request);
    const files = await this.dataFiles(request, kind);
    const archive = archiver('zip', { zlib: { level: 6 } });
    const zipHash = createHash('sha256');
    let zipSize = 0;
    let aborted = false;
    let current: PassThrough | null = null;
    archive.on('data', (chunk: Buffer) => {
      zipHash.update(chunk);
      zipSize += chunk.length;
    });
    archive.on('warning', (error) => this.logger.warn(error));
    archive.on('error', (error) => this.logger.error(error));
    // The client went away before the end: stop reading the database and drop the archive.
    out.on('close', () => {
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
        for (const format of ['json', 'csv'] as const) {
          if (aborted) break;
          manifest.push(await this.addDataFile(archive, file, format, () => aborted, (entry) => (current = entry)));
        }
      }
      if (!aborted) {
        const facts = await this.readmeFacts(request, kind, files);
        for (const [path, text] of [
          ['README.txt', readmeText(facts, language)],
          ['README.html', readmeHtml(facts, language)],
        ] as const) {
          manifest.push(await this.addText(archive, path, text));
        }
        const manifestJson = JSON.stringify({ reference: request.reference, kind, generatedAt: facts.generatedAt.toISOString(), files: manifest }, null, 2);
        archive.append(manifestJson, { name: 'manifest.json' });
        await archive.finalize();
        await archiveEnded;
      }
    } catch (error) {
      if (!aborted) {
        aborted = true;
        archive.abort();
        out.destroy(error as Error);
        throw error;
      }
    }
    if (aborted) {
      await this.record(actor, request, 'export_interrupted', `${kind} package interrupted after ${zipSize} bytes`, { kind, bytesSent: zipSize });
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

  /** Writes one source as JSON or CSV into the archive, hashing and counting as it goes. */
  private async addDataFile(
    archive: archiver.Archiver,
    file: DataFile,
    format: 'json' | 'csv',
    isAborted: () => boolean,
    started: (entry: PassThrough) => void,
  ): Promise<ManifestFile> {
    const path = `data/${file.source}.${format}`;
    const entry = new PassThrough();
    started(entry);
    archive.append(entry, { name: path });
    const hash = createHash('sha256');
    let size = 0;
    let records = 0;
    const write = async (text: string) => {
      const chunk = Buffer.from(text, 'utf8');
      hash.update(chunk);
      size += chunk.length;
      if (entry.destroyed) return;
      // Backpressure: wait for the archive to take more, or for the download to be dropped.
      if (!entry.write(chunk)) await drainedOrClosed(entry);
    };
    let header: string[] | null = null;
    if (format === 'json') await write('[\n');
    // One write per page, not per record: the cost stays with the database and zlib.
    for await (const page of file.pages()) {
      if (isAborted()) break;
      let text = '';
      if (format === 'json') {
        for (const row of page) text += `${records++ > 0 ? ',\n' : ''}  ${JSON.stringify(row)}`;
      } else {
        if (!header) {
          header = Object.keys(page[0]);
          text += '\ufeff' + stringify([header]);
        }
        text += stringify(page.map((row) => header!.map((k) => csvCell(row[k]))));
        records += page.length;
      }
      await write(text);
    }
    if (format === 'json') await write(records > 0 ? '\n]\n' : ']\n');
    entry.end();
    return { path, size, records, sha256: hash.digest('hex') };
  }

  private async addText(archive: archiver.Archiver, path: string, text: string): Promise<ManifestFile> {
    const buffer = Buffer.from(text, 'utf8');
    archive.append(buffer, { name: path });
    return { path, size: buffer.length, records: 0, sha256: createHash('sha256').update(buffer).digest('hex') };
  }

  /** The subject's records per source, as files to write; a source with nothing gets no file. */
  private async dataFiles(request: DataSubjectRequest, kind: ExportKind): Promise<DataFile[]> {
    const emails = [normaliseEmail(request.subjectEmail)].filter((e): e is string => !!e);
    const phones = [normalisePhone(request.subjectPhone)].filter((p): p is string => !!p);
    const found = emails.length || phones.length ? await this.search.locate(emails, phones) : new Map<string, Set<string>>();
    const ids = (source: string) => [...(found.get(source) ?? [])];
    const db = this.dataSource;
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
     * Keys travel as text: a JS Date would cut PostgreSQL's microseconds and repeat rows.
     * Large sources are read by keyset, not OFFSET: each page starts after the last key seen,
     * so reading 100,000 messages costs 100 index range scans, not a growing sort.
     */
    const keyset = (
      select: string,
      where: string,
      keys: string[],
      params: unknown[],
      map: (row: Record<string, any>) => Record<string, unknown>,
    ) =>
      async function* () {
        let last: unknown[] | null = null;
        for (;;) {
          const placeholders = keys.map((k, i) => `$${params.length + i + 1}::${k.endsWith('id') ? 'uuid' : 'timestamptz'}`);
          // The first key alone bounds the index scan; the row comparison breaks ties.
          const after: string = last ? ` AND ${keys[0]} >= ${placeholders[0]} AND (${keys.join(', ')}) > (${placeholders.join(', ')})` : '';
          const rows: Array<Record<string, any>> = await db.query(
            `${select} WHERE ${where}${after} ORDER BY ${keys.join(', ')} LIMIT ${PAGE}`,
            last ? [...params, ...last] : params,
          );
          if (rows.length === 0) return;
          yield rows.map(map);
          if (rows.length < PAGE) return;
          const tail = rows[rows.length - 1];
          last = keys.map((k) => tail[`k_${k.replace(/\W/g, '_')}`]);
        }
      };
    const leadIds = ids('leads');
    if (leadIds.length) {
      files.push({
        source: 'leads',
        system: 'leads',
        label: { en: 'Contact-form requests', it: 'Richieste dal modulo di contatto' },
        origin: { en: 'You, through the contact form of the website', it: 'Lei, tramite il modulo di contatto del sito' },
        count: leadIds.length,
        pages: paged(`SELECT * FROM leads WHERE id = ANY($1::uuid[]) ORDER BY submitted_at, id`, [leadIds], (r) => leadRow(r, kind)),
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
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM chat_messages WHERE conversation_id = ANY($1::uuid[]) AND role = ANY($2)`, [conversations, roles]);
      if (n > 0) {
        files.push({
          source: 'chat-messages',
          system: 'chat-conversations',
          label: { en: 'Conversations with the AI assistant', it: "Conversazioni con l'assistente AI" },
          origin: { en: 'You, through the chat on the website; the replies were generated by the assistant', it: "Lei, tramite la chat del sito; le risposte sono state generate dall'assistente" },
          count: n,
          // Conversation by conversation, each read along its (conversation_id, sent_at) index.
          pages: async function* () {
            const ordered: Array<{ id: string; started_at: Date; provider: string }> = await db.query(
              `SELECT id, started_at, provider FROM chat_conversations WHERE id = ANY($1::uuid[]) ORDER BY started_at, id`,
              [conversations],
            );
            for (const conversation of ordered) {
              yield* keyset(
                // Instants as ISO text from the database: parsing 100,000 dates in pg costs more than the query.
                `SELECT role, content, ${ISO('sent_at')} AS sent_at, $3::text AS started_at, $4::text AS provider, sent_at::text AS k_sent_at, id AS k_id FROM chat_messages`,
                `conversation_id = $1 AND role = ANY($2)`,
                ['sent_at', 'id'],
                [conversation.id, roles, conversation.started_at.toISOString(), conversation.provider],
                chatMessageRow,
              )();
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
        origin: { en: 'You, when you connected your Google Calendar', it: 'Lei, quando ha collegato il suo Google Calendar' },
        count: connectionIds.length,
        pages: paged(`SELECT * FROM calendar_connections WHERE id = ANY($1::uuid[]) ORDER BY connected_at, id`, [connectionIds], calendarConnectionRow),
      });
    }
    const origins = kind === 'portability' ? ['manual'] : ['manual', 'system', 'imported'];
    const eventWhere = `(id = ANY($1::uuid[]) OR connection_id = ANY($2::uuid[])) AND origin = ANY($3)`;
    const [{ n: events }] = await db.query(`SELECT count(*)::int AS n FROM calendar_events WHERE ${eventWhere}`, [ids('calendar-events'), connectionIds, origins]);
    if (events > 0) {
      const own = (a: { email: string | null }) => !!a.email && emails.includes(a.email.toLowerCase());
      files.push({
        source: 'calendar-events',
        system: 'calendar-connections',
        label: { en: 'Calendar events', it: 'Eventi di calendario' },
        origin: { en: 'You (events you created), our booking system, or your Google Calendar (imported)', it: 'Lei (eventi da lei creati), il nostro sistema di prenotazione, o il suo Google Calendar (importati)' },
        count: events,
        pages: keyset(
          `SELECT *, starts_at::text AS k_starts_at, id AS k_id FROM calendar_events`,
          eventWhere,
          ['starts_at', 'id'],
          [ids('calendar-events'), connectionIds, origins],
          (r) => calendarEventRow(r, own),
        ),
      });
    }

    const consentIds = ids('consents');
    if (consentIds.length) {
      files.push({
        source: 'consents',
        system: 'consents',
        label: { en: 'Cookie choices', it: 'Scelte sui cookie' },
        origin: { en: 'You, through the cookie banner of the website', it: 'Lei, tramite il banner dei cookie del sito' },
        count: consentIds.length,
        pages: paged(`SELECT * FROM consent_records WHERE id = ANY($1::uuid[]) ORDER BY recorded_at, id`, [consentIds], consentRow),
      });
    }
    return files;
  }

  /** Purposes, bases, recipients and retention of the exported sources, from the registers. */
  private async readmeFacts(request: DataSubjectRequest, kind: ExportKind, files: DataFile[]): Promise<ReadmeFacts> {
    const systems = [...new Set(files.map((f) => f.system))];
    const activities: Array<{ source_system: string; purposes: string; legal_basis: string; processors: Array<{ name: string; service: string; location: string; transfer_notes: string | null }> | null }> =
      await this.dataSource.query(
        `SELECT a.source_system, a.purposes, a.legal_basis,
                (SELECT json_agg(json_build_object('name', p.name, 'service', p.service, 'location', p.location, 'transfer_notes', p.transfer_notes) ORDER BY p.name)
                   FROM activity_processors ap JOIN processors p ON p.id = ap.processor_id WHERE ap.activity_id = a.id) AS processors
         FROM activities a WHERE a.source_system = ANY($1)`,
        [systems],
      );
    const retention: Array<{ source: string; period_text: string }> = await this.dataSource.query(`SELECT source, period_text FROM retention_policies WHERE source = ANY($1)`, [systems]);
    const language = request.language;
    const recipients = new Map<string, ReadmeFacts['recipients'][number]>();
    for (const a of activities) {
      for (const p of a.processors ?? []) recipients.set(p.name, { name: p.name, service: p.service, location: p.location, safeguard: p.transfer_notes ?? '' });
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
        records: f.count,
        origin: f.origin[language],
        purposes: activities.filter((a) => a.source_system === f.system).map((a) => a.purposes),
        legalBases: activities.filter((a) => a.source_system === f.system).map((a) => legalBasisWords(a.legal_basis, language)),
        retention: retention.find((r) => r.source === f.system)?.period_text ?? null,
      })),
      recipients: [...recipients.values()],
      files: files.flatMap((f) => [`data/${f.source}.json`, `data/${f.source}.csv`].map((path) => ({ path, records: f.count }))),
    };
  }

  private async record(actor: Actor, request: DataSubjectRequest, kind: string, message: string, details: Record<string, unknown>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.save(RequestEvent, manager.create(RequestEvent, { requestId: request.id, at: new Date(), kind, actorId: actor.id, actorEmail: actor.email, message, details }));
      await this.audit.record(manager, actor, { action: `request.${kind}`, entity: 'request', entityId: request.id, details: { reference: request.reference, ...details } });
    });
  }
}

function drainedOrClosed(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('; ');
  return String(value);
}

