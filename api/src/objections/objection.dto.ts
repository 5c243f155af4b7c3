import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { trim } from '../common/rest/transforms';
import { ASSESSMENTS } from './stop-rules';

/** The officer's decision on an objection (Art. 21): what is objected to, the assessment, the grounds. */
export class ObjectionDecisionDto {
  @ApiPropertyOptional({
    type: [String],
    description: 'Activities of the register, on legitimate interests, the person objects to',
  })
  @IsOptional()
  @IsArray({ message: 'must be a list of activity ids' })
  @ArrayMaxSize(50, { message: 'at most 50 activities' })
  @IsUUID('all', { each: true, message: 'must be activity ids (UUIDs)' })
  activityIds?: string[];

  @ApiPropertyOptional({
    description: 'An objection to direct marketing (Art. 21(2)): absolute, no assessment (Art. 21(3))',
    default: false,
  })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  directMarketing?: boolean;

  @ApiPropertyOptional({ enum: ASSESSMENTS, description: 'Compelling legitimate grounds (Art. 21(1)), or none' })
  @IsOptional()
  @IsIn(ASSESSMENTS, { message: `must be one of ${ASSESSMENTS.join(', ')}` })
  assessment?: (typeof ASSESSMENTS)[number];

  @ApiPropertyOptional({
    example: 'The access logs of the booking form are the only evidence of the fraud attempts under investigation.',
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MaxLength(4000, { message: 'at most 4000 characters' })
  grounds?: string;
}
