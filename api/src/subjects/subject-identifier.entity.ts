import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { IdentifierRole } from './attribution';
import type { IdentifierKind } from './identifiers';

/**
 * The personal-data index: one row per normalised identifier found in a source record, with
 * the field it was found in. A search looks identifiers up by (kind, value).
 */
@Entity('subject_identifiers')
@Index(['kind', 'value'])
@Index(['source', 'recordId'])
export class SubjectIdentifier {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  kind: IdentifierKind;

  /** Normalised: e-mail lower-cased, phone in E.164, name folded. */
  @Column({ type: 'text' })
  value: string;

  /** The source resource, e.g. `leads`, `chat-messages`. */
  @Column({ type: 'text' })
  source: string;

  @Column({ type: 'text' })
  recordId: string;

  /** Where in the record: `email`, `phone`, `message` (found in text), `attendees`... */
  @Column({ type: 'text' })
  field: string;

  /**
   * Whose it is (Art. 15(4)): `owner` when the identifier says whose record it is, `mention` when
   * the record only names that person (`subjects/record-identifiers.ts`). The officer may correct it.
   */
  @Column({ type: 'text', default: 'owner' })
  role: IdentifierRole;

  /** When the officer set the role by hand (`setRole`): a re-index keeps it. */
  @Column({ type: 'timestamptz', nullable: true })
  correctedAt: Date | null;
}
