import type { Role } from '../users/user.entity';
import type { AuditEvent } from './audit-event.entity';
import { detailsForRole, requestIdOf } from './audit-ledger';

/**
 * An event as the API answers it: the stored columns, the request it is about with its reference
 * (resolved for the whole page at once), and its details as `role` may read them.
 */
export function presentAuditEvent(event: AuditEvent, role: Role, references: ReadonlyMap<string, string>) {
  const requestId = requestIdOf(event);
  return {
    id: event.id,
    at: event.at.toISOString(),
    actorId: event.actorId,
    actorEmail: event.actorEmail,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId,
    requestId,
    requestReference: requestId ? (references.get(requestId) ?? null) : null,
    details: detailsForRole(event.action, event.details, role),
    prevHash: event.prevHash,
    hash: event.hash,
  };
}
