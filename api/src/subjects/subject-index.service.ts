import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { roleOfCompanyAddress } from './attribution';
import { queryRows } from '../common/sql-rows';
import type { FoundIdentifier } from './record-identifiers';

/** What re-indexing records changed in the index. */
export interface ReindexCount {
  records: number;
  added: number;
  removed: number;
  /** Entries the officer corrected, kept as they are whatever the rules now say. */
  keptAsCorrected: number;
}

/** One index entry as a comparable key: the record, where, what, and whose. */
const entryKey = (e: { recordId: string; kind: string; value: string; field: string; role: string }) =>
  [e.recordId, e.kind, e.value, e.field, e.role].join('\u0000');

/** Writes the personal-data index; reading it is SubjectSearchService's job. */
@Injectable()
export class SubjectIndexService {
  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'controllerDomains'>) {}

  /** Adds the identifiers of new records, in the caller's transaction, in one statement. */
  async add(
    manager: EntityManager,
    source: string,
    records: Array<{ recordId: string; identifiers: FoundIdentifier[] }>,
  ): Promise<void> {
    const kinds: string[] = [];
    const values: string[] = [];
    const recordIds: string[] = [];
    const fields: string[] = [];
    const roles: string[] = [];
    for (const { recordId, identifiers } of records) {
      for (const identifier of identifiers) {
        kinds.push(identifier.kind);
        values.push(identifier.value);
        recordIds.push(recordId);
        fields.push(identifier.field);
        roles.push(roleOfCompanyAddress(identifier, source, this.config.controllerDomains));
      }
    }
    if (kinds.length === 0) return;
    await manager.query(
      `INSERT INTO subject_identifiers (kind, value, source, record_id, field, role)
       SELECT kind, value, $5, record_id, field, role FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $6::text[]) AS t(kind, value, record_id, field, role)`,
      [kinds, values, recordIds, fields, source, roles],
    );
  }

  /** Removes a record's identifiers (before re-indexing it, or when it is erased). */
  async remove(manager: EntityManager, source: string, recordIds: string[]): Promise<void> {
    if (recordIds.length === 0) return;
    await manager.query(`DELETE FROM subject_identifiers WHERE source = $1 AND record_id = ANY($2::text[])`, [
      source,
      recordIds,
    ]);
  }

  /**
   * Brings records' entries up to the current rules (after an upgrade that changed them): in the
   * caller's transaction, the records' entries are replaced by what their identifiers are today,
   * except those the officer corrected (`corrected_at`), which stay as the officer set them. An
   * entry the rules would write again unchanged is neither removed nor added.
   */
  async reindex(
    manager: EntityManager,
    source: string,
    records: Array<{ recordId: string; identifiers: FoundIdentifier[] }>,
  ): Promise<ReindexCount> {
    const recordIds = records.map((r) => r.recordId);
    const count: ReindexCount = { records: records.length, added: 0, removed: 0, keptAsCorrected: 0 };
    if (!recordIds.length) return count;
    const existing = await queryRows<{
      id: string;
      recordId: string;
      kind: string;
      value: string;
      field: string;
      role: string;
      corrected: boolean;
    }>(
      manager,
      `SELECT id::text AS id, record_id AS "recordId", kind, value, field, role, corrected_at IS NOT NULL AS corrected
         FROM subject_identifiers WHERE source = $1 AND record_id = ANY($2::text[]) FOR UPDATE`,
      [source, recordIds],
    );
    const corrected = existing.filter((e) => e.corrected);
    count.keptAsCorrected = corrected.length;
    // Where the officer decided, the rules' entry for the same identifier and field is not written.
    const decided = new Set(corrected.map((e) => [e.recordId, e.kind, e.value, e.field].join('\u0000')));
    const wanted = new Map<string, { recordId: string; identifiers: FoundIdentifier[] }>();
    for (const { recordId, identifiers } of records) {
      for (const identifier of identifiers) {
        if (decided.has([recordId, identifier.kind, identifier.value, identifier.field].join('\u0000'))) continue;
        const role = roleOfCompanyAddress(identifier, source, this.config.controllerDomains);
        wanted.set(entryKey({ recordId, ...identifier, role }), { recordId, identifiers: [{ ...identifier, role }] });
      }
    }
    const stale = existing.filter((e) => !e.corrected && !wanted.delete(entryKey(e)));
    if (stale.length) {
      await manager.query(`DELETE FROM subject_identifiers WHERE id = ANY($1::bigint[])`, [stale.map((e) => e.id)]);
    }
    await this.add(manager, source, [...wanted.values()]);
    count.removed = stale.length;
    count.added = wanted.size;
    return count;
  }
}
