import { IsISO31661Alpha2, IsOptional } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ReadOnlyField } from '../../common/rest/read-only-field';
import { romeDate } from '../../requests/deadlines';
import { NullableDate, NullableText, OneOf, orNull, Text, TextList } from '../register-fields';
import type { RegisterDefinition } from '../register-resource';
import {
  PROCESSOR_STATUSES,
  Processor,
  TRANSFER_MECHANISMS,
  type ProcessorStatus,
  type TransferMechanism,
} from './processor.entity';
import { processorGaps } from './processor-gaps';
import { applyTwin, twinListProblem } from '../twins';
import { InvalidInputError } from '../../common/errors/domain.error';

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

export class CreateProcessorDto {
  @Text(true, 300) name: string;
  @Text(true) service: string;
  @NullableText() serviceIt?: string | null;
  @NullableText() serviceEn?: string | null;
  @TextList(false) dataCategories?: string[];
  @TextList(false) dataCategoriesIt?: string[];
  @TextList(false) dataCategoriesEn?: string[];
  @Text(true, 300) location: string;
  @NullableText(300) locationIt?: string | null;
  @NullableText(300) locationEn?: string | null;
  @ApiProperty({ example: 'IT', description: 'ISO 3166-1 alpha-2' })
  @Transform(upper)
  @IsISO31661Alpha2({ message: 'must be a two-letter ISO 3166 country code, e.g. IT, IE, US' })
  country: string;
  @OneOf(TRANSFER_MECHANISMS, true) transferMechanism: TransferMechanism;
  @NullableText() transferNotes?: string | null;
  @NullableText() transferNotesIt?: string | null;
  @NullableText() transferNotesEn?: string | null;
  @NullableDate() transferImpactAssessmentOn?: string | null;
  @NullableDate() dpaSignedOn?: string | null;
  @NullableDate() nextReviewDue?: string | null;
  @OneOf(PROCESSOR_STATUSES, false) status?: ProcessorStatus;
  @NullableText(500) contact?: string | null;
  @NullableText() notes?: string | null;
  @NullableText() notesIt?: string | null;
  @NullableText() notesEn?: string | null;
}

export class UpdateProcessorDto {
  @Text(false, 300) name?: string;
  @Text(false) service?: string;
  @NullableText() serviceIt?: string | null;
  @NullableText() serviceEn?: string | null;
  @TextList(false) dataCategories?: string[];
  @TextList(false) dataCategoriesIt?: string[];
  @TextList(false) dataCategoriesEn?: string[];
  @Text(false, 300) location?: string;
  @NullableText(300) locationIt?: string | null;
  @NullableText(300) locationEn?: string | null;
  @ApiPropertyOptional({ example: 'IT' })
  @IsOptional()
  @Transform(upper)
  @IsISO31661Alpha2({ message: 'must be a two-letter ISO 3166 country code, e.g. IT, IE, US' })
  country?: string;
  @OneOf(TRANSFER_MECHANISMS, false) transferMechanism?: TransferMechanism;
  @NullableText() transferNotes?: string | null;
  @NullableText() transferNotesIt?: string | null;
  @NullableText() transferNotesEn?: string | null;
  @NullableDate() transferImpactAssessmentOn?: string | null;
  @NullableDate() dpaSignedOn?: string | null;
  @NullableDate() nextReviewDue?: string | null;
  @OneOf(PROCESSOR_STATUSES, false) status?: ProcessorStatus;
  @NullableText(500) contact?: string | null;
  @NullableText() notes?: string | null;
  @NullableText() notesIt?: string | null;
  @NullableText() notesEn?: string | null;
  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() reviewOverdue?: unknown;
  @ReadOnlyField() gaps?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
}

export function presentProcessor(p: Processor) {
  return {
    id: p.id,
    name: p.name,
    service: p.service,
    /** The service and location as a data subject reads them (packages), in Italian and in English. */
    serviceIt: p.serviceIt,
    serviceEn: p.serviceEn,
    dataCategories: p.dataCategories,
    dataCategoriesIt: p.dataCategoriesIt ?? [],
    dataCategoriesEn: p.dataCategoriesEn ?? [],
    location: p.location,
    locationIt: p.locationIt,
    locationEn: p.locationEn,
    country: p.country,
    transferMechanism: p.transferMechanism,
    transferNotes: p.transferNotes,
    transferNotesIt: p.transferNotesIt,
    transferNotesEn: p.transferNotesEn,
    transferImpactAssessmentOn: p.transferImpactAssessmentOn,
    dpaSignedOn: p.dpaSignedOn,
    nextReviewDue: p.nextReviewDue,
    /** The review date has passed: the dashboard flags it. */
    reviewOverdue: p.status !== 'inactive' && p.nextReviewDue !== null && p.nextReviewDue < romeDate(new Date()),
    /** What the entry lacks that the law asks for (Art. 28(3), Art. 46): shown as missing, never invented. */
    gaps: processorGaps(p),
    status: p.status,
    contact: p.contact,
    notes: p.notes,
    notesIt: p.notesIt,
    notesEn: p.notesEn,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export const PROCESSORS_REGISTER: RegisterDefinition<Processor, CreateProcessorDto, UpdateProcessorDto> = {
  resource: 'processors',
  entity: 'processor',
  target: Processor,
  createDto: CreateProcessorDto,
  updateDto: UpdateProcessorDto,
  present: presentProcessor,
  list: {
    resource: 'processors',
    fields: {
      id: 'uuid',
      name: 'text',
      service: 'text',
      location: 'text',
      country: 'text',
      transferMechanism: { enum: TRANSFER_MECHANISMS },
      status: { enum: PROCESSOR_STATUSES },
      transferImpactAssessmentOn: 'date',
      dpaSignedOn: 'date',
      nextReviewDue: 'date',
      updatedAt: 'datetime',
    },
    searchable: ['name', 'service', 'serviceIt', 'location', 'notes'],
    defaultSort: ['name', 'ASC'],
  },
  apply(_, row, body) {
    const b = body as UpdateProcessorDto;
    if (b.name !== undefined) row.name = b.name;
    if (b.service !== undefined) row.service = b.service;
    applyTwin(row as unknown as Record<string, unknown>, b as Record<string, unknown>, 'dataCategories', true);
    applyTwin(row as unknown as Record<string, unknown>, b as Record<string, unknown>, 'transferNotes');
    applyTwin(row as unknown as Record<string, unknown>, b as Record<string, unknown>, 'notes');
    const problem = twinListProblem(row as unknown as Record<string, unknown>, 'dataCategories');
    if (problem) throw new InvalidInputError(problem, { dataCategoriesIt: problem });
    if (b.location !== undefined) row.location = b.location;
    if (b.serviceIt !== undefined) row.serviceIt = orNull(b.serviceIt);
    if (b.serviceEn !== undefined) row.serviceEn = orNull(b.serviceEn);
    if (b.locationIt !== undefined) row.locationIt = orNull(b.locationIt);
    if (b.locationEn !== undefined) row.locationEn = orNull(b.locationEn);
    if (b.country !== undefined) row.country = b.country;
    if (b.transferMechanism !== undefined) row.transferMechanism = b.transferMechanism;
    if (b.transferImpactAssessmentOn !== undefined)
      row.transferImpactAssessmentOn = orNull(b.transferImpactAssessmentOn);
    if (b.dpaSignedOn !== undefined) row.dpaSignedOn = orNull(b.dpaSignedOn);
    if (b.nextReviewDue !== undefined) row.nextReviewDue = orNull(b.nextReviewDue);
    if (b.status !== undefined) row.status = b.status;
    if (b.contact !== undefined) row.contact = orNull(b.contact);
    row.transferNotes ??= null;
    row.status ??= 'active';
    row.serviceIt ??= null;
    row.serviceEn ??= null;
    row.locationIt ??= null;
    row.locationEn ??= null;
  },
  citedBy: (manager, id) =>
    manager.query(
      `SELECT a.id, a.name FROM activities a JOIN activity_processors ap ON ap.activity_id = a.id WHERE ap.processor_id = $1 ORDER BY a.name, a.id`,
      [id],
    ),
  csv: [
    ['Name', (r) => r.name],
    ['Service', (r) => r.service],
    ['Data categories', (r) => r.dataCategories],
    ['Location', (r) => r.location],
    ['Country', (r) => r.country],
    ['Transfer outside the EU', (r) => r.transferMechanism],
    ['Transfer notes', (r) => r.transferNotes],
    ['Transfer impact assessment', (r) => r.transferImpactAssessmentOn],
    ['DPA signed', (r) => r.dpaSignedOn],
    ['Next review', (r) => r.nextReviewDue],
    ['Status', (r) => r.status],
    ['Contact', (r) => r.contact],
    ['Notes', (r) => r.notes],
  ],
};
