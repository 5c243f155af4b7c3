import type { Logger } from '@nestjs/common';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import type { LettersService } from '../letters/letters.service';
import { CONTROLLER } from '../registers/activities/record-of-processing';
import type { Language } from '../requests/request.entity';
import { CODE } from './portal-rules';
import { text } from './portal-texts';

/**
 * The portal's code mailed to the address that asked (the form's, the choices'). A send that
 * fails deletes the waiting row and is audited: the subject sends the form again.
 */
export async function mailCodeOrForget(
  deps: { dataSource: DataSource; audit: AuditService; letters: LettersService; logger: Logger },
  mail: { email: string; language: Language; code: string },
  waiting: { entity: EntityTarget<ObjectLiteral>; id: string; auditEntity: string; label: string },
): Promise<boolean> {
  const { language, code } = mail;
  try {
    await deps.letters.sendMail(
      mail.email,
      text(language, 'code_mail_subject', { code }),
      `${text(language, 'code_mail_body', { code, minutes: CODE.validMinutes, controller: CONTROLLER.name, email: CONTROLLER.email })}\n`,
    );
    return true;
  } catch (error) {
    deps.logger.warn(`The portal's code for ${waiting.label} ${waiting.id} was not sent: ${(error as Error).message}`);
    await deps.dataSource.transaction(async (manager) => {
      await manager.delete(waiting.entity, { id: waiting.id });
      await deps.audit.record(manager, null, {
        action: 'portal.code_not_sent',
        entity: waiting.auditEntity,
        entityId: waiting.id,
        details: { error: (error as Error).message.slice(0, 300) },
      });
    });
    return false;
  }
}

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
