import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { VersionField } from '../../common/rest/optimistic-version';
import { ReadOnlyField } from '../../common/rest/read-only-field';
import { trim } from '../../common/rest/transforms';
import {
  CHANNELS,
  IDENTITY_METHODS,
  LANGUAGES,
  REJECTION_REASONS,
  REQUEST_TYPES,
  type Channel,
  type IdentityMethod,
  type Language,
  type RejectionReason,
  type RequestType,
} from '../request.entity';

const oneOf = (values: readonly string[]) => ({ message: `must be one of ${values.join(', ')}` });
const INSTANT = { message: 'must be an ISO 8601 instant, e.g. 2026-11-22T10:15:00Z' } as const;

/** A request registered by hand (a letter, a phone call...). E-mails come through intake. */
export class CreateRequestDto {
  @ApiProperty({ enum: REQUEST_TYPES })
  @IsIn(REQUEST_TYPES, oneOf(REQUEST_TYPES))
  type: RequestType;

  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS, oneOf(CHANNELS))
  channel: Channel;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'it' })
  @IsOptional()
  @IsIn(LANGUAGES, oneOf(LANGUAGES))
  language?: Language;

  @ApiProperty({ example: '2026-11-20T09:30:00+01:00', description: 'When the request reached the company: the deadlines run from this day (Rome)' })
  @IsISO8601({ strict: true }, INSTANT)
  receivedAt: string;

  @ApiPropertyOptional({ example: 'Giulia Bianchi' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  subjectName?: string;

  @ApiPropertyOptional({ example: 'giulia.bianchi@example.it' })
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  subjectEmail?: string;

  @ApiPropertyOptional({ example: '+39 347 123 4567' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  subjectPhone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  description?: string;
}

/** Corrections while the request is open; the deadlines follow a changed receipt date. */
export class UpdateRequestDto {
  @ApiPropertyOptional({ enum: REQUEST_TYPES })
  @IsOptional()
  @IsIn(REQUEST_TYPES, oneOf(REQUEST_TYPES))
  type?: RequestType;

  @ApiPropertyOptional({ description: 'false once the officer confirmed a guessed type' })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  typeGuessed?: boolean;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS, oneOf(CHANNELS))
  channel?: Channel;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES, oneOf(LANGUAGES))
  language?: Language;

  @ApiPropertyOptional({ description: 'A changed receipt date needs a `reason`; not in the future, not before 2000' })
  @IsOptional()
  @IsISO8601({ strict: true }, INSTANT)
  receivedAt?: string;

  @ApiPropertyOptional({ description: 'Why the receipt date changes (required then, 10 characters or more): on the timeline and in the audit log' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'must be text' })
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  subjectName?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  subjectEmail?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  subjectPhone?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  description?: string | null;

  // Sent back by react-admin's edit form; the workflow changes them, not PUT.
  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() reference?: unknown;
  @ReadOnlyField() status?: unknown;
  @ReadOnlyField() dueDate?: unknown;
  @ReadOnlyField() slaDueDate?: unknown;
  @ReadOnlyField() extendedDueDate?: unknown;
  @ReadOnlyField() workingDueDate?: unknown;
  @ReadOnlyField() daysLeft?: unknown;
  @ReadOnlyField() extensionReason?: unknown;
  @ReadOnlyField() extensionCommunicatedAt?: unknown;
  @ReadOnlyField() identityVerifiedAt?: unknown;
  @ReadOnlyField() identityMethod?: unknown;
  @ReadOnlyField() identityVerifiedBy?: unknown;
  @ReadOnlyField() outcome?: unknown;
  @ReadOnlyField() rejectionReason?: unknown;
  @ReadOnlyField() rejectionStatement?: unknown;
  @ReadOnlyField() closedAt?: unknown;
  @ReadOnlyField() answeredLate?: unknown;
  @ReadOnlyField() lateByDays?: unknown;
  @ReadOnlyField() senderDate?: unknown;
  @ReadOnlyField() emailMessageId?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
  // The optimistic lock: any value but a whole number skipped it; now a 400.
  @VersionField() version?: number;
}

export class VerifyIdentityDto {
  @ApiProperty({ enum: IDENTITY_METHODS, description: 'How the identity was verified' })
  @IsIn(IDENTITY_METHODS, oneOf(IDENTITY_METHODS))
  method: IdentityMethod;

  @ApiPropertyOptional({ description: 'What was seen or checked' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ExtendDto {
  @ApiProperty({ description: 'Why two more months are needed (complexity, number of requests)' })
  @Transform(trim)
  @IsString()
  @MinLength(10, { message: 'must explain the reason (10 characters or more)' })
  @MaxLength(2000)
  reason: string;

  @ApiProperty({ description: 'When the subject was told of the extension and its reasons', example: '2026-11-22T10:00:00Z' })
  @IsISO8601({ strict: true }, INSTANT)
  communicatedAt: string;
}

export class CloseDto {
  @ApiProperty({ description: 'What was done and answered' })
  @Transform(trim)
  @IsString()
  @MinLength(3, { message: 'must say what was done' })
  @MaxLength(20_000)
  outcome: string;
}

export class RejectDto {
  @ApiProperty({ enum: REJECTION_REASONS })
  @IsIn(REJECTION_REASONS, oneOf(REJECTION_REASONS))
  reason: RejectionReason;

  @ApiPropertyOptional({ description: 'More about the reason, added to the statement' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  details?: string;
}

export class NoteDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(20_000)
  text: string;
}
