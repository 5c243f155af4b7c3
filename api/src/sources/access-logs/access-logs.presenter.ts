import { iso, restriction } from '../present-parts';
import type { AccessLog } from './access-log.entity';

/** What the API answers for a record: never a token or a secret. */

export function presentAccessLog(a: AccessLog) {
  return {
    id: a.id,
    externalId: a.externalId,
    ip: a.ip,
    userAgent: a.userAgent,
    path: a.path,
    method: a.method,
    status: a.status,
    at: iso(a.at),
    ...restriction(a),
  };
}

export type AccessLogView = ReturnType<typeof presentAccessLog>;
