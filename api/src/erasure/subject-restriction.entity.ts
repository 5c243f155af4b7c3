import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An identifier of a person whose processing is restricted (Art. 18): new records that carry it
 * arrive flagged as restricted until the restriction is lifted.
 */
@Entity('subject_restrictions')
@Index(['kind', 'value'])
export class SubjectRestriction {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  requestId: string;

  /** An identifier kind of the index: `email`, `phone`, `account`, `ip`. */
  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  value: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  liftedAt: Date | null;
}
