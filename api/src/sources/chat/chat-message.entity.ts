import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ChatConversation } from './chat-conversation.entity';

export const CHAT_ROLES = ['user', 'assistant'] as const;
export type ChatRole = (typeof CHAT_ROLES)[number];

@Entity('chat_messages')
@Index(['conversationId', 'sentAt'])
export class ChatMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'text', nullable: true })
  externalId: string | null;

  @Column({ type: 'uuid' })
  conversationId: string;

  @ManyToOne(() => ChatConversation, (c) => c.messages, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation: ChatConversation;

  /** user: what the visitor typed; assistant: the AI's reply. */
  @Column({ type: 'text' })
  role: ChatRole;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'timestamptz' })
  sentAt: Date;
}
