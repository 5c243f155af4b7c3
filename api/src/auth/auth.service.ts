import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { TooManyAttemptsError, UnauthenticatedError } from '../common/errors/domain.error';
import { APP_CONFIG } from '../config/config.module';
import { preparedQuery, type PreparedStatement } from '../database/prepared-query';
import type { AppConfig } from '../config/config';
import { User, type Role } from '../users/user.entity';
import { LoginThrottle } from './login-throttle.entity';
import { afterFailure, lockedFor, THROTTLE } from './login-throttle';
import { verifyPassword } from './password';
import { SessionCache } from './session-cache';
import { Session } from './session.entity';

export const SESSION_COOKIE = 'pc_session';

export interface AuthenticatedUser {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  sessionId: string;
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly sessions: SessionCache,
  ) {}

  /** Checks the credentials and opens a session; answers the token (shown once) and the user. */
  async login(
    emailInput: string,
    password: string,
    client: ClientInfo,
  ): Promise<{ token: string; user: User; expiresAt: Date }> {
    const email = emailInput.trim().toLowerCase();
    const keys = throttleKeys(email, client.ip);
    const wait = Math.max(
      0,
      ...(await this.dataSource.getRepository(LoginThrottle).find({ where: { key: In(keys.map((k) => k.key)) } })).map(
        (t) => lockedFor(t, new Date()),
      ),
    );
    if (wait > 0) {
      await this.audit.recordNow(null, {
        action: 'auth.login_throttled',
        entity: 'user',
        details: { email, ip: client.ip, retryAfterSeconds: wait },
      });
      throw new TooManyAttemptsError(`Too many failed sign-ins: try again in ${Math.ceil(wait / 60)} minutes`, wait);
    }
    const user = await this.dataSource.getRepository(User).findOne({ where: { email } });
    // Always verify a hash, even for an unknown e-mail, so timing does not reveal accounts.
    const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !passwordOk || !user.active) {
      await this.dataSource.transaction(async (manager) => {
        const locked = await this.countFailure(manager, keys);
        await this.audit.record(manager, null, {
          action: 'auth.login_failed',
          entity: 'user',
          entityId: user?.id ?? null,
          details: {
            email,
            ip: client.ip,
            reason: !user ? 'unknown e-mail' : !passwordOk ? 'wrong password' : 'account disabled',
            locked,
          },
        });
      });
      throw new UnauthenticatedError('Invalid e-mail or password');
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3_600_000);
    await this.dataSource.transaction(async (manager) => {
      const session = await manager.save(Session, {
        tokenHash: hashToken(token),
        userId: user.id,
        expiresAt,
        lastUsedAt: new Date(),
        ip: client.ip,
        userAgent: client.userAgent?.slice(0, 500) ?? null,
      });
      // A success forgives the account's failures; the address keeps its count.
      await manager.delete(LoginThrottle, { key: `email:${email}` });
      user.lastLoginAt = new Date();
      await manager.update(User, user.id, { lastLoginAt: user.lastLoginAt });
      await this.audit.record(manager, user, {
        action: 'auth.login',
        entity: 'session',
        entityId: session.id,
        details: { ip: client.ip, userAgent: session.userAgent },
      });
    });
    return { token, user, expiresAt };
  }

  /** Counts one failure on each key, in the caller's transaction; answers the keys it locked. */
  private async countFailure(manager: EntityManager, keys: Array<{ key: string; limit: number }>): Promise<string[]> {
    const locked: string[] = [];
    const now = new Date();
    for (const { key, limit } of keys) {
      const current = await manager.findOne(LoginThrottle, { where: { key }, lock: { mode: 'pessimistic_write' } });
      const next = afterFailure(current, limit, now);
      if (lockedFor(next, now) > 0 && lockedFor(current, now) === 0) locked.push(key.split(':')[0]);
      await manager.upsert(LoginThrottle, { key, ...next }, ['key']);
    }
    return locked;
  }

  async logout(user: AuthenticatedUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(Session, { id: user.sessionId }, { revokedAt: new Date() });
      await this.audit.record(manager, user, { action: 'auth.logout', entity: 'session', entityId: user.sessionId });
    });
    this.sessions.forgetUser(user.id);
  }

  /** The user behind a token, if the session is open, unexpired and the account active. */
  async resolveSession(token: string): Promise<AuthenticatedUser | null> {
    if (token.length > 200) return null;
    const tokenHash = hashToken(token);
    // Every request of a signed-in officer comes through here: from memory when checked within
    // the second (session-cache.ts), else one prepared statement, no ORM.
    const cached = this.sessions.get(tokenHash);
    if (cached) return cached;
    const lookup = this.sessions.begin();
    const [row] = await preparedQuery<AuthenticatedUser & { stale: boolean; expiresAt: Date }>(
      this.dataSource,
      SESSION_OF_TOKEN,
      [tokenHash],
    );
    if (!row) return null;
    const { stale, expiresAt, ...user } = row;
    // "Last used" for the admin's list of sessions: one write a minute per session, not one per request.
    if (stale) await preparedQuery(this.dataSource, TOUCH_SESSION, [user.sessionId]);
    this.sessions.store(lookup, tokenHash, user.id, user, new Date(expiresAt));
    return user;
  }
}

const SESSION_OF_TOKEN: PreparedStatement = {
  name: 'auth.session-of-token.expiry',
  text: `SELECT u.id, u.email, u.full_name AS "fullName", u.role, s.id AS "sessionId",
                s.expires_at AS "expiresAt",
                (s.last_used_at IS NULL OR s.last_used_at < now() - interval '1 minute') AS stale
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
};

const TOUCH_SESSION: PreparedStatement = {
  name: 'auth.touch-session',
  text: `UPDATE sessions SET last_used_at = now() WHERE id = $1`,
};

function throttleKeys(email: string, ip: string | null): Array<{ key: string; limit: number }> {
  return [
    { key: `email:${email.slice(0, 320)}`, limit: THROTTLE.perAccount },
    ...(ip ? [{ key: `ip:${ip}`, limit: THROTTLE.perAddress }] : []),
  ];
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
