import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { trim } from '../../common/rest/transforms';
import { addMonthsUtc } from '../../common/time';
import { EMAIL, INSTANT, WithExternalId } from '../../ingestion/ingest-dto-parts';
import { defineIngestion, storeEach } from '../../ingestion/source-ingestion';
import { IdentifierCollector, type FoundIdentifier } from '../../subjects/identifier-collector';
import { normaliseEmail } from '../../subjects/identifiers';
import {
  CONSENT_ACTIONS,
  CONSENT_CATEGORIES,
  CONSENT_VALIDITY_MONTHS,
  type ConsentAction,
  type ConsentRecord,
} from './consent-record.entity';

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

/** The banner's consent id and the e-mail given with it are the person's. */
export function consentIdentifiers(consent: { consentId: string; email?: string | null }): FoundIdentifier[] {
  const c = new IdentifierCollector();
  c.add('consent_id', consent.consentId.trim(), 'consentId');
  c.add('email', normaliseEmail(consent.email), 'email');
  return c.found;
}

/** The categories must be the cookie policy's, each chosen true or false, necessary always true. */
function checkCategories(c: IngestConsentDto): Record<string, string> {
  if (!c.categories || typeof c.categories !== 'object') return {};
  for (const [category, choice] of Object.entries(c.categories)) {
    if (!(CONSENT_CATEGORIES as readonly string[]).includes(category)) {
      return {
        [`categories.${category}`]: `is not a category of the cookie policy (${CONSENT_CATEGORIES.join(', ')})`,
      };
    }
    if (typeof choice !== 'boolean') return { [`categories.${category}`]: 'must be true or false' };
  }
  if (c.categories.necessary === false)
    return { 'categories.necessary': 'is always true: necessary storage needs no consent' };
  return {};
}

export const consentsIngestion = defineIngestion({
  dto: IngestConsentDto,
  summary: 'Cookie-banner consent records',
  check: checkCategories,
  store: storeEach((r: IngestConsentDto) => {
    const recordedAt = new Date(r.recordedAt);
    const row = {
      externalId: r.externalId ?? null,
      consentId: r.consentId.trim(),
      email: r.email?.toLowerCase() ?? null,
      categories: Object.fromEntries(
        CONSENT_CATEGORIES.map((c) => [c, r.categories[c] === true]),
      ) as ConsentRecord['categories'],
      action: r.action,
      policyVersion: r.policyVersion,
      doNotTrack: r.doNotTrack ?? false,
      recordedAt,
      validUntil: addMonthsUtc(recordedAt, CONSENT_VALIDITY_MONTHS),
    };
    return { row, identifiers: consentIdentifiers(row) };
  }),
});
