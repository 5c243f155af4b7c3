import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { ApiKey } from '../api-keys/api-key.entity';
import type { Role } from '../users/user.entity';
import type { AuthenticatedUser } from './auth.service';

export const PUBLIC_KEY = 'access:public';
export const ROLES_KEY = 'access:roles';

/** Reachable without a session (login, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * The roles that may call a handler (or every handler of a controller). Every endpoint must
 * declare its rule: the guard refuses an endpoint that has none.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const INGESTION_KEY = 'access:ingestion-key';

/** Called by the website with an `X-Api-Key` header instead of a staff session. */
export const IngestionKey = () => SetMetadata(INGESTION_KEY, true);

export const ANY_ROLE: Role[] = ['admin', 'officer', 'auditor'];
/** Roles that may change data; auditors only read. */
export const STAFF_WRITE: Role[] = ['admin', 'officer'];

export interface SessionRequest extends Request {
  user?: AuthenticatedUser;
  apiKey?: ApiKey;
}

/** The ingestion key of the current request. */
export const CurrentApiKey = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  return ctx.switchToHttp().getRequest<SessionRequest>().apiKey;
});

/** The signed-in user of the current request. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  return ctx.switchToHttp().getRequest<SessionRequest>().user;
});
