import type { AuditEvent } from './audit-event.entity';

export function presentAuditEvent(event: AuditEvent) {
  return {
    id: event.id,
    at: event.at.toISOString(),
    actorId: event.actorId,
    actorEmail: event.actorEmail,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId,
    details: event.details,
    prevHash: event.prevHash,
    hash: event.hash,
  };
}
