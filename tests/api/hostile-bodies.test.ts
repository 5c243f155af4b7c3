import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_TIMEOUT_MS } from '../../api/src/bootstrap';
import { startTestConsole, type TestConsole } from '../support/test-console';

/**
 * Bodies meant to hold the console up rather than to get in: a JSON body whose parsing and
 * validation cost grows with the square of its size, deep nesting, and a body trickled a byte at
 * a time. Each is refused quickly, and the console keeps answering others meanwhile.
 */
describe('hostile bodies: refused fast, the console answers others meanwhile', () => {
  let c: TestConsole;
  beforeAll(async () => {
    c = await startTestConsole();
  });
  afterAll(() => c?.close());

  /** Sends `body` to the public sign-in while /api/health is asked every 50 ms; the slowest health answer and the hostile answer's time. */
  async function sendWhileWatchingHealth(body: string) {
    let slowestHealth = 0;
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const started = performance.now();
        const res = await fetch(`${c.url}/api/health`);
        await res.arrayBuffer();
        slowestHealth = Math.max(slowestHealth, performance.now() - started);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const started = performance.now();
    const res = await c.api('/api/auth/login', { body, headers: { 'content-type': 'application/json' } });
    const took = performance.now() - started;
    // Watch a little after the answer too, in case the work went on behind it.
    await new Promise((r) => setTimeout(r, 200));
    watching = false;
    await watcher;
    return { res, took, slowestHealth };
  }

  it('answers a sign-in body of 200,000 fields (3.5 MB) with a 413 in well under a second, health staying fast', async () => {
    const body = `{${Array.from({ length: 200_000 }, (_, i) => `"k${i}":"v"`).join(',')},"email":"a@b.c","password":"x"}`;
    expect(body.length).toBeLessThan(5 * 1024 * 1024);
    const { res, took, slowestHealth } = await sendWhileWatchingHealth(body);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ statusCode: 413, message: expect.stringMatching(/more than 1000 fields/) });
    expect(took).toBeLessThan(1_000);
    expect(slowestHealth).toBeLessThan(1_000);
  });

  it('answers 200,000 fields spread over many small objects with a 413 as fast', async () => {
    const body = `{"email":"a@b.c","password":"x","x":[${Array.from({ length: 20_000 }, () => `{${Array.from({ length: 10 }, (_, i) => `"k${i}":0`).join(',')}}`).join(',')}]}`;
    const { res, took, slowestHealth } = await sendWhileWatchingHealth(body);
    expect(res.status).toBe(413);
    expect(res.body.message).toMatch(/more than 100000 fields in all/);
    expect(took).toBeLessThan(1_000);
    expect(slowestHealth).toBeLessThan(1_000);
  });

  it('answers deep nesting (arrays and objects, 100,000 deep) with a 400', async () => {
    for (const body of [
      '['.repeat(100_000) + ']'.repeat(100_000),
      '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000),
      `{"email":${'['.repeat(33)}${']'.repeat(33)},"password":"x"}`,
    ]) {
      const { res, took, slowestHealth } = await sendWhileWatchingHealth(body);
      expect(res.status, body.slice(0, 40)).toBe(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        message: expect.stringMatching(/nests objects and arrays more than 32 deep/),
      });
      expect(took).toBeLessThan(1_000);
      expect(slowestHealth).toBeLessThan(1_000);
    }
  });

  it('still takes an ordinary body', async () => {
    expect((await c.api('/api/auth/login', { body: { email: 'nobody@console.test', password: 'wrong' } })).status).toBe(
      401,
    );
  });

  it(
    `cuts off a body trickled a byte every 5 s after ${REQUEST_TIMEOUT_MS / 1000} s (408, connection closed)`,
    async () => {
      const { port } = new URL(c.url);
      const socket = connect(Number(port), '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
      const started = performance.now();
      const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(performance.now() - started)));
      socket.on('error', () => {});
      await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
      socket.write(
        'POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
      );
      const trickle = setInterval(() => socket.writable && socket.write(' '), 5_000);
      try {
        const after = await Promise.race([
          closed,
          new Promise<number>((r) => setTimeout(() => r(Infinity), REQUEST_TIMEOUT_MS + 15_000)),
        ]);
        expect(after, 'the connection should be closed').toBeLessThan(REQUEST_TIMEOUT_MS + 5_000);
        expect(after).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 1_000);
        expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      } finally {
        clearInterval(trickle);
        socket.destroy();
      }
    },
    REQUEST_TIMEOUT_MS + 30_000,
  );
});
