import { SOURCES } from '../sources/source-registry';

export interface RestrictableSource {
  source: string;
  /** The table whose rows carry the flag. */
  table: string;
  /** The SQL type of its ids. */
  idCast: 'uuid' | 'bigint';
}

/** The registered sources whose rows carry the restriction flag themselves (Art. 18). */
export function restrictableSources(): RestrictableSource[] {
  return SOURCES.flatMap(({ resource, idType, restriction }) =>
    restriction.kind === 'flagged-on-row'
      ? [{ source: resource, table: restriction.table, idCast: idType === 'integer' ? 'bigint' : 'uuid' } as const]
      : [],
  );
}

/** Ingestion stores new records of these sources flagged when the person's processing is restricted. */
export const FLAGGED_ON_ROW = {
  has: (source: string): boolean => restrictableSources().some((s) => s.source === source),
};
