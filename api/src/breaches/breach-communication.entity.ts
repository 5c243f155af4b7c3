import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Breach } from './breach.entity';

export const COMMUNICATION_CHANNELS = ['email', 'post', 'phone', 'sms', 'in_person', 'public_notice', 'other'] as const;
export type CommunicationChannel = (typeof COMMUNICATION_CHANNELS)[number];

/** One person told of a breach (Art. 34): who (the identifier they were found by), when, how. */
@Entity('breach_communications')
@Index(['breachId', 'kind', 'value'], { unique: true })
export class BreachCommunication {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  breachId: string;

  @ManyToOne(() => Breach, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'breach_id' })
  breach?: Breach;

  /** The identifier of the index the person was found by (`email`, `phone`...) and its value. */
  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  value: string;

  @Column({ type: 'text' })
  language: string;

  @Column({ type: 'text' })
  channel: CommunicationChannel;

  @Column({ type: 'timestamptz' })
  sentAt: Date;

  /** The staff member who recorded it (e-mail). */
  @Column({ type: 'text' })
  recordedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
