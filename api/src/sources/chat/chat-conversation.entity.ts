import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { ChatMessage } from './chat-message.entity';

export const CHAT_PROVIDERS = ['anthropic', 'openai', 'gemini', 'ollama'] as const;
export type ChatProvider = (typeof CHAT_PROVIDERS)[number];

/** A conversation with the website's AI assistant ("Vimage AI"). */
@Entity('chat_conversations')
export class ChatConversation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'text', nullable: true })
  externalId: string | null;

  /** The AI provider that generated the replies (a sub-processor). */
  @Column({ type: 'text' })
  provider: ChatProvider;

  @Index()
  @Column({ type: 'timestamptz' })
  startedAt: Date;

  /** The visitor's identity, when the chat widget asked for it: the conversation's owner (Art. 15(4)). */
  @Column({ type: 'text', nullable: true })
  visitorEmail: string | null;

  @Column({ type: 'text', nullable: true })
  visitorName: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  ingestedAt: Date;

  @OneToMany('ChatMessage', 'conversation')
  messages: ChatMessage[];

  /** Art. 18: set while a restriction request freezes this record (kept, flagged, never swept). */
  @Column({ type: 'timestamptz', nullable: true })
  restrictedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  restrictedByRequestId: string | null;

  /** Set when the subject's identifiers were masked in the messages (erasure or retention): kept for statistics. */
  @Column({ type: 'timestamptz', nullable: true })
  anonymisedAt: Date | null;
}
