import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
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

export const ANY_ROLE: Role[] = ['admin', 'officer', 'auditor'];
/** Roles that may change data; auditors only read. */
export const STAFF_WRITE: Role[] = ['admin', 'officer'];

export interface SessionRequest extends Request {
  user?: AuthenticatedUser;
}

/** The signed-in user of the current request. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  return ctx.switchToHttp().getRequest<SessionRequest>().user;
});
