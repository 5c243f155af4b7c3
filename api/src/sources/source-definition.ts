import type { ObjectLiteral } from 'typeorm';
import type { ListSpec } from '../common/rest/list-query';
import type { SourceErasure } from '../erasure/source-erasure';
import type { SourceRestriction } from '../erasure/source-restriction';
import type { SourcePackages } from '../exports/source-export';
import type { SourceIngestion } from '../ingestion/source-ingestion';
import type { SourceRetention } from '../retention/source-retention';
import type { DemoContext } from '../seed/demo-kit';
import type { FoundIdentifier } from '../subjects/identifier-collector';

/**
 * Everything the console does with one personal-data source, declared in the source's folder
 * (`sources/<folder>/<name>.source.ts`) and registered once in `source-registry.ts`. Every list
 * of sources the API keeps is derived from the registered definitions.
 *
 * One definition per resource (a table, a read-only API resource, an ingestion route, the
 * `source` of index entries and audit events), not per folder: a chat's conversations and its
 * messages are listed, ingested, indexed and erased each on their own, so they are two
 * definitions in one folder that share its parts.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one list holds every source, each with its own row type
export interface SourceDefinition<Row extends ObjectLiteral = any, Resource extends string = string> {
  /** The resource's name: `/api/<resource>`, `/api/ingest/<resource>`, the index's `source`. */
  resource: Resource;
  entity: new () => Row;
  idType: 'uuid' | 'integer';
  /** The list contract of the read-only resource (fields, search, default sort). */
  list: ListSpec;
  /**
   * What the API answers for one record (its `<X>View`): never a token or a secret. A new object
   * each call: the read-only resource adds the record's `processingStops` to it.
   */
  present: (row: Row) => Record<string, unknown>;
  /** How the website sends its records: DTO, the rows a record makes, the identifiers they hold. */
  ingestion: SourceIngestion;
  /**
   * One record can be several people's (an event lists all its attendees): its identifiers are
   * found, but never followed to other records.
   */
  severalPeoplePerRecord: boolean;
  /**
   * The source system of the registers (activities, retention policies) it belongs to: whose
   * purposes, legal bases and processors apply to it, and who is told of a change (Art. 19).
   */
  registerSystem: string;
  /**
   * The identifiers a stored record holds and whose each is (Art. 15(4)): ingestion indexes them,
   * and a re-index (`POST /api/subjects/reindex`) rebuilds the index from them. Or why the
   * source is not in the index.
   */
  identifiers: { of: (row: Row) => FoundIdentifier[] } | { none: string };
  /** What access and portability packages give of it, or why nothing. */
  packages: SourcePackages;
  /** What an erasure (Art. 17) does to its records (plan, summary, change), or why nothing. */
  erasure: SourceErasure;
  /** Whether its rows carry the restriction flag (Art. 18), or why not. */
  restriction: SourceRestriction;
  /** Its retention rule and sweeper, or why no policy names it on its own. */
  retention: SourceRetention;
  /**
   * The demo data's records of one person (`npm start`'s first start, the tests), as the website
   * sends them to `/api/ingest/<resource>`; or why the source has none of its own.
   */
  demo: { of: (person: DemoContext) => object[] } | { none: string };
}

/** Declares a source, with the entity's type checked against its presenter. */
export const defineSource = <Row extends ObjectLiteral, Resource extends string>(
  definition: SourceDefinition<Row, Resource>,
): SourceDefinition<Row, Resource> => definition;
