import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ALL_GROUNDS } from '../../requests/request-rules';
import { REJECTION_REASONS, type RejectionReason } from '../../requests/request.entity';
import { LETTER_KINDS, type LetterKind } from '../letter-texts';

const oneOf = (values: readonly string[]) => ({ message: `must be one of ${values.join(', ')}` });

/** The letters an officer writes; the package's link is the portal's to send (it carries the personal link). */
const OFFICER_KINDS = LETTER_KINDS.filter((kind) => kind !== 'package_link');

/** Which letter, and what the request does not record yet that the letter must say. */
export class PreviewLetterDto {
  @ApiProperty({ enum: OFFICER_KINDS })
  @IsIn(OFFICER_KINDS, oneOf(OFFICER_KINDS))
  kind: LetterKind;

  @ApiPropertyOptional({ description: 'extension: the reasons (Art. 12(3)), when the extension is not recorded yet' })
  @IsOptional()
  @IsString()
  @MinLength(10, { message: 'must give the reasons in the words the subject will read (10 characters or more)' })
  @MaxLength(5000)
  reasons?: string;

  @ApiPropertyOptional({ description: 'identity_info: what the subject must provide, when not recorded yet' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  identityInfo?: string;

  @ApiPropertyOptional({ description: 'identity_info: the date to answer by (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date, e.g. 2026-12-15' })
  respondBy?: string;

  @ApiPropertyOptional({ enum: REJECTION_REASONS, description: 'refusal: when the refusal is not recorded yet' })
  @IsOptional()
  @IsIn(REJECTION_REASONS, oneOf(REJECTION_REASONS))
  rejectionReason?: RejectionReason;

  @ApiPropertyOptional({ enum: ALL_GROUNDS })
  @IsOptional()
  @IsIn(ALL_GROUNDS, oneOf(ALL_GROUNDS))
  rejectionGround?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  rejectionDetails?: string;

  @ApiPropertyOptional({ description: 'recipient_notice: the processor, among those of GET .../recipients' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a processor id' })
  processorId?: string;
}

/** The letter to send: as the template gives it, or with the officer's own subject and text. */
export class SendLetterDto extends PreviewLetterDto {
  @ApiPropertyOptional({ description: "The officer's subject line, instead of the template's" })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  @Matches(/^[^\r\n]*$/, { message: 'must be one line' })
  subject?: string;

  @ApiPropertyOptional({ description: "The officer's text, instead of the template's" })
  @IsOptional()
  @IsString()
  @MinLength(20)
  @MaxLength(50_000)
  text?: string;
}

/** An admin's new version of a template. */
export class LetterTemplateDto {
  @ApiProperty()
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  subject: string;

  @ApiProperty({ description: 'The text, with {{placeholders}} (GET the template for the ones it may use)' })
  @IsString()
  @MinLength(20)
  @MaxLength(50_000)
  body: string;
}
