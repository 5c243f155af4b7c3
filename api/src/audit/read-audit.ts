import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { mergeMap, type Observable } from 'rxjs';
import type { SessionRequest } from '../auth/access.decorators';
import { AuditService, type AuditEntry } from './audit.service';

/**
 * Every read of personal data leaves one audit event: per page read for a list (the ids it
 * returned, its filter and range), per record for a one-record read (the record's id). The
 * sources' read-only resources call `listedDetails` themselves (they also keep `?requestId=`);
 * every other endpoint that answers personal data says so with `@AuditRead(...)`, and
 * `tests/api/read-audit.test.ts` holds the decision for every GET of the API.
 *
 * The event is written after the read (into the audit inbox, `AuditService.recordNow`) and the
 * answer waits for its commit: a read whose event cannot be written fails, and the event for
 * reading a page of the audit log is never in that page (it is chained after it).
 */

/** What a list read records: its filter and range as asked, what it returned and the total. */
export function listedDetails(
  query: { filter?: unknown; range?: unknown },
  rows: ReadonlyArray<{ id: string | number }>,
  total: number | null,
): Record<string, unknown> {
  return {
    filter: query.filter ?? null,
    range: query.range ?? null,
    returned: rows.length,
    total,
    ids: rows.map((row) => String(row.id)),
  };
}

export interface ReadAuditSpec {
  /** `requests.listed`, `request.viewed`... */
  action: string;
  /** The kind of thing read, as the other events about it name it (`request`, `user`...). */
  entity: string;
  /**
   * `page`: the handler answers an array of `{ id }` and has set Content-Range; `one`: the record
   * named by the route's `:id`.
   */
  read: 'page' | 'one';
  /** More to keep, from the answer (a request's reference, the ids of what a report lists). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler answers its own type; a decorator's argument cannot name it
  details?: (answer: any) => Record<string, unknown>;
  /** The record a page is about, when its filter names one (a request's timeline). */
  about?: (filter: Record<string, unknown>) => string | null;
}

const READ_AUDIT = 'audit:read';

@Injectable()
export class ReadAuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<ReadAuditSpec | undefined>(READ_AUDIT, context.getHandler());
    if (!spec) return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<SessionRequest>();
    return next.handle().pipe(
      mergeMap(async (answer: unknown) => {
        await this.audit.recordNow(
          request.user ?? null,
          readEntry(spec, request, http.getResponse<Response>(), answer),
        );
        return answer;
      }),
    );
  }
}

function readEntry(spec: ReadAuditSpec, request: SessionRequest, response: Response, answer: unknown): AuditEntry {
  const extra = spec.details?.(answer) ?? {};
  if (spec.read === 'one') {
    return { action: spec.action, entity: spec.entity, entityId: String(request.params.id), details: extra };
  }
  const query = request.query as { filter?: unknown; range?: unknown };
  // "requests 0-24/319": the total the page told (sendPage has set it by now).
  const range = String(response.getHeader('Content-Range') ?? '');
  const total = range.includes('/') ? Number(range.slice(range.lastIndexOf('/') + 1)) : null;
  return {
    action: spec.action,
    entity: spec.entity,
    entityId: spec.about ? spec.about(parsedFilter(query.filter)) : null,
    details: { ...listedDetails(query, Array.isArray(answer) ? answer : [], total), ...extra },
  };
}

/** The handler has already parsed and validated the filter; this only reads it again. */
function parsedFilter(raw: unknown): Record<string, unknown> {
  if (typeof raw !== 'string') return {};
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Records the read of personal data the handler answers (see above). A handler that throws
 * read nothing and records nothing.
 */
export const AuditRead = (spec: ReadAuditSpec) =>
  applyDecorators(SetMetadata(READ_AUDIT, spec), UseInterceptors(ReadAuditInterceptor));
