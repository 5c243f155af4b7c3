import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';

/**
 * The `version` a client read a record at, sent back with its change (react-admin's edit form
 * sends the whole record): the optimistic lock, so that a change made meanwhile by someone else
 * answers 409 instead of being overwritten. Left out, there is no check (an API client that
 * does not care); given, it must be a whole number of the version column's range. Anything else
 * ("abc", "3", null, 1.5, an object) was accepted and skipped the check: now a 400.
 */
export const VersionField = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: 'integer',
      description: 'The version the record was read at: a change made meanwhile answers 409',
    }),
    ValidateIf((_object: unknown, value: unknown) => value !== undefined),
    IsInt({ message: 'must be the version the record was read at, a whole number' }),
    Min(0, { message: 'must be the version the record was read at, a whole number' }),
    Max(2_147_483_647, { message: 'must be the version the record was read at, a whole number' }),
  );
