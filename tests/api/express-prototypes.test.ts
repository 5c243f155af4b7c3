import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../support/test-console';

/**
 * The console's HTTP server makes each request and response with Express's prototypes from the
 * start (`api/src/common/express-adapter.ts`): Express changing them on arrival kept every
 * request's objects alive through V8's young collections (docs/performance.md, "Express's
 * prototypes"). Checked as requests arrive, before Express sees them, and the answers unchanged.
 */
describe("the HTTP server: requests made with Express's prototypes", () => {
  let c: TestConsole;
  let token: string;
  const arrived: Array<{ url: string; request: boolean; response: boolean }> = [];

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
    const express: Express = c.running.app.getHttpAdapter().getInstance();
    // Before Express's own listener: what the server made, not what Express has changed.
    c.running.app.getHttpServer().prependListener('request', (req: IncomingMessage, res: ServerResponse) =>
      arrived.push({
        url: req.url ?? '',
        request: Object.getPrototypeOf(req) === express.request,
        response: Object.getPrototypeOf(res) === express.response,
      }),
    );
  });
  afterAll(() => c?.close());

  it('has them on arrival for every kind of request, and Express answers as before', async () => {
    const health = await c.api('/api/health');
    expect(health.status).toBe(200);
    expect(health.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
    const search = await c.api('/api/subjects/search?q=prototypes%40example.org', { token });
    expect(search.status).toBe(200);
    expect(search.body).toMatchObject({ query: 'prototypes@example.org' });
    const missing = await c.api('/api/no-such-thing', { token });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ statusCode: 404 });
    // A body and a cookie: Express's parsers and req.cookies on the request as made.
    const refused = await c.api('/api/auth/login', {
      body: { email: 'nobody@example.org', password: 'not the password' },
      headers: { cookie: 'pc_session=not-a-session' },
    });
    expect(refused.status).toBe(401);

    expect(arrived.map((a) => a.url)).toEqual([
      '/api/health',
      '/api/subjects/search?q=prototypes%40example.org',
      '/api/no-such-thing',
      '/api/auth/login',
    ]);
    expect(arrived.every((a) => a.request && a.response)).toBe(true);
  });
});
