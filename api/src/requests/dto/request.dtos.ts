import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { VersionField } from '../../common/rest/optimistic-version';
import { ReadOnlyField } from '../../common/rest/read-only-field';
import { trim } from '../../common/rest/transforms';
import { ALL_GROUNDS } from '../request-rules';
import {
  CHANNELS,
  IDENTITY_INFO_CHANNELS,
  IDENTITY_METHODS,
  MINOR_DECISIONS,
  LANGUAGES,
  REJECTION_REASONS,
  REQUEST_TYPES,
  type Channel,
  type IdentityInfoChannel,
  type IdentityMethod,
  type MinorDecision,
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

  @ApiProperty({
    example: '2026-11-20T09:30:00+01:00',
    description: 'When the request reached the company: the deadlines run from this day (Rome)',
  })
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

  @ApiPropertyOptional({
    description:
      'Why the receipt date changes (required then, 10 characters or more): on the timeline and in the audit log',
  })
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
  @ReadOnlyField() rejectionGround?: unknown;
  @ReadOnlyField() feeAmount?: unknown;
  @ReadOnlyField() feeBasis?: unknown;
  @ReadOnlyField() feeJustification?: unknown;
  @ReadOnlyField() feeChargedAt?: unknown;
  @ReadOnlyField() identityInfoRequestedAt?: unknown;
  @ReadOnlyField() identityInfoRequested?: unknown;
  @ReadOnlyField() identityInfoChannel?: unknown;
  @ReadOnlyField() identityInfoRespondBy?: unknown;
  @ReadOnlyField() identityInfoReceivedAt?: unknown;
  @ReadOnlyField() identityPauseDays?: unknown;
  @ReadOnlyField() identityWaitingDays?: unknown;
  @ReadOnlyField() workingDueDateWithoutPause?: unknown;
  @ReadOnlyField() pausedDueDate?: unknown;
  @ReadOnlyField() minorSuspected?: unknown;
  @ReadOnlyField() minorEvidence?: unknown;
  @ReadOnlyField() minorDecision?: unknown;
  @ReadOnlyField() minorDecidedAt?: unknown;
  @ReadOnlyField() minorDecidedBy?: unknown;
  @ReadOnlyField() closedAt?: unknown;
  @ReadOnlyField() answeredLate?: unknown;
  @ReadOnlyField() lateByDays?: unknown;
  @ReadOnlyField() senderDate?: unknown;
  @ReadOnlyField() emailMessageId?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
  @ReadOnlyField() allowedActions?: unknown;
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

  @ApiProperty({
    description: 'When the subject was told of the extension and its reasons',
    example: '2026-11-22T10:00:00Z',
  })
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

  @ApiPropertyOptional({
    enum: ALL_GROUNDS,
    description:
      'merits: the ground for the request type (erasure: art17_3_a..art17_3_e; objection: art21_1; portability: art20_1; access: art15_4; restriction: art18_1; rectification: art16); excessive: repetitive or other_excess',
  })
  @IsOptional()
  @IsIn(ALL_GROUNDS, oneOf(ALL_GROUNDS))
  ground?: string;

  @ApiPropertyOptional({
    description: 'More about the reason, added to the statement (required on the merits and for other_excess)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  details?: string;
}

export const FEE_BASES = ['manifestly_unfounded', 'excessive'] as const;

/** A reasonable fee (Art. 12(5)(a)) instead of refusing a manifestly unfounded or excessive request. */
export class FeeDto {
  @ApiProperty({ example: 25, description: 'In euros, at most two decimals' })
  @IsNumber(
    { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false },
    { message: 'must be an amount in euros with at most two decimals' },
  )
  @Min(0.01, { message: 'must be more than 0' })
  @Max(10_000, { message: 'must be at most 10000 (a reasonable fee: the administrative costs)' })
  amount: number;

  @ApiProperty({ enum: FEE_BASES })
  @IsIn(FEE_BASES, oneOf(FEE_BASES))
  basis: (typeof FEE_BASES)[number];

  @ApiProperty({
    description:
      'Why the request is manifestly unfounded or excessive, and how the amount follows the administrative costs',
  })
  @Transform(trim)
  @IsString()
  @MinLength(10, { message: 'must justify the fee and its amount (10 characters or more)' })
  @MaxLength(5000)
  justification: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The subject was asked for the information needed to identify them (Art. 12(6)). */
export class IdentityInfoRequestedDto {
  @ApiProperty({ example: 'a copy of an identity document and the order number' })
  @Transform(trim)
  @IsString()
  @MinLength(3, { message: 'must say what was asked' })
  @MaxLength(2000)
  what: string;

  @ApiProperty({ enum: IDENTITY_INFO_CHANNELS })
  @IsIn(IDENTITY_INFO_CHANNELS, oneOf(IDENTITY_INFO_CHANNELS))
  how: IdentityInfoChannel;

  @ApiProperty({
    example: '2026-11-22T10:00:00Z',
    description: 'When it was asked: not before the receipt, not in the future',
  })
  @IsISO8601({ strict: true }, INSTANT)
  askedAt: string;

  @ApiProperty({ example: '2026-12-06', description: 'The date the subject was given to answer by (Rome)' })
  @Matches(DAY, { message: 'must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'must be a date, YYYY-MM-DD' })
  respondBy: string;
}

/** What was asked arrived. */
export class IdentityInfoReceivedDto {
  @ApiProperty({
    example: '2026-11-25T09:00:00Z',
    description: 'When it arrived: not before it was asked, not in the future',
  })
  @IsISO8601({ strict: true }, INSTANT)
  receivedAt: string;

  @ApiProperty({ example: 'a scan of the identity card' })
  @Transform(trim)
  @IsString()
  @MinLength(3, { message: 'must say what was received' })
  @MaxLength(2000)
  what: string;
}

/** The officer's decision on the intake's "may be a minor" flag (Art. 8 GDPR). */
export class MinorDecisionDto {
  @ApiProperty({ enum: MINOR_DECISIONS })
  @IsIn(MINOR_DECISIONS, oneOf(MINOR_DECISIONS))
  decision: MinorDecision;

  @ApiPropertyOptional({ description: 'Why: what was checked' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class NoteDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(20_000)
  text: string;
}

export const IDENTITY_DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** An identity document the subject sent (Art. 12(6)), kept sealed as evidence while the request is open. */
export class IdentityDocumentDto {
  @ApiProperty({ example: 'carta-identita.pdf' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(255)
  fileName: string;

  @ApiProperty({ enum: IDENTITY_DOCUMENT_TYPES })
  @IsIn(IDENTITY_DOCUMENT_TYPES, oneOf(IDENTITY_DOCUMENT_TYPES))
  contentType: (typeof IDENTITY_DOCUMENT_TYPES)[number];

  @ApiProperty({ description: 'The file, base64 (at most 3 MB once decoded)' })
  @IsString()
  @Matches(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'must be the file in base64' })
  @MaxLength(4_200_000, { message: 'must be at most 3 MB once decoded' })
  contentBase64: string;
}
