import { describe, expect, it } from 'vitest';
import { tokenState, tokensDeletedAt } from './calendar-tokens';

describe('calendar tokens (calendar-integration notice, section 5: revocation invalidates the token)', () => {
  const sweep = new Date('2026-12-04T02:00:00Z');
  const nextSweep = () => sweep;
  const notAsked = () => {
    throw new Error('the next sweep was worked out for tokens that do not await it');
  };

  it('a connected calendar’s tokens are in use, with no deletion date', () => {
    expect(tokenState({ revokedAt: null, holdsTokens: true })).toBe('in_use');
    expect(tokensDeletedAt('in_use', notAsked)).toBeNull();
    expect(tokensDeletedAt('none', notAsked)).toBeNull();
  });

  it('a revoked connection still holding tokens says so, and when the sweep deletes them', () => {
    const state = tokenState({ revokedAt: new Date('2026-11-30T10:00:00Z'), holdsTokens: true });
    expect(state).toBe('held_after_revocation');
    expect(tokensDeletedAt(state, nextSweep)).toEqual(sweep);
    expect(tokensDeletedAt(state, () => null)).toBeNull();
  });

  it('no tokens: none held, connected or not', () => {
    expect(tokenState({ revokedAt: new Date(), holdsTokens: false })).toBe('none');
    expect(tokenState({ revokedAt: null, holdsTokens: false })).toBe('none');
  });
});
