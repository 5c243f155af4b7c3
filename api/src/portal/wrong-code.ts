import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import { CODE } from './portal-rules';

/**
 * A wrong code typed on the portal (the form's, the choices', a package's): one more try counted
 * on its row, audited, in the caller's transaction. The fifth locks the row (CODE.maxTries).
 */
export async function countWrongCode(
  manager: EntityManager,
  audit: AuditService,
  wrong: {
    entity: EntityTarget<ObjectLiteral>;
    id: string;
    /** The row's column of tries, and how many it holds before this one. */
    triesColumn: string;
    tries: number;
    action: 'portal.code_wrong' | 'portal.package_code_wrong';
    /** The audit event's entity: the row's kind. */
    auditEntity: string;
  },
): Promise<{ kind: 'locked' } | { kind: 'wrong'; left: number }> {
  const tries = wrong.tries + 1;
  await manager.update(wrong.entity, { id: wrong.id }, { [wrong.triesColumn]: tries });
  await audit.record(manager, null, {
    action: wrong.action,
    entity: wrong.auditEntity,
    entityId: wrong.id,
    details: { tries, locked: tries >= CODE.maxTries },
  });
  return tries >= CODE.maxTries ? { kind: 'locked' } : { kind: 'wrong', left: CODE.maxTries - tries };
}
