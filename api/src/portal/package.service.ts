import { countWrongCode } from './portal-codes';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { DataSource, In } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service';
import { DataKeys } from '../common/crypto/data-keys.service';
import { ConflictError, NotFoundError } from '../common/errors/domain.error';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { ExportService } from '../exports/export.service';
import { Letter } from '../letters/letter.entity';
import { LettersService, NOT_CONFIGURED } from '../letters/letters.service';
import { sealedMarker } from '../letters/sealed-parts';
import { CONTROLLER } from '../registers/activities/record-of-processing';
import { RequestEvent } from '../requests/request-event.entity';
import { appendToTimeline } from '../requests/request-timeline';
import { DataSubjectRequest } from '../requests/request.entity';
import { RequestsService } from '../requests/requests.service';
import type { PackageView } from './package-pages';
import { packageCodeState, packageExpiry, publicationState, type PublicationState } from './package-rules';
import { PackageSink, packageReadable } from './package-store';
import { formatMoment, packageText } from './package-texts';
import { PortalPackage, PortalPackageChunk, type PackageKind } from './package.entity';
import {
  afterAttempt,
  checkCode,
  CODE,
  hashCode,
  hashToken,
  isTokenShaped,
  newCode,
  newToken,
  overLimit,
  PORTAL_LIMITS,
  throttleKey,
  withStatusLink,
} from './portal-rules';
import { PortalKeys } from './portal-keys';
import { PortalThrottle } from './portal-throttle.entity';

/** A publication as the officer reads it on the request page. */
export interface PublicationView {
  id: string;
  kind: PackageKind;
  email: string;
  fileName: string;
  size: number;
  sha256: string;
  publishedAt: string;
  publishedBy: string | null;
  expiresAt: string;
  state: PublicationState;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  fileDeletedAt: string | null;
  letter: { id: string; state: string; sentAt: string | null } | null;
  downloads: Array<{ at: string; size: number; complete: boolean }>;
}

export type CodeOutcome = 'sent' | 'throttled' | 'failed' | 'expired' | 'unknown';
export type DownloadCheck =
  | { kind: 'ok'; pkg: PortalPackage }
  | { kind: 'wrong'; left: number }
  | { kind: 'locked' | 'expired_code' | 'missing' | 'expired' | 'unknown' };

/**
 * Packages published to the subject through the privacy portal (docs/portal.md): the officer's
 * publication (the ZIP made and stored sealed, the e-mail with the personal link), the subject's
 * one-time code and download, each on the request's timeline and in the audit log; the officer's
 * withdrawal. The retention sweep deletes the file of every link that is over (package-retention.ts).
 */
@Injectable()
export class PackageService {
  private readonly logger = new Logger(PackageService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly requests: RequestsService,
    private readonly letters: LettersService,
    private readonly exports: ExportService,
    private readonly dataKeys: DataKeys,
    private readonly keys: PortalKeys,
  ) {}

  get days(): number {
    return this.config.portalPackageDays;
  }

  /**
   * The request's package made now, stored sealed, published for PORTAL_PACKAGE_DAYS days and
   * announced to the request's e-mail with its personal link (sealed in the outbox).
   */
  async publish(
    actor: Actor,
    requestId: string,
    kind: PackageKind,
    ips: string[],
    baseUrl: string,
  ): Promise<PublicationView> {
    if (!this.letters.canSend) throw new ConflictError(NOT_CONFIGURED).because('sending_not_configured');
    const request = await this.requests.get(requestId);
    if (request.type !== kind)
      throw new ConflictError(`A ${kind} package answers a ${kind} request only`, {
        kind: `must be ${request.type === 'portability' ? 'portability' : 'access'}`,
      }).because('package_kind_mismatch');
    if (!request.subjectEmail)
      throw new ConflictError('The request has no e-mail address to send the link and the code to', {
        subjectEmail: 'needed to publish a package',
      }).because('package_no_email');
    this.exports.assertExportable(request);
    const open = await this.dataSource.getRepository(PortalPackage).find({ where: { requestId, kind } });
    if (open.some((p) => publicationState(p, new Date()) === 'open'))
      throw new ConflictError('This package is already published: withdraw it before publishing it again').because(
        'package_already_published',
      );

    const id = randomUUID();
    const sink = new PackageSink(this.dataSource, await this.dataKeys.get('portal-packages'), id);
    try {
      await this.exports.stream(actor, request, kind, sink, {
        ips,
        via: 'privacy_portal',
      });
      await finished(sink);
    } catch (error) {
      // A package that failed or was cut is never published: its pieces go.
      await this.dataSource.getRepository(PortalPackageChunk).delete({ packageId: id });
      this.logger.error(`Package ${id} for ${request.reference} not made: ${(error as Error).message}`);
      throw new ConflictError('The package could not be made: see the request’s timeline').because('package_not_made');
    }

    const token = newToken();
    const publishedAt = new Date();
    const pkg = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        PortalPackage,
        manager.create(PortalPackage, {
          id,
          requestId,
          kind,
          tokenHash: hashToken(token),
          email: request.subjectEmail!,
          language: request.language,
          fileName: this.exports.fileName(request, kind),
          size: sink.size,
          sha256: sink.sha256,
          publishedAt,
          publishedBy: actor.email,
          expiresAt: packageExpiry(publishedAt, this.days),
          withdrawnAt: null,
          withdrawnBy: null,
          fileDeletedAt: null,
          letterId: null,
          codeHash: null,
          codeSentAt: null,
          codeTries: 0,
        }),
      );
      const details = {
        packageId: saved.id,
        kind,
        file: saved.fileName,
        sha256: saved.sha256,
        size: saved.size,
        to: saved.email,
        expiresAt: saved.expiresAt.toISOString(),
      };
      await appendToTimeline(
        manager,
        actor,
        requestId,
        'package_published',
        `${kind} package ${saved.fileName} published on the privacy portal to ${saved.email} until ${saved.expiresAt.toISOString()}`,
        details,
      );
      await this.audit.record(manager, actor, {
        action: 'request.package_published',
        entity: 'request',
        entityId: requestId,
        details: { reference: request.reference, ...details },
      });
      return saved;
    });

    // The e-mail: the template in force, and the link (sealed: staff read a marker in its place).
    const composed = await this.letters.preview(requestId, { kind: 'package_link' });
    const marker = sealedMarker('status_link', request.language);
    const paragraph = packageText(request.language, 'package_paragraph', {
      until: formatMoment(request.language, pkg.expiresAt),
      link: marker,
    });
    const letter = await this.letters.send(
      actor,
      requestId,
      { kind: 'package_link', text: withStatusLink(composed.text, paragraph) },
      { [marker]: `${baseUrl}/privacy/package/${token}` },
    );
    await this.dataSource.getRepository(PortalPackage).update({ id: pkg.id }, { letterId: letter.id });
    return (await this.list(requestId)).find((p) => p.id === pkg.id)!;
  }

  /** The request's publications, newest first, each with its e-mail's state and its downloads. */
  async list(requestId: string): Promise<PublicationView[]> {
    await this.requests.get(requestId);
    const packages = await this.dataSource
      .getRepository(PortalPackage)
      .find({ where: { requestId }, order: { publishedAt: 'DESC' } });
    if (!packages.length) return [];
    const letterIds = packages.map((p) => p.letterId).filter((l): l is string => !!l);
    const letters = letterIds.length
      ? await this.dataSource.getRepository(Letter).find({ where: { id: In(letterIds) } })
      : [];
    const events = await this.dataSource.getRepository(RequestEvent).find({
      where: { requestId, kind: In(['package_downloaded', 'package_download_interrupted']) },
      order: { at: 'ASC' },
    });
    const now = new Date();
    return packages.map((p) => {
      const letter = letters.find((l) => l.id === p.letterId);
      return {
        id: p.id,
        kind: p.kind,
        email: p.email,
        fileName: p.fileName,
        size: p.size,
        sha256: p.sha256,
        publishedAt: p.publishedAt.toISOString(),
        publishedBy: p.publishedBy,
        expiresAt: p.expiresAt.toISOString(),
        state: publicationState(p, now),
        withdrawnAt: p.withdrawnAt?.toISOString() ?? null,
        withdrawnBy: p.withdrawnBy,
        fileDeletedAt: p.fileDeletedAt?.toISOString() ?? null,
        letter: letter ? { id: letter.id, state: letter.state, sentAt: letter.sentAt?.toISOString() ?? null } : null,
        downloads: events
          .filter((e) => e.details?.packageId === p.id)
          .map((e) => ({
            at: e.at.toISOString(),
            size: Number(e.details?.bytesSent ?? 0),
            complete: e.kind === 'package_downloaded',
          })),
      };
    });
  }

  /** The officer takes a publication back: the link stops at once and the file is deleted with it. */
  async withdraw(actor: Actor, requestId: string, packageId: string): Promise<PublicationView> {
    const request = await this.requests.get(requestId);
    await this.dataSource.transaction(async (manager) => {
      const pkg = await manager.findOne(PortalPackage, {
        where: { id: packageId, requestId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!pkg) throw new NotFoundError('Package', packageId);
      const now = new Date();
      const state = publicationState(pkg, now);
      if (state !== 'open')
        throw new ConflictError(
          state === 'withdrawn' ? 'This package was already withdrawn' : 'This package’s link has already expired',
        ).because(state === 'withdrawn' ? 'package_already_withdrawn' : 'package_expired');
      await manager.delete(PortalPackageChunk, { packageId });
      await manager.update(
        PortalPackage,
        { id: packageId },
        {
          withdrawnAt: now,
          withdrawnBy: actor.email,
          fileDeletedAt: now,
          codeHash: null,
          codeSentAt: null,
          codeTries: 0,
        },
      );
      const details = { packageId, kind: pkg.kind, file: pkg.fileName, fileDeleted: true };
      await appendToTimeline(
        manager,
        actor,
        requestId,
        'package_withdrawn',
        `${pkg.kind} package ${pkg.fileName} withdrawn from the privacy portal; its file is deleted`,
        details,
      );
      await this.audit.record(manager, actor, {
        action: 'request.package_withdrawn',
        entity: 'request',
        entityId: requestId,
        details: { reference: request.reference, ...details },
      });
    });
    return (await this.list(requestId)).find((p) => p.id === packageId)!;
  }

  /** What the subject's link opens: the page, the expiry page, or nothing (an unknown or malformed token). */
  async open(
    token: string,
  ): Promise<
    | { kind: 'open'; pkg: PortalPackage; view: PackageView }
    | { kind: 'over'; pkg: PortalPackage; reference: string }
    | null
  > {
    const pkg = await this.find(token);
    if (!pkg) return null;
    const reference = await this.referenceOf(pkg);
    const now = new Date();
    if (publicationState(pkg, now) !== 'open') return { kind: 'over', pkg, reference };
    return {
      kind: 'open',
      pkg,
      view: {
        reference,
        kind: pkg.kind,
        fileName: pkg.fileName,
        size: pkg.size,
        expiresAt: pkg.expiresAt,
        code: packageCodeState(pkg, now),
      },
    };
  }

  /** A new one-time code to the package's e-mail (3 an hour per package; a new code replaces the old one). */
  async sendCode(token: string): Promise<CodeOutcome> {
    const found = await this.find(token);
    if (!found) return 'unknown';
    const code = newCode();
    const outcome = await this.dataSource.transaction(async (manager): Promise<CodeOutcome | PortalPackage> => {
      const pkg = await manager.findOne(PortalPackage, {
        where: { id: found.id },
        lock: { mode: 'pessimistic_write' },
      });
      const now = new Date();
      if (!pkg || publicationState(pkg, now) !== 'open') return 'expired';
      const key = throttleKey(this.keys.throttle, 'link', `package:${pkg.id}`);
      const current = await manager.findOne(PortalThrottle, { where: { key }, lock: { mode: 'pessimistic_write' } });
      const next = afterAttempt(current, now);
      await manager.upsert(PortalThrottle, { key, ...next }, ['key']);
      if (overLimit(next, PORTAL_LIMITS.perEmail)) {
        await this.audit.record(manager, null, {
          action: 'portal.throttled',
          entity: 'portal_package',
          entityId: pkg.id,
          details: { step: 'package_code' },
        });
        return 'throttled';
      }
      await manager.update(
        PortalPackage,
        { id: pkg.id },
        { codeHash: hashCode(this.keys.code, pkg.id, code), codeSentAt: now, codeTries: 0 },
      );
      await this.audit.record(manager, null, {
        action: 'portal.package_code_sent',
        entity: 'portal_package',
        entityId: pkg.id,
        details: { requestId: pkg.requestId },
      });
      return pkg;
    });
    if (typeof outcome === 'string') return outcome;
    const language = outcome.language;
    try {
      await this.letters.sendMail(
        outcome.email,
        packageText(language, 'package_code_mail_subject', { code }),
        `${packageText(language, 'package_code_mail_body', {
          code,
          minutes: CODE.validMinutes,
          controller: CONTROLLER.name,
          email: CONTROLLER.email,
        })}\n`,
      );
    } catch (error) {
      this.logger.warn(`The code for package ${outcome.id} was not sent: ${(error as Error).message}`);
      await this.dataSource.transaction(async (manager) => {
        await manager.update(PortalPackage, { id: outcome.id }, { codeHash: null, codeSentAt: null, codeTries: 0 });
        await this.audit.record(manager, null, {
          action: 'portal.code_not_sent',
          entity: 'portal_package',
          entityId: outcome.id,
          details: { error: (error as Error).message.slice(0, 300) },
        });
      });
      return 'failed';
    }
    return 'sent';
  }

  /** The code typed for the download: a wrong one counts a try (the fifth locks it); the right one is used up. */
  async checkDownload(token: string, typed: string): Promise<DownloadCheck> {
    const found = await this.find(token);
    if (!found) return { kind: 'unknown' };
    return this.dataSource.transaction(async (manager): Promise<DownloadCheck> => {
      const pkg = await manager.findOne(PortalPackage, {
        where: { id: found.id },
        lock: { mode: 'pessimistic_write' },
      });
      const now = new Date();
      if (!pkg || publicationState(pkg, now) !== 'open') return { kind: 'expired' };
      if (!pkg.codeHash || !pkg.codeSentAt) return { kind: 'missing' };
      const check = checkCode(
        this.keys.code,
        pkg.id,
        { codeHash: pkg.codeHash, sentAt: pkg.codeSentAt, tries: pkg.codeTries },
        typed,
        now,
      );
      if (check === 'locked') return { kind: 'locked' };
      if (check === 'expired') return { kind: 'expired_code' };
      if (check === 'wrong')
        return countWrongCode(manager, this.audit, {
          entity: PortalPackage,
          id: pkg.id,
          triesColumn: 'codeTries',
          tries: pkg.codeTries,
          action: 'portal.package_code_wrong',
          auditEntity: 'portal_package',
        });
      // One code, one download.
      await manager.update(PortalPackage, { id: pkg.id }, { codeHash: null, codeSentAt: null, codeTries: 0 });
      return { kind: 'ok', pkg };
    });
  }

  /** The stored ZIP streamed to `out`; the download (whole or cut) goes on the timeline and in the audit log. */
  async download(pkg: PortalPackage, out: Writable): Promise<void> {
    const source = packageReadable(this.dataSource, await this.dataKeys.get('portal-packages'), pkg.id);
    let sent = 0;
    source.on('data', (chunk: Buffer) => (sent += chunk.length));
    let failure: Error | null = null;
    try {
      source.pipe(out);
      await finished(out);
    } catch (error) {
      failure = error as Error;
      source.destroy();
    }
    const complete = !failure && sent === pkg.size;
    const request = await this.dataSource.getRepository(DataSubjectRequest).findOneByOrFail({ id: pkg.requestId });
    await this.dataSource.transaction(async (manager) => {
      const details = { packageId: pkg.id, kind: pkg.kind, file: pkg.fileName, bytesSent: sent, size: pkg.size };
      await appendToTimeline(
        manager,
        null,
        pkg.requestId,
        complete ? 'package_downloaded' : 'package_download_interrupted',
        complete
          ? `${pkg.kind} package ${pkg.fileName} downloaded by the subject on the privacy portal (code sent to ${pkg.email})`
          : `${pkg.kind} package ${pkg.fileName}: download on the privacy portal interrupted after ${sent} of ${pkg.size} bytes`,
        details,
      );
      await this.audit.record(manager, null, {
        action: complete ? 'request.package_downloaded' : 'request.package_download_interrupted',
        entity: 'request',
        entityId: pkg.requestId,
        details: { reference: request.reference, ...details },
      });
    });
  }

  private async find(token: string): Promise<PortalPackage | null> {
    if (!isTokenShaped(token)) return null;
    return this.dataSource.getRepository(PortalPackage).findOne({ where: { tokenHash: hashToken(token) } });
  }

  private async referenceOf(pkg: PortalPackage): Promise<string> {
    const request = await this.dataSource.getRepository(DataSubjectRequest).findOneByOrFail({ id: pkg.requestId });
    return request.reference;
  }
}
