import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { In } from 'typeorm';
import { InvalidInputError } from '../../common/errors/domain.error';
import { ReadOnlyField } from '../../common/rest/read-only-field';
import { COOKIE_CATEGORIES } from '../cookies/cookie.entity';
import { Processor } from '../processors/processor.entity';
import { NullableText, OneOf, orNull, Text, TextList } from '../register-fields';
import type { RegisterDefinition } from '../register-resource';
import { RetentionPolicy } from '../retention/retention-policy.entity';
import { applyTwin, missingTwins, twinListProblem } from '../twins';
import { activityGaps } from './activity-gaps';
import { LEGAL_BASES, ProcessingActivity, type LegalBasis } from './activity.entity';

const ProcessorIds = () => (target: object, key: string | symbol) => {
  for (const d of [
    ApiPropertyOptional({ type: [String], description: 'Processor ids (recipients)' }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(50),
    IsUUID('all', { each: true, message: 'must be processor ids (UUIDs)' }),
  ])
    d(target, key);
};
const RetentionId = () => (target: object, key: string | symbol) => {
  for (const d of [
    ApiPropertyOptional({ nullable: true }),
    ValidateIf((_: unknown, v: unknown) => v !== null && v !== undefined && v !== ''),
    IsUUID('all', { message: 'must be a retention policy id (UUID)' }),
  ])
    d(target, key);
};

const RecipientCategories = () => (target: object, key: string | symbol) => {
  for (const d of [
    ApiPropertyOptional({
      type: 'object',
      additionalProperties: { type: 'array', items: { type: 'string' } },
      description: 'What each recipient (processor id) receives of the data; a recipient absent receives all of it',
    }),
    IsOptional(),
    IsObject({ message: 'must be an object of processor ids to lists of categories' }),
  ])
    d(target, key);
};

/** Checks the recipients' categories against the activity's recipients, after they are set. */
function checkRecipientCategories(value: unknown, processorIds: string[]): Record<string, string[]> {
  const map = value as Record<string, unknown>;
  const errors: string[] = [];
  for (const [id, categories] of Object.entries(map)) {
    if (!processorIds.includes(id)) errors.push(`${id} is not a recipient of this activity`);
    else if (
      !Array.isArray(categories) ||
      categories.length > 100 ||
      !categories.every((c) => typeof c === 'string' && c.trim() && c.length <= 300)
    )
      errors.push(`${id} must have a list of categories (text, 300 characters at most)`);
  }
  if (errors.length)
    throw new InvalidInputError(`recipientCategories: ${errors[0]}`, { recipientCategories: errors.join('; ') });
  return map as Record<string, string[]>;
}

export class CreateActivityDto {
  /** The officer's name for it; the English twin when that is given. */
  @Text(false, 300) name?: string;
  @NullableText(300) nameIt?: string | null;
  @NullableText(300) nameEn?: string | null;
  @Text(true, 5000) purposes: string;
  @NullableText(5000) purposesIt?: string | null;
  @NullableText(5000) purposesEn?: string | null;
  @OneOf(LEGAL_BASES, true) legalBasis: LegalBasis;
  @NullableText(100) consentCategory?: string | null;
  @NullableText(2000) legalBasisNotes?: string | null;
  @NullableText(2000) legalBasisNotesIt?: string | null;
  @NullableText(2000) legalBasisNotesEn?: string | null;
  @NullableText() internalNotes?: string | null;
  @NullableText() internalNotesIt?: string | null;
  @NullableText() internalNotesEn?: string | null;
  @TextList(false) subjectCategories?: string[];
  @TextList(false) dataCategories?: string[];
  @TextList(false) subjectCategoriesIt?: string[];
  @TextList(false) subjectCategoriesEn?: string[];
  @TextList(false) dataCategoriesIt?: string[];
  @TextList(false) dataCategoriesEn?: string[];
  @ProcessorIds() processorIds?: string[];
  @RecipientCategories() recipientCategories?: Record<string, string[]>;
  @NullableText() transfers?: string | null;
  @NullableText() transfersIt?: string | null;
  @NullableText() transfersEn?: string | null;
  @RetentionId() retentionPolicyId?: string | null;
  @NullableText() securityMeasures?: string | null;
  @NullableText() securityMeasuresIt?: string | null;
  @NullableText() securityMeasuresEn?: string | null;
  @NullableText(100) sourceSystem?: string | null;
}

export class UpdateActivityDto {
  @Text(false, 300) name?: string;
  @NullableText(300) nameIt?: string | null;
  @NullableText(300) nameEn?: string | null;
  @Text(false, 5000) purposes?: string;
  @NullableText(5000) purposesIt?: string | null;
  @NullableText(5000) purposesEn?: string | null;
  @OneOf(LEGAL_BASES, false) legalBasis?: LegalBasis;
  @NullableText(100) consentCategory?: string | null;
  @NullableText(2000) legalBasisNotes?: string | null;
  @NullableText(2000) legalBasisNotesIt?: string | null;
  @NullableText(2000) legalBasisNotesEn?: string | null;
  @NullableText() internalNotes?: string | null;
  @NullableText() internalNotesIt?: string | null;
  @NullableText() internalNotesEn?: string | null;
  @TextList(false) subjectCategories?: string[];
  @TextList(false) dataCategories?: string[];
  @TextList(false) subjectCategoriesIt?: string[];
  @TextList(false) subjectCategoriesEn?: string[];
  @TextList(false) dataCategoriesIt?: string[];
  @TextList(false) dataCategoriesEn?: string[];
  @ProcessorIds() processorIds?: string[];
  @RecipientCategories() recipientCategories?: Record<string, string[]>;
  @NullableText() transfers?: string | null;
  @NullableText() transfersIt?: string | null;
  @NullableText() transfersEn?: string | null;
  @RetentionId() retentionPolicyId?: string | null;
  @NullableText() securityMeasures?: string | null;
  @NullableText() securityMeasuresIt?: string | null;
  @NullableText() securityMeasuresEn?: string | null;
  @NullableText(100) sourceSystem?: string | null;
  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() processors?: unknown;
  @ReadOnlyField() retention?: unknown;
  @ReadOnlyField() gaps?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
}

export function presentActivity(a: ProcessingActivity) {
  return {
    id: a.id,
    name: a.name,
    /** Each public text in Italian and in English beside the officer's own (twins.ts). */
    nameIt: a.nameIt,
    nameEn: a.nameEn,
    purposes: a.purposes,
    /** The purposes as a data subject reads them (packages), in Italian and in English. */
    purposesIt: a.purposesIt,
    purposesEn: a.purposesEn,
    legalBasis: a.legalBasis,
    consentCategory: a.consentCategory,
    legalBasisNotes: a.legalBasisNotes,
    legalBasisNotesIt: a.legalBasisNotesIt,
    legalBasisNotesEn: a.legalBasisNotesEn,
    /** The officer's working notes: never in anything a data subject receives. */
    internalNotes: a.internalNotes,
    internalNotesIt: a.internalNotesIt,
    internalNotesEn: a.internalNotesEn,
    subjectCategories: a.subjectCategories,
    subjectCategoriesIt: a.subjectCategoriesIt ?? [],
    subjectCategoriesEn: a.subjectCategoriesEn ?? [],
    dataCategories: a.dataCategories,
    dataCategoriesIt: a.dataCategoriesIt ?? [],
    dataCategoriesEn: a.dataCategoriesEn ?? [],
    processorIds: (a.processors ?? []).map((p) => p.id).sort(),
    /** Names and transfer facts of the recipients, for lists and the printed record. */
    processors: (a.processors ?? [])
      .map((p) => ({
        id: p.id,
        name: p.name,
        country: p.country,
        location: p.location,
        locationIt: p.locationIt,
        locationEn: p.locationEn,
        transferMechanism: p.transferMechanism,
        /** Its categories, to say a recipient's in the reader's language (twins.ts, categoryGlossary). */
        dataCategories: p.dataCategories,
        dataCategoriesIt: p.dataCategoriesIt ?? [],
        dataCategoriesEn: p.dataCategoriesEn ?? [],
      }))
      .sort((x, y) => x.name.localeCompare(y.name)),
    /** What a recipient receives of the data, by processor id; one absent receives all of it. */
    recipientCategories: a.recipientCategories ?? {},
    transfers: a.transfers,
    transfersIt: a.transfersIt,
    transfersEn: a.transfersEn,
    retentionPolicyId: a.retentionPolicyId,
    retention: a.retentionPolicy
      ? {
          id: a.retentionPolicy.id,
          name: a.retentionPolicy.name,
          nameIt: a.retentionPolicy.nameIt,
          nameEn: a.retentionPolicy.nameEn,
          periodText: a.retentionPolicy.periodText,
          periodTextIt: a.retentionPolicy.periodTextIt,
          periodTextEn: a.retentionPolicy.periodTextEn,
        }
      : null,
    /** What the entry lacks that the law asks for (Art. 30(1)(f)): shown as missing, never invented. */
    gaps: activityGaps(a),
    securityMeasures: a.securityMeasures,
    securityMeasuresIt: a.securityMeasuresIt,
    securityMeasuresEn: a.securityMeasuresEn,
    sourceSystem: a.sourceSystem,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

export const ACTIVITIES_REGISTER: RegisterDefinition<ProcessingActivity, CreateActivityDto, UpdateActivityDto> = {
  resource: 'activities',
  entity: 'activity',
  target: ProcessingActivity,
  createDto: CreateActivityDto,
  updateDto: UpdateActivityDto,
  relations: ['processors', 'retentionPolicy'],
  present: presentActivity,
  list: {
    resource: 'activities',
    fields: {
      id: 'uuid',
      name: 'text',
      legalBasis: { enum: LEGAL_BASES },
      consentCategory: 'text',
      retentionPolicyId: 'uuid',
      sourceSystem: 'text',
      updatedAt: 'datetime',
    },
    searchable: ['name', 'nameIt', 'purposes', 'purposesIt'],
    defaultSort: ['name', 'ASC'],
  },
  async apply(manager, row, body) {
    const b = body as UpdateActivityDto;
    const r = row as unknown as Record<string, unknown>;
    for (const field of ['name', 'legalBasisNotes', 'transfers', 'securityMeasures', 'internalNotes'])
      applyTwin(r, b as Record<string, unknown>, field);
    for (const field of ['subjectCategories', 'dataCategories'])
      applyTwin(r, b as Record<string, unknown>, field, true);
    const missing = missingTwins(r, ['name']);
    if (missing.length)
      throw new InvalidInputError('name: give the name in Italian or in English', {
        nameEn: 'give the name in Italian or in English',
      });
    for (const field of ['subjectCategories', 'dataCategories']) {
      const problem = twinListProblem(r, field);
      if (problem) throw new InvalidInputError(problem, { [`${field}It`]: problem });
    }
    if (b.purposes !== undefined) row.purposes = b.purposes;
    if (b.purposesIt !== undefined) row.purposesIt = orNull(b.purposesIt);
    if (b.purposesEn !== undefined) row.purposesEn = orNull(b.purposesEn);
    if (b.legalBasis !== undefined) row.legalBasis = b.legalBasis;
    if (b.consentCategory !== undefined) row.consentCategory = orNull(b.consentCategory);
    if (b.sourceSystem !== undefined) row.sourceSystem = orNull(b.sourceSystem);
    if (b.processorIds !== undefined) {
      const processors = b.processorIds.length
        ? await manager.find(Processor, { where: { id: In(b.processorIds) } })
        : [];
      const missing = b.processorIds.filter((id) => !processors.some((p) => p.id === id));
      if (missing.length)
        throw new InvalidInputError(`No processor has the id ${missing[0]}`, {
          processorIds: `unknown processor: ${missing.join(', ')}`,
        });
      row.processors = processors;
    }
    if (b.recipientCategories !== undefined) row.recipientCategories = b.recipientCategories;
    if (b.recipientCategories !== undefined || b.processorIds !== undefined) {
      // A recipient removed takes its categories with it; the rest must be recipients.
      const ids = (row.processors ?? []).map((p) => p.id);
      const kept = Object.fromEntries(
        Object.entries(row.recipientCategories ?? {}).filter(
          ([id]) => b.recipientCategories !== undefined || ids.includes(id),
        ),
      );
      row.recipientCategories = checkRecipientCategories(kept, ids);
    }
    if (b.retentionPolicyId !== undefined) {
      const id = orNull(b.retentionPolicyId);
      if (id && !(await manager.exists(RetentionPolicy, { where: { id } }))) {
        throw new InvalidInputError(`No retention policy has the id ${id}`, {
          retentionPolicyId: 'unknown retention policy',
        });
      }
      row.retentionPolicyId = id;
      row.retentionPolicy = undefined as never;
    }
    if (
      row.legalBasis === 'consent' &&
      row.consentCategory &&
      !(COOKIE_CATEGORIES as readonly string[]).includes(row.consentCategory) &&
      row.consentCategory !== 'contact_form'
    ) {
      throw new InvalidInputError('consentCategory must be a cookie-banner category or contact_form', {
        consentCategory: `must be one of ${[...COOKIE_CATEGORIES, 'contact_form'].join(', ')}`,
      });
    }
    row.subjectCategories ??= [];
    row.dataCategories ??= [];
    row.processors ??= [];
    row.recipientCategories ??= {};
    row.consentCategory ??= null;
    row.legalBasisNotes ??= null;
    row.purposesIt ??= null;
    row.purposesEn ??= null;
    row.internalNotes ??= null;
    row.transfers ??= null;
    row.retentionPolicyId ??= null;
    row.securityMeasures ??= null;
    row.sourceSystem ??= null;
  },
  csv: [
    ['Name', (r) => r.name],
    ['Purposes', (r) => r.purposes],
    ['Legal basis', (r) => r.legalBasis],
    ['Consent category', (r) => r.consentCategory],
    ['Legal basis notes', (r) => r.legalBasisNotes],
    ['Data subjects', (r) => r.subjectCategories],
    ['Data categories', (r) => r.dataCategories],
    ['Recipients', (r) => (r.processors as Array<{ name: string }>).map((p) => p.name)],
    ['Transfers', (r) => r.transfers],
    ['Retention', (r) => (r.retention as { periodText: string } | null)?.periodText],
    ['Security measures', (r) => r.securityMeasures],
    ['Source system', (r) => r.sourceSystem],
  ],
};
