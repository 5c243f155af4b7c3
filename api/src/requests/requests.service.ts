import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { createHash } from 'node:crypto';
import { AuditService, type Actor } from '../audit/audit.service';
import { DataKeys } from '../common/crypto/data-keys.service';
import { open as openSealed, seal } from '../common/crypto/secret-box';
import { ConflictError, fieldRefusal, InvalidInputError, NotFoundError } from '../common/errors/domain.error';
import type { Page } from '../common/rest/content-range';
import { findPage } from '../common/rest/find-page';
import { queryRow, queryRows, returnedRows } from '../common/sql-rows';
import type { ListQuery } from '../common/rest/list-query';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { addDays, requestDeadlines, romeDate } from './deadlines';
import type {
  CloseDto,
  CreateRequestDto,
  ExtendDto,
  FeeDto,
  IdentityDocumentDto,
  IdentityInfoReceivedDto,
  IdentityInfoRequestedDto,
  MinorDecisionDto,
  RejectDto,
  UpdateRequestDto,
  VerifyIdentityDto,
} from './dto/request.dtos';
import type { ParsedIntake } from './email-intake';
import {
  identifiersBeyondVerification,
  identityRefusalFacts,
  identityRefusal,
  identityResetMessage,
  identityWaitDays,
  instantRefusal,
  minorSignal,
} from './request-decisions';
import {
  communicatedAtProblem,
  communicatedAtRefusal,
  lateness,
  receivedAtProblem,
  referenceYear,
} from './request-record';
import {
  actionRefusal,
  feeStatement,
  rejectionFieldRefusals,
  rejectionStatement,
  type RequestAction,
} from './request-rules';
import { IdentityDocument } from './identity-document.entity';
import { RequestEvent } from './request-event.entity';
import { appendToTimeline } from './request-timeline';
import { DataSubjectRequest, OPEN_STATUSES, REQUEST_TYPES, type RequestType } from './request.entity';
import { REQUEST_EVENTS_LIST, REQUESTS_LIST } from './requests.list';
import { ACTIVITY_GAP_SQL } from '../registers/activities/activity-gaps';
import { GAP_SQL } from '../registers/processors/processor-gaps';
import { stopStats, type StopStats } from '../objections/record-stops';

/** The timeline's (and the audit log's) word for each action. */
const EVENT_KINDS: Record<RequestAction, string> = {
  'identity-check': 'identity_check',
  verify: 'verified',
  extend: 'extended',
  close: 'closed',
  reject: 'rejected',
  'identity-info-requested': 'identity_info_requested',
  'identity-info-received': 'identity_info_received',
  fee: 'fee_charged',
  minor: 'minor_decided',
};

export interface NewRequest extends CreateRequestDto {
  typeGuessed?: boolean;
}

/** What an e-mail import answers: the request it made, or the one the same e-mail made before. */
export interface ImportResult {
  request: DataSubjectRequest;
  duplicate: boolean;
}

/** At least this much explanation for a changed receipt date. */
const MIN_REASON = 10;

export interface DashboardStats {
  openByStatus: Record<string, number>;
  open: number;
  dueWithin7Days: number;
  overdue: number;
  /** Open requests waiting on the subject: identity information asked for and not received. */
  waitingOnSubject: number;
  /** Median days from receipt to answer, over requests closed in the last 12 months. */
  medianDaysToClose: number | null;
  /** Requests answered (closed or refused) after the legal deadline in force, in the last 12 months. */
  answeredLate: number;
  /** Requests received per month (Rome), by type, the last 12 months, oldest first. */
  perMonth: Array<{ month: string } & Record<RequestType, number>>;
  /** Sub-processors whose review date has passed (the processor register). */
  processorsReviewOverdue: number;
  /** Processors in use with no signed DPA date (Art. 28(3)), and transfers on the SCC alone with no TIA date. */
  processorsMissingDpa: number;
  processorsMissingTia: number;
  /** Processing activities with no retention period recorded (Art. 30(1)(f)). */
  activitiesMissingRetention: number;
  /** Objections (Art. 21) and withdrawals (Art. 7(3)) stopping processing, and the records stored flagged since. */
  processingStops: StopStats;
}

/** What a workflow step did to a request: its timeline line (none when `kind` is null) and audit details. */
interface RequestChange {
  request: DataSubjectRequest;
  kind: string | null;
  message?: string | null;
  details?: Record<string, unknown>;
}

@Injectable()
export class RequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly dataKeys: DataKeys,
  ) {}

  list(query: ListQuery): Promise<Page<DataSubjectRequest>> {
    return findPage(this.dataSource.getRepository(DataSubjectRequest), query, REQUESTS_LIST.searchable);
  }

  listEvents(query: ListQuery): Promise<Page<RequestEvent>> {
    return findPage(this.dataSource.getRepository(RequestEvent), query, REQUEST_EVENTS_LIST.searchable);
  }

  async get(id: string): Promise<DataSubjectRequest> {
    const request = await this.dataSource.getRepository(DataSubjectRequest).findOne({ where: { id } });
    if (!request) throw new NotFoundError('Request', id);
    return request;
  }

  /**
   * Registers a request; `received` opens its timeline with what arrived, `email` keeps what
   * makes an imported e-mail itself. A receipt in the future or before 2000 is refused (400).
   */
  async create(
    actor: Actor | null,
    dto: NewRequest,
    received?: { message: string; details: Record<string, unknown> },
    email?: ParsedIntake['email'],
    inTransaction?: EntityManager,
  ): Promise<DataSubjectRequest> {
    const now = new Date();
    const receivedAt = new Date(dto.receivedAt);
    const problem = receivedAtProblem(receivedAt, now);
    if (problem) throw new InvalidInputError(`receivedAt ${problem}`, { receivedAt: problem });
    // Art. 8 GDPR: a statement of age or a date of birth under 18, for the officer to confirm.
    const minor = minorSignal([dto.description, received?.message].filter(Boolean).join('\n'), romeDate(receivedAt));
    const register = async (manager: EntityManager) => {
      const request = manager.create(DataSubjectRequest, {
        reference: await this.nextReference(manager, receivedAt, now),
        type: dto.type,
        typeGuessed: dto.typeGuessed ?? false,
        status: 'received',
        channel: dto.channel,
        language: dto.language ?? 'it',
        receivedAt,
        subjectName: dto.subjectName || null,
        subjectEmail: dto.subjectEmail?.toLowerCase() || null,
        subjectPhone: dto.subjectPhone || null,
        description: dto.description || null,
        senderDate: email?.senderDate ?? null,
        emailMessageId: email?.messageId ?? null,
        emailFingerprint: email?.fingerprint ?? null,
        minorSuspected: minor !== null,
        minorEvidence: minor?.evidence ?? null,
        ...this.deadlinesFor(receivedAt, false, 0),
      });
      const saved = await manager.save(DataSubjectRequest, request);
      const details = {
        ...(received?.details ?? { channel: saved.channel }),
        ...(minor ? { minorSignal: minor } : {}),
      };
      await this.event(manager, actor, saved.id, 'received', received?.message ?? null, details);
      await this.audit.record(manager, actor, {
        action: 'request.created',
        entity: 'request',
        entityId: saved.id,
        details: {
          reference: saved.reference,
          type: saved.type,
          typeGuessed: saved.typeGuessed,
          channel: saved.channel,
          receivedAt: saved.receivedAt.toISOString(),
          ...(minor ? { minorSuspected: true, minorEvidence: minor.evidence } : {}),
        },
      });
      return saved;
    };
    // The privacy portal registers several rights at once, with its own changes, in one transaction.
    return inTransaction ? register(inTransaction) : this.dataSource.transaction(register);
  }

  /**
   * Registers an imported e-mail, once: the same e-mail again (its fingerprint, held unique by
   * the database, so that two imports at once cannot both create) answers the request it made
   * the first time, with nothing written but an audit line saying so.
   */
  async importEmail(actor: Actor, parsed: ParsedIntake): Promise<ImportResult> {
    const existing = await this.byFingerprint(parsed.email.fingerprint);
    if (existing) return this.duplicateImport(actor, existing, parsed);
    try {
      return { request: await this.create(actor, parsed.request, parsed.received, parsed.email), duplicate: false };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const first = await this.byFingerprint(parsed.email.fingerprint);
      if (!first) throw error;
      return this.duplicateImport(actor, first, parsed);
    }
  }

  private byFingerprint(fingerprint: string): Promise<DataSubjectRequest | null> {
    return this.dataSource.getRepository(DataSubjectRequest).findOne({ where: { emailFingerprint: fingerprint } });
  }

  private async duplicateImport(
    actor: Actor,
    request: DataSubjectRequest,
    parsed: ParsedIntake,
  ): Promise<ImportResult> {
    await this.dataSource.transaction(async (manager) => {
      // On the request's page too: the officer sees the same e-mail came in again (Art. 12(5)).
      await appendToTimeline(manager, actor, request.id, 'duplicate_import', null, {
        messageId: parsed.email.messageId,
      });
      await this.audit.record(manager, actor, {
        action: 'request.duplicate_import',
        entity: 'request',
        entityId: request.id,
        details: {
          reference: request.reference,
          messageId: parsed.email.messageId,
          fingerprint: parsed.email.fingerprint,
        },
      });
    });
    return { request, duplicate: true };
  }

  async update(actor: Actor, id: string, dto: UpdateRequestDto): Promise<DataSubjectRequest> {
    return this.change(id, actor, async (manager, request) => {
      if (!OPEN_STATUSES.includes(request.status))
        throw new ConflictError(`The request is ${request.status}: it can no longer be changed`).because(
          'request_closed',
          { status: request.status },
        );
      if (typeof dto.version === 'number' && dto.version !== request.version) {
        throw new ConflictError(
          'Someone else changed this request meanwhile: reload it and apply your change again',
        ).because('changed_meanwhile');
      }
      const before = snapshot(request);
      if (dto.type !== undefined) request.type = dto.type;
      if (dto.typeGuessed !== undefined) request.typeGuessed = dto.typeGuessed;
      if (dto.type !== undefined && dto.typeGuessed === undefined) request.typeGuessed = false;
      if (dto.channel !== undefined) request.channel = dto.channel;
      if (dto.language !== undefined) request.language = dto.language;
      if (dto.subjectName !== undefined) request.subjectName = dto.subjectName || null;
      if (dto.subjectEmail !== undefined) request.subjectEmail = dto.subjectEmail?.toLowerCase() || null;
      if (dto.subjectPhone !== undefined) request.subjectPhone = dto.subjectPhone || null;
      if (dto.description !== undefined) request.description = dto.description || null;
      const receivedAt = dto.receivedAt === undefined ? null : new Date(dto.receivedAt);
      const reason = dto.reason?.trim() || null;
      const receiptChanged = receivedAt !== null && receivedAt.getTime() !== request.receivedAt.getTime();
      if (receivedAt && receiptChanged) {
        // The deadlines run from the receipt (Art. 12(3) GDPR): moving it moves them, so it is
        // believable dates only, and said why.
        const now = new Date();
        const problem = receivedAtProblem(receivedAt, now);
        if (problem) throw new InvalidInputError(`receivedAt ${problem}`, { receivedAt: problem });
        if (!reason || reason.length < MIN_REASON) {
          throw new InvalidInputError('Say why the receipt date changes: the deadlines run from it', {
            reason: `must say why the receipt date changes (${MIN_REASON} characters or more)`,
          });
        }
        request.receivedAt = receivedAt;
        Object.assign(
          request,
          this.deadlinesFor(request.receivedAt, request.extendedDueDate !== null, request.identityPauseDays),
        );
        if (request.extensionCommunicatedAt) {
          const told = communicatedAtProblem(request.extensionCommunicatedAt, request, now);
          if (told) {
            const message = `with this receipt date, the extension told to the subject on ${request.extensionCommunicatedAt.toISOString()} would not hold (communicatedAt ${told})`;
            throw new InvalidInputError(`receivedAt: ${message}`, { receivedAt: message });
          }
        }
      }
      // A verification holds for the person it was made for: an e-mail or phone added or
      // replaced afterwards would export, erase and suppress someone else's data under it
      // (Art. 12(2) and (6) GDPR). The identity goes back to be verified.
      const beyond = request.identityVerifiedAt
        ? identifiersBeyondVerification(before as { subjectEmail: string | null; subjectPhone: string | null }, request)
        : [];
      let identityReset: Record<string, unknown> | null = null;
      if (beyond.length) {
        const plan = await queryRow(manager, `SELECT 1 FROM erasure_plans WHERE request_id = $1`, [request.id]);
        if (plan) {
          const message = `the erasure of ${request.reference} already ran for the subject it was verified for: register the other person's request as a new request`;
          throw new ConflictError(`subjectEmail, subjectPhone: ${message}`);
        }
        identityReset = {
          changes: beyond,
          verifiedAt: request.identityVerifiedAt!.toISOString(),
          verifiedBy: request.identityVerifiedBy,
          method: request.identityMethod,
          fromStatus: request.status,
          toStatus: 'received',
        };
        request.identityVerifiedAt = null;
        request.identityVerifiedBy = null;
        request.identityMethod = null;
        request.status = 'received';
      }
      const after = snapshot(request);
      const changed = Object.keys(after).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
      if (changed.length === 0) return { request, kind: null };
      const details = { before: pick(before, changed), after: pick(after, changed), ...(reason ? { reason } : {}) };
      if (identityReset) {
        return {
          request,
          kind: 'subject_changed',
          message: identityResetMessage(beyond) + (reason ? ` (${reason})` : ''),
          details: { ...details, identityReset, receiptChanged },
        };
      }
      return {
        request,
        kind: receiptChanged ? 'receipt_changed' : 'updated',
        message: reason,
        details,
      };
    });
  }

  async note(actor: Actor, id: string, text: string): Promise<RequestEvent> {
    return this.dataSource.transaction(async (manager) => {
      const request = await manager.findOne(DataSubjectRequest, { where: { id } });
      if (!request) throw new NotFoundError('Request', id);
      const event = await this.event(manager, actor, id, 'note', text, {});
      await this.audit.record(manager, actor, {
        action: 'request.note_added',
        entity: 'request',
        entityId: id,
        details: { reference: request.reference },
      });
      return event;
    });
  }

  identityCheck(actor: Actor, id: string, note?: string) {
    return this.act(actor, id, 'identity-check', (request) => {
      request.status = 'identity_check';
      return { message: note ?? null, details: {} };
    });
  }

  verify(actor: Actor, id: string, dto: VerifyIdentityDto) {
    return this.act(actor, id, 'verify', (request) => {
      request.status = 'in_progress';
      request.identityVerifiedAt = new Date();
      request.identityMethod = dto.method;
      request.identityVerifiedBy = actor.email;
      return { message: dto.note ?? null, details: { method: dto.method } };
    });
  }

  extend(actor: Actor, id: string, dto: ExtendDto) {
    return this.act(actor, id, 'extend', (request) => {
      const communicatedAt = new Date(dto.communicatedAt);
      // Art. 12(3) GDPR: the subject is told of an extension "within one month of receipt".
      const problem = communicatedAtRefusal(communicatedAt, request, new Date());
      if (problem) throw fieldRefusal('communicatedAt', problem);
      Object.assign(request, this.deadlinesFor(request.receivedAt, true, request.identityPauseDays));
      request.extensionReason = dto.reason;
      request.extensionCommunicatedAt = communicatedAt;
      return {
        message: dto.reason,
        details: { extendedDueDate: request.extendedDueDate, communicatedAt: communicatedAt.toISOString() },
      };
    });
  }

  async close(actor: Actor, id: string, dto: CloseDto) {
    const unfinished = await this.unfinishedErasure(id);
    if (unfinished) throw new ConflictError(unfinished).because('erasure_unfinished');
    return this.act(actor, id, 'close', (request) => {
      request.status = 'completed';
      request.outcome = dto.outcome;
      request.closedAt = new Date();
      Object.assign(request, lateness(request.closedAt, request));
      return {
        message: dto.outcome,
        details: {
          onTime: !request.answeredLate,
          lateByDays: request.lateByDays,
          deadline: request.extendedDueDate ?? request.dueDate,
        },
      };
    });
  }

  /**
   * Refuses, with the Art. 12(4) statement of the real reason: on the merits with its ground and
   * text, as excessive saying whether repetitive, for unverified identity only once the
   * information asked did not arrive in the time given (Art. 12(2) and (6)).
   */
  reject(actor: Actor, id: string, dto: RejectDto) {
    return this.act(actor, id, 'reject', (request) => {
      const problems = rejectionFieldRefusals(request.type, dto.reason, dto.ground, dto.details);
      const fields = Object.keys(problems);
      if (fields.length)
        throw new InvalidInputError(
          fields.map((f) => `${f} ${problems[f].message}`).join('; '),
          Object.fromEntries(fields.map((f) => [f, problems[f].message])),
        )
          .because(problems[fields[0]].reason)
          .withFieldReasons(Object.fromEntries(fields.map((f) => [f, problems[f].reason])));
      let details = dto.details?.trim() || null;
      if (dto.reason === 'identity_not_verified') {
        const why = identityRefusal(request, romeDate(new Date()));
        if (why) throw new ConflictError(why.message).because(why.reason, why.args);
        details = [identityRefusalFacts(request, request.language), details].filter(Boolean).join('. ');
      }
      request.status = 'rejected';
      request.rejectionReason = dto.reason;
      request.rejectionGround = dto.ground ?? null;
      request.rejectionStatement = rejectionStatement(dto.reason, request.language, details, dto.ground);
      request.closedAt = new Date();
      Object.assign(request, lateness(request.closedAt, request));
      return {
        message: request.rejectionStatement,
        details: {
          reason: dto.reason,
          ground: dto.ground ?? null,
          onTime: !request.answeredLate,
          lateByDays: request.lateByDays,
          deadline: request.extendedDueDate ?? request.dueDate,
        },
      };
    });
  }

  /** A reasonable fee (Art. 12(5)(a)) instead of refusing: amount, ground, justification; the request stays open. */
  chargeFee(actor: Actor, id: string, dto: FeeDto) {
    return this.act(actor, id, 'fee', (request) => {
      request.feeAmountCents = Math.round(dto.amount * 100);
      request.feeBasis = dto.basis;
      request.feeJustification = dto.justification;
      request.feeChargedAt = new Date();
      return {
        message: feeStatement(request.feeAmountCents, dto.basis, request.language, dto.justification),
        details: {
          amount: request.feeAmountCents / 100,
          currency: 'EUR',
          basis: dto.basis,
          justification: dto.justification,
        },
      };
    });
  }

  /** The subject was asked for what identifies them (Art. 12(6)): what, how, when, by when. */
  identityInfoRequested(actor: Actor, id: string, dto: IdentityInfoRequestedDto) {
    return this.act(actor, id, 'identity-info-requested', (request) => {
      const askedAt = new Date(dto.askedAt);
      const problem = instantRefusal(askedAt, { at: request.receivedAt, what: 'the receipt' }, new Date());
      if (problem) throw fieldRefusal('askedAt', problem);
      if (dto.respondBy < romeDate(askedAt)) {
        throw fieldRefusal('respondBy', {
          reason: 'respond_by_before_asked',
          message: `must not be before ${romeDate(askedAt)}, the day it was asked`,
          args: { askedOn: romeDate(askedAt) },
        });
      }
      // Asked again while the first answer is awaited: the wait (and the pause) runs from the first ask.
      const stillAwaited = request.identityInfoRequestedAt !== null && request.identityInfoReceivedAt === null;
      if (!stillAwaited) request.identityInfoRequestedAt = askedAt;
      request.identityInfoRequested = dto.what;
      request.identityInfoChannel = dto.how;
      request.identityInfoRespondBy = dto.respondBy;
      request.identityInfoReceivedAt = null;
      if (request.status === 'received') request.status = 'identity_check';
      return {
        message: dto.what,
        details: {
          how: dto.how,
          askedAt: askedAt.toISOString(),
          respondBy: dto.respondBy,
          waitSince: request.identityInfoRequestedAt!.toISOString(),
          pause: this.config.identityPause,
        },
      };
    });
  }

  /** What was asked arrived: the wait ends, and with IDENTITY_PAUSE=on the working deadline moves by its days. */
  identityInfoReceived(actor: Actor, id: string, dto: IdentityInfoReceivedDto) {
    return this.act(actor, id, 'identity-info-received', (request) => {
      const receivedAt = new Date(dto.receivedAt);
      const problem = instantRefusal(
        receivedAt,
        { at: request.identityInfoRequestedAt!, what: 'it was asked' },
        new Date(),
      );
      if (problem) throw fieldRefusal('receivedAt', problem);
      const waitedDays = identityWaitDays(request.identityInfoRequestedAt!, receivedAt);
      const before = request.workingDueDate;
      request.identityInfoReceivedAt = receivedAt;
      if (this.config.identityPause && waitedDays > 0) {
        request.identityPauseDays += waitedDays;
        Object.assign(
          request,
          this.deadlinesFor(request.receivedAt, request.extendedDueDate !== null, request.identityPauseDays),
        );
      }
      return {
        message: dto.what,
        details: {
          receivedAt: receivedAt.toISOString(),
          askedAt: request.identityInfoRequestedAt!.toISOString(),
          waitedDays,
          paused: this.config.identityPause,
          workingDueDateBefore: before,
          workingDueDate: request.workingDueDate,
        },
      };
    });
  }

  /**
   * Keeps an identity document the subject sent as evidence while the request is open: sealed
   * (AES-256-GCM under the `identity-documents` data key), destroyed when the request is closed
   * or refused (Art. 5(1)(c) and (e) GDPR: no longer than needed to identify them).
   */
  async addIdentityDocument(actor: Actor, id: string, dto: IdentityDocumentDto): Promise<IdentityDocument> {
    const content = Buffer.from(dto.contentBase64, 'base64');
    if (content.length === 0 || content.length > 3 * 1024 * 1024) {
      throw new InvalidInputError('contentBase64 must be a file of at most 3 MB', {
        contentBase64: 'must be a file of at most 3 MB once decoded',
      });
    }
    let added: IdentityDocument | null = null;
    await this.change(id, actor, async (manager, request) => {
      if (!OPEN_STATUSES.includes(request.status))
        throw new ConflictError(`The request is ${request.status}: identity documents are kept only while it is open`);
      const key = await this.dataKeys.get('identity-documents', manager);
      added = await manager.save(
        IdentityDocument,
        manager.create(IdentityDocument, {
          requestId: request.id,
          fileName: dto.fileName,
          contentType: dto.contentType,
          size: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          sealed: seal(key, content.toString('base64')),
          addedAt: new Date(),
          addedBy: actor.email,
          destroyedAt: null,
        }),
      );
      // The request's version moves with it, so that the page reloads what it shows.
      request.updatedAt = new Date();
      return {
        request,
        kind: 'identity_document_added',
        message: dto.fileName,
        details: {
          documentId: added.id,
          fileName: added.fileName,
          contentType: added.contentType,
          size: added.size,
          sha256: added.sha256,
        },
      };
    });
    return added!;
  }

  /** An identity document's content, while the request is open; the reading is audited. */
  async readIdentityDocument(
    actor: Actor,
    id: string,
    documentId: string,
  ): Promise<{ document: IdentityDocument; content: Buffer }> {
    return this.dataSource.transaction(async (manager) => {
      const document = await manager.findOne(IdentityDocument, { where: { id: documentId, requestId: id } });
      if (!document) throw new NotFoundError('Identity document', documentId);
      if (!document.sealed)
        throw new ConflictError(
          `The document was destroyed on ${document.destroyedAt?.toISOString()}, when the request was answered: only its record remains`,
        );
      const key = await this.dataKeys.get('identity-documents', manager);
      const content = Buffer.from(openSealed(key, document.sealed), 'base64');
      await this.audit.record(manager, actor, {
        action: 'request.identity_document_viewed',
        entity: 'request',
        entityId: id,
        details: { documentId, fileName: document.fileName, sha256: document.sha256 },
      });
      return { document, content };
    });
  }

  /** Destroys the content of a request's identity documents once it is answered; their record stays. */
  private async destroyIdentityDocuments(
    manager: EntityManager,
    actor: Actor,
    request: DataSubjectRequest,
  ): Promise<void> {
    const rows: Array<{ id: string; file_name: string; added_at: Date; added_by: string | null; sha256: string }> =
      returnedRows(
        await manager.query(
          `UPDATE identity_documents SET sealed = NULL, destroyed_at = now() WHERE request_id = $1 AND sealed IS NOT NULL RETURNING id, file_name, added_at, added_by, sha256`,
          [request.id],
        ),
      );
    if (!rows.length) return;
    const documents = rows.map((r) => ({
      documentId: r.id,
      fileName: r.file_name,
      seenOn: new Date(r.added_at).toISOString(),
      seenBy: r.added_by,
      sha256: r.sha256,
    }));
    await this.event(manager, actor, request.id, 'identity_documents_destroyed', null, {
      documents,
      status: request.status,
    });
    await this.audit.record(manager, actor, {
      action: 'request.identity_documents_destroyed',
      entity: 'request',
      entityId: request.id,
      details: { reference: request.reference, documents },
    });
  }

  /** The officer confirms or dismisses the "may be a minor" flag (Art. 8 GDPR; Art. 2-quinquies Codice privacy). */
  decideMinor(actor: Actor, id: string, dto: MinorDecisionDto) {
    return this.act(actor, id, 'minor', (request) => {
      const previous = request.minorDecision;
      request.minorDecision = dto.decision;
      request.minorDecidedAt = new Date();
      request.minorDecidedBy = actor.email;
      return {
        message: dto.note?.trim() || null,
        details: { decision: dto.decision, previous, flagged: request.minorSuspected, evidence: request.minorEvidence },
      };
    });
  }

  /**
   * An erasure request is answered only once the erasure ran and every source is erased or the
   * officer recorded why it cannot be (a token Google refuses to revoke, say).
   */
  private async unfinishedErasure(id: string): Promise<string | null> {
    const request = await this.get(id);
    if (request.type !== 'erasure' || request.status === 'completed' || request.status === 'rejected') return null;
    const plan = await queryRow<{ completed_at: Date | null }>(
      this.dataSource,
      `SELECT completed_at FROM erasure_plans WHERE request_id = $1`,
      [id],
    );
    if (!plan) return `Run the erasure before closing ${request.reference} (a dry run first lists what it will change)`;
    if (plan.completed_at) return null;
    const failed = await queryRows<{ source: string; error: string | null }>(
      this.dataSource,
      `SELECT source, error FROM erasure_steps WHERE request_id = $1 AND status = 'failed' ORDER BY source`,
      [id],
    );
    const what = failed.length
      ? failed.map((f) => `${f.source}: ${f.error ?? 'failed'}`).join('; ')
      : 'a run did not finish';
    return `The erasure of ${request.reference} is not complete (${what}). Run it again, or record why a source cannot be erased`;
  }

  /** The dashboard's figures, in one round of queries. */
  async stats(now = new Date()): Promise<DashboardStats> {
    const today = romeDate(now);
    const open = OPEN_STATUSES;
    const [byStatus, [due], [median], months, [processors], [activities], processingStops] = await Promise.all([
      queryRows<{ status: string; n: number }>(
        this.dataSource,
        `SELECT status, count(*)::int AS n FROM requests WHERE status = ANY($1) GROUP BY status`,
        [open],
      ),
      queryRows<{ overdue: number; soon: number; waiting: number }>(
        this.dataSource,
        `SELECT count(*) FILTER (WHERE working_due_date < $2)::int AS overdue,
                count(*) FILTER (WHERE working_due_date >= $2 AND working_due_date <= $3)::int AS soon,
                count(*) FILTER (WHERE identity_info_requested_at IS NOT NULL AND identity_info_received_at IS NULL)::int AS waiting
         FROM requests WHERE status = ANY($1)`,
        [open, today, addDays(today, 7)],
      ),
      // percentile_cont is a double precision: pg answers it as a number (null with no rows).
      queryRows<{ days: number | string | null; late: number }>(
        this.dataSource,
        `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - received_at) / 86400) AS days,
                count(*) FILTER (WHERE answered_late)::int AS late
         FROM requests WHERE closed_at IS NOT NULL AND closed_at > $1::timestamptz - interval '12 months'`,
        [now.toISOString()],
      ),
      queryRows<{ month: string; type: RequestType; n: number }>(
        this.dataSource,
        `SELECT to_char(received_at AT TIME ZONE 'Europe/Rome', 'YYYY-MM') AS month, type, count(*)::int AS n
         FROM requests WHERE received_at > $1::timestamptz - interval '12 months' GROUP BY 1, 2`,
        [now.toISOString()],
      ),
      queryRows<{ n: number; dpa: number; tia: number }>(
        this.dataSource,
        `SELECT count(*) FILTER (WHERE status <> 'inactive' AND next_review_due < $1)::int AS n,
                count(*) FILTER (WHERE ${GAP_SQL.dpa_missing})::int AS dpa,
                count(*) FILTER (WHERE ${GAP_SQL.tia_missing})::int AS tia
         FROM processors`,
        [today],
      ),
      queryRows<{ retention: number }>(
        this.dataSource,
        `SELECT count(*) FILTER (WHERE ${ACTIVITY_GAP_SQL.retention_missing})::int AS retention FROM activities`,
      ),
      stopStats(this.dataSource),
    ]);
    const openByStatus = Object.fromEntries(open.map((s) => [s, 0]));
    for (const row of byStatus) openByStatus[row.status] = row.n;
    const perMonth: DashboardStats['perMonth'] = [];
    for (let i = 11; i >= 0; i--) {
      const month = addMonthsToMonth(today.slice(0, 7), -i);
      perMonth.push({
        month,
        ...(Object.fromEntries(REQUEST_TYPES.map((type) => [type, 0])) as Record<RequestType, number>),
      });
    }
    for (const row of months) {
      const entry = perMonth.find((m) => m.month === row.month);
      if (entry) entry[row.type] = row.n;
    }
    return {
      openByStatus,
      open: Object.values(openByStatus).reduce((a, b) => a + b, 0),
      dueWithin7Days: due.soon,
      overdue: due.overdue,
      waitingOnSubject: due.waiting,
      medianDaysToClose: median.days === null ? null : Math.round(Number(median.days) * 10) / 10,
      answeredLate: median.late,
      perMonth,
      processorsReviewOverdue: processors.n,
      processorsMissingDpa: processors.dpa,
      processorsMissingTia: processors.tia,
      activitiesMissingRetention: activities.retention,
      processingStops,
    };
  }

  /** The deadlines from the receipt; the working one moved by the identity pause days (IDENTITY_PAUSE=on). */
  private deadlinesFor(receivedAt: Date, extended: boolean, pauseDays: number) {
    const deadlines = requestDeadlines(receivedAt, { extended, slaDays: this.config.responseSlaDays });
    return pauseDays > 0 ? { ...deadlines, workingDueDate: addDays(deadlines.workingDueDate, pauseDays) } : deadlines;
  }

  /** Runs a workflow action: refused with a 409 that says why, or applied with its timeline line and audit event. */
  private async act(
    actor: Actor,
    id: string,
    action: RequestAction,
    apply: (request: DataSubjectRequest) => { message: string | null; details: Record<string, unknown> },
  ): Promise<DataSubjectRequest> {
    // Inside the transaction's callback: a refusal thrown here rolls it back like a rejection.
    return this.change(id, actor, (_manager, request) => {
      const refusal = actionRefusal(action, request, romeDate(new Date()));
      if (refusal) throw new ConflictError(refusal.message).because(refusal.reason, refusal.args);
      const fromStatus = request.status;
      const { message, details } = apply(request);
      return {
        request,
        kind: EVENT_KINDS[action],
        message,
        details: { ...details, fromStatus, toStatus: request.status },
      };
    });
  }

  /** Locks the request, lets `apply` change it, saves it with a timeline line and an audit event. */
  private async change(
    id: string,
    actor: Actor,
    apply: (manager: EntityManager, request: DataSubjectRequest) => Promise<RequestChange> | RequestChange,
  ): Promise<DataSubjectRequest> {
    return this.dataSource.transaction(async (manager) => {
      const request = await manager.findOne(DataSubjectRequest, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!request) throw new NotFoundError('Request', id);
      const { kind, message, details } = await apply(manager, request);
      if (!kind) return request;
      const saved = await manager.save(DataSubjectRequest, request);
      await this.event(manager, actor, id, kind, message ?? null, details ?? {});
      await this.audit.record(manager, actor, {
        action: `request.${kind}`,
        entity: 'request',
        entityId: id,
        details: { reference: saved.reference, ...details },
      });
      // Answered: the identity documents kept as evidence are destroyed with it, in the same transaction.
      if (!OPEN_STATUSES.includes(saved.status)) await this.destroyIdentityDocuments(manager, actor, saved);
      return saved;
    });
  }

  private event(
    manager: EntityManager,
    actor: Actor | null,
    requestId: string,
    kind: string,
    message: string | null,
    details: Record<string, unknown>,
  ): Promise<RequestEvent> {
    return appendToTimeline(manager, actor, requestId, kind, message, details);
  }

  /**
   * The next reference of the year: one row per year holds the last number given, locked by the
   * update until the request's transaction ends (two requests never take the same number).
   */
  private async nextReference(manager: EntityManager, receivedAt: Date, now: Date): Promise<string> {
    const year = referenceYear(receivedAt, now);
    const [row] = await queryRows<{ last: number }>(
      manager,
      `INSERT INTO request_reference_counters (year, last) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last = request_reference_counters.last + 1 RETURNING last`,
      [Number(year)],
    );
    return `DSR-${year}-${String(row.last).padStart(4, '0')}`;
  }
}

function snapshot(r: DataSubjectRequest): Record<string, unknown> {
  return {
    type: r.type,
    typeGuessed: r.typeGuessed,
    channel: r.channel,
    language: r.language,
    receivedAt: r.receivedAt.toISOString(),
    subjectName: r.subjectName,
    subjectEmail: r.subjectEmail,
    subjectPhone: r.subjectPhone,
    description: r.description,
    dueDate: r.dueDate,
    slaDueDate: r.slaDueDate,
    extendedDueDate: r.extendedDueDate,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === '23505';
}

function pick(o: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, o[k]]));
}

function addMonthsToMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
