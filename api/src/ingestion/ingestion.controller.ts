import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiTags, getSchemaPath, ApiExtraModels } from '@nestjs/swagger';
import type { ApiKey } from '../api-keys/api-key.entity';
import { CurrentApiKey, IngestionKey } from '../auth/access.decorators';
import {
  IngestAccessLogDto,
  IngestCalendarConnectionDto,
  IngestCalendarEventDto,
  IngestChatConversationDto,
  IngestChatMessageDto,
  IngestConsentDto,
  IngestLeadDto,
} from './ingest-dtos';
import { IngestionService, MAX_BATCH } from './ingestion.service';

const senderOf = (key: ApiKey) => ({ name: key.name, apiKeyPrefix: key.prefix });

/** One record, or an array of up to MAX_BATCH, in OpenAPI. */
const OneOrMany = (dto: Function) =>
  ApiBody({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(dto) },
        { type: 'array', maxItems: MAX_BATCH, items: { $ref: getSchemaPath(dto) } },
      ],
    },
  });

/**
 * Where the website sends personal data: `X-Api-Key` authenticated, one record or a batch,
 * all-or-nothing, idempotent by externalId. See docs/ingestion.md.
 */
@ApiTags('ingestion')
@ApiHeader({ name: 'X-Api-Key', required: true, description: 'An ingestion key (api-keys resource)' })
@ApiExtraModels(
  IngestLeadDto,
  IngestChatConversationDto,
  IngestChatMessageDto,
  IngestCalendarConnectionDto,
  IngestCalendarEventDto,
  IngestConsentDto,
  IngestAccessLogDto,
)
@IngestionKey()
@Controller('ingest')
export class IngestionController {
  constructor(private readonly ingestion: IngestionService) {}

  @Post('leads')
  @HttpCode(200)
  @OneOrMany(IngestLeadDto)
  @ApiOperation({ summary: 'Contact-form submissions' })
  leads(@Body() body: unknown, @CurrentApiKey() key: ApiKey) {
    return this.ingestion.ingest('leads', body, senderOf(key));
  }

  @Post('chat-conversations')
  @HttpCode(200)
  @OneOrMany(IngestChatConversationDto)
  @ApiOperation({ summary: 'AI-chat conversations, optionally with their messages' })
  conversations(@Body() body: unknown, @CurrentApiKey() key: ApiKey) {
    return this.ingestion.ingest('chat-conversations', body, senderOf(key));
  }

  @Post('chat-messages')
  @HttpCode(200)
  @OneOrMany(IngestChatMessageDto)
  @ApiOperation({ summary: 'Messages added to a conversation sent before' })
  messages(@Body() body: unknown, @CurrentApiKey() key: ApiKey) {
    return this.ingestion.ingest('chat-messages', body, senderOf(key));
  }

  @Post('calendar-connections')
  @HttpCode(200)
  @OneOrMany(IngestCalendarConnectionDto)
  @ApiOperation({ summary: 'Google Calendar connections (tokens are encrypted at rest)' })
  connections(@Body() body: unknown, @CurrentApiKey() key: ApiKey) {
    return this.ingestion.ingest('calendar-connections', body, senderOf(key));
  }

  @Post('calendar-events')
  @HttpCode(200)
  @OneOrMany(IngestCalendarEventDto)
  @ApiOperation({ summary: 'Calendar events: manual, system or imported' })
  events(@Body() body: unknown, @CurrentApiKey() key: ApiKey) {
    return this.ingestion.ingest('calendar-events', body, senderOf(key));
  }

  @Post('consents')
  @HttpCode(200)
  @OneOrMany(IngestConsentDto)
  @ApiOperation({ summary: 'Cookie-banner consent records' })
  consents(@Body() body: unknown, @CurrentApiKey() key: ApiKey) {
    return this.ingestion.ingest('consents', body, senderOf(key));
  }

  @Post('access-logs')
  @HttpCode(200)
  @OneOrMany(IngestAccessLogDto)
  @ApiOperation({ summary: 'Web server access-log lines' })
  accessLogs(@Body() body: unknown, @CurrentApiKey() key: ApiKey) {
    return this.ingestion.ingest('access-logs', body, senderOf(key));
  }
}
