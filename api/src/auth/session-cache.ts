import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from './auth.service';

/**
 * How long a session check answered by the database is trusted without asking again, counted
 * from when the database was asked. A change made by this console (sign-out, a revocation, a
 * disabled account, a new role) is forgotten at once (`forgetUser`); one made elsewhere
 * (another process, psql) waits at most this long.
 */
export const SESSION_CACHE_MS = 1000;

/** A lookup under way: the generation it began in, and when (`begin`). */
export interface Lookup {
  generation: number;
  askedAt: number;
}

interface Cached<U> {
  user: U;
  userId: string;
  expiresAt: number;
  checkedAt: number;
}

/**
 * The sessions checked in the last second, by token hash: every request of a signed-in officer
 * is authenticated, and asking the database each time was one round trip of every answer.
 * A lookup that began before a change to its user may not store what it read (`begin`/`store`),
 * so a revocation is never undone by a slower concurrent check.
 */
export class SessionLookups<U> {
  private readonly byToken = new Map<string, Cached<U>>();
  private generation = 0;
  private readonly changedAt = new Map<string, number>();
  /** Lookups begun before this generation may not store (their user's mark may have been dropped). */
  private floor = 0;

  constructor(
    private readonly ttlMs = SESSION_CACHE_MS,
    private readonly maxEntries = 10_000,
  ) {}

  /** The session's user if checked less than `ttlMs` ago and not expired since. */
  get(tokenHash: string, now = Date.now()): U | null {
    const hit = this.byToken.get(tokenHash);
    if (!hit) return null;
    if (now - hit.checkedAt >= this.ttlMs || now >= hit.expiresAt) {
      this.byToken.delete(tokenHash);
      return null;
    }
    return hit.user;
  }

  /** Call just before asking the database; hand the answer to `store`. */
  begin(now = Date.now()): Lookup {
    return { generation: this.generation, askedAt: now };
  }

  /**
   * Keeps what the database answered, unless the user changed since the lookup began. Trusted
   * from when it was asked, not answered: a revocation committed elsewhere while a slow lookup
   * waited (a busy pool, a once-a-minute touch) is seen within the second all the same.
   */
  store(lookup: Lookup, tokenHash: string, userId: string, user: U, expiresAt: Date): void {
    const { generation, askedAt } = lookup;
    if (generation < this.floor || (this.changedAt.get(userId) ?? -1) > generation) return;
    if (this.byToken.size >= this.maxEntries) this.byToken.clear();
    this.byToken.set(tokenHash, { user, userId, expiresAt: expiresAt.getTime(), checkedAt: askedAt });
  }

  /** After a change to a user or their sessions has been committed. */
  forgetUser(userId: string): void {
    this.changedAt.set(userId, ++this.generation);
    for (const [token, cached] of this.byToken) if (cached.userId === userId) this.byToken.delete(token);
    // The marks only matter to lookups begun before them, which the floor now refuses.
    if (this.changedAt.size > 1000) {
      this.changedAt.clear();
      this.floor = this.generation;
    }
  }
}

/** The console's one cache of session checks, shared by the guard and every place that changes a session. */
@Injectable()
export class SessionCache extends SessionLookups<AuthenticatedUser> {}
