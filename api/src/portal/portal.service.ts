import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull, LessThan, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { checkTypedCode, mailCodeOrForget, openStatusLink } from './portal-codes';
import { Letter } from '../letters/letter.entity';
import { LettersService } from '../letters/letters.service';
import { appendToTimeline } from '../requests/request-timeline';
import { DataSubjectRequest, type Language } from '../requests/request.entity';
import { RequestsService } from '../requests/requests.service';
import { withLanguage, type StatusView } from './portal-pages';
import type { Attachment } from './portal-attachments-rules';
import { PortalAttachments } from './portal-attachments.service';
import { PortalKeys } from './portal-keys';
import { PortalLink } from './portal-link.entity';
import {
  afterAttempt,
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
  type Submission,
} from './portal-rules';
import { PortalSubmission } from './portal-submission.entity';
import { PortalThrottle } from './portal-throttle.entity';
import { RIGHT_NAMES, text } from './portal-texts';
import { forTheSubject, sealedMarker } from '../letters/sealed-parts';

export type SubmitOutcome = { kind: 'sent'; submissionId: string } | { kind: 'throttled' } | { kind: 'failed' };
export type VerifyOutcome =
  { kind: 'confirmed'; token: string } | { kind: 'wrong'; left: number } | { kind: 'expired' | 'locked' | 'unknown' };
export type MessageOutcome = 'added' | 'throttled' | 'unknown';

/** How long after its code expired a form that was never confirmed is kept at most. */
const STALE_AFTER_MS = 24 * 3600_000 + CODE.validMinutes * 60_000;

/**
 * The privacy portal's flow: a form becomes a submission waiting for its code; the code makes
 * it requests (channel web_form) with the e-mail's control as identity evidence, and a status
 * link; the acknowledgement carries the link. Every change is one transaction with its audit event.
 */
@Injectable()
export class PortalService {
  private readonly logger = new Logger(PortalService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly requests: RequestsService,
    private readonly letters: LettersService,
    private readonly attachments: PortalAttachments,
    private readonly keys: PortalKeys,
  ) {}

  /** The portal forms' CSRF key (the package pages' forms too). */
  get csrfKey(): Buffer {
    return this.keys.csrf;
  }

  get canSend(): boolean {
    return this.letters.canSend;
  }

  /**
   * A valid form: counted against its e-mail's and its network address's limits, stored with
   * its code's hash, and the code sent. The answer never depends on whether the e-mail is known.
   */
  async submit(
    submission: Submission,
    language: Language,
    ip: string | null,
    attachments: Attachment[] = [],
  ): Promise<SubmitOutcome> {
    const code = newCode();
    const id = randomUUID();
    const stored = await this.dataSource.transaction(async (manager) => {
      const now = new Date();
      await this.sweep(manager, now);
      const keys = [
        { key: throttleKey(this.keys.throttle, 'email', submission.email), limit: PORTAL_LIMITS.perEmail },
        ...(ip ? [{ key: throttleKey(this.keys.throttle, 'ip', ip), limit: PORTAL_LIMITS.perAddress }] : []),
      ];
      let over = false;
      for (const { key, limit } of keys) over = (await this.count(manager, key, limit, now)) || over;
      if (over) {
        await this.audit.record(manager, null, {
          action: 'portal.throttled',
          entity: 'portal_submission',
          details: { step: 'form' },
        });
        return false;
      }
      await manager.insert(PortalSubmission, {
        id,
        rights: submission.rights,
        name: submission.name,
        email: submission.email,
        phone: submission.phone,
        message: submission.message,
        language,
        codeHash: hashCode(this.keys.code, id, code),
        codeSentAt: now,
        tries: 0,
      });
      await this.attachments.storeForSubmission(manager, id, attachments);
      await this.audit.record(manager, null, {
        action: 'portal.code_sent',
        entity: 'portal_submission',
        entityId: id,
        details: { rights: submission.rights, language },
      });
      return true;
    });
    // The counters stay counted: a refused form still spent its try.
    if (!stored) return { kind: 'throttled' };
    const sent = await mailCodeOrForget(
      { dataSource: this.dataSource, audit: this.audit, letters: this.letters, logger: this.logger },
      { email: submission.email, language, code },
      {
        entity: PortalSubmission,
        id,
        auditEntity: 'portal_submission',
        label: 'submission',
        emailThrottleKey: throttleKey(this.keys.throttle, 'email', submission.email),
      },
    );
    if (!sent) return { kind: 'failed' };
    return { kind: 'sent', submissionId: id };
  }

  /**
   * The code typed for a submission: a wrong one counts a try (the fifth locks it); the right
   * one, in time, registers one request per right, records the e-mail's control as identity
   * evidence, makes the status link and deletes the submission, then sends the acknowledgements.
   */
  async verify(submissionId: string, typed: string, baseUrl: string): Promise<VerifyOutcome> {
    const token = newToken();
    const outcome = await this.dataSource.transaction(
      async (manager): Promise<VerifyOutcome | { kind: 'ok'; requests: DataSubjectRequest[] }> => {
        const now = new Date();
        const check = await checkTypedCode(
          manager,
          { audit: this.audit, codeKey: this.keys.code },
          { entity: PortalSubmission, id: submissionId, auditEntity: 'portal_submission' },
          typed,
          now,
        );
        if (check.kind !== 'right') return check;
        const submission = check.row;
        const requests: DataSubjectRequest[] = [];
        for (const type of submission.rights) {
          const request = await this.requests.create(
            null,
            {
              type,
              channel: 'web_form',
              language: submission.language,
              receivedAt: now.toISOString(),
              subjectName: submission.name,
              subjectEmail: submission.email,
              ...(submission.phone ? { subjectPhone: submission.phone } : {}),
              description: submission.message,
            },
            {
              message: `Sent through the privacy portal (${submission.rights.join(', ')})`,
              details: { channel: 'web_form', rights: submission.rights, via: 'privacy_portal' },
            },
            undefined,
            manager,
          );
          await appendToTimeline(
            manager,
            null,
            request.id,
            'identity_evidence',
            `Control of the e-mail address proven: the code sent to ${submission.email} was entered on the privacy portal`,
            { evidence: 'email_control', email: submission.email, at: now.toISOString(), via: 'privacy_portal' },
          );
          await this.audit.record(manager, null, {
            action: 'request.identity_evidence',
            entity: 'request',
            entityId: request.id,
            details: { reference: request.reference, evidence: 'email_control' },
          });
          requests.push(request);
        }
        await this.attachments.claim(manager, submission.id, requests);
        await openStatusLink(manager, this.audit, token, requests, {
          entity: PortalSubmission,
          id: submission.id,
          auditEntity: 'portal_submission',
        });
        return { kind: 'ok', requests };
      },
    );
    if (outcome.kind !== 'ok') return outcome;
    await this.acknowledge(outcome.requests, `${baseUrl}/privacy/status/${token}`);
    return { kind: 'confirmed', token };
  }

  /**
   * The acknowledgement of each request, from the template in force, with the status link before
   * the regards: queued now, sent once the person has their page (`deliverSoon`).
   */
  private async acknowledge(requests: DataSubjectRequest[], link: string): Promise<void> {
    const queued: Letter[] = [];
    for (const request of requests) {
      try {
        const composed = await this.letters.preview(request.id, { kind: 'acknowledgement' });
        // The link opens the person's requests: staff read the letter with a marker in its place.
        const marker = sealedMarker('status_link', request.language);
        const paragraph = text(request.language, 'status_link_paragraph', { link: marker });
        const letter = await this.letters.queue(
          null,
          request.id,
          { kind: 'acknowledgement', text: withStatusLink(composed.text, paragraph) },
          // The page opens in the request's language, whatever the browser that follows the link prefers.
          { [marker]: withLanguage(link, request.language) },
        );
        queued.push(letter);
      } catch (error) {
        // The request exists and the officer sees it, and can write to the person from it.
        this.logger.warn(`Acknowledgement of ${request.reference} not written: ${(error as Error).message}`);
      }
    }
    this.letters.deliverSoon(queued);
  }

  /** What the status link shows, or null for a token that opens nothing. */
  async status(token: string): Promise<StatusView | null> {
    const link = await this.link(token);
    if (!link) return null;
    const requests = await this.dataSource
      .getRepository(DataSubjectRequest)
      .find({ where: { id: In(link.requestIds) }, order: { reference: 'ASC' } });
    // Only what was sent to the subject: no Art. 19 notice to a processor, nothing unsent.
    const letters = await this.dataSource.getRepository(Letter).find({
      where: { requestId: In(link.requestIds), state: 'sent', processorId: IsNull() },
      order: { sentAt: 'ASC' },
    });
    return {
      requests: requests.map((r) => ({
        reference: r.reference,
        type: r.type,
        status: r.status,
        receivedAt: r.receivedAt,
        workingDueDate: r.workingDueDate,
        legalDueDate: r.extendedDueDate ?? r.dueDate,
      })),
      letters: letters.map((l) => ({ subject: l.subject, body: forTheSubject(l.body), sentAt: l.sentAt! })),
    };
  }

  /** The subject's further information: on each of the link's requests' timeline, audited. */
  async addMessage(token: string, message: string, attachments: Attachment[] = []): Promise<MessageOutcome> {
    const link = await this.link(token);
    if (!link) return 'unknown';
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      if (await this.count(manager, throttleKey(this.keys.throttle, 'link', link.id), PORTAL_LIMITS.perLink, now))
        return 'throttled';
      const requests = await manager.find(DataSubjectRequest, { where: { id: In(link.requestIds) } });
      for (const request of requests) {
        await appendToTimeline(manager, null, request.id, 'subject_message', message, {
          via: 'privacy_portal',
          rights: requests.map((r) => RIGHT_NAMES.en[r.type]),
        });
        await this.audit.record(manager, null, {
          action: 'request.subject_message',
          entity: 'request',
          entityId: request.id,
          details: { reference: request.reference, via: 'privacy_portal', length: message.length },
        });
      }
      await this.attachments.addToRequests(manager, requests, attachments);
      return 'added';
    });
  }

  private async link(token: string): Promise<PortalLink | null> {
    if (!isTokenShaped(token)) return null;
    return this.dataSource.getRepository(PortalLink).findOne({ where: { tokenHash: hashToken(token) } });
  }

  /** One more attempt on `key`; true when it is over `limit` (the counter is saved either way). */
  private async count(manager: EntityManager, key: string, limit: number, now: Date): Promise<boolean> {
    const current = await manager.findOne(PortalThrottle, { where: { key }, lock: { mode: 'pessimistic_write' } });
    const next = afterAttempt(current, now);
    await manager.upsert(PortalThrottle, { key, ...next }, ['key']);
    return overLimit(next, limit);
  }

  /** Forms never confirmed and counters whose hour has passed: gone, so the portal keeps nothing it no longer needs. */
  private async sweep(manager: EntityManager, now: Date): Promise<void> {
    await manager.delete(PortalSubmission, { codeSentAt: LessThan(new Date(now.getTime() - STALE_AFTER_MS)) });
    await manager.delete(PortalThrottle, {
      windowStart: LessThan(new Date(now.getTime() - PORTAL_LIMITS.windowMinutes * 60_000)),
    });
  }
}
