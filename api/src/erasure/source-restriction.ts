/**
 * How a source's records are restricted (Art. 18): the rows carry the flag themselves
 * (`restricted_at`, `restricted_by_request_id` on `table`), or the source has no flag of its own,
 * and why (a chat message is restricted with its conversation). Each source declares it in its
 * folder (`sources/<folder>/<name>.restriction.ts`).
 */
export type SourceRestriction = FlaggedOnRow | NotFlagged;

export interface FlaggedOnRow {
  kind: 'flagged-on-row';
  /** The table whose rows carry the flag. */
  table: string;
}

export interface NotFlagged {
  kind: 'none';
  reason: string;
}

export const flaggedOnRow = (table: string): FlaggedOnRow => ({ kind: 'flagged-on-row', table });

export const notFlagged = (reason: string): NotFlagged => ({ kind: 'none', reason });
