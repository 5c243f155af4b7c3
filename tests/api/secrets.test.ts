import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runConsole, type ConsoleProcess } from '../support/process';
import { createTestDatabase, dropTestDatabase } from '../support/test-console';
import { readZip } from '../support/zip';
import { freePort } from '../support/free-port';

const ADMIN_PASSWORD = 'a very secret operator passphrase';
const ACCESS_TOKEN = 'ya29.ACCESS-TOKEN-MUST-NOT-LEAK';
const REFRESH_TOKEN = '1//REFRESH-TOKEN-MUST-NOT-LEAK';
const ENCRYPTION_KEY = 'e1'.repeat(32);
/** What an officer types into searches and list filters: never in a log line (issue 22). */
const SEARCHED_EMAIL = 'searched.person@example.net';
const SEARCHED_PHONE = '+39 347 765 4321';

/**
 * A full run of the real process at the most talkative log level: sign-in, an API key, tokens
 * ingested, searches and list filters with an e-mail and a phone, an export, an erasure that
 * revokes the token. Then the logs, every answer and the ZIP are searched for each secret: none
 * may appear; nor may the searched e-mail and phone appear in the logs.
 */
describe.skipIf(process.env.TEST_DATABASE === 'embedded')('secrets never in logs, answers or exports', () => {
  let proc: ConsoleProcess;
  let url: string;
  let base: string;
  const answers: string[] = [];
  const secrets: Record<string, string> = { ADMIN_PASSWORD, ACCESS_TOKEN, REFRESH_TOKEN, ENCRYPTION_KEY };
  const google = createHttpServer((req, res) => req.resume().on('end', () => res.writeHead(200).end()));

  const call = async (path: string, init: { method?: string; token?: string; key?: string; body?: unknown } = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.key) headers['x-api-key'] = init.key;
    const res = await fetch(`${base}${path}`, {
      method: init.method ?? (init.body ? 'POST' : 'GET'),
      headers,
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    const text = await res.text();
    answers.push(text);
    return { status: res.status, json: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text };
  };

  beforeAll(async () => {
    assertBuilt();
    await new Promise<void>((resolve) => google.listen(0, '127.0.0.1', resolve));
    url = await createTestDatabase();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    proc = runConsole({
      DATABASE_URL: url,
      PORT: String(port),
      ENCRYPTION_KEY,
      ADMIN_EMAIL: 'admin@console.test',
      ADMIN_PASSWORD,
      LOG_LEVEL: 'trace',
      ADMIN_DIR: 'none',
      GOOGLE_OAUTH_REVOKE_URL: `http://127.0.0.1:${(google.address() as AddressInfo).port}/revoke`,
    });
    await proc.waitFor(/Privacy console ready/);
  });
  afterAll(async () => {
    proc?.child.kill('SIGTERM');
    await proc?.exited;
    if (url) await dropTestDatabase(url);
    google.close();
  });

  it('keeps every secret out of the logs of a full run, out of every answer and out of the ZIP', async () => {
    const login = await call('/api/auth/login', { body: { email: 'admin@console.test', password: ADMIN_PASSWORD } });
    expect(login.status).toBe(200);
    const token = login.json.token as string;
    secrets.SESSION_TOKEN = token;
    answers.pop(); // the sign-in answers the session token, once
    const failed = await call('/api/auth/login', {
      body: { email: 'admin@console.test', password: `${ADMIN_PASSWORD} but wrong` },
    });
    expect(failed.status).toBe(401);
    secrets.WRONG_PASSWORD = `${ADMIN_PASSWORD} but wrong`;
    const key = (await call('/api/api-keys', { token, body: { name: 'Website' } })).json.key as string;
    secrets.API_KEY = key;
    answers.pop(); // the one answer that must show the key, once

    expect(
      (
        await call('/api/ingest/calendar-connections', {
          key,
          body: {
            accountEmail: 'giulia@example.org',
            accessToken: ACCESS_TOKEN,
            refreshToken: REFRESH_TOKEN,
            scopes: ['calendar'],
            connectedAt: '2026-10-06T08:00:00Z',
          },
        })
      ).status,
    ).toBe(200);
    // A malformed batch: the error must not echo the token either.
    expect(
      (
        await call('/api/ingest/calendar-connections', {
          key,
          body: { accountEmail: 'not an e-mail', accessToken: ACCESS_TOKEN, scopes: 'x' },
        })
      ).status,
    ).toBe(400);
    await call('/api/ingest/leads', {
      key,
      body: { email: 'giulia@example.org', firstName: 'Giulia', submittedAt: '2026-10-06T08:00:00Z' },
    });
    await call('/api/subjects/search?q=giulia@example.org', { token });
    await call('/api/calendar-connections', { token });
    // Searches and list filters with an e-mail and a phone, as the UI sends them (and as typed by hand).
    const filter = (value: unknown) => encodeURIComponent(JSON.stringify(value));
    await call(`/api/subjects/search?q=${encodeURIComponent(SEARCHED_EMAIL)}`, { token });
    await call(`/api/subjects/search?q=${encodeURIComponent(SEARCHED_PHONE)}`, { token });
    await call(`/api/subjects/search?q=${SEARCHED_EMAIL}`, { token });
    await call(`/api/leads?filter=${filter({ q: SEARCHED_EMAIL })}&range=[0,24]&sort=["id","ASC"]`, { token });
    await call(`/api/leads?filter=${filter({ q: SEARCHED_PHONE })}`, { token });
    await call(`/api/requests?filter=${filter({ q: SEARCHED_EMAIL })}`, { token });
    await call(`/api/chat-conversations?filter=${filter({ q: SEARCHED_PHONE })}`, { token });
    await call(`/api/users?filter=${filter({ q: SEARCHED_EMAIL })}`, { token });
    await call(`/api/leads?filter=${filter({ email: SEARCHED_EMAIL })}`, { token }); // a filter the list refuses: 400, logged too

    const access = (
      await call('/api/requests', {
        token,
        body: {
          type: 'access',
          channel: 'email',
          receivedAt: new Date().toISOString(),
          subjectEmail: 'giulia@example.org',
        },
      })
    ).json;
    await call(`/api/requests/${access.id}/verify`, { token, body: { method: 'email_from_known_address' } });
    const zip = Buffer.from(
      await (
        await fetch(`${base}/api/requests/${access.id}/export.zip?kind=access`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).arrayBuffer(),
    );
    const files = await readZip(zip);
    expect([...files.keys()].some((name) => name.startsWith('data/calendar-connections'))).toBe(true);
    answers.push(...[...files.values()].map((content) => content.toString('utf8')));

    const erasure = (
      await call('/api/requests', {
        token,
        body: {
          type: 'erasure',
          channel: 'email',
          receivedAt: new Date().toISOString(),
          subjectEmail: 'giulia@example.org',
        },
      })
    ).json;
    await call(`/api/requests/${erasure.id}/verify`, { token, body: { method: 'email_from_known_address' } });
    expect((await call(`/api/requests/${erasure.id}/erase`, { token, body: {} })).json.state).toBe('complete');
    await call('/api/audit-events?range=[0,999]', { token });
    await call('/api/docs-json', { token });

    const logs = proc.stdout() + proc.stderr();
    expect(logs.length).toBeGreaterThan(1000); // trace level did log the run
    expect(logs).toMatch(/api\/ingest\/calendar-connections/);
    // The e-mail and the phone in every form a URL or a log line could carry them.
    const digits = SEARCHED_PHONE.replace(/\D/g, '');
    for (const form of [
      SEARCHED_EMAIL,
      encodeURIComponent(SEARCHED_EMAIL),
      'searched.person',
      encodeURIComponent(SEARCHED_PHONE),
      encodeURIComponent(JSON.stringify(SEARCHED_PHONE)),
      '765 4321',
      '7654321',
      digits,
      digits.slice(2),
    ]) {
      expect(logs.includes(form), `${form} in the logs`).toBe(false);
    }
    // Giulia was searched for by e-mail, then erased: her address is in no log line either.
    expect(logs.includes('giulia@example.org'), 'the erased person in the logs').toBe(false);
    expect(logs).toMatch(/api\/subjects\/search\?q=\[redacted\]/); // the searches were logged, without what was searched
    expect(logs).toMatch(/api\/leads\?filter=\[redacted\]&range=\[0,24\]/);
    for (const [name, secret] of Object.entries(secrets)) {
      expect(logs.includes(secret), `${name} in the logs`).toBe(false);
      for (const answer of answers) expect(answer.includes(secret), `${name} in an answer or the ZIP`).toBe(false);
    }
  });
});
