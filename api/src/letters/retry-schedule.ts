/**
 * When a letter the mail server refused is tried again: after LETTER_RETRY_SECONDS, then twice
 * as long after each further failure (at most six hours), until LETTER_MAX_ATTEMPTS; then it
 * waits, failed and shown, for the officer's retry by hand.
 */

/** How long one try may hold a letter before another process may take it (longer than any SMTP timeout). */
export const TRY_LEASE_MS = 5 * 60_000;

const LONGEST_WAIT_MS = 6 * 3600_000;

/** The next try after `attempts` failed ones, or null when no more are scheduled. */
export function nextAttemptAfter(attempts: number, now: Date, retrySeconds: number, maxAttempts: number): Date | null {
  if (attempts >= maxAttempts) return null;
  const wait = Math.min(retrySeconds * 1000 * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS);
  return new Date(now.getTime() + wait);
}
