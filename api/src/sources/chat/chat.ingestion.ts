import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { trim } from '../../common/rest/transforms';
import { EMAIL, INSTANT, WithExternalId } from '../../ingestion/ingest-dto-parts';
import { defineIngestion, type PreparedRecord } from '../../ingestion/source-ingestion';
import { IdentifierCollector, type FoundIdentifier } from '../../subjects/identifier-collector';
import { normaliseEmail, normaliseName } from '../../subjects/identifiers';
import { CHAT_PROVIDERS, type ChatProvider } from './chat-conversation.entity';
import { CHAT_ROLES, type ChatMessage, type ChatRole } from './chat-message.entity';

export class IngestChatMessageInConversationDto extends WithExternalId {
  @ApiProperty({ enum: CHAT_ROLES })
  @IsIn(CHAT_ROLES, { message: `must be one of ${CHAT_ROLES.join(', ')}` })
  role: ChatRole;

  @ApiProperty({ example: 'Buongiorno, vorrei un preventivo per il mio negozio.' })
  @IsString()
  @MaxLength(50_000)
  content: string;

  @ApiProperty({ example: '2026-11-22T10:15:00Z' })
  @IsISO8601({ strict: true }, INSTANT)
  sentAt: string;
}

export class IngestChatConversationDto extends WithExternalId {
  @ApiProperty({ enum: CHAT_PROVIDERS })
  @IsIn(CHAT_PROVIDERS, { message: `must be one of ${CHAT_PROVIDERS.join(', ')}` })
  provider: ChatProvider;

  @ApiProperty({ example: '2026-11-22T10:14:00Z' })
  @IsISO8601({ strict: true }, INSTANT)
  startedAt: string;

  @ApiPropertyOptional({
    description: "The visitor's e-mail, when they gave it in the chat widget: the conversation is theirs",
    example: 'sara.gallo@example.it',
  })
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, EMAIL)
  @MaxLength(320)
  visitorEmail?: string;

  @ApiPropertyOptional({
    description: "The visitor's name, when they gave it in the chat widget",
    example: 'Sara Gallo',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  visitorName?: string;

  @ApiPropertyOptional({ type: [IngestChatMessageInConversationDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => IngestChatMessageInConversationDto)
  messages?: IngestChatMessageInConversationDto[];
}

export class IngestChatMessageDto extends IngestChatMessageInConversationDto {
  @ApiProperty({ description: 'The externalId of a conversation sent before', example: 'chat-8f2c' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  conversationExternalId: string;
}

/**
 * Only the visitor's own messages: the assistant's replies hold the company's addresses and
 * would link every visitor to every other.
 */
export function chatMessageIdentifiers(message: { role: string; content: string }): FoundIdentifier[] {
  const c = new IdentifierCollector();
  if (message.role === 'user') c.writtenBySubject(message.content, 'content');
  return c.found;
}

/**
 * The visitor's identity, when the chat widget asked for it: the conversation is theirs. What the
 * visitor writes is indexed per message (`chatMessageIdentifiers`).
 */
export function chatConversationIdentifiers(conversation: {
  visitorEmail?: string | null;
  visitorName?: string | null;
}): FoundIdentifier[] {
  const c = new IdentifierCollector();
  c.add('email', normaliseEmail(conversation.visitorEmail), 'visitorEmail');
  c.add('name', normaliseName(conversation.visitorName), 'visitorName');
  return c.found;
}

function prepareMessage(
  m: { externalId?: string; role: ChatMessage['role']; content: string; sentAt: string },
  conversationId: string,
): PreparedRecord<Partial<ChatMessage> & { externalId: string | null }> {
  const row = {
    externalId: m.externalId ?? null,
    conversationId,
    role: m.role,
    content: m.content,
    sentAt: new Date(m.sentAt),
  };
  return { row, identifiers: chatMessageIdentifiers(row) };
}

export const chatConversationsIngestion = defineIngestion({
  dto: IngestChatConversationDto,
  summary: 'AI-chat conversations, optionally with their messages',
  async store(records, batch) {
    const result = await batch.insert(
      records.map((r) => {
        const row = {
          externalId: r.externalId ?? null,
          provider: r.provider,
          startedAt: new Date(r.startedAt),
          visitorEmail: r.visitorEmail?.toLowerCase() ?? null,
          visitorName: r.visitorName?.trim() || null,
        };
        // The visitor's identity, when the widget gave it: the owner of the conversation.
        return { row, identifiers: chatConversationIdentifiers(row) };
      }),
    );
    // Messages come with a new conversation only: a retried conversation already has them.
    const messages = records.flatMap((r, i) => {
      const id = result.ids[i];
      return id ? (r.messages ?? []).map((m) => prepareMessage(m, id)) : [];
    });
    if (messages.length > 0) await batch.insert(messages, 'chat-messages');
    return result;
  },
});

export const chatMessagesIngestion = defineIngestion({
  dto: IngestChatMessageDto,
  summary: 'Messages added to a conversation sent before',
  async store(records, batch) {
    const conversations = await batch.idsByExternalId(
      'chat-conversations',
      records.map((r) => r.conversationExternalId),
      'conversationExternalId',
      'conversation',
    );
    return batch.insert(records.map((r) => prepareMessage(r, conversations.get(r.conversationExternalId)!)));
  },
});
