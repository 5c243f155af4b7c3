import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateBy,
} from 'class-validator';
import { trim } from '../../common/rest/transforms';
import { erasableSources } from '../erasable-sources';

/** The query of `POST /requests/:id/erase`: `?dryRun=true` lists what would change and changes nothing. */
export class EraseQueryDto {
  @ApiPropertyOptional({
    description: 'true: list what would change, per source and record, and change nothing',
    default: false,
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  dryRun?: 'true' | 'false';
}

export class IpsDto {
  @ApiPropertyOptional({
    type: [String],
    example: ['203.0.113.7'],
    description: 'IP addresses the person gave: access-log lines are linked to a person only by IP (first run only)',
  })
  @IsOptional()
  @IsArray({ message: 'must be a list of IP addresses' })
  @ArrayMaxSize(50, { message: 'at most 50 addresses' })
  ips?: unknown[];
}

export class WaiveDto {
  @ApiProperty({ description: 'A source an erasure changes, e.g. calendar-connections' })
  // Checked against the registry when a request comes: a source may be registered before the start.
  @ValidateBy({
    name: 'isErasableSource',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && erasableSources().includes(value),
      defaultMessage: () => `must be one of ${erasableSources().join(', ')}`,
    },
  })
  source: string;

  @ApiProperty({
    example: 'Google keeps answering 500; the user disconnected the calendar from their Google account on 2026-11-20',
  })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(10, { message: 'must say why, in at least 10 characters' })
  @MaxLength(2000)
  reason: string;
}

const field = (example: string) => [
  ApiPropertyOptional({ example }),
  IsOptional(),
  Transform(trim),
  IsString({ message: 'must be text' }),
  MaxLength(2000, { message: 'at most 2000 characters' }),
];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

/** The corrected values; an empty string clears an optional field. */
export class RectifyDto {
  @apply(field('Giulia')) firstName?: string;
  @apply(field('Bianchi Rossi')) lastName?: string;
  @apply(field('giulia.rossi@example.org')) email?: string;
  @apply(field('+39 347 765 4321')) phone?: string;
  @apply(field('Bianchi & Figli S.r.l.')) company?: string;
  @apply(field('showroom')) spaceType?: string;
  @apply(field('rinnovo')) objective?: string;
  @apply(field('…')) message?: string;
}

export class LiftRestrictionDto {
  @ApiProperty({ example: 'The accuracy of the data was verified; the subject was told on 2026-11-25 (Art. 18(3))' })
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MinLength(10, { message: 'must say why, in at least 10 characters' })
  @MaxLength(2000)
  reason: string;

  @ApiProperty({
    example: '2026-11-25T09:00:00Z',
    description: 'When the subject was told that the restriction will be lifted (Art. 18(3)): required, before now',
  })
  @IsOptional()
  subjectToldAt?: string;
}

export class WithdrawDto {
  @ApiPropertyOptional({
    type: [String],
    description:
      'The processing activities to stop (register ids). Default: every consent-based activity (withdrawal) or every legitimate-interest one (objection)',
  })
  @IsOptional()
  @IsArray({ message: 'must be a list of activity ids' })
  @IsUUID('all', { each: true, message: 'must hold activity ids (UUIDs)' })
  activityIds?: string[];
}
