import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { Readable, type Writable } from 'node:stream';
import { crc32, createInflateRaw } from 'node:zlib';
import { finished } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service';
import { ConflictError } from '../common/errors/domain.error';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { CONTROLLER } from '../registers/activities/record-of-processing';
import type { TransferMechanism } from '../registers/processors/processor.entity';
import { RequestEvent } from '../requests/request-event.entity';
import type { DataSubjectRequest } from '../requests/request.entity';
import { packageSources } from '../sources/source-registry';
import { normaliseEmail, normalisePhone } from '../subjects/identifiers';
import { SubjectSearchService } from '../subjects/subject-search.service';
import { excerptsText } from './excerpts';
import { openPackageReader, readRegisterFacts, type PackageReader } from './export-reader';
import { watchStall } from './export-stall';
import { DataPage, columnWords } from './export-page';
import { keptPartsOfRecords } from '../legal-holds/kept-parts';
import { keptLines } from '../legal-holds/legal-hold-rules';
import { controllerAddress, dayInWords, readmeHtmlParts, readmeText, type ReadmeFacts } from './export-texts';
import { writeDataFile, writeText, type DataFile, type ManifestFile } from './export-writer';
import { appendDeflated, createPackageArchive, deflatedAround, drained, UNFINISHED_PIECE } from './export-zip';
import { ReviewService } from './review.service';
import { portableOnly, type ExportKind, type PackageContext, type PackageFile } from './source-export';

export type { ExportKind } from './source-export';

/** A package's data files, and the sources searched that gave none (and why, when not searched). */
interface PackageFiles {
  files: Array<DataFile & { declared: PackageFile; notReceivedBy: string[] }>;
  empty: Array<{ label: PackageFile['label']; why: PackageFile['label'] | null }>;
  /** The identifiers searched by. */
  searchedBy: string[];
  /** The person's own records per source, as the search found them. */
  own: ReadonlyMap<string, Iterable<string>>;
}
export type { ManifestFile } from './export-writer';

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
    /**
     * ips: the IP addresses the officer confirmed as the person's: their access-log lines (access only).
     * via: where the package goes when not to the officer's browser (the privacy portal's publication).
     */
    options: { ips?: string[]; via?: 'privacy_portal' } = {},
  ): Promise<void> {
    this.assertExportable(request);
    // Art. 15(4): of records that are not only the person's, only the excerpts the officer included after review (access only).
    const excerpts = kind === 'access' ? await this.review.included(request.id) : [];
    const reader = await openPackageReader(this.dataSource, this.config.databaseUrl !== null);
    let found: PackageFiles;
    try {
      found = await this.dataFiles(reader, request, kind, options.ips ?? []);
    } catch (error) {
      await reader.close();
      throw error;
    }
    const { files } = found;
    // The readable copy of the data, written with the data files, goes into README.html.
    const dataPage = new DataPage(request.language);
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
          ...(await writeDataFile(
            archive,
            file,
            () => aborted,
            (entry) => (current = entry),
            archiveFailed,
            dataPage,
          )),
        );
      }
      if (!aborted) {
        const facts = await this.readmeFacts(reader, request, kind, found, manifest);
        // The excerpts of other people's records the officer included (Art. 15(4)), one per record.
        if (excerpts.length) facts.files.push({ path: 'excerpts.txt', records: excerpts.length });
        // Everything is read: the rest (zipping, recording) needs no database connection.
        await reader.close();
        if (excerpts.length)
          manifest.push({
            ...writeText(archive, 'excerpts.txt', excerptsText(excerpts, language)),
            records: excerpts.length,
          });
        manifest.push(writeText(archive, 'README.txt', readmeText(facts, language)));
        const { head, tail } = readmeHtmlParts(facts, language);
        manifest.push(
          await this.appendReadme(
            archive,
            head,
            await dataPage.finish(),
            tail,
            archiveFailed,
            (entry) => (current = entry),
          ),
        );
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
      await dataPage.dispose();
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
    await dataPage.dispose();
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
    const made = options.via ? ' (made for the privacy portal)' : '';
    await this.record(actor, request, 'exported', `${kind} package ${this.fileName(request, kind)}${made}`, {
      kind,
      ...(options.via ? { via: options.via } : {}),
      file: this.fileName(request, kind),
      sha256,
      size: zipSize,
      files: manifest.map((f) => ({ path: f.path, records: f.records })),
    });
    out.end();
  }

  /**
   * The subject's records per source, as files to write: each registered source with a package
   * file reads its own (`sources/<folder>/<name>.export.ts`); a source with nothing gets no file,
   * and the README says it was searched (or why it could not be).
   */
  private async dataFiles(
    db: PackageReader,
    request: DataSubjectRequest,
    kind: ExportKind,
    ips: string[],
  ): Promise<PackageFiles> {
    const emails = [normaliseEmail(request.subjectEmail)].filter((e): e is string => !!e);
    const phones = [normalisePhone(request.subjectPhone)].filter((p): p is string => !!p);
    const found =
      emails.length || phones.length ? await this.search.locate(emails, phones) : new Map<string, Set<string>>();
    const context: PackageContext = {
      kind,
      emails,
      ips,
      reader: db,
      ids: (source: string) => [...(found.get(source) ?? [])],
    };
    const files: PackageFiles['files'] = [];
    const empty: PackageFiles['empty'] = [];
    for (const source of packageSources()) {
      const file = source.packages;
      // A portability package only ever holds what a source gives on consent or contract (Art. 20(1)(a)).
      if (kind === 'portability' && !file.columns.some((g) => g.portable)) continue;
      const pages = await file.read(context);
      if (!pages) {
        empty.push({ label: file.label, why: file.notSearched?.(context) ?? null });
        continue;
      }
      const keep = kind === 'portability' ? portableOnly(file.columns) : null;
      files.push({
        source: source.resource,
        system: source.registerSystem,
        label: file.label,
        origin: file.origin,
        glossary: file.glossary,
        codes: file.codes,
        conversation: file.conversation,
        declared: file,
        notReceivedBy: file.notReceivedBy ? await file.notReceivedBy(context) : [],
        pages: keep
          ? async function* () {
              for await (const page of pages()) yield page.map(keep);
            }
          : pages,
      });
    }
    return { files, empty, searchedBy: [...emails, ...phones, ...ips], own: found };
  }

  /**
   * What the README says (Art. 15(1)(a)-(h), 15(2), 20): for each file, its purposes and
   * retention from the registers and its recipients (those that received this person's records),
   * the legal basis of each group of its columns, the sources that held nothing, the glossary;
   * everything in the request's language.
   */
  private async readmeFacts(
    db: PackageReader,
    request: DataSubjectRequest,
    kind: ExportKind,
    found: PackageFiles,
    written: ManifestFile[],
  ): Promise<ReadmeFacts> {
    const { files } = found;
    // The numbers of records are those written in the files.
    const count = (f: DataFile) => written.find((w) => w.path === `data/${f.source}.json`)?.records ?? 0;
    const language = request.language;
    const systems = [...new Set(files.map((f) => f.system))];
    const { activities, retention } = await readRegisterFacts(db, systems, language);
    const groups = (f: PackageFiles['files'][number]) =>
      f.declared.columns.filter((g) => kind === 'access' || g.portable);
    const expand = (f: PackageFiles['files'][number], field: string): string[] =>
      field.endsWith('_*')
        ? Object.keys(f.codes?.[field] ?? {}).map((code) => `${field.slice(0, -1)}${code}`)
        : [field];
    return {
      reference: request.reference,
      kind,
      subject: request.subjectName ?? request.subjectEmail ?? request.subjectPhone ?? request.reference,
      generatedAt: new Date(),
      controller: { ...CONTROLLER, address: controllerAddress(CONTROLLER.address, language) },
      searchedBy: found.searchedBy,
      kept: keptLines(await keptPartsOfRecords(db, found.own, language), language, (day) => dayInWords(day, language)),
      sources: files.map((f) => {
        const own = activities.filter((a) => a.source_system === f.system);
        const recipients = new Map<string, ReadmeFacts['sources'][number]['recipients'][number]>();
        for (const a of own)
          for (const p of a.processors ?? [])
            if (!f.notReceivedBy.includes(p.name))
              recipients.set(p.name, {
                name: p.name,
                service: p.service,
                location: p.location,
                mechanism: p.transfer_mechanism as TransferMechanism,
                assessedOn: p.transfer_impact_assessment_on,
              });
        return {
          label: f.label[language],
          records: count(f),
          origin: f.origin[language],
          purposes: own.map((a) => a.purposes),
          bases: groups(f).map((g) => ({
            basis: g.legalBasis,
            fields: g.fields.map((field) =>
              field.endsWith('_*') ? (f.glossary?.[field]?.[language] ?? field) : columnWords(f, field, language),
            ),
          })),
          retention: retention.find((r) => r.source === f.system)?.period_text ?? null,
          recipients: [...recipients.values()].sort((a, b) => a.name.localeCompare(b.name)),
        };
      }),
      empty: found.empty.map((e) => ({ label: e.label[language], why: e.why?.[language] ?? null })),
      glossary: files.map((f) => ({
        file: `data/${f.source}.json, .csv`,
        label: f.label[language],
        entries: groups(f)
          .flatMap((g) => g.fields.flatMap((field) => expand(f, field)))
          .map((column): [string, string] => [column, columnWords(f, column, language)]),
      })),
      files: files.flatMap((f) =>
        [`data/${f.source}.json`, `data/${f.source}.csv`].map((path) => ({ path, records: count(f) })),
      ),
    };
  }

  /**
   * README.html: its head and tail around the readable copy of the data, which was deflated as it
   * was made (`DataPage`). As the deflated bytes pass into the archive they are inflated again on
   * zlib's thread, for the file's size, CRC-32 and SHA-256, which start at the head (known only
   * now); the entry ends once they are known.
   */
  private async appendReadme(
    archive: ReturnType<typeof createPackageArchive>,
    head: string,
    data: Readable,
    tail: string,
    archiveFailed: Promise<never>,
    started: (entry: Readable) => void,
  ): Promise<ManifestFile> {
    const path = 'README.html';
    const [headBytes, tailBytes] = [Buffer.from(head, 'utf8'), Buffer.from(tail, 'utf8')];
    const hash = createHash('sha256').update(headBytes);
    let crc = crc32(headBytes);
    let size = headBytes.length;
    // The data's deflate stream ends with a sync flush, not a last block: so must its inflating.
    const inflate = createInflateRaw(UNFINISHED_PIECE);
    inflate.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      crc = crc32(chunk, crc);
      size += chunk.length;
    });
    const inflated = finished(inflate);
    inflated.catch(() => {}); // awaited below
    const measured = Readable.from(
      (async function* () {
        for await (const chunk of data as AsyncIterable<Buffer>) {
          // Stopped meanwhile (the archive gave up), `drained` still answers: `once` would wait for ever.
          if (!inflate.write(chunk)) await drained(inflate);
          yield chunk;
        }
        inflate.end();
        await inflated;
      })(),
    );
    const entry = deflatedAround(headBytes, measured, tailBytes);
    started(entry);
    appendDeflated(archive, entry, path, {
      get crc32() {
        return crc32(tailBytes, crc);
      },
      get size() {
        return size + tailBytes.length;
      },
    });
    try {
      await Promise.race([finished(entry), archiveFailed]);
    } finally {
      inflate.destroy();
    }
    hash.update(tailBytes);
    return { path, size: size + tailBytes.length, records: 0, sha256: hash.digest('hex') };
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
