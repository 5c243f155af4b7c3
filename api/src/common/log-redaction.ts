/**
 * What the request logs may say about a URL. A search or a list filter carries what an officer
 * typed (an e-mail, a phone number, a name), and a log line outlives the erasure of that person:
 * so the logs keep the path and the names of the query parameters, and the values only of the
 * parameters that cannot hold personal data (paging, sorting, a choice among fixed words).
 */
const SAFE_PARAMETERS = new Set([
  'range',
  'sort',
  'kind',
  'lang',
  'format',
  'page',
  'perPage',
  '_start',
  '_end',
  '_sort',
  '_order',
]);
export const REDACTED = '[redacted]';

/** `/api/leads?filter={"q":"giulia@example.org"}&range=[0,24]` → `/api/leads?filter=[redacted]&range=[0,24]` */
export function redactUrl(url: string): string {
  const mark = url.indexOf('?');
  if (mark === -1) return url;
  const path = url.slice(0, mark);
  const query = url.slice(mark + 1);
  if (query === '') return url;
  const parts = query.split('&').map((part) => {
    const equals = part.indexOf('=');
    const name = equals === -1 ? part : part.slice(0, equals);
    if (isSafe(name)) return part;
    // A parameter's name is kept when it looks like one (an e-mail or a phone typed as a name does not).
    return equals !== -1 && /^[A-Za-z_][\w.-]{0,39}$/.test(name) ? `${name}=${REDACTED}` : REDACTED;
  });
  return `${path}?${parts.join('&')}`;
}

/** The parsed query as Express has it: the same rule, value by value. */
export function redactQuery(query: unknown): unknown {
  if (!query || typeof query !== 'object') return query;
  return Object.fromEntries(
    Object.entries(query as Record<string, unknown>).map(([name, value]) =>
      isSafe(name) ? [name, value] : [/^[A-Za-z_][\w.-]{0,39}$/.test(name) ? name : REDACTED, REDACTED],
    ),
  );
}

function isSafe(encodedName: string): boolean {
  let name: string;
  try {
    name = decodeURIComponent(encodedName.replace(/\+/g, ' '));
  } catch {
    return false;
  }
  return SAFE_PARAMETERS.has(name);
}

interface SerializedRequest {
  url?: unknown;
  query?: unknown;
  [key: string]: unknown;
}

/** Wraps pino's request serializer: every log line that carries the request gets the redacted URL. */
export function redactRequestLog<T extends SerializedRequest>(serialized: T): T {
  if (typeof serialized.url === 'string') serialized.url = redactUrl(serialized.url);
  if (serialized.query !== undefined) serialized.query = redactQuery(serialized.query);
  // The page a request came from may carry a list's filter in its own URL. A copy: these are the request's own headers.
  const headers = serialized.headers as Record<string, unknown> | undefined;
  if (typeof headers?.referer === 'string')
    (serialized as SerializedRequest).headers = { ...headers, referer: redactUrl(headers.referer) };
  return serialized;
}

/**
 * Wraps pino's error serializer: a failed query (TypeORM's QueryFailedError) carries its bound
 * values (`parameters`: a searched e-mail, a phone) and the driver's error, whose `detail` may
 * quote a value (`Key (email)=(…) already exists`). The log keeps the message, the code and the
 * SQL text (no values), not those.
 */
export function redactErrorLog<T extends Record<string, unknown>>(serialized: T): T {
  if (!serialized || typeof serialized !== 'object') return serialized;
  const { parameters: _p, driverError: _d, detail: _detail, ...kept } = serialized;
  return kept as T;
}
