import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DataSubjectRequest } from '../requests/request.entity';
import { PortalSubmission } from './portal-submission.entity';

/**
 * A document the subject attached on the privacy portal (PDF, JPEG or PNG), kept as evidence
 * with the request: its content sealed (AES-256-GCM under the `attachments` data key), like the
 * mailbox's raw messages. Attached to the form, it waits with the submission until the code is
 * entered (then one copy per request of the form); gone with its request or its submission.
 */
@Entity('request_attachments')
export class RequestAttachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  requestId: string | null;

  @ManyToOne(() => DataSubjectRequest, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'request_id' })
  request?: DataSubjectRequest;

  /** The form it came with, while the code is not yet entered. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  submissionId: string | null;

  @ManyToOne(() => PortalSubmission, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'submission_id' })
  submission?: PortalSubmission;

  /** The name the subject's file had (cleaned), for the officer. */
  @Column({ type: 'text' })
  fileName: string;

  /** The type read from the content itself: application/pdf, image/jpeg or image/png. */
  @Column({ type: 'text' })
  contentType: string;

  @Column({ type: 'integer' })
  size: number;

  /** SHA-256 of the content, hex. */
  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'bytea' })
  sealed: Buffer;

  /** Where it came from: the form, or a message through the status link. */
  @Column({ type: 'text' })
  via: 'portal_form' | 'portal_message';

  @Column({ type: 'timestamptz' })
  addedAt: Date;
}
