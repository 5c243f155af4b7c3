import type { ClassConstructor } from 'class-transformer';
import type { FoundIdentifier } from '../subjects/identifier-collector';

/**
 * How a personal-data source's records arrive from the website (POST /api/ingest/<resource>).
 * Each source declares it in its folder (`sources/<folder>/<name>.ingestion.ts`); the ingestion
 * service validates, gates, inserts, indexes and audits without knowing any source by name.
 */

/** A row to insert, with the identifiers it holds (and whose they are), indexed once it has an id. */
export interface PreparedRecord<Row extends { externalId: string | null } = { externalId: string | null }> {
  row: Row;
  identifiers: FoundIdentifier[];
}

/** What a batch's rows came to: new rows, and rows whose externalId was already stored. */
export interface StoredCount {
  created: number;
  duplicates: number;
}

/** What a source's `store` may do inside the batch's transaction. */
export interface IngestionBatch {
  /** The key that seals secrets at rest (a calendar's OAuth tokens). */
  encryptionKey: Buffer;
  /**
   * Inserts rows into a source's table (this source's unless named), skipping those whose
   * externalId is stored already, after the suppression and restriction checks, and indexes the
   * new ones. The ids answer in the order given, null for a row not stored.
   */
  insert(rows: PreparedRecord[], source?: string): Promise<StoredCount & { ids: Array<string | null> }>;
  /** The ids of a source's records by their externalIds; an unknown one refuses the whole batch. */
  idsByExternalId(source: string, externalIds: string[], field: string, what: string): Promise<Map<string, string>>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one list holds every source, each with its own DTO
export interface SourceIngestion<Dto extends object = any> {
  /** What one record of a batch must look like (class-validator decorators, OpenAPI). */
  dto: ClassConstructor<Dto>;
  /** The route's one-line summary in the OpenAPI document. */
  summary: string;
  /** Rules across fields that the DTO's decorators do not express: field → problem. */
  check?: (record: Dto) => Record<string, string>;
  /** Stores a validated batch (see `storeEach` for a record that makes one row). */
  store(records: Dto[], batch: IngestionBatch): Promise<StoredCount>;
}

/** The usual store: each record makes one row of this source. */
export function storeEach<Dto extends object>(
  prepare: (record: Dto, batch: IngestionBatch) => PreparedRecord,
): SourceIngestion<Dto>['store'] {
  return (records, batch) => batch.insert(records.map((r) => prepare(r, batch)));
}

/** Declares a source's ingestion with its DTO's type checked against `check` and `store`. */
export const defineIngestion = <Dto extends object>(ingestion: SourceIngestion<Dto>): SourceIngestion<Dto> => ingestion;
