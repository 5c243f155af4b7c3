import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { roleOfCompanyAddress } from './attribution';
import type { FoundIdentifier } from './record-identifiers';

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
}
