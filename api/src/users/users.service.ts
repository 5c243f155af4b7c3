import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, MoreThan, QueryFailedError } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service';
import { passwordProblem } from '../auth/password-strength';
import { generatePassword, hashPassword } from '../auth/password';
import { Session } from '../auth/session.entity';
import { returnedRows } from '../common/sql-rows';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/errors/domain.error';
import { ConfigError } from '../config/config';
import type { Page } from '../common/rest/content-range';
import { findPage } from '../common/rest/find-page';
import type { ListQuery } from '../common/rest/list-query';
import type { CreateUserDto } from './dto/create-user.dto';
import type { UpdateUserDto } from './dto/update-user.dto';
import { presentUser, User } from './user.entity';
import { USERS_LIST } from './users.list';
import { SessionCache } from '../auth/session-cache';

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionCache,
  ) {}

  list(query: ListQuery): Promise<Page<User>> {
    return findPage(this.dataSource.getRepository(User), query, USERS_LIST.searchable);
  }

  async get(id: string): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOne({ where: { id } });
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  async create(actor: Actor | null, dto: CreateUserDto): Promise<User> {
    // The first administrator's generated password is strong by construction; a chosen one is checked in ensureFirstAdmin.
    if (actor) refuseWeakPassword(dto.password, dto.email);
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (manager) => {
      const user = await saveUnique(
        manager,
        manager.create(User, {
          email: normaliseEmail(dto.email),
          fullName: dto.fullName.trim(),
          role: dto.role,
          active: true,
          language: dto.language ?? null,
          passwordHash,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'user.created',
        entity: 'user',
        entityId: user.id,
        details: { after: auditedFields(user) },
      });
      return user;
    });
  }

  /**
   * A password change ends every open session of the user (someone who knew the old password may
   * hold one), but the one that made the change when a user changes their own.
   */
  async update(actor: Actor & { sessionId?: string }, id: string, dto: UpdateUserDto): Promise<User> {
    if (dto.password) refuseWeakPassword(dto.password, dto.email ?? (await this.get(id)).email);
    const passwordHash = dto.password ? await hashPassword(dto.password) : null;
    const changed = await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundError('User', id);
      const before = auditedFields(user);
      if (dto.email !== undefined) user.email = normaliseEmail(dto.email);
      if (dto.fullName !== undefined) user.fullName = dto.fullName.trim();
      if (dto.role !== undefined) user.role = dto.role;
      if (dto.active !== undefined) user.active = dto.active;
      if (dto.language !== undefined) user.language = dto.language;
      if (passwordHash) user.passwordHash = passwordHash;
      if (before.role === 'admin' && before.active && (user.role !== 'admin' || !user.active)) {
        await this.assertAnotherActiveAdmin(manager, user.id, 'demote or disable');
      }
      const saved = await saveUnique(manager, user);
      await this.audit.record(manager, actor, {
        action: 'user.updated',
        entity: 'user',
        entityId: id,
        details: { before, after: auditedFields(saved), passwordChanged: passwordHash !== null },
      });
      if (!saved.active || passwordHash) {
        // A disabled account must not keep working through an open session, nor a session opened with the old password.
        const keep = passwordHash && saved.active && actor.id === id ? (actor.sessionId ?? null) : null;
        const rows = returnedRows(
          await manager.query(
            'UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $2 RETURNING id',
            [id, keep],
          ),
        );
        await this.audit.record(manager, actor, {
          action: 'user.sessions_revoked',
          entity: 'user',
          entityId: id,
          details: {
            revoked: rows.length,
            reason: saved.active ? 'password changed' : 'account disabled',
            ...(keep ? { kept: keep } : {}),
          },
        });
      }
      return saved;
    });
    // Its open sessions are checked against the database again from the next request on.
    this.sessions.forgetUser(id);
    return changed;
  }

  /** Ends every open session of a user at once (a lost laptop, a suspicion), and lifts a sign-in lock. */
  async revokeSessions(actor: Actor, id: string): Promise<{ revoked: number }> {
    const changed = await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, { where: { id } });
      if (!user) throw new NotFoundError('User', id);
      const rows = returnedRows(
        await manager.query(
          'UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() RETURNING id',
          [id],
        ),
      );
      await manager.query(`DELETE FROM login_throttles WHERE key = $1`, [`email:${user.email}`]);
      await this.audit.record(manager, actor, {
        action: 'user.sessions_revoked',
        entity: 'user',
        entityId: id,
        details: { revoked: rows.length },
      });
      return { revoked: rows.length };
    });
    // Its open sessions are checked against the database again from the next request on.
    this.sessions.forgetUser(id);
    return changed;
  }

  /** The user's open sessions (neither ended nor expired), most recently used first: never a token or its hash. */
  async listSessions(id: string, current: string | null): Promise<SessionJson[]> {
    await this.get(id);
    const sessions = await this.dataSource.getRepository(Session).find({
      where: { userId: id, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { lastUsedAt: { direction: 'DESC', nulls: 'LAST' }, createdAt: 'DESC' },
    });
    return sessions.map((session) => presentSession(session, current));
  }

  /** Ends one open session of a user (a device they lost, a sign-in they do not recognise). */
  async revokeSession(actor: Actor & { sessionId?: string }, id: string, sessionId: string): Promise<SessionJson> {
    const changed = await this.dataSource.transaction(async (manager) => {
      const session = await manager.findOne(Session, {
        where: { id: sessionId, userId: id, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!session) throw new NotFoundError('Open session', sessionId);
      session.revokedAt = new Date();
      await manager.update(Session, { id: sessionId }, { revokedAt: session.revokedAt });
      await this.audit.record(manager, actor, {
        action: 'user.session_revoked',
        entity: 'user',
        entityId: id,
        details: {
          sessionId,
          createdAt: session.createdAt.toISOString(),
          ip: session.ip,
          userAgent: session.userAgent,
        },
      });
      return presentSession(session, actor.sessionId ?? null);
    });
    // Its open sessions are checked against the database again from the next request on.
    this.sessions.forgetUser(id);
    return changed;
  }

  async remove(actor: Actor, id: string): Promise<User> {
    if (actor.id === id) throw new ConflictError('You cannot delete your own account');
    const changed = await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundError('User', id);
      if (user.role === 'admin' && user.active) await this.assertAnotherActiveAdmin(manager, id, 'delete');
      await manager.delete(User, { id });
      await this.audit.record(manager, actor, {
        action: 'user.deleted',
        entity: 'user',
        entityId: id,
        details: { before: auditedFields(user) },
      });
      return user;
    });
    // Its open sessions are checked against the database again from the next request on.
    this.sessions.forgetUser(id);
    return changed;
  }

  /**
   * On a database without users (the first start), creates the first administrator and
   * answers true. When no password is
   * configured (the embedded demo), one is generated and handed to `announce` exactly once.
   */
  async ensureFirstAdmin(
    email: string | null,
    password: string | null,
    options: { mayGeneratePassword: boolean; announce: (email: string, password: string) => void },
  ): Promise<boolean> {
    const count = await this.dataSource.getRepository(User).count();
    if (count > 0) return false;
    if (!password && !options.mayGeneratePassword) {
      throw new ConfigError(
        'Configuration error: ADMIN_EMAIL and ADMIN_PASSWORD are required to create the first administrator',
      );
    }
    const adminEmail = email ?? 'admin@example.com';
    // ADMIN_PASSWORD is chosen by a person: the same policy as any other password, said as a configuration error.
    const problem = password ? passwordProblem(password, adminEmail) : null;
    if (problem) throw new ConfigError(`Configuration error: ADMIN_PASSWORD ${problem}`);
    const adminPassword = password ?? generatePassword();
    await this.create(null, { email: adminEmail, fullName: 'Administrator', role: 'admin', password: adminPassword });
    if (!password) options.announce(adminEmail, adminPassword);
    return true;
  }

  private async assertAnotherActiveAdmin(manager: EntityManager, exceptId: string, verb: string): Promise<void> {
    const others = await manager
      .getRepository(User)
      .createQueryBuilder('user')
      .where('user.role = :role AND user.active = true AND user.id <> :id', { role: 'admin', id: exceptId })
      .getCount();
    if (others === 0) throw new ConflictError(`You cannot ${verb} the last active administrator`);
  }
}

/** A session as the admin sees it: when and from where, never the token or its hash. */
export interface SessionJson {
  id: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string;
  revokedAt: string | null;
  ip: string | null;
  userAgent: string | null;
  /** The session this answer is sent to. */
  current: boolean;
}

function presentSession(session: Session, current: string | null): SessionJson {
  return {
    id: session.id,
    createdAt: session.createdAt.toISOString(),
    lastUsedAt: session.lastUsedAt?.toISOString() ?? null,
    expiresAt: session.expiresAt.toISOString(),
    revokedAt: session.revokedAt?.toISOString() ?? null,
    ip: session.ip,
    userAgent: session.userAgent,
    current: session.id === current,
  };
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The user's fields as they go into the audit log: never the password hash. */
function auditedFields(user: User) {
  const {
    id: _id,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    lastLoginAt: _lastLoginAt,
    ...fields
  } = presentUser(user);
  return fields;
}

async function saveUnique(manager: EntityManager, user: User): Promise<User> {
  try {
    return await manager.save(User, user);
  } catch (error) {
    if (error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === '23505') {
      throw new ConflictError('Another user already has this e-mail address', {
        email: 'is already used by another user',
      });
    }
    throw error;
  }
}

/** The password policy beyond its length: a refusal is a 400 on the password field. */
function refuseWeakPassword(password: string, email: string): void {
  const problem = passwordProblem(password, email.trim().toLowerCase());
  if (problem) throw new InvalidInputError(`password ${problem}`, { password: problem });
}
