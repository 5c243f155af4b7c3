import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { Writable, Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service';
import { ConflictError } from '../common/errors/domain.error';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { CONTROLLER, legalBasisWords } from '../registers/activities/record-of-processing';
import { RequestEvent } from '../requests/request-event.entity';
import type { DataSubjectRequest } from '../requests/request.entity';
import { packageSources } from '../sources/source-registry';
import { normaliseEmail, normalisePhone } from '../subjects/identifiers';
import { SubjectSearchService } from '../subjects/subject-search.service';
import { excerptsText } from './excerpts';
import { openPackageReader, readRegisterFacts, type PackageReader } from './export-reader';
import { watchStall } from './export-stall';
import { readmeHtml, readmeText, type ReadmeFacts } from './export-texts';
import { writeDataFile, writeText, type DataFile, type ManifestFile } from './export-writer';
import { createPackageArchive } from './export-zip';
import { ReviewService } from './review.service';
import { portableOnly, type ExportKind } from './source-export';

export type { ExportKind } from './source-export';
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
  ): Promise<void> {
    this.assertExportable(request);
    // Art. 15(4): of records that are not only the person's, only the excerpts the officer included after review (access only).
    const excerpts = kind === 'access' ? await this.review.included(request.id) : [];
    const reader = await openPackageReader(this.dataSource, this.config.databaseUrl !== null);
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
          ...(await writeDataFile(
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
            ...writeText(archive, 'excerpts.txt', excerptsText(excerpts, language)),
            records: excerpts.length,
          });
        for (const [path, text] of [
          ['README.txt', readmeText(facts, language)],
          ['README.html', readmeHtml(facts, language)],
        ] as const) {
          manifest.push(writeText(archive, path, text));
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
   * The subject's records per source, as files to write: each registered source with a package
   * file reads its own (`sources/<folder>/<name>.export.ts`); a source with nothing gets no file.
   */
  private async dataFiles(db: PackageReader, request: DataSubjectRequest, kind: ExportKind): Promise<DataFile[]> {
    const emails = [normaliseEmail(request.subjectEmail)].filter((e): e is string => !!e);
    const phones = [normalisePhone(request.subjectPhone)].filter((p): p is string => !!p);
    const found =
      emails.length || phones.length ? await this.search.locate(emails, phones) : new Map<string, Set<string>>();
    const context = { kind, emails, reader: db, ids: (source: string) => [...(found.get(source) ?? [])] };
    const files: DataFile[] = [];
    for (const source of packageSources()) {
      const file = source.packages;
      const pages = await file.read(context);
      if (!pages) continue;
      const keep = kind === 'portability' ? portableOnly(file.columns) : null;
      files.push({
        source: source.resource,
        system: source.registerSystem,
        label: file.label,
        origin: file.origin,
        pages: keep
          ? async function* () {
              for await (const page of pages()) yield page.map(keep);
            }
          : pages,
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
    const { activities, retention } = await readRegisterFacts(db, systems);
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
