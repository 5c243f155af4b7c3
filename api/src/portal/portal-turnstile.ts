/**
 * Cloudflare Turnstile on the portal's forms, optional (TURNSTILE_SITE_KEY, TURNSTILE_SECRET):
 * the page's policy that lets its widget in, and the check of its answer at the verify URL.
 * Without them the portal's own checks (honeypot, rate limits) are the only ones.
 */

/** Where the widget's script and frame come from. */
export const TURNSTILE_ORIGIN = 'https://challenges.cloudflare.com';

/** The form field the widget fills with its token. */
export const TURNSTILE_FIELD = 'cf-turnstile-response';

/**
 * The pages' Content-Security-Policy: no script at all; with Turnstile configured, the widget's
 * script and frame from its origin and nothing else.
 */
export function portalCsp(turnstile: boolean): string {
  const base = [
    "default-src 'none'",
    "style-src 'self'",
    "img-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ];
  if (turnstile)
    base.push(`script-src ${TURNSTILE_ORIGIN}`, `frame-src ${TURNSTILE_ORIGIN}`, `connect-src ${TURNSTILE_ORIGIN}`);
  return base.join('; ');
}

export interface TurnstileSettings {
  secret: string;
  verifyUrl: string;
}

/**
 * Whether the widget's token is good: Cloudflare's siteverify (or the configured URL) says
 * `success: true`. No token, an error, a timeout or an answer that is not JSON: no.
 */
export async function turnstilePassed(
  settings: TurnstileSettings,
  token: string | null,
  ip: string | null,
  timeoutMs = 5000,
): Promise<boolean> {
  // Cloudflare's tokens are at most 2048 characters.
  if (!token || token.length > 2048) return false;
  const body = new URLSearchParams({ secret: settings.secret, response: token });
  if (ip) body.set('remoteip', ip);
  try {
    const response = await fetch(settings.verifyUrl, {
      method: 'POST',
      body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    if (!response.ok) return false;
    const answer: unknown = await response.json();
    return !!answer && typeof answer === 'object' && (answer as { success?: unknown }).success === true;
  } catch {
    return false;
  }
}
