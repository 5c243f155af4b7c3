import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type as Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ReadOnlyField } from '../common/rest/read-only-field';
import { trim } from '../common/rest/transforms';
import { NullableText } from '../registers/register-fields';
import { IDENTIFIER_KINDS } from '../subjects/identifiers';
import { COMMUNICATION_CHANNELS, type CommunicationChannel } from './breach-communication.entity';
import {
  BREACH_NATURES,
  BREACH_STATUSES,
  DECISION_KINDS,
  NOTIFICATION_KINDS,
  RISK_LEVELS,
  type BreachNature,
  type BreachStatus,
  type DecisionKind,
  type NotificationKind,
  type RiskLevel,
} from './breach.entity';
import { AFFECTED_SOURCES } from './affected-people';

/**
 * May be left out, but not cleared: unlike IsOptional, null is checked (and refused) like any
 * other value, so that `{"title": null}` is a 400, never a NOT NULL violation.
 */
const Optional = () => ValidateIf((_, v) => v !== undefined);

const Text = (required: boolean, max = 2000) =>
  applyDecorators(
    ...(required ? [ApiProperty()] : [ApiPropertyOptional(), Optional()]),
    Transform(trim),
    IsString(),
    MinLength(1, { message: 'must not be empty' }),
    MaxLength(max),
  );

const OneOf = (values: readonly string[], required: boolean) =>
  applyDecorators(
    ...(required ? [ApiProperty({ enum: values })] : [ApiPropertyOptional({ enum: values }), Optional()]),
    IsIn(values, { message: `must be one of ${values.join(', ')}` }),
  );

const TextList = () =>
  applyDecorators(
    ApiPropertyOptional({ type: [String] }),
    Optional(),
    IsArray({ message: 'must be a list' }),
    ArrayMaxSize(100),
    IsString({ each: true }),
    MaxLength(300, { each: true }),
  );

const INSTANT_MESSAGE = 'must be a date and time, ISO 8601 (2026-11-23T09:15:00Z)';

/** An instant, ISO 8601; `nullable`: may be cleared with null or "". */
const Instant = (required: boolean, nullable = false) =>
  applyDecorators(
    ...(required
      ? [ApiProperty({ example: '2026-11-23T09:15:00Z' })]
      : [ApiPropertyOptional({ example: '2026-11-23T09:15:00Z', nullable })]),
    ...(required ? [] : [ValidateIf((_, v) => v !== undefined && (!nullable || (v !== null && v !== '')))]),
    IsISO8601({ strict: true, strictSeparator: true }, { message: INSTANT_MESSAGE }),
  );

const Count = () =>
  applyDecorators(
    ApiPropertyOptional({ nullable: true }),
    ValidateIf((_, v) => v !== undefined && v !== null),
    IsInt({ message: 'must be a whole number' }),
    Min(0),
    Max(1_000_000_000),
  );

const Nature = (required: boolean) =>
  applyDecorators(
    ...(required
      ? [ApiProperty({ enum: BREACH_NATURES, isArray: true })]
      : [ApiPropertyOptional({ enum: BREACH_NATURES, isArray: true }), Optional()]),
    IsArray({ message: 'must be a list' }),
    ArrayMinSize(1, { message: 'must name at least one of confidentiality, integrity, availability' }),
    ArrayMaxSize(3),
    IsIn(BREACH_NATURES, { each: true, message: `each must be one of ${BREACH_NATURES.join(', ')}` }),
  );

const Sources = () =>
  applyDecorators(
    ApiPropertyOptional({ enum: AFFECTED_SOURCES, isArray: true }),
    Optional(),
    IsArray({ message: 'must be a list' }),
    ArrayMaxSize(AFFECTED_SOURCES.length),
    IsIn(AFFECTED_SOURCES, { each: true, message: `each must be one of ${AFFECTED_SOURCES.join(', ')}` }),
  );

const Processors = () =>
  applyDecorators(
    ApiPropertyOptional({ type: () => [BreachProcessorDto] }),
    Optional(),
    IsArray({ message: 'must be a list' }),
    ArrayMaxSize(100),
    ValidateNested({ each: true }),
    Type(() => BreachProcessorDto),
  );

/** A processor involved, and when it told the company (Art. 33(2)). */
export class BreachProcessorDto {
  @ApiProperty() @IsUUID('all', { message: 'must be the id of a processor of the register' }) processorId: string;
  @Instant(false, true) noticeAt?: string | null;
  @NullableText(2000) notes?: string | null;
  /** The processor's name, as the API answers it: ignored. */
  @ReadOnlyField() name?: unknown;
}

export class CreateBreachDto {
  @Text(true, 300) title: string;
  @Text(true, 10_000) description: string;
  @Instant(true) startedAt: string;
  @Instant(false, true) endedAt?: string | null;
  @ApiPropertyOptional() @Optional() @IsBoolean({ message: 'must be true or false' }) ongoing?: boolean;
  @Instant(true) awareAt: string;
  @Nature(true) nature: BreachNature[];
  @Sources() sources?: string[];
  @Processors() processors?: BreachProcessorDto[];
  @TextList() dataCategories?: string[];
  @Count() subjectsApprox?: number | null;
  @Count() recordsApprox?: number | null;
  @NullableText(10_000) consequences?: string | null;
  @NullableText(10_000) measuresTaken?: string | null;
  @NullableText(10_000) measuresProposed?: string | null;
  @ApiPropertyOptional({ enum: RISK_LEVELS, nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null && v !== '')
  @IsIn(RISK_LEVELS, { message: `must be one of ${RISK_LEVELS.join(', ')}` })
  riskLevel?: RiskLevel | null;
  @NullableText(10_000) riskReasoning?: string | null;
  @NullableText(300) contactName?: string | null;
  @NullableText(1000) contactDetails?: string | null;
  @Instant(false, true) dataFrom?: string | null;
  @Instant(false, true) dataUntil?: string | null;
  @NullableText(5000) noticeNatureIt?: string | null;
  @NullableText(5000) noticeNatureEn?: string | null;
  @NullableText(5000) noticeConsequencesIt?: string | null;
  @NullableText(5000) noticeConsequencesEn?: string | null;
  @NullableText(5000) noticeMeasuresIt?: string | null;
  @NullableText(5000) noticeMeasuresEn?: string | null;
  @OneOf(BREACH_STATUSES, false) status?: BreachStatus;
}

/**
 * The whole record as react-admin sends it back: what the server computes is accepted and ignored.
 * Every field may be left out but, as in the create, not cleared unless it is nullable (null is
 * validated, never skipped: `{"title": null}` is a 400).
 */
export class UpdateBreachDto extends PartialType(CreateBreachDto, { skipNullProperties: false }) {
  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() clock?: unknown;
  @ReadOnlyField() notifications?: unknown;
  @ReadOnlyField() decisions?: unknown;
  @ReadOnlyField() authorityDecision?: unknown;
  @ReadOnlyField() subjectsDecision?: unknown;
  @ReadOnlyField() notifiedAt?: unknown;
  @ReadOnlyField() deadline?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
}

/** A notification to the Garante (Art. 33(1)), initial or supplementary (Art. 33(4)). */
export class CreateNotificationDto {
  @OneOf(NOTIFICATION_KINDS, true) kind: NotificationKind;
  @Instant(true) at: string;
  @Text(true, 100) protocolNumber: string;
  @NullableText(5000) delayReasons?: string | null;
  @NullableText(5000) notes?: string | null;
}

/** A decision to notify or not, to tell the people or not, with its reason and who took it. */
export class CreateDecisionDto {
  @OneOf(DECISION_KINDS, true) kind: DecisionKind;
  @NullableText(5000) reason?: string | null;
  @Text(true, 300) decidedBy: string;
  @Instant(false) decidedAt?: string;
}

/** One person told (Art. 34): the identifier they were found by, when and how. */
export class CreateCommunicationDto {
  @OneOf(IDENTIFIER_KINDS, true) kind: string;
  @Text(true, 320) value: string;
  @OneOf(COMMUNICATION_CHANNELS, true) channel: CommunicationChannel;
  @Instant(true) sentAt: string;
  @OneOf(['it', 'en'], false) language?: 'it' | 'en';
}
