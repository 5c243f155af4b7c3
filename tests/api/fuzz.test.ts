import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, startTestConsole, type TestConsole } from '../support/test-console';

/**
 * Random and hostile input thrown at the parts that read it from outside: list parameters,
 * ingestion, e-mail intake. Whatever arrives, the answer is a 2xx or a clear 4xx JSON error,
 * never a 500, and a refusal changes nothing.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    "'; DROP TABLE leads; --",
    "\" OR 1=1 --",
    'a\u0000b',
    '\u0000',
    '\ud800',
    '\u202e\u0645\u0631\u062d\u0628\u0627',
    '%00',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '${jndi:ldap://x}',
    'Ａｄｍｉｎ＠ｅｘａｍｐｌｅ．ｃｏｍ',
    'x'.repeat(70_000),
    '1e309',
    '-0',
    'NaN',
    '__proto__',
    'constructor',
  ),
);
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom('__proto__', 'email', 'q', 'id', 'submittedAt')), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('hostile input: always a 4xx or a 2xx, never a 500, never a change on refusal', () => {
  let c: TestConsole;
  let token: string;
  let key: string;
  const counts = async () =>
    (await sql(c, `SELECT (SELECT count(*) FROM leads)::int AS leads, (SELECT count(*) FROM consent_records)::int AS consents, (SELECT count(*) FROM requests)::int AS requests, (SELECT count(*) FROM subject_identifiers)::int AS identifiers`))[0];

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
    key = (await c.api('/api/api-keys', { token, body: { name: 'Fuzz' } })).body.key;
  });
  afterAll(() => c?.close());

  const jsonOrRaw = fc.oneof(hostileValue.map((v) => JSON.stringify(v) ?? 'null'), hostileString);

  it('refuses JSON naming the object machinery (__proto__, constructor, prototype) anywhere, as a 400', async () => {
    for (const body of ['{"constructor":{"x":1}}', '{"a":{"constructor":"x"}}', '{"__proto__":{"admin":true}}', '[{"prototype":1}]']) {
      const res = await c.api('/api/ingest/leads', { body, headers: { 'x-api-key': key, 'content-type': 'application/json' } });
      expect(res.status, body).toBe(400);
      expect(res.body.message).toMatch(/is not allowed as a field name/);
    }
  });

  it('list parameters (filter, sort, range) of sources, requests and registers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('leads', 'requests', 'processors', 'access-logs', 'audit-events'), jsonOrRaw, jsonOrRaw, jsonOrRaw, async (resource, filter, sort, range) => {
        const query = new URLSearchParams({ filter, sort, range });
        const res = await c.api(`/api/${resource}?${query}`, { token });
        // 431: Node refuses a request line over 16 KB before the console sees it.
        expect([200, 400, 431], `${resource}?${query.toString().slice(0, 300)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`).toContain(res.status);
        if (res.status === 400) expect(res.body).toMatchObject({ statusCode: 400, message: expect.any(String) });
      }),
      { numRuns: RUNS },
    );
  });

  it('ingestion batches of leads and consents', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('leads', 'consents', 'chat-conversations', 'calendar-events'),
        fc.oneof(
          hostileValue,
          fc.array(hostileValue, { maxLength: 3 }),
          // Nearly valid records with one hostile field: the likeliest attack.
          fc.record({
            email: fc.oneof(hostileString, fc.constant('fuzz@example.org')),
            firstName: hostileValue,
            message: hostileString,
            phone: hostileString,
            submittedAt: fc.oneof(hostileString, fc.constant('2026-11-01T10:00:00Z')),
          }),
        ),
        async (source, body) => {
          const before = await counts();
          const res = await c.api(`/api/ingest/${source}`, { body, headers: { 'x-api-key': key } });
          expect([200, 400, 413], `${source} ${JSON.stringify(body)?.slice(0, 300)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`).toContain(res.status);
          if (res.status !== 200) {
            expect(res.body).toMatchObject({ statusCode: res.status, message: expect.any(String) });
            expect(await counts()).toEqual(before);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('e-mail intake of arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b).toString('latin1'))), async (raw) => {
        const before = await counts();
        const res = await c.api('/api/intake/email', { token, body: raw, headers: { 'content-type': 'message/rfc822' } });
        expect([201, 400, 413], `→ ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`).toContain(res.status);
        if (res.status !== 201) expect(await counts()).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('JSON bodies of the workflow and the registers', async () => {
    const target = (await c.api('/api/requests', { token, body: { type: 'access', channel: 'email', receivedAt: new Date().toISOString() } })).body.id;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          ['POST', '/api/requests'],
          ['PUT', `/api/requests/${target}`],
          ['POST', `/api/requests/${target}/extend`],
          ['POST', `/api/requests/${target}/rectify`],
          ['POST', '/api/processors'],
          ['POST', '/api/users'],
        ),
        hostileValue,
        async ([method, path], body) => {
          const before = await counts();
          const res = await c.api(path, { token, method, body: body ?? {} });
          expect(res.status, `${method} ${path} ${JSON.stringify(body)?.slice(0, 300)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`).toBeLessThan(500);
          if (res.status >= 400) expect(await counts()).toEqual(before);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
