/**
 * The rules that slow down password guessing, as plain functions. Failed sign-ins are counted
 * per account (e-mail, known or not: a lock must not tell whether an account exists) and per
 * client address, in a sliding window; past the limit the key is locked for a while.
 */
export const THROTTLE = {
  windowMinutes: 15,
  lockMinutes: 15,
  /** Failures per e-mail before it is locked: a person mistyping stays well below. */
  perAccount: 5,
  /** Failures per address: one office behind one IP, many people. */
  perAddress: 30,
} as const;

export interface ThrottleState {
  failures: number;
  windowStart: Date;
  lockedUntil: Date | null;
}

/** The state after one more failure at `now`. */
export function afterFailure(state: ThrottleState | null, limit: number, now: Date): ThrottleState {
  const windowOpen = state && now.getTime() - state.windowStart.getTime() < THROTTLE.windowMinutes * 60_000;
  const failures = windowOpen ? state.failures + 1 : 1;
  const windowStart = windowOpen ? state.windowStart : now;
  const lockedUntil =
    failures >= limit ? new Date(now.getTime() + THROTTLE.lockMinutes * 60_000) : (state?.lockedUntil ?? null);
  return { failures, windowStart, lockedUntil };
}

/** Seconds until the lock ends, or 0 when not locked. */
export function lockedFor(state: Pick<ThrottleState, 'lockedUntil'> | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000));
}
