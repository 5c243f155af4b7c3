import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';
import { ReadOnlyField } from '../../common/rest/read-only-field';
import { NullableText, OneOf, orNull, Text } from '../register-fields';
import type { RegisterDefinition } from '../register-resource';
import { applyTwin, missingTwins } from '../twins';
import { InvalidInputError } from '../../common/errors/domain.error';
import { RETENTION_ACTIONS, RetentionPolicy, type RetentionAction } from './retention-policy.entity';

const Period = (max: number) => (target: object, key: string | symbol) => {
  for (const d of [
    ApiPropertyOptional({ nullable: true }),
    ValidateIf((_: unknown, v: unknown) => v !== null && v !== undefined),
    IsInt({ message: 'must be a whole number' }),
    Min(1),
    Max(max),
  ])
    d(target, key);
};

export class CreateRetentionPolicyDto {
  @Text(true, 100) key: string;
  /** The officer's words; the English twin when that is given. */
  @Text(false, 300) name?: string;
  @NullableText(300) nameIt?: string | null;
  @NullableText(300) nameEn?: string | null;
  @NullableText(100) source?: string | null;
  @Period(600) periodMonths?: number | null;
  @Period(36_500) periodDays?: number | null;
  @Text(true, 500) periodText: string;
  @NullableText(500) periodTextIt?: string | null;
  @NullableText(500) periodTextEn?: string | null;
  @OneOf(RETENTION_ACTIONS, true) action: RetentionAction;
  @Text(false, 1000) basis?: string;
  @NullableText(1000) basisIt?: string | null;
  @NullableText(1000) basisEn?: string | null;
  @NullableText() notes?: string | null;
  @NullableText() notesIt?: string | null;
  @NullableText() notesEn?: string | null;
}

export class UpdateRetentionPolicyDto {
  @Text(false, 100) key?: string;
  @Text(false, 300) name?: string;
  @NullableText(300) nameIt?: string | null;
  @NullableText(300) nameEn?: string | null;
  @NullableText(100) source?: string | null;
  @Period(600) periodMonths?: number | null;
  @Period(36_500) periodDays?: number | null;
  @Text(false, 500) periodText?: string;
  @NullableText(500) periodTextIt?: string | null;
  @NullableText(500) periodTextEn?: string | null;
  @OneOf(RETENTION_ACTIONS, false) action?: RetentionAction;
  @Text(false, 1000) basis?: string;
  @NullableText(1000) basisIt?: string | null;
  @NullableText(1000) basisEn?: string | null;
  @NullableText() notes?: string | null;
  @NullableText() notesIt?: string | null;
  @NullableText() notesEn?: string | null;
  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
}

export function presentRetentionPolicy(p: RetentionPolicy) {
  const { createdAt, updatedAt, ...rest } = p;
  return { ...rest, createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
}

export const RETENTION_REGISTER: RegisterDefinition<
  RetentionPolicy,
  CreateRetentionPolicyDto,
  UpdateRetentionPolicyDto
> = {
  resource: 'retention-policies',
  entity: 'retention_policy',
  target: RetentionPolicy,
  createDto: CreateRetentionPolicyDto,
  updateDto: UpdateRetentionPolicyDto,
  present: presentRetentionPolicy,
  list: {
    resource: 'retention-policies',
    fields: {
      id: 'uuid',
      key: 'text',
      name: 'text',
      source: 'text',
      periodMonths: 'integer',
      periodDays: 'integer',
      action: { enum: RETENTION_ACTIONS },
      updatedAt: 'datetime',
    },
    searchable: ['key', 'name', 'nameIt', 'periodText', 'periodTextIt', 'basis'],
    defaultSort: ['name', 'ASC'],
  },
  apply(_, row, body) {
    const b = body as UpdateRetentionPolicyDto;
    if (b.key !== undefined) row.key = b.key;
    for (const field of ['name', 'basis', 'notes'])
      applyTwin(row as unknown as Record<string, unknown>, b as Record<string, unknown>, field);
    const missing = missingTwins(row as unknown as Record<string, unknown>, ['name', 'basis']);
    if (missing.length)
      throw new InvalidInputError(`${missing[0]}: give it in Italian or in English`, {
        [`${missing[0]}En`]: 'give it in Italian or in English',
      });
    if (b.source !== undefined) row.source = orNull(b.source);
    if (b.periodMonths !== undefined) row.periodMonths = b.periodMonths ?? null;
    if (b.periodDays !== undefined) row.periodDays = b.periodDays ?? null;
    if (b.periodText !== undefined) row.periodText = b.periodText;
    if (b.periodTextIt !== undefined) row.periodTextIt = orNull(b.periodTextIt);
    if (b.periodTextEn !== undefined) row.periodTextEn = orNull(b.periodTextEn);
    if (b.action !== undefined) row.action = b.action;
    row.source ??= null;
    row.periodMonths ??= null;
    row.periodDays ??= null;
    row.notes ??= null;
    row.periodTextIt ??= null;
    row.periodTextEn ??= null;
  },
  citedBy: (manager, id) =>
    manager.query(`SELECT id, name FROM activities WHERE retention_policy_id = $1 ORDER BY name, id`, [id]),
  csv: [
    ['Key', (r) => r.key],
    ['Name', (r) => r.name],
    ['Source', (r) => r.source],
    ['Period', (r) => r.periodText],
    ['Months', (r) => r.periodMonths],
    ['Days', (r) => r.periodDays],
    ['Action', (r) => r.action],
    ['Basis', (r) => r.basis],
    ['Notes', (r) => r.notes],
  ],
};
