import type { EntityManager } from 'typeorm';
import type { Actor } from '../audit/audit.service';
import { RequestEvent } from './request-event.entity';

/** Adds a line to a request's timeline in the caller's transaction (with the change it records). */
export function appendToTimeline(
  manager: EntityManager,
  actor: Actor | null,
  requestId: string,
  kind: string,
  message: string | null,
  details: Record<string, unknown>,
): Promise<RequestEvent> {
  return manager.save(
    RequestEvent,
    manager.create(RequestEvent, {
      requestId,
      at: new Date(),
      kind,
      actorId: actor?.id ?? null,
      actorEmail: actor?.email ?? null,
      message,
      details,
    }),
  );
}
