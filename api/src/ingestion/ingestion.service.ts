import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { DataSource, EntityManager, In, type EntityTarget } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { InvalidInputError } from '../common/errors/domain.error';
import { flattenValidationErrors } from '../common/errors/validation';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { SUPPRESSION_LOCK } from '../erasure/suppression';
import { sourceNamed } from '../sources/source-registry';
import { SubjectIndexService } from '../subjects/subject-index.service';
import { IngestionGate, type StopTally } from './ingestion-gate';
import { insertRowsAtOnce } from './insert-rows';
import { recordProblems } from './record-validation';
import type { IngestionBatch, PreparedRecord } from './source-ingestion';

/** A registered source's name (`sources/source-registry.ts`). */
export type IngestSource = string;

export const MAX_BATCH = 1000;

export interface IngestResult {
  source: IngestSource;
  received: number;
  created: number;
  /** Records whose externalId was already known: not stored again. */
  duplicates: number;
  /** Records refused because they carry an erased person's e-mail or phone (the suppression list). */
  suppressed: number;
  /** Records stored flagged as restricted: they belong to a person whose processing is restricted. */
  restricted: number;
  /** Present when an objection or a withdrawal applied (ingestion-gate.ts): refused, flagged, lifted. */
  refusedAfterObjection?: number;
  flaggedAfterStop?: number;
  withdrawalsLifted?: number;
}

/** What the gate did to a batch: counted across the batch's inserts. */
interface GateTally {
  suppressed: number;
  restricted: number;
  stops: StopTally;
}

/** Who sent a batch: an API key (by name and prefix) or the console's own demo seeder. */
export interface IngestSender {
  name: string;
  apiKeyPrefix: string | null;
}

@Injectable()
export class IngestionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly index: SubjectIndexService,
    private readonly gate: IngestionGate,
  ) {}

  /**
   * Validates every record first, then stores the whole batch in one transaction with its index
   * entries and one audit event: a batch is stored entirely or not at all.
   */
  async ingest(source: IngestSource, body: unknown, sender: IngestSender): Promise<IngestResult> {
    const records = await this.validateBatch(source, body);
    const result = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock_shared($1)', [SUPPRESSION_LOCK]);
      const tally: GateTally = {
        suppressed: 0,
        restricted: 0,
        stops: { refusedAfterObjection: 0, flaggedAfterStop: 0, withdrawalsLifted: 0 },
      };
      const { created, duplicates } = await this.store(manager, source, records, tally);
      // Only the counts of stops that applied: a batch no stop touched answers as it always did.
      const stopped = Object.fromEntries(Object.entries(tally.stops).filter(([, n]) => n > 0));
      const counts = { suppressed: tally.suppressed, restricted: tally.restricted, ...stopped };
      await this.audit.record(manager, null, {
        action: 'data.ingested',
        entity: source,
        details: {
          sender: sender.name,
          apiKeyPrefix: sender.apiKeyPrefix,
          received: records.length,
          created,
          duplicates,
          ...counts,
        },
      });
      return { source, received: records.length, created, duplicates, ...counts };
    });
    return result;
  }

  private async validateBatch(source: IngestSource, body: unknown): Promise<object[]> {
    const single = body !== null && typeof body === 'object' && !Array.isArray(body);
    const items = single ? [body] : body;
    if (!Array.isArray(items))
      throw new InvalidInputError('The body must be one record (a JSON object) or an array of records');
    if (items.length === 0) throw new InvalidInputError('The batch is empty');
    if (items.length > MAX_BATCH)
      throw new InvalidInputError(`At most ${MAX_BATCH} records per batch (got ${items.length}); split it`);
    const ingestion = sourceNamed(source).ingestion;
    const errors: Record<string, string> = {};
    const records: object[] = [];
    for (const [i, item] of items.entries()) {
      const prefix = single ? '' : `[${i}].`;
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        errors[single ? 'body' : `[${i}]`] = 'must be a JSON object';
        continue;
      }
      const record = plainToInstance(ingestion.dto, item) as object;
      const problems = await recordProblems(record, ingestion.dto);
      const fieldErrors = { ...flattenValidationErrors(problems), ...(ingestion.check?.(record) ?? {}) };
      for (const [field, message] of Object.entries(fieldErrors)) errors[`${prefix}${field}`] = message;
      records.push(record);
    }
    if (Object.keys(errors).length > 0) {
      const [first, message] = Object.entries(errors)[0];
      const [, index, field] = /^\[(\d+)\]\.?(.*)$/.exec(first) ?? [null, null, first];
      const where = index === null ? field : field ? `record ${index}, ${field}` : `record ${index}`;
      const more = Object.keys(errors).length - 1;
      throw new InvalidInputError(
        `Nothing was stored: ${where} ${message}${more > 0 ? ` (and ${more} more problem${more > 1 ? 's' : ''})` : ''}`,
        errors,
      );
    }
    return records;
  }

  /** The source's own store, with what it may do inside the batch's transaction. */
  private store(
    manager: EntityManager,
    source: IngestSource,
    records: object[],
    tally: GateTally,
  ): Promise<{ created: number; duplicates: number }> {
    const batch: IngestionBatch = {
      encryptionKey: this.config.encryptionKey,
      insert: (rows, into = source) => this.insert(manager, into, rows, tally),
      idsByExternalId: (parent, externalIds, field, what) =>
        this.resolveExternalIds(manager, sourceNamed(parent).entity, externalIds, field, what),
    };
    return sourceNamed(source).ingestion.store(records, batch);
  }

  /**
   * Inserts rows, skipping those whose externalId is already stored, and indexes the new ones.
   * Answers the new rows' ids in input order (null for a skipped duplicate).
   */
  private async insert(
    manager: EntityManager,
    source: string,
    all: PreparedRecord[],
    tally: GateTally,
  ): Promise<{ created: number; duplicates: number; ids: Array<string | null> }> {
    const entity = sourceNamed(source).entity;
    const admitted = await this.gate.admit(manager, source, all, tally, tally.stops);
    const prepared = all.filter((_, i) => admitted[i]);
    if (prepared.length === 0) return { created: 0, duplicates: 0, ids: all.map(() => null) };
    const values = prepared.map((p) => p.row);
    const rows =
      (await insertRowsAtOnce(manager, entity, values)) ??
      ((
        await manager
          .createQueryBuilder()
          .insert()
          .into(entity)
          .values(values)
          .orIgnore()
          .returning(['id', 'externalId'])
          .updateEntity(false)
          .execute()
      ).raw as Array<{ id: string; external_id: string | null }>);
    // RETURNING lists the inserted rows in input order; a skipped duplicate is missing.
    const ids: Array<string | null> = [];
    let next = 0;
    const claimed = new Set<string>();
    for (const p of prepared) {
      const row = rows[next];
      const isThis =
        row && row.external_id === p.row.externalId && !(p.row.externalId && claimed.has(p.row.externalId));
      if (isThis) {
        ids.push(row.id);
        if (p.row.externalId) claimed.add(p.row.externalId);
        next++;
      } else {
        ids.push(null);
      }
    }
    await this.index.add(
      manager,
      source,
      prepared.flatMap((p, i) => {
        const recordId = ids[i];
        return recordId ? [{ recordId, identifiers: p.identifiers }] : [];
      }),
    );
    await this.gate.flagStopped(
      manager,
      source,
      prepared.map((p) => p.row),
      ids,
    );
    await this.gate.flagConversations(
      manager,
      source,
      prepared.map((p) => p.row),
      ids,
    );
    // Answered in the order of the batch, a refused record like a duplicate: no id.
    let admittedIndex = 0;
    const allIds = admitted.map((ok) => (ok ? ids[admittedIndex++] : null));
    return { created: rows.length, duplicates: prepared.length - rows.length, ids: allIds };
  }

  /** Maps parents' external ids to their ids; an unknown one refuses the whole batch. */
  private async resolveExternalIds(
    manager: EntityManager,
    entity: EntityTarget<{ id: string; externalId: string | null }>,
    externalIds: string[],
    field: string,
    what: string,
  ): Promise<Map<string, string>> {
    const unique = [...new Set(externalIds)];
    const found = unique.length
      ? await manager
          .getRepository(entity)
          .find({ select: { id: true, externalId: true }, where: { externalId: In(unique) } })
      : [];
    const map = new Map(found.map((f) => [f.externalId!, f.id]));
    const missing = unique.filter((id) => !map.has(id));
    if (missing.length > 0) {
      throw new InvalidInputError(`Nothing was stored: no ${what} has the externalId "${missing[0]}"; send it first`, {
        [field]: `unknown ${what}: ${missing.slice(0, 5).join(', ')}`,
      });
    }
    return map;
  }
}
