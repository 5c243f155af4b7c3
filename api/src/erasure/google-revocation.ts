/**
 * Revokes an OAuth token at Google (https://developers.google.com/identity/protocols/oauth2/web-server#tokenrevoke):
 * POST token=... as a form. Google answers 200 when revoked and 400 `invalid_token` when the token
 * is already invalid (expired, revoked by the user): both mean nothing can use it any more.
 */
export interface RevocationOutcome {
  revoked: boolean;
  /** Google's answer when it refused, in words for the request's timeline. */
  error: string | null;
  attempts: number;
}

export async function revokeGoogleToken(
  url: string,
  token: string,
  options: { attempts?: number; backoffMs?: number; timeoutMs?: number } = {},
): Promise<RevocationOutcome> {
  const attempts = options.attempts ?? 3;
  let error = 'not attempted';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token }).toString(),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      const body = await response.text();
      if (response.ok) return { revoked: true, error: null, attempts: attempt };
      if (response.status === 400 && /invalid_token/.test(body))
        return { revoked: true, error: null, attempts: attempt };
      error = `Google answered ${response.status}${body ? `: ${body.slice(0, 200)}` : ''}`;
      // A client error other than an invalid token will not change by asking again.
      if (response.status >= 400 && response.status < 500 && response.status !== 429)
        return { revoked: false, error, attempts: attempt };
    } catch (cause) {
      error = `Google could not be reached: ${(cause as Error).message}`;
    }
    if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, (options.backoffMs ?? 500) * attempt));
  }
  return { revoked: false, error, attempts };
}
