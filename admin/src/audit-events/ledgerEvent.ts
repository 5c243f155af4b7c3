import type { AuditEvent } from '../types';

/** An audit event as the list answers it (issue 23): with the request it is about, by reference. */
export interface LedgerEvent extends AuditEvent {
  requestId: string | null;
  requestReference: string | null;
}
