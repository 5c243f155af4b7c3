import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { trim } from '../../common/rest/transforms';
import { EMAIL, INSTANT, OptionalText, WithExternalId } from '../../ingestion/ingest-dto-parts';
import { defineIngestion, storeEach, type PreparedRecord } from '../../ingestion/source-ingestion';
import { IdentifierCollector, type FoundIdentifier } from '../../subjects/identifier-collector';
import { normaliseEmail, normaliseFullName, normalisePhone } from '../../subjects/identifiers';
import type { Lead } from './lead.entity';

/** A contact-form submission as the website sends it. */
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

/** The lead's e-mail, phone and name are its writer's; the message follows `attributeText`. */
export function leadIdentifiers(lead: {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  message?: string | null;
}): FoundIdentifier[] {
  const c = new IdentifierCollector();
  c.add('email', normaliseEmail(lead.email), 'email');
  c.add('phone', normalisePhone(lead.phone), 'phone');
  c.add('name', normaliseFullName(lead.firstName, lead.lastName), 'name');
  c.writtenBySubject(lead.message, 'message');
  return c.found;
}

function prepareLead(r: IngestLeadDto): PreparedRecord<Partial<Lead> & { externalId: string | null }> {
  const row = {
    externalId: r.externalId ?? null,
    firstName: r.firstName ?? null,
    lastName: r.lastName ?? null,
    email: r.email,
    phone: r.phone ?? null,
    company: r.company ?? null,
    message: r.message ?? null,
    spaceType: r.spaceType ?? null,
    objective: r.objective ?? null,
    utmSource: r.utmSource ?? null,
    utmMedium: r.utmMedium ?? null,
    utmCampaign: r.utmCampaign ?? null,
    utmTerm: r.utmTerm ?? null,
    utmContent: r.utmContent ?? null,
    landingPage: r.landingPage ?? null,
    referrer: r.referrer ?? null,
    consentGivenAt: r.consentGivenAt ? new Date(r.consentGivenAt) : null,
    submittedAt: new Date(r.submittedAt),
  };
  return { row, identifiers: leadIdentifiers(row) };
}

export const leadsIngestion = defineIngestion({
  dto: IngestLeadDto,
  summary: 'Contact-form submissions',
  store: storeEach(prepareLead),
});
