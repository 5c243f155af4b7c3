import { describe, expect, it } from 'vitest';
import { portalCsp, turnstilePassed } from './portal-turnstile';

describe('Turnstile on the portal', () => {
  it('lets its origin into the policy only when configured, never inline script', () => {
    const strict = portalCsp(false);
    expect(strict).not.toContain('script-src');
    expect(strict).not.toContain('challenges.cloudflare.com');
    const widget = portalCsp(true);
    expect(widget).toContain('script-src https://challenges.cloudflare.com');
    expect(widget).toContain('frame-src https://challenges.cloudflare.com');
    expect(widget).not.toContain('unsafe-inline');
    expect(widget).toContain("frame-ancestors 'none'");
  });

  it('fails without a token, with an absurd one, or when the verify URL cannot be reached', async () => {
    const settings = { secret: 's', verifyUrl: 'http://127.0.0.1:9/siteverify' };
    expect(await turnstilePassed(settings, null, null)).toBe(false);
    expect(await turnstilePassed(settings, 'x'.repeat(3000), null)).toBe(false);
    expect(await turnstilePassed(settings, 'token', '203.0.113.1', 2000)).toBe(false);
  });
});
