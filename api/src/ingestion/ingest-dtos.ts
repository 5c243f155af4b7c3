import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { isPlainIpAddress } from '../common/ip-address';
import { trim } from '../common/rest/transforms';
import { EVENT_ORIGINS, type EventOrigin } from '../sources/calendar/calendar-event.entity';
import { CHAT_PROVIDERS, type ChatProvider } from '../sources/chat/chat-conversation.entity';
import { CHAT_ROLES, type ChatRole } from '../sources/chat/chat-message.entity';
import { CONSENT_ACTIONS, type ConsentAction } from '../sources/consents/consent-record.entity';

/**
 * What the website sends to the ingestion API, one class per source. Every record may carry
 * the website's own `externalId`: sending the same id again never makes a second record.
 */

const INSTANT = { message: 'must be an ISO 8601 instant, e.g. 2026-11-22T10:15:00Z' } as const;
const EMAIL = { message: 'must be an e-mail address' } as const;

class WithExternalId {
  @ApiPropertyOptional({
    description: "The website's id for this record; makes retries idempotent",
    example: 'form-2026-000123',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  externalId?: string;
}

/** An optional free-text field of at most `max` characters. */
function OptionalText(max = 500): PropertyDecorator {
  return (target, key) => {
    for (const decorate of [IsOptional(), IsString(), MaxLength(max), ApiPropertyOptional({ maxLength: max })])
      decorate(target, key);
  };
}

export class IngestLeadDto extends WithExternalId {
  @OptionalText(200) firstName?: string;
  @OptionalText(200) lastName?: string;

  @ApiProperty({ example: 'mario.rossi@example.it' })
  @Transform(trim)
  @IsEmail({}, EMAIL)
  @MaxLength(320)
  email: string;

  @ApiPropertyOptional({ example: '+39 347 123 4567' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string;

  @OptionalText(300) company?: string;
  @OptionalText(10_000) message?: string;
  @OptionalText(200) spaceType?: string;
  @OptionalText(500) objective?: string;
  @OptionalText(300) utmSource?: string;
  @OptionalText(300) utmMedium?: string;
  @OptionalText(300) utmCampaign?: string;
  @OptionalText(300) utmTerm?: string;
  @OptionalText(300) utmContent?: string;
  @OptionalText(2000) landingPage?: string;
  @OptionalText(2000) referrer?: string;

  @ApiPropertyOptional({ example: '2026-11-22T10:14:58Z' })
  @IsOptional()
  @IsISO8601({ strict: true }, INSTANT)
  consentGivenAt?: string;

  @ApiProperty({ example: '2026-11-22T10:15:00Z' })
  @IsISO8601({ strict: true }, INSTANT)
  submittedAt: string;
}

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

export class IngestCalendarConnectionDto extends WithExternalId {
  @ApiProperty({ example: 'mario.rossi@gmail.com' })
  @Transform(trim)
  @IsEmail({}, EMAIL)
  @MaxLength(320)
  accountEmail: string;

  @ApiPropertyOptional({ description: 'Stored encrypted; never answered' })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  accessToken?: string;

  @ApiPropertyOptional({ description: 'Stored encrypted; never answered' })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  refreshToken?: string;

  @ApiProperty({
    example: ['https://www.googleapis.com/auth/userinfo.email', 'https://www.googleapis.com/auth/calendar'],
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  scopes: string[];

  @ApiProperty({ example: '2026-11-22T10:15:00Z' })
  @IsISO8601({ strict: true }, INSTANT)
  connectedAt: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, INSTANT)
  revokedAt?: string;
}

export class AttendeeDto {
  @ApiPropertyOptional({ example: 'anna.verdi@example.it' })
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, EMAIL)
  @MaxLength(320)
  email?: string;

  @OptionalText(200) name?: string;
}

export class IngestCalendarEventDto extends WithExternalId {
  @ApiPropertyOptional({ description: 'The externalId of the calendar connection it belongs to' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  connectionExternalId?: string;

  @ApiProperty({ enum: EVENT_ORIGINS })
  @IsIn(EVENT_ORIGINS, { message: `must be one of ${EVENT_ORIGINS.join(', ')}` })
  origin: EventOrigin;

  @ApiProperty({ example: 'Sopralluogo negozio' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title: string;

  @OptionalText(10_000) description?: string;

  @ApiPropertyOptional({ type: [AttendeeDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AttendeeDto)
  attendees?: AttendeeDto[];

  @ApiProperty({ example: '2026-11-25T09:00:00+01:00' })
  @IsISO8601({ strict: true }, INSTANT)
  startsAt: string;

  @ApiProperty({ example: '2026-11-25T10:00:00+01:00' })
  @IsISO8601({ strict: true }, INSTANT)
  endsAt: string;
}

export class IngestConsentDto extends WithExternalId {
  @ApiProperty({
    description: 'The id the cookie banner keeps in the browser',
    example: 'c0f1e2d3-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  consentId: string;

  @ApiPropertyOptional({ example: 'mario.rossi@example.it' })
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, EMAIL)
  @MaxLength(320)
  email?: string;

  @ApiProperty({
    description: 'The choice for each category of the cookie policy; necessary is always true',
    example: {
      necessary: true,
      functional: false,
      ai_chatbot: true,
      statistics: true,
      analytics: false,
      marketing: false,
    },
  })
  @IsObject()
  categories: Record<string, boolean>;

  @ApiProperty({ enum: CONSENT_ACTIONS })
  @IsIn(CONSENT_ACTIONS, { message: `must be one of ${CONSENT_ACTIONS.join(', ')}` })
  action: ConsentAction;

  @ApiProperty({ example: '2026-06-11' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  policyVersion: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  doNotTrack?: boolean;

  @ApiProperty({ example: '2026-11-22T10:15:00Z' })
  @IsISO8601({ strict: true }, INSTANT)
  recordedAt: string;
}

export class IngestAccessLogDto extends WithExternalId {
  @ApiProperty({ example: '93.44.12.7' })
  @ValidateBy({
    name: 'isPlainIpAddress',
    validator: {
      validate: isPlainIpAddress,
      defaultMessage: () => 'must be an IPv4 or IPv6 address, without a zone (%eth0)',
    },
  })
  ip: string;

  @OptionalText(1000) userAgent?: string;

  @ApiProperty({ example: '/servizi/vetrine' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  path: string;

  @ApiProperty({ example: 'GET' })
  @IsIn(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], { message: 'must be an HTTP method in capitals' })
  method: string;

  @ApiProperty({ example: 200 })
  @IsInt({ message: 'must be a whole number' })
  @Min(100)
  @Max(599)
  status: number;

  @ApiProperty({ example: '2026-11-22T10:15:00Z' })
  @IsISO8601({ strict: true }, INSTANT)
  at: string;
}
