import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { trim } from '../common/rest/transforms';

/** Field decorators the registers' DTOs share. `required` false: may be omitted (updates). */

export const Text = (required: boolean, max = 2000) =>
  applyDecorators(
    ...(required ? [ApiProperty()] : [ApiPropertyOptional(), IsOptional()]),
    Transform(trim),
    IsString(),
    MinLength(1, { message: 'must not be empty' }),
    MaxLength(max),
  );

/** Optional text that may also be cleared with null or "". */
export const NullableText = (max = 5000) =>
  applyDecorators(
    ApiPropertyOptional({ nullable: true }),
    ValidateIf((_, v) => v !== null && v !== undefined && v !== ''),
    Transform(trim),
    IsString(),
    MaxLength(max),
  );

export const OneOf = (values: readonly string[], required: boolean) =>
  applyDecorators(
    ...(required ? [ApiProperty({ enum: values })] : [ApiPropertyOptional({ enum: values }), IsOptional()]),
    IsIn(values, { message: `must be one of ${values.join(', ')}` }),
  );

export const TextList = (required: boolean) =>
  applyDecorators(
    ...(required ? [ApiProperty({ type: [String] })] : [ApiPropertyOptional({ type: [String] }), IsOptional()]),
    IsArray({ message: 'must be a list' }),
    ArrayMaxSize(100),
    IsString({ each: true }),
    MaxLength(300, { each: true }),
  );

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A calendar date (YYYY-MM-DD), optional, clearable with null. */
export const NullableDate = () =>
  applyDecorators(
    ApiPropertyOptional({ nullable: true, example: '2026-11-22' }),
    ValidateIf((_, v) => v !== null && v !== undefined && v !== ''),
    Matches(DATE, { message: 'must be a date, YYYY-MM-DD' }),
  );

/** "" from an emptied form field means "none". */
export const orNull = <V>(v: V | '' | null | undefined): V | null => (v === '' || v === undefined ? null : v);
