import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan, type ObjectLiteral } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service';
import { ConflictError } from '../common/errors/domain.error';
import { tryRunLock } from '../common/run-lock';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { SOURCES } from '../sources/source-registry';
import type { FoundIdentifier } from './identifier-collector';
import { SubjectIndexService, type ReindexCount } from './subject-index.service';

const REINDEX_LOCK = 727_020;
/** Records per transaction: each batch is re-indexed and audited on its own, so a stop loses nothing. */
const BATCH = 500;

/**
 * Re-indexes every stored record under the current attribution rules (whose each identifier is,
 * Art. 15(4)): after an upgrade that changed them, entries written by older rules would keep
 * handing one person's records to another. The officer's corrections stay. One run at a time.
 */
@Injectable()
export class SubjectReindexService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly index: SubjectIndexService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'databaseUrl'>,
  ) {}

  async reindexAll(actor: Actor | null): Promise<Array<{ source: string } & ReindexCount>> {
    const lock = await tryRunLock(this.dataSource, this.config.databaseUrl === null, REINDEX_LOCK, 'index');
    if (!lock) throw new ConflictError('The index is being rebuilt already: wait for that run to finish');
    try {
      const counts: Array<{ source: string } & ReindexCount> = [];
      for (const source of SOURCES) {
        if (!('of' in source.identifiers)) continue;
        counts.push({
          source: source.resource,
          ...(await this.reindexSource(actor, source.resource, source.entity, source.identifiers.of)),
        });
      }
      return counts;
    } finally {
      await lock.release();
    }
  }

  private async reindexSource<Row extends ObjectLiteral>(
    actor: Actor | null,
    source: string,
    entity: new () => Row,
    identifiersOf: (row: Row) => FoundIdentifier[],
  ): Promise<ReindexCount> {
    const total: ReindexCount = { records: 0, added: 0, removed: 0, keptAsCorrected: 0 };
    let after: string | number | null = null;
    for (;;) {
      const batch = await this.dataSource.transaction(async (manager) => {
        const rows: Row[] = await manager.getRepository(entity).find({
          where: after === null ? {} : ({ id: MoreThan(after) } as never),
          order: { id: 'ASC' } as never,
          take: BATCH,
        });
        if (!rows.length) return null;
        const count = await this.index.reindex(
          manager,
          source,
          rows.map((row) => ({ recordId: String(row.id), identifiers: identifiersOf(row) })),
        );
        if (count.added || count.removed) {
          await this.audit.record(manager, actor, {
            action: 'subject.index_rebuilt',
            entity: 'subject_identifier',
            entityId: source,
            details: { source, ...count },
          });
        }
        return { last: rows[rows.length - 1].id as string | number, count };
      });
      if (!batch) return total;
      after = batch.last;
      for (const key of ['records', 'added', 'removed', 'keptAsCorrected'] as const) total[key] += batch.count[key];
    }
  }
}
