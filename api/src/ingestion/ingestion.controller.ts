import { Body, Controller, HttpCode, Post, type Type } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiHeader, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { ApiKey } from '../api-keys/api-key.entity';
import { CurrentApiKey, IngestionKey } from '../auth/access.decorators';
import type { SourceDefinition } from '../sources/source-definition';
import { AnswersWith } from '../openapi/document';
import { IngestionService, MAX_BATCH } from './ingestion.service';

const senderOf = (key: ApiKey) => ({ name: key.name, apiKeyPrefix: key.prefix });

/**
 * Where the website sends one source's personal data, POST /api/ingest/<resource>: `X-Api-Key`
 * authenticated, one record or a batch of up to MAX_BATCH, all-or-nothing, idempotent by
 * externalId. One controller per registered source, so that each route documents its own body
 * in OpenAPI. See docs/ingestion.md.
 */
export function ingestionController(source: SourceDefinition): Type<unknown> {
  const dto = source.ingestion.dto;

  @ApiTags('ingestion')
  @ApiHeader({ name: 'X-Api-Key', required: true, description: 'An ingestion key (api-keys resource)' })
  @ApiExtraModels(dto)
  @IngestionKey()
  @Controller('ingest')
  class IngestionController {
    constructor(readonly ingestion: IngestionService) {}

    @Post(source.resource)
    @HttpCode(200)
    @ApiBody({
      schema: {
        oneOf: [
          { $ref: getSchemaPath(dto) },
          { type: 'array', maxItems: MAX_BATCH, items: { $ref: getSchemaPath(dto) } },
        ],
      },
    })
    @ApiOperation({ summary: source.ingestion.summary })
    @AnswersWith('IngestResult')
    ingest(@Body() body: unknown, @CurrentApiKey() key: ApiKey) {
      return this.ingestion.ingest(source.resource, body, senderOf(key));
    }
  }
  const name = source.resource.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
  Object.defineProperty(IngestionController, 'name', { value: `${name}IngestionController` });
  return IngestionController;
}
