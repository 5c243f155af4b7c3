import { InvalidQueryError } from '../common/errors/domain.error';
import type { Role } from '../users/user.entity';

/**
 * The audit log read as a ledger (issue 23): which request an event is about, the list's own
 * filters, and how much of a searched identifier each role sees. Plain functions; the controller
 * applies them.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_PERSON_LENGTH = 254;

/** The list's filters that are not columns: the request, the person, and the reads. */
export interface LedgerFilter {
  /** Events about this request: its own, and those that name it as their reason (`details.requestId`). */
  requestId?: string;
  /**
   * Everything about a person (an e-mail, a phone, a name): the searches for them, every event of
   * their requests (exports, erasures, letters...), and the reads of their records.
   */
  person?: string;
  /** false: reads of personal data left out; `grouped` (the console's default): one line per run of reads. */
  reads?: boolean | 'grouped';
}

/**
 * Takes the ledger's keys out of `filter=` and gives back the rest for the generic list parser.
 * A filter that is not a JSON object is passed on unchanged: the parser refuses it with its error.
 */
export function splitLedgerFilter(raw: unknown): { rest: unknown; ledger: LedgerFilter } {
  if (typeof raw !== 'string' || raw.includes('\u0000')) return { rest: raw, ledger: {} };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { rest: raw, ledger: {} };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { rest: raw, ledger: {} };
  const { requestId, person, reads, ...rest } = value as Record<string, unknown>;
  const ledger: LedgerFilter = {};
  if (requestId !== undefined) {
    if (typeof requestId !== 'string' || !UUID.test(requestId))
      throw new InvalidQueryError('filter.requestId', 'must be the UUID of a request');
    ledger.requestId = requestId.toLowerCase();
  }
  if (person !== undefined) {
    if (typeof person !== 'string' || person.trim() === '')
      throw new InvalidQueryError('filter.person', 'must be the identifier searched (an e-mail, a phone, a name)');
    if (person.length > MAX_PERSON_LENGTH)
      throw new InvalidQueryError('filter.person', `at most ${MAX_PERSON_LENGTH} characters`);
    ledger.person = person.trim();
  }
  if (reads !== undefined) {
    if (reads === 'grouped') ledger.reads = 'grouped';
    else if (typeof reads !== 'boolean' && reads !== 'true' && reads !== 'false')
      throw new InvalidQueryError('filter.reads', 'must be true, false or "grouped"');
    else ledger.reads = reads === true || reads === 'true';
  }
  return { rest: JSON.stringify(rest), ledger };
}

/** The digits of a phone as typed ("347 123 4567"), when there are enough of them to be one. */
export function phoneDigits(text: string): string | null {
  const digits = text.replace(/\D/g, '');
  return digits.length >= 6 && digits.length >= text.replace(/[\s+().-]/g, '').length - 1 ? digits : null;
}

/** The request an event is about: a request's own event, or one that names it as its reason. */
export function requestIdOf(event: { entity: string; entityId: string | null; details: Record<string, unknown> }) {
  if (event.entity === 'request' && event.entityId && UUID.test(event.entityId)) return event.entityId.toLowerCase();
  const named = event.details?.requestId;
  return typeof named === 'string' && UUID.test(named) ? named.toLowerCase() : null;
}

/**
 * An event's ids as the ledger compares them: a UUID in lower case, however the reader typed it
 * (PostgreSQL reads a uuid in either case; the ledger's filters compare the recorded text). The
 * record's id (`entityId`) and the request a read names as its reason (`details.requestId`).
 */
export function withCanonicalIds<E extends { entityId?: string | null; details?: Record<string, unknown> }>(
  entry: E,
): E {
  const canonical = <T>(id: T): T => (typeof id === 'string' && UUID.test(id) ? (id.toLowerCase() as T) : id);
  let canonicalEntry = entry;
  if (canonical(entry.entityId) !== entry.entityId)
    canonicalEntry = { ...canonicalEntry, entityId: canonical(entry.entityId) };
  const requestId = entry.details?.requestId;
  if (canonical(requestId) !== requestId)
    canonicalEntry = { ...canonicalEntry, details: { ...entry.details, requestId: canonical(requestId) } };
  return canonicalEntry;
}

/**
 * Who reads a searched identifier in full. Officers and admins search people and answer their
 * requests: to account for a search (Art. 5(2)) they must see what was searched. An auditor
 * checks that each search had a request and a reason: the reference and a masked identifier
 * answer that, and the identifier itself (perhaps of someone who never asked anything) stays
 * out of their view (Art. 5(1)(c)).
 */
export const seesSearchedIdentifiers = (role: Role): boolean => role === 'admin' || role === 'officer';

/**
 * An identifier with most of it hidden, enough to tell one person's searches from another's:
 * "g•••@example.it", "•••567", "G••• B•••".
 */
export function maskIdentifier(value: string): string {
  const text = value.trim();
  const at = text.lastIndexOf('@');
  if (at > 0) return `${text[0]}•••${text.slice(at)}`;
  const digits = phoneDigits(text);
  if (digits) return `•••${digits.slice(-3)}`;
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `${[...word][0]}•••`)
    .join(' ');
}

/**
 * An event's details as `role` may read them: for a role that does not see searched identifiers,
 * the query of a search and the person a read of this log filtered on are masked. The stored
 * event (and its hash) is unchanged; the chain is verified on the server.
 */
export function detailsForRole(action: string, details: Record<string, unknown>, role: Role): Record<string, unknown> {
  if (seesSearchedIdentifiers(role)) return details;
  if (action === 'subject.searched' && typeof details.query === 'string')
    return { ...details, query: maskIdentifier(details.query) };
  if (action === 'audit-events.listed' && typeof details.filter === 'string') {
    try {
      const filter = JSON.parse(details.filter) as Record<string, unknown>;
      if (filter && typeof filter.person === 'string')
        return { ...details, filter: JSON.stringify({ ...filter, person: maskIdentifier(filter.person) }) };
    } catch {
      // a filter that was refused was never read: nothing to mask
    }
  }
  return details;
}
