import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/**
 * The parts every source's ingestion DTO shares. Every record may carry the website's own
 * `externalId`: sending the same id again never makes a second record.
 */

export const INSTANT = { message: 'must be an ISO 8601 instant, e.g. 2026-11-22T10:15:00Z' } as const;
export const EMAIL = { message: 'must be an e-mail address' } as const;

export class WithExternalId {
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
export function OptionalText(max = 500): PropertyDecorator {
  return (target, key) => {
    for (const decorate of [IsOptional(), IsString(), MaxLength(max), ApiPropertyOptional({ maxLength: max })])
      decorate(target, key);
  };
}
