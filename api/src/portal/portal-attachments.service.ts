import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service';
import { DataKeys } from '../common/crypto/data-keys.service';
import { open as openSealed, seal } from '../common/crypto/secret-box';
import { NotFoundError } from '../common/errors/domain.error';
import { appendToTimeline } from '../requests/request-timeline';
import type { DataSubjectRequest } from '../requests/request.entity';
import type { Attachment } from './portal-attachments-rules';
import { RequestAttachment } from './request-attachment.entity';

/**
 * The documents subjects attach on the portal: sealed at rest under the `attachments` data key
 * (as the mailbox keeps raw messages), on the request's timeline, read by the officer (audited).
 */
@Injectable()
export class PortalAttachments {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dataKeys: DataKeys,
    private readonly audit: AuditService,
  ) {}

  /** The form's documents, kept sealed with it until its code is entered (or it is swept). */
  async storeForSubmission(manager: EntityManager, submissionId: string, attachments: Attachment[]): Promise<void> {
    if (!attachments.length) return;
    const key = await this.dataKeys.get('attachments', manager);
    const now = new Date();
    await manager.insert(
      RequestAttachment,
      attachments.map((a) => ({
        requestId: null,
        submissionId,
        fileName: a.fileName,
        contentType: a.contentType,
        size: a.content.length,
        sha256: createHash('sha256').update(a.content).digest('hex'),
        sealed: seal(key, a.content.toString('base64')),
        via: 'portal_form' as const,
        addedAt: now,
      })),
    );
  }

  /** The form's documents, now that its requests exist: one copy on each, on its timeline. */
  async claim(manager: EntityManager, submissionId: string, requests: DataSubjectRequest[]): Promise<void> {
    const pending = await manager.find(RequestAttachment, {
      where: { submissionId, requestId: IsNull() },
      order: { addedAt: 'ASC', fileName: 'ASC' },
    });
    for (const request of requests)
      for (const p of pending) {
        const { id: _id, submissionId: _s, request: _r, submission: _sub, ...copy } = p;
        const saved = await manager.save(
          RequestAttachment,
          manager.create(RequestAttachment, { ...copy, requestId: request.id, submissionId: null }),
        );
        await this.recordAdded(manager, request, saved);
      }
    if (pending.length) await manager.delete(RequestAttachment, { submissionId, requestId: IsNull() });
  }

  /** Documents sent with a further message through the status link: on each of the link's requests. */
  async addToRequests(
    manager: EntityManager,
    requests: DataSubjectRequest[],
    attachments: Attachment[],
  ): Promise<void> {
    if (!attachments.length) return;
    const key = await this.dataKeys.get('attachments', manager);
    for (const request of requests)
      for (const a of attachments) {
        const saved = await manager.save(
          RequestAttachment,
          manager.create(RequestAttachment, {
            requestId: request.id,
            submissionId: null,
            fileName: a.fileName,
            contentType: a.contentType,
            size: a.content.length,
            sha256: createHash('sha256').update(a.content).digest('hex'),
            sealed: seal(key, a.content.toString('base64')),
            via: 'portal_message',
            addedAt: new Date(),
          }),
        );
        await this.recordAdded(manager, request, saved);
      }
  }

  /** A document's content for the officer; the reading is audited. */
  async read(
    actor: Actor,
    requestId: string,
    attachmentId: string,
  ): Promise<{ attachment: RequestAttachment; content: Buffer }> {
    return this.dataSource.transaction(async (manager) => {
      const attachment = await manager.findOne(RequestAttachment, { where: { id: attachmentId, requestId } });
      if (!attachment) throw new NotFoundError('Attachment', attachmentId);
      const key = await this.dataKeys.get('attachments', manager);
      const content = Buffer.from(openSealed(key, attachment.sealed), 'base64');
      await this.audit.record(manager, actor, {
        action: 'request.attachment_viewed',
        entity: 'request',
        entityId: requestId,
        details: { attachmentId, fileName: attachment.fileName, sha256: attachment.sha256 },
      });
      return { attachment, content };
    });
  }

  private async recordAdded(manager: EntityManager, request: DataSubjectRequest, a: RequestAttachment): Promise<void> {
    const details = {
      attachmentId: a.id,
      fileName: a.fileName,
      contentType: a.contentType,
      size: a.size,
      sha256: a.sha256,
      via: a.via,
    };
    await appendToTimeline(
      manager,
      null,
      request.id,
      'subject_attachment',
      `Document attached by the subject on the privacy portal: ${a.fileName}`,
      details,
    );
    await this.audit.record(manager, null, {
      action: 'request.attachment_added',
      entity: 'request',
      entityId: request.id,
      details: { reference: request.reference, ...details },
    });
  }
}
