import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestConsole, type TestConsole } from '../support/test-console';

describe('health, docs and request ids', () => {
  let c: TestConsole;
  beforeAll(async () => {
    c = await startTestConsole();
  });
  afterAll(() => c?.close());

  it('reports the database as up, without a session', async () => {
    const res = await c.api('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it("answers every response with a request id, reusing the caller's", async () => {
    const generated = await c.api('/api/health');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await c.api('/api/health', { headers: { 'x-request-id': 'trace-42' } });
    expect(echoed.headers.get('x-request-id')).toBe('trace-42');
  });

  it("sends helmet's headers with a strict Content-Security-Policy on every answer", async () => {
    for (const path of ['/api/health', '/api/requests']) {
      const res = await c.api(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).toContain("frame-ancestors 'self'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-powered-by'), path).toBeNull();
    }
  });

  it('lets no answer of the API be cached: Cache-Control no-store, no ETag', async () => {
    const token = await c.login();
    for (const path of ['/api/health', '/api/requests', '/api/leads', '/api/auth/me']) {
      const res = await c.api(path, { token });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toContain('no-store');
      expect(res.headers.get('etag'), path).toBeNull();
    }
  });

  it('marks the session cookie Secure when the console is reached over HTTPS through its proxy', async () => {
    const plain = await c.api('/api/auth/login', { body: ADMIN });
    expect(plain.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
    const https = await c.api('/api/auth/login', { body: ADMIN, headers: { 'x-forwarded-proto': 'https' } });
    expect(https.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });
});
