import { describe, expect, it } from 'vitest';
import { SESSION_CACHE_MS, SessionLookups } from './session-cache';

const inAnHour = new Date(Date.now() + 3_600_000);

describe('session lookups kept for a second', () => {
  it('answers a checked session for less than a second, then asks the database again', () => {
    const cache = new SessionLookups<string>();
    cache.store(cache.begin(1_000), 'token-a', 'anna', 'Anna', inAnHour);
    expect(cache.get('token-a', 1_000)).toBe('Anna');
    expect(cache.get('token-a', 1_000 + SESSION_CACHE_MS - 1)).toBe('Anna');
    expect(cache.get('token-a', 1_000 + SESSION_CACHE_MS)).toBeNull();
  });

  it('counts the second from when the database was asked, however long it took to answer', () => {
    const cache = new SessionLookups<string>();
    // Asked at 1,000; a revocation elsewhere at 1,100; answered (before it) and stored at 2,500.
    const slow = cache.begin(1_000);
    cache.store(slow, 'token-a', 'anna', 'Anna', inAnHour);
    expect(cache.get('token-a', 1_000 + SESSION_CACHE_MS - 1)).toBe('Anna');
    expect(cache.get('token-a', 2_500)).toBeNull();
  });

  it('never answers a session past its expiry, even within the second', () => {
    const cache = new SessionLookups<string>();
    cache.store(cache.begin(1_000), 'token-a', 'anna', 'Anna', new Date(1_500));
    expect(cache.get('token-a', 1_499)).toBe('Anna');
    expect(cache.get('token-a', 1_500)).toBeNull();
  });

  it("forgets every session of a changed user, and only that user's", () => {
    const cache = new SessionLookups<string>();
    const now = Date.now();
    cache.store(cache.begin(now), 'token-a', 'anna', 'Anna', inAnHour);
    cache.store(cache.begin(now), 'token-a2', 'anna', 'Anna', inAnHour);
    cache.store(cache.begin(now), 'token-b', 'bruno', 'Bruno', inAnHour);
    cache.forgetUser('anna');
    expect(cache.get('token-a', now)).toBeNull();
    expect(cache.get('token-a2', now)).toBeNull();
    expect(cache.get('token-b', now)).toBe('Bruno');
  });

  it('refuses what a lookup begun before a revocation read, so a slow check cannot undo it', () => {
    const cache = new SessionLookups<string>();
    const now = Date.now();
    const slow = cache.begin(now);
    cache.forgetUser('anna');
    cache.store(slow, 'token-a', 'anna', 'Anna', inAnHour);
    expect(cache.get('token-a', now)).toBeNull();
    // Another user's lookup of the same moment is not affected, and a lookup begun after the change stores.
    cache.store(slow, 'token-b', 'bruno', 'Bruno', inAnHour);
    expect(cache.get('token-b', now)).toBe('Bruno');
    cache.store(cache.begin(now), 'token-a', 'anna', 'Anna again', inAnHour);
    expect(cache.get('token-a', now)).toBe('Anna again');
  });

  it('still refuses a slow lookup after the marks of many changes were dropped', () => {
    const cache = new SessionLookups<string>();
    const now = Date.now();
    const slow = cache.begin(now);
    cache.forgetUser('anna');
    for (let i = 0; i < 1001; i++) cache.forgetUser(`user-${i}`);
    cache.store(slow, 'token-a', 'anna', 'Anna', inAnHour);
    expect(cache.get('token-a', now)).toBeNull();
  });

  it('holds a bounded number of sessions', () => {
    const cache = new SessionLookups<string>(SESSION_CACHE_MS, 3);
    const now = Date.now();
    for (const t of ['1', '2', '3', '4']) cache.store(cache.begin(now), t, t, t, inAnHour);
    expect(['1', '2', '3', '4'].filter((t) => cache.get(t, now) !== null)).toEqual(['4']);
  });
});
