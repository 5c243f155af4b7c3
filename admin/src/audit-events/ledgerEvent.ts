import type { AuditEvent } from '../api';

/** A run of reads shown as one line (the API's `reads: "grouped"`): how many, when, which events. */
export interface ReadRun {
  count: number;
  firstAt: string;
  lastAt: string;
  ids: string[];
}

/** An audit event as the list answers it (issue 23): with the request it is about, by reference. */
export interface LedgerEvent extends AuditEvent {
  requestId: string | null;
  requestReference: string | null;
  /** Grouped reads only: the run this line stands for (1 for any other event). */
  group?: ReadRun;
}

export const isRun = (event: LedgerEvent | undefined): boolean => (event?.group?.count ?? 1) > 1;
