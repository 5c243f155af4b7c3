import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { trim } from '../../common/rest/transforms';
import { HOLD_GROUNDS, type HoldGround } from '../legal-hold-rules';

/**
 * A hold the officer places. Only shapes here: the legal rules (a ground the law allows, the law
 * of an obligation, an end or review date in the future) are `holdProblems`, answered field by field.
 */
export class PlaceHoldDto {
  @ApiProperty({ example: 'leads', description: 'The source whose records of the person are kept' })
  @IsString({ message: 'must be a source' })
  source: string;

  @ApiPropertyOptional({ description: 'One record of the source; without it, every record of the person in it' })
  @IsOptional()
  @IsString({ message: 'must be a record id' })
  @MaxLength(200)
  recordId?: string;

  @ApiProperty({
    enum: HOLD_GROUNDS,
    description: 'Art. 17(3): (b) legal_obligation, (e) legal_claims, (d) archiving, (a) freedom_of_expression',
  })
  @IsIn(HOLD_GROUNDS, { message: `must be one of ${HOLD_GROUNDS.join(', ')} (Art. 17(3))` })
  ground: HoldGround;

  @ApiPropertyOptional({
    example: 'art. 2220 c.c.',
    description: 'Required for a legal obligation: the law that imposes it',
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MaxLength(500)
  legalReference?: string;

  @ApiProperty({ example: 'Contestazione del preventivo del 2 ottobre: diffida ricevuta il 10 novembre 2026' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MaxLength(2000)
  reason: string;

  @ApiPropertyOptional({ example: '2036-12-31T23:00:00Z', description: 'When the hold ends by itself' })
  @IsOptional()
  @IsString({ message: 'must be a date (ISO 8601)' })
  endsAt?: string;

  @ApiPropertyOptional({
    example: '2027-06-30T00:00:00Z',
    description: 'When the end is not known: the date to review the hold by',
  })
  @IsOptional()
  @IsString({ message: 'must be a date (ISO 8601)' })
  reviewAt?: string;
}

export class LiftHoldDto {
  @ApiProperty({ example: 'The claim was settled on 3 March 2027' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(10, { message: 'must say why, in at least 10 characters' })
  @MaxLength(2000)
  reason: string;
}
