import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Language } from '../requests/request.entity';

/**
 * A withdrawal of consent and/or an objection to direct marketing sent through the privacy
 * portal, waiting for its e-mail code: nothing is requested or stopped until the code is
 * entered. Deleted once confirmed, and at the latest a day after its code expired.
 */
@Entity('portal_choice_forms')
export class PortalChoiceForm {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  email: string;

  /** The consent categories withdrawn (Art. 7(3)); may be empty when only marketing is objected to. */
  @Column({ type: 'jsonb' })
  categories: string[];

  /** An objection to direct marketing (Art. 21(2)). */
  @Column({ type: 'boolean' })
  directMarketing: boolean;

  @Column({ type: 'text' })
  language: Language;

  /** HMAC of the form id and the code (portal-rules.ts): the code itself is never stored. */
  @Column({ type: 'text' })
  codeHash: string;

  @Index()
  @Column({ type: 'timestamptz' })
  codeSentAt: Date;

  @Column({ type: 'integer', default: 0 })
  tries: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
