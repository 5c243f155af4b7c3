import type { Logger } from '@nestjs/common';
import type { DataSource, EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import type { LettersService } from '../letters/letters.service';
import { CONTROLLER } from '../registers/activities/record-of-processing';
import type { DataSubjectRequest, Language } from '../requests/request.entity';
import { PortalLink } from './portal-link.entity';
import { checkCode, CODE, hashToken } from './portal-rules';
import { text } from './portal-texts';

/**
 * The portal's code mailed to the address that asked (the form's, the choices'). A send that
 * fails deletes the waiting row and is audited: the subject sends the form again. The try it
 * counted against the address (`emailThrottleKey`) is given back, so that our mail server's
 * failure does not spend the person's tries for the hour; the network address's stays counted.
 */
export async function mailCodeOrForget(
  deps: { dataSource: DataSource; audit: AuditService; letters: LettersService; logger: Logger },
  mail: { email: string; language: Language; code: string },
  waiting: {
    entity: EntityTarget<ObjectLiteral>;
    id: string;
    auditEntity: string;
    label: string;
    emailThrottleKey: string;
  },
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
      await manager.query(`UPDATE portal_throttles SET count = count - 1 WHERE key = $1 AND count > 0`, [
        waiting.emailThrottleKey,
      ]);
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

/** A row waiting for its code: the portal form's submission, the choices' form. */
interface WaitingForCode extends ObjectLiteral {
  id: string;
  codeHash: string;
  codeSentAt: Date;
  tries: number;
}

/**
 * The code typed for a waiting row, in the caller's transaction: the row locked and answered when
 * the code is right; otherwise what the subject is told (a wrong one counted, audited).
 */
export async function checkTypedCode<Row extends WaitingForCode>(
  manager: EntityManager,
  deps: { audit: AuditService; codeKey: Buffer },
  waiting: { entity: EntityTarget<Row>; id: string; auditEntity: string },
  typed: string,
  now: Date,
): Promise<{ kind: 'right'; row: Row } | { kind: 'unknown' | 'expired' | 'locked' } | { kind: 'wrong'; left: number }> {
  const row = await manager.findOne(waiting.entity, {
    where: { id: waiting.id } as FindOptionsWhere<Row>,
    lock: { mode: 'pessimistic_write' },
  });
  if (!row) return { kind: 'unknown' };
  const check = checkCode(
    deps.codeKey,
    row.id,
    { codeHash: row.codeHash, sentAt: row.codeSentAt, tries: row.tries },
    typed,
    now,
  );
  if (check === 'expired' || check === 'locked') return { kind: check };
  if (check === 'wrong')
    return countWrongCode(manager, deps.audit, {
      entity: waiting.entity,
      id: row.id,
      triesColumn: 'tries',
      tries: row.tries,
      action: 'portal.code_wrong',
      auditEntity: waiting.auditEntity,
    });
  return { kind: 'right', row };
}

/**
 * The right code's end, in the caller's transaction: the status link to the requests it made
 * (only its hash is kept), the waiting row deleted, `portal.confirmed` audited.
 */
export async function openStatusLink(
  manager: EntityManager,
  audit: AuditService,
  token: string,
  requests: DataSubjectRequest[],
  waiting: { entity: EntityTarget<ObjectLiteral>; id: string; auditEntity: string },
): Promise<void> {
  const link = await manager.save(
    PortalLink,
    manager.create(PortalLink, { tokenHash: hashToken(token), requestIds: requests.map((r) => r.id) }),
  );
  await manager.delete(waiting.entity, { id: waiting.id });
  await audit.record(manager, null, {
    action: 'portal.confirmed',
    entity: waiting.auditEntity,
    entityId: waiting.id,
    details: { linkId: link.id, references: requests.map((r) => r.reference) },
  });
}
