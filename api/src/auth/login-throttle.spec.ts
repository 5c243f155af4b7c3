import { describe, expect, it } from 'vitest';
import { afterFailure, lockedFor, THROTTLE } from './login-throttle';
import { passwordProblem } from './password-strength';

describe('login throttle', () => {
  const t0 = new Date('2026-11-23T10:00:00Z');
  const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

  it('locks at the limit within the window, for the lock time', () => {
    let state = null;
    for (let i = 0; i < THROTTLE.perAccount - 1; i++) state = afterFailure(state, THROTTLE.perAccount, at(i));
    expect(lockedFor(state, at(4))).toBe(0);
    state = afterFailure(state, THROTTLE.perAccount, at(4));
    expect(lockedFor(state, at(4))).toBe(THROTTLE.lockMinutes * 60);
    expect(lockedFor(state, at(4 + THROTTLE.lockMinutes))).toBe(0);
  });

  it('starts counting again once the window has passed', () => {
    let state = afterFailure(null, 5, t0);
    for (let i = 1; i < 4; i++) state = afterFailure(state, 5, at(i));
    state = afterFailure(state, 5, at(THROTTLE.windowMinutes + 1));
    expect(state.failures).toBe(1);
    expect(lockedFor(state, at(THROTTLE.windowMinutes + 1))).toBe(0);
  });

  it('refuses common, guessable, repetitive and e-mail-based passwords, with the reason in words', () => {
    expect(passwordProblem('Password1234', 'a@b.it')).toMatch(
      /^is too easy to guess \(this is similar to a commonly used password\)/,
    );
    expect(passwordProblem('Password123!', 'a@b.it')).toMatch(
      /^is too easy to guess \(this is similar to a commonly used password\): choose a longer passphrase/,
    );
    expect(passwordProblem('abcdeabcdeab', 'a@b.it')).toMatch(/^is too easy to guess \(repeated character patterns/);
    expect(passwordProblem('qwertyuiop12', 'a@b.it')).toMatch(/too easy to guess/);
    expect(passwordProblem('x'.repeat(300), 'a@b.it')).toBe('must be at most 256 characters');
    expect(passwordProblem('aaaaaaaaaaaaaaa', 'a@b.it')).toMatch(/5 different/);
    expect(passwordProblem('giulia.rossi-2026!', 'giulia.rossi@example.it')).toMatch(/e-mail/);
    expect(passwordProblem('correct horse battery staple', 'giulia.rossi@example.it')).toBeNull();
  });
});
