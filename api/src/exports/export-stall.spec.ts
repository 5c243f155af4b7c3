import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { watchStall } from './export-stall';

/** A response whose client takes a chunk every `everyMs` (never, with null). */
function client(everyMs: number | null): Writable {
  return new Writable({
    highWaterMark: 16,
    write(_chunk, _encoding, callback) {
      if (everyMs !== null) setTimeout(callback, everyMs);
    },
  });
}

const feed = (out: Writable, until: () => boolean) => {
  const push = () => {
    while (!until() && out.write(Buffer.alloc(64))) {
      /* fill to the high-water mark */
    }
    if (!until()) out.once('drain', push);
  };
  push();
};

describe('watchStall', () => {
  it('gives up a download whose client stopped reading', async () => {
    const out = client(null);
    let stalled = false;
    watchStall(out, 200, () => (stalled = true));
    feed(out, () => stalled);
    await new Promise((r) => setTimeout(r, 600));
    expect(stalled).toBe(true);
  });

  it('lets a slow client that keeps reading go on, and stops when told', async () => {
    const out = client(60);
    let stalled = false;
    let done = false;
    const stop = watchStall(out, 200, () => (stalled = true));
    feed(out, () => done);
    await new Promise((r) => setTimeout(r, 700));
    done = true;
    stop();
    expect(stalled).toBe(false);
  });
});
