import { Raw, type FindOptionsWhere } from 'typeorm';
import { escapeLike } from '../common/rest/find-page';
import { READ_ACTIONS } from './audit-actions';
import type { AuditEvent } from './audit-event.entity';
import { phoneDigits, type LedgerFilter } from './audit-ledger';

/**
 * The ledger's filters as conditions on the audit table, for `findPage`'s base. A filter on
 * `action` given by the caller replaces the "no reads" condition: asking for a read shows it.
 */
export function ledgerWhere(filter: LedgerFilter): FindOptionsWhere<AuditEvent> {
  const where: FindOptionsWhere<AuditEvent> = {};
  if (filter.reads === false) {
    where.action = Raw((column) => `${column} NOT IN (:...readActions)`, { readActions: [...READ_ACTIONS] });
  }
  const onDetails: string[] = [];
  const parameters: Record<string, unknown> = {};
  // The condition hangs on `details`; {entity}, {entityId} and {action} are its siblings in the row.
  // TypeORM hands `Alias.details` and quotes `Alias.<property>` paths in the final SQL itself,
  // those followed by a space or a parenthesis: `(Alias.details)->>'...'`, not `Alias.details->>`.
  const sibling = (column: string, property: keyof AuditEvent) =>
    `${column.slice(0, column.lastIndexOf('.'))}.${property}`;
  if (filter.requestId) {
    parameters.ledgerRequestId = filter.requestId;
    onDetails.push(
      "(({entity} = 'request' AND {entityId} = :ledgerRequestId) OR {details}->>'requestId' = :ledgerRequestId)",
    );
  }
  if (filter.person) {
    parameters.ledgerPerson = `%${escapeLike(filter.person)}%`;
    const digits = phoneDigits(filter.person);
    if (digits) parameters.ledgerDigits = `%${digits}%`;
    onDetails.push(
      "({action} = 'subject.searched' AND ({details}->>'query' ILIKE :ledgerPerson" +
        (digits ? " OR regexp_replace({details}->>'query', '[^0-9]', '', 'g') LIKE :ledgerDigits" : '') +
        '))',
    );
  }
  if (onDetails.length) {
    where.details = Raw(
      (column) =>
        onDetails
          .join(' AND ')
          .replaceAll('{details}', `(${column})`)
          .replaceAll('{entity}', sibling(column, 'entity'))
          .replaceAll('{entityId}', sibling(column, 'entityId'))
          .replaceAll('{action}', sibling(column, 'action')),
      parameters,
    );
  }
  return where;
}
