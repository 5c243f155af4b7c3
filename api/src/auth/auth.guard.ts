import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ForbiddenError, UnauthenticatedError } from '../common/errors/domain.error';
import type { Role } from '../users/user.entity';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { INGESTION_KEY, PUBLIC_KEY, ROLES_KEY, SessionRequest } from './access.decorators';
import { AuthService, SESSION_COOKIE } from './auth.service';

/**
 * The one gate for every endpoint: a session (Bearer token or the httpOnly cookie) is required
 * unless the handler is @Public(), and the user's role must be one the handler declares.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<SessionRequest>();
    if (this.reflector.getAllAndOverride<boolean>(INGESTION_KEY, targets)) {
      const presented = request.get('x-api-key');
      const key = presented ? await this.apiKeys.authenticate(presented) : null;
      if (!key)
        throw new UnauthenticatedError(
          presented ? 'The X-Api-Key is not valid or was revoked' : 'Send the ingestion key in the X-Api-Key header',
        );
      request.apiKey = key;
      return true;
    }
    const token = readSessionToken(request);
    const user = token ? await this.auth.resolveSession(token) : null;
    if (!user)
      throw new UnauthenticatedError(token ? 'Your session has expired or was ended: sign in again' : undefined);
    if (isCrossSiteChange(request)) {
      throw new ForbiddenError(
        'A change made with the session cookie must come from the console itself (cross-site request refused)',
      );
    }
    request.user = user;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles) {
      // Deny by default: an endpoint without a declared rule is a mistake, not an open door.
      this.logger.error(`No access rule declared for ${request.method} ${request.path}`);
      throw new ForbiddenError('This endpoint has no access rule');
    }
    if (!roles.includes(user.role)) {
      throw new ForbiddenError(`Your role (${user.role}) may not do this; it needs: ${roles.join(' or ')}`);
    }
    return true;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF, beside the SameSite=Strict cookie: a change authenticated by the cookie alone must say it
 * comes from the console's own pages, by the browser's Sec-Fetch-Site or by the X-Requested-With
 * header that a cross-site form cannot send. A Bearer token is never sent by a browser on its own.
 */
export function isCrossSiteChange(request: Request): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  if (request.headers.authorization?.startsWith('Bearer ')) return false;
  const site = request.get('sec-fetch-site');
  if (site === 'same-origin' || site === 'none') return false;
  return !request.get('x-requested-with');
}

/** The session token: `Authorization: Bearer <token>` or the httpOnly cookie. */
export function readSessionToken(request: Request): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || null;
  const cookie = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
  return cookie || null;
}
