/**
 * What the console holds of a calendar connection's OAuth tokens, in the officer's and the
 * subject's words. The calendar-integration notice (section 5) says a revocation invalidates the
 * token at once: the console keeps a revoked connection's tokens, encrypted and unused, only until
 * the next retention sweep deletes them. Never "holds tokens" as if the connection were active.
 */
export type TokenState = 'in_use' | 'held_after_revocation' | 'none';

export interface TokenFacts {
  revokedAt: Date | null;
  holdsTokens: boolean;
}

export function tokenState(c: TokenFacts): TokenState {
  if (!c.holdsTokens) return 'none';
  return c.revokedAt ? 'held_after_revocation' : 'in_use';
}

/**
 * When a revoked connection's tokens go: the next sweep; null when they are not awaiting one.
 * `nextSweep` is asked only for tokens that await it (working it out is not free, and most
 * connections are in use).
 */
export function tokensDeletedAt(state: TokenState, nextSweep: () => Date | null): Date | null {
  return state === 'held_after_revocation' ? nextSweep() : null;
}
