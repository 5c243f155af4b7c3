import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, startTestConsole, type TestConsole } from '../support/test-console';
import { postBatch } from '../support/ingest';

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
    '" OR 1=1 --',
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
    fc.dictionary(
      fc.oneof(
        hostileString,
        fc.constantFrom('__proto__', 'toString', 'hasOwnProperty', 'email', 'q', 'id', 'submittedAt'),
      ),
      tie('value'),
      { maxKeys: 4 },
    ),
  ),
})).value;

describe('hostile input: always a 4xx or a 2xx, never a 500, never a change on refusal', () => {
  let c: TestConsole;
  let token: string;
  let key: string;
  const counts = async () =>
    (
      await sql(
        c,
        `SELECT (SELECT count(*) FROM leads)::int AS leads, (SELECT count(*) FROM consent_records)::int AS consents, (SELECT count(*) FROM requests)::int AS requests, (SELECT count(*) FROM subject_identifiers)::int AS identifiers`,
      )
    )[0];

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
    key = (await c.api('/api/api-keys', { token, body: { name: 'Fuzz' } })).body.key;
  });
  afterAll(() => c?.close());

  const jsonOrRaw = fc.oneof(
    hostileValue.map((v) => JSON.stringify(v) ?? 'null'),
    hostileString,
  );

  it('refuses JSON naming the object machinery (__proto__, constructor, toString…) anywhere, as a 400', async () => {
    const lead = { externalId: 'machinery', email: 'machinery@example.it', submittedAt: '2026-11-22T10:14:58Z' };
    const before = await counts();
    for (const body of [
      '{"constructor":{"x":1}}',
      '{"a":{"constructor":"x"}}',
      '{"__proto__":{"admin":true}}',
      '[{"prototype":1}]',
      // Each otherwise a valid lead: class-transformer would drop the field and store the rest.
      ...Object.getOwnPropertyNames(Object.prototype).map((name) => JSON.stringify({ ...lead, [name]: 'x' })),
    ]) {
      const res = await c.api('/api/ingest/leads', {
        body,
        headers: { 'x-api-key': key, 'content-type': 'application/json' },
      });
      expect(res.status, body).toBe(400);
      expect(res.body.message).toMatch(/is not allowed as a field name/);
    }
    expect(await counts()).toEqual(before);
  });

  it('list parameters (filter, sort, range) of sources, requests and registers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('leads', 'requests', 'processors', 'access-logs', 'audit-events'),
        jsonOrRaw,
        jsonOrRaw,
        jsonOrRaw,
        async (resource, filter, sort, range) => {
          const query = new URLSearchParams({ filter, sort, range });
          const res = await c.api(`/api/${resource}?${query.toString()}`, { token });
          // 431: Node refuses a request line over 16 KB before the console sees it.
          expect(
            [200, 400, 431],
            `${resource}?${query.toString().slice(0, 300)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
          ).toContain(res.status);
          if (res.status === 400) expect(res.body).toMatchObject({ statusCode: 400, message: expect.any(String) });
        },
      ),
      { numRuns: RUNS },
    );
  });

  /** Every list of the API: the GET operations of the OpenAPI document that take `sort`. */
  async function everyList(): Promise<string[]> {
    const doc = (await c.api('/api/docs-json', { token })).body as {
      paths: Record<string, { get?: { parameters?: Array<{ name: string; in: string }> } }>;
    };
    return Object.entries(doc.paths)
      .filter(([, ops]) => ops.get?.parameters?.some((p) => p.in === 'query' && p.name === 'sort'))
      .map(([path]) => path);
  }

  /** Names JavaScript's objects answer to without holding them: a field check that follows the prototype chain finds them. */
  const BUILT_IN_NAMES = [
    ...new Set([
      ...Object.getOwnPropertyNames(Object.prototype),
      ...Object.getOwnPropertyNames(Function.prototype),
      ...Object.getOwnPropertyNames(Array.prototype),
      '__proto__',
      'prototype',
    ]),
  ];
  const CONTROL_CHARACTERS = [
    ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
    '\u007f',
    '\u0085',
    '\u2028',
    '\u2029',
    '\ufeff',
  ];
  const fieldName = fc.oneof(
    fc.constantFrom(...BUILT_IN_NAMES),
    fc.constantFrom(...BUILT_IN_NAMES).map((n) => `${n}_gte`),
    fc.constantFrom(...BUILT_IN_NAMES).map((n) => `${n}_lte`),
    fc.constantFrom(...CONTROL_CHARACTERS),
    fc
      .array(fc.constantFrom(...CONTROL_CHARACTERS, 'a', 'q', '_gte'), { minLength: 1, maxLength: 6 })
      .map((parts) => parts.join('')),
  );

  function expectClear400OrOk(res: { status: number; body: any }, what: string) {
    // 431: Node refuses a request line over 16 KB (a 70,000-character value) before the console sees it.
    expect(
      [200, 400, 431],
      `${what.slice(0, 300)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
    ).toContain(res.status);
    if (res.status === 400)
      expect(res.body).toMatchObject({ statusCode: 400, message: expect.stringMatching(/^(sort|filter)/) });
  }

  it('finds the lists in the OpenAPI document (17 when issue 22 was fixed; a new list is fuzzed as it comes)', async () => {
    const lists = await everyList();
    expect(lists.length).toBeGreaterThanOrEqual(17);
    expect(lists).toEqual(
      expect.arrayContaining([
        '/api/requests',
        '/api/leads',
        '/api/audit-events',
        '/api/users',
        '/api/processors',
        '/api/retention/sweeps',
      ]),
    );
  });

  it("sort and filter naming JavaScript's built-in properties, on every list: a 400 naming the field, never a 500", async () => {
    const lists = await everyList();
    for (const list of lists) {
      const queries = BUILT_IN_NAMES.flatMap((name): Array<{ name: string; query: Record<string, string> }> => [
        { name, query: { sort: JSON.stringify([name, 'ASC']) } },
        { name, query: { filter: JSON.stringify({ [name]: 'x' }) } },
      ]);
      // Ten at a time: some 140 requests per list.
      for (let i = 0; i < queries.length; i += 10) {
        await Promise.all(
          queries.slice(i, i + 10).map(async ({ name, query }) => {
            const res = await c.api(`${list}?${new URLSearchParams(query).toString()}`, { token });
            expectClear400OrOk(res, `${list} ${JSON.stringify(query)}`);
            // Named: `unknown field "constructor"`, or `filter.at: ...` where a list has a field of that name (audit events' `at`).
            if (res.status === 400)
              expect(
                [`"${name}`, `filter.${name}`].some((n) => res.body.message.includes(n)),
                `${list} ${JSON.stringify(query)}: ${res.body.message}`,
              ).toBe(true);
          }),
        );
      }
    }
  });

  it('sort and filter keys and values of built-in names and control characters, on every list (fast-check): never a 500', async () => {
    const lists = await everyList();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...lists),
        fc.oneof(
          fc
            .tuple(fieldName, fc.constantFrom('ASC', 'DESC', 'asc', '\u0000'))
            .map((sort) => ({ sort: JSON.stringify(sort) })),
          fc
            .dictionary(
              fc.oneof(fieldName, fc.constant('q')),
              fc.oneof(hostileValue, fc.constantFrom(...CONTROL_CHARACTERS)),
              { minKeys: 1, maxKeys: 3 },
            )
            .map((filter) => ({ filter: JSON.stringify(filter) })),
          fc.constantFrom(...CONTROL_CHARACTERS).map((ch) => ({ filter: JSON.stringify({ q: `a${ch}b` }) })),
        ),
        async (list, query: Record<string, string>) => {
          const res = await c.api(`${list}?${new URLSearchParams(query).toString()}`, { token });
          expectClear400OrOk(res, `${list} ${JSON.stringify(query).slice(0, 200)}`);
        },
      ),
      { numRuns: RUNS * 5 },
    );
  });

  it('a NUL character in the search of every list that has one, written raw or as \\u0000: a 400 naming filter.q', async () => {
    for (const list of await everyList()) {
      for (const filter of ['{"q":"\\u0000"}', '{"q":"a\u0000"}']) {
        const res = await c.api(`${list}?${new URLSearchParams({ filter }).toString()}`, { token });
        expectClear400OrOk(res, `${list} ${filter}`);
        expect(res.status, `${list} ${filter}`).toBe(400);
      }
    }
  });

  it('the subject search with NUL and control characters, zoned IPv6 addresses and random text: a 2xx or a 400, never a 500', async () => {
    for (const q of ['\u0000', 'a\u0000b', 'mario\u0000@example.org']) {
      const res = await c.api(`/api/subjects/search?${new URLSearchParams({ q }).toString()}`, { token });
      expect(res.status, JSON.stringify(q)).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, message: expect.stringMatching(/^q: .*NUL/) });
    }
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          hostileString,
          fc.constantFrom(...CONTROL_CHARACTERS),
          fc.tuple(fc.ipV6(), fc.stringMatching(/^[a-z0-9]{1,8}$/)).map(([ip, zone]) => `${ip}%${zone}`),
          fc.constantFrom('fe80::1%eth0', 'fe80::1%', '::1%1', '1.2.3.4%eth0'),
        ),
        async (q) => {
          const res = await c.api(`/api/subjects/search?${new URLSearchParams({ q }).toString()}`, { token });
          expect(
            [200, 400, 431],
            `${JSON.stringify(q).slice(0, 200)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
          ).toContain(res.status);
          if (res.status === 400) expect(res.body.message).toMatch(/^q: /);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('an access-log line whose IP carries a zone (fe80::1%eth0): a 400 naming ip, nothing stored', async () => {
    const line = { ip: 'fe80::1%eth0', path: '/', method: 'GET', status: 200, at: '2026-11-22T10:00:00Z' };
    const before = (await sql(c, 'SELECT count(*)::int AS n FROM access_logs'))[0].n;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom('fe80::1%eth0', 'fe80::1%1', '::1%lo', '1.2.3.4%eth0'),
          fc.tuple(fc.ipV6(), fc.stringMatching(/^[a-z0-9.]{1,8}$/)).map(([ip, zone]) => `${ip}%${zone}`),
        ),
        async (ip) => {
          const res = await c.api('/api/ingest/access-logs', {
            body: [{ ...line, ip }],
            headers: { 'x-api-key': key },
          });
          expect(res.status, `${ip} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`).toBe(400);
          expect(JSON.stringify(res.body)).toMatch(/ip/);
        },
      ),
      { numRuns: RUNS },
    );
    expect((await sql(c, 'SELECT count(*)::int AS n FROM access_logs'))[0].n).toBe(before);
    expect(
      (await c.api('/api/ingest/access-logs', { body: [{ ...line, ip: 'fe80::1' }], headers: { 'x-api-key': key } }))
        .status,
    ).toBe(200);
  });

  it('a version that is not a whole number never skips the optimistic lock: a 400 naming version, nothing changed', async () => {
    const created = (
      await c.api('/api/requests', {
        token,
        body: { type: 'access', channel: 'email', receivedAt: new Date().toISOString(), description: 'Original' },
      })
    ).body;
    for (const version of [
      'abc',
      String(created.version),
      '',
      null,
      true,
      1.5,
      Number.MAX_VALUE,
      { valueOf: 1 },
      [created.version],
      'NaN',
    ]) {
      const res = await c.api(`/api/requests/${created.id}`, {
        token,
        method: 'PUT',
        body: { description: 'Changed without the lock', version },
      });
      expect(res.status, `version ${JSON.stringify(version)} → ${res.status} ${JSON.stringify(res.body)}`).toBe(400);
      // An object with its own valueOf is refused at parsing, before the lock is read.
      if (version !== null && typeof version === 'object' && !Array.isArray(version))
        expect(res.body.message).toMatch(/"valueOf" is not allowed as a field name/);
      else expect(res.body.errors).toHaveProperty('version');
    }
    expect((await c.api(`/api/requests/${created.id}`, { token })).body).toMatchObject({
      description: 'Original',
      version: created.version,
    });
    // A whole number still works as the lock: a stale one is a 409, the current one applies.
    expect(
      (
        await c.api(`/api/requests/${created.id}`, {
          token,
          method: 'PUT',
          body: { description: 'Stale', version: created.version + 1 },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await c.api(`/api/requests/${created.id}`, {
          token,
          method: 'PUT',
          body: { description: 'Locked change', version: created.version },
        })
      ).status,
    ).toBe(200);
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
          const res = await postBatch(c, key, source, body);
          expect(
            [200, 400, 413],
            `${source} ${JSON.stringify(body)?.slice(0, 300)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
          ).toContain(res.status);
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
      fc.asyncProperty(
        fc.oneof(
          hostileString,
          fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b).toString('latin1')),
        ),
        async (raw) => {
          const before = await counts();
          const res = await c.api('/api/intake/email', {
            token,
            body: raw,
            headers: { 'content-type': 'message/rfc822' },
          });
          expect([201, 400, 413], `→ ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`).toContain(res.status);
          if (res.status !== 201) expect(await counts()).toEqual(before);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('e-mail headers carrying control characters (a NUL in the Message-ID, an RFC 2231 attachment name): never a 500', async () => {
    const controls = fc.constantFrom(
      ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).filter((ch) => ch !== '\n' && ch !== '\r'),
      '\u007f',
    );
    const email = (messageId: string, fileName: string, from: string, subject: string) =>
      [
        `From: ${from}`,
        'To: privacy@vimage.it',
        `Subject: ${subject}`,
        `Message-ID: <${messageId}@example.org>`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Vorrei la cancellazione dei miei dati.',
        '--b1',
        `Content-Type: application/pdf; name*=utf-8''${fileName}`,
        `Content-Disposition: attachment; filename*=utf-8''${fileName}`,
        'Content-Transfer-Encoding: base64',
        '',
        'JVBERi0xLjQK',
        '--b1--',
        '',
      ].join('\r\n');
    const withControl = (text: string) => controls.map((ch) => text.replace('X', ch));
    await fc.assert(
      fc.asyncProperty(
        withControl('id-X-1'),
        fc.oneof(
          withControl('documento-X.pdf'),
          controls.map((ch) => `documento${encodeURIComponent(ch)}.pdf`),
        ),
        withControl('Mario X Rossi <mario.rossi@example.org>'),
        withControl('Richiesta X cancellazione'),
        async (messageId, fileName, from, subject) => {
          const before = await counts();
          const res = await c.api('/api/intake/email', {
            token,
            body: email(messageId, fileName, from, subject),
            headers: { 'content-type': 'message/rfc822' },
          });
          expect([200, 201, 400], `→ ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`).toContain(res.status);
          if (res.status === 400) expect(await counts()).toEqual(before);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('JSON bodies of the workflow and the registers', async () => {
    const target = (
      await c.api('/api/requests', {
        token,
        body: { type: 'access', channel: 'email', receivedAt: new Date().toISOString() },
      })
    ).body.id;
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
          expect(
            res.status,
            `${method} ${path} ${JSON.stringify(body)?.slice(0, 300)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
          ).toBeLessThan(500);
          if (res.status >= 400) expect(await counts()).toEqual(before);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
