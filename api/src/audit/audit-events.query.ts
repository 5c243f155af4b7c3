import { Raw, type FindOptionsWhere } from 'typeorm';
import { escapeLike } from '../common/rest/find-page';
import { READ_ACTIONS } from './audit-actions';
import type { AuditEvent } from './audit-event.entity';
import { phoneDigits, type LedgerFilter } from './audit-ledger';
import { classifyQuery } from '../subjects/identifiers';

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
    const person = personKeys(filter.person);
    Object.assign(parameters, person.parameters);
    onDetails.push(
      '(' +
        // The searches for the person, as typed.
        "({action} = 'subject.searched' AND ({details}->>'query' ILIKE :ledgerPerson" +
        (digits ? " OR regexp_replace({details}->>'query', '[^0-9]', '', 'g') LIKE :ledgerDigits" : '') +
        '))' +
        // Every event of the person's requests: decisions, letters, exports, erasures, reads.
        ` OR ({entity} = 'request' AND {entityId} IN (${person.requests}))` +
        ` OR {details}->>'requestId' IN (${person.requests})` +
        // The reads of the person's records: one record, or a page that held one of them.
        ` OR ({action} = 'record.viewed' AND ({entity}, {entityId}) IN (${person.records}))` +
        // First any of her record ids (one array for the whole log), then only on the pages that
        // hold one, the ids of her records in the page's own source: as that alone, the array was
        // built again for every page read of the log (750,000 times at a million events).
        ` OR ({action} = 'records.listed' AND {details}->'ids' ?| array(SELECT pa.record_id FROM (${person.records}) AS pa(source, record_id))` +
        ` AND {details}->'ids' ?| array(SELECT pr.record_id FROM (${person.records}) AS pr(source, record_id) WHERE pr.source = {entity}))` +
        ')',
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

/**
 * The person as the database knows them, for the ledger's person filter: the ids of their
 * requests (by the e-mail, phone or name the request holds) and their records in the sources (by
 * the personal-data index, as a search finds them). Subqueries with named parameters.
 */
function personKeys(text: string): { requests: string; records: string; parameters: Record<string, unknown> } {
  const person = classifyQuery(text);
  const nothing = 'SELECT CAST(NULL AS text) WHERE false';
  if (!person)
    return { requests: nothing, records: 'SELECT CAST(NULL AS text), CAST(NULL AS text) WHERE false', parameters: {} };
  const parameters: Record<string, unknown> = { ledgerKind: person.kind, ledgerValue: person.value };
  // An e-mail is also an account name in the sources (the search looks both up).
  const kinds = person.kind === 'email' ? "('email', 'account')" : '(:ledgerKind)';
  const records = `SELECT si.source, si.record_id FROM subject_identifiers si WHERE si.kind IN ${kinds} AND si.value = :ledgerValue`;
  let requests: string;
  if (person.kind === 'email') {
    requests = 'SELECT CAST(r.id AS text) FROM requests r WHERE lower(r.subject_email) = :ledgerValue';
  } else if (person.kind === 'phone') {
    // Stored as typed ("347 555 0101", "+39..."): the same number when its digits end the same.
    parameters.ledgerPhoneDigits = person.value.replace(/\D/g, '');
    requests =
      "SELECT CAST(r.id AS text) FROM requests r WHERE length(regexp_replace(r.subject_phone, '[^0-9]', '', 'g')) >= 6 " +
      "AND :ledgerPhoneDigits LIKE '%' || regexp_replace(r.subject_phone, '[^0-9]', '', 'g')";
  } else {
    parameters.ledgerName = text.trim();
    requests = 'SELECT CAST(r.id AS text) FROM requests r WHERE lower(r.subject_name) = lower(:ledgerName)';
  }
  return { requests, records, parameters };
}
