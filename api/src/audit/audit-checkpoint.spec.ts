import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkpointProblem,
  checkpointSignedBy,
  deriveAuditKey,
  emptyChainCheckpoint,
  keyIdOf,
  nextCheckpoint,
  parseCheckpoint,
  resignCheckpoint,
  signCheckpoint,
  type Checkpoint,
} from './audit-checkpoint';

const key = randomBytes(32);
const otherKey = randomBytes(32);
const h = (n: number) => n.toString(16).padStart(64, '0');
const at = new Date('2026-12-02T10:00:00Z');

function chainOf(n: number, k = key): { checkpoint: Checkpoint; events: Array<{ id: string; hash: string }> } {
  let checkpoint = emptyChainCheckpoint(k, at);
  const events: Array<{ id: string; hash: string }> = [];
  for (let i = 1; i <= n; i++) {
    const tail = events.at(-1) ?? null;
    const appended = [{ id: String(i), hash: h(i) }];
    checkpoint = nextCheckpoint(k, checkpoint, tail, appended, at);
    events.push(...appended);
  }
  return { checkpoint, events };
}

describe('the signed checkpoint of the audit chain', () => {
  it('derives a 32-byte audit key from the encryption key, different from it and stable', () => {
    const encryption = randomBytes(32);
    expect(deriveAuditKey(encryption)).toHaveLength(32);
    expect(deriveAuditKey(encryption).equals(encryption)).toBe(false);
    expect(deriveAuditKey(encryption).equals(deriveAuditKey(Buffer.from(encryption)))).toBe(true);
    expect(keyIdOf(key)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(key)).not.toBe(keyIdOf(otherKey));
  });

  it('follows the chain: count, last id and hash, intact while every append finds its predecessor', () => {
    const { checkpoint, events } = chainOf(5);
    expect(checkpoint).toMatchObject({ lastId: '5', lastHash: h(5), count: 5, intact: true, brokenReason: null });
    expect(checkpointSignedBy(key, checkpoint)).toBe(true);
    expect(checkpointProblem(key, checkpoint, events.at(-1)!)).toBeNull();
  });

  it('does not verify under another key, nor once any signed field is changed', () => {
    const { checkpoint } = chainOf(3);
    expect(checkpointSignedBy(otherKey, checkpoint)).toBe(false);
    const fields: Array<Partial<Checkpoint>> = [
      { chainId: '0'.repeat(32) },
      { lastId: '2' },
      { lastHash: h(2) },
      { count: 2 },
      { at: '2026-12-02T10:00:01.000Z' },
      { intact: false },
      { brokenReason: 'tail_cut' },
      { brokenAfterId: '1' },
      { mac: '0'.repeat(64) },
      { mac: 'not hex' },
      { keyId: keyIdOf(otherKey) },
    ];
    for (const change of fields)
      expect(checkpointSignedBy(key, { ...checkpoint, ...change }), JSON.stringify(change)).toBe(false);
  });

  it('tells a cut tail, events added without a checkpoint, a missing or forged checkpoint', () => {
    const { checkpoint, events } = chainOf(5);
    expect(checkpointProblem(key, checkpoint, events[2])).toBe('tail_cut');
    expect(checkpointProblem(key, checkpoint, null)).toBe('tail_cut');
    expect(checkpointProblem(key, checkpoint, { id: '5', hash: h(99) })).toBe('chain_rewritten');
    expect(checkpointProblem(key, checkpoint, { id: '6', hash: h(6) })).toBe('events_without_checkpoint');
    expect(checkpointProblem(key, null, events[4])).toBe('checkpoint_missing');
    expect(checkpointProblem(otherKey, checkpoint, events[4])).toBe('checkpoint_forged');
  });

  it('carries a break forward instead of healing it with the next append', () => {
    const { checkpoint, events } = chainOf(5);
    // Someone cut events 4 and 5 and the console appended after event 3.
    const after = nextCheckpoint(key, checkpoint, events[2], [{ id: '6', hash: h(6) }], at);
    expect(checkpointSignedBy(key, after)).toBe(true);
    expect(after).toMatchObject({ intact: false, brokenReason: 'tail_cut', brokenAfterId: '3' });
    const later = nextCheckpoint(key, after, { id: '6', hash: h(6) }, [{ id: '7', hash: h(7) }], at);
    expect(later).toMatchObject({ intact: false, brokenReason: 'tail_cut', brokenAfterId: '3', count: 7 });
    // A checkpoint deleted from the table: the next one says so.
    expect(nextCheckpoint(key, null, events[4], [{ id: '6', hash: h(6) }], at)).toMatchObject({
      intact: false,
      brokenReason: 'checkpoint_missing',
      brokenAfterId: '5',
    });
    // A forged one (signed with a key the console does not have).
    const forged = chainOf(5, otherKey).checkpoint;
    expect(nextCheckpoint(key, forged, events[4], [{ id: '6', hash: h(6) }], at)).toMatchObject({
      intact: false,
      brokenReason: 'checkpoint_forged',
    });
  });

  it('moves to a new key on rotation, and never launders one the old key did not sign', () => {
    const { checkpoint } = chainOf(4);
    const moved = resignCheckpoint(JSON.parse(JSON.stringify(checkpoint)), key, otherKey);
    expect(checkpointSignedBy(otherKey, moved)).toBe(true);
    expect(moved).toMatchObject({ lastId: '4', count: 4, intact: true });
    const forged = resignCheckpoint({ ...checkpoint, count: 3 }, key, otherKey);
    expect(checkpointSignedBy(otherKey, forged)).toBe(true);
    expect(forged).toMatchObject({ intact: false, brokenReason: 'checkpoint_forged' });
  });

  it('reads back only well-formed checkpoints from JSON (hostile input never throws)', () => {
    const { checkpoint } = chainOf(2);
    expect(parseCheckpoint(JSON.parse(JSON.stringify(checkpoint)))).toEqual(checkpoint);
    for (const bad of [
      null,
      1,
      'x',
      [],
      {},
      { ...checkpoint, count: '2' },
      { ...checkpoint, lastId: '1e3' },
      { ...checkpoint, intact: 'yes' },
    ]) {
      expect(parseCheckpoint(bad)).toBeNull();
    }
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const parsed = parseCheckpoint(value);
        if (parsed) expect(typeof parsed.lastId).toBe('string');
      }),
    );
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(
            'chainId',
            'lastId',
            'lastHash',
            'count',
            'at',
            'intact',
            'keyId',
            'mac',
            '__proto__',
            'constructor',
          ),
          fc.anything(),
        ),
        (value) => {
          const parsed = parseCheckpoint({ ...checkpoint, ...value });
          if (parsed)
            expect(checkpointSignedBy(key, parsed)).toBe(JSON.stringify(parsed) === JSON.stringify(checkpoint));
        },
      ),
    );
  });

  it('keeps its chain id from append to append, and draws a new one per chain', () => {
    const a = chainOf(3).checkpoint;
    const b = chainOf(3).checkpoint;
    expect(a.chainId).toMatch(/^[0-9a-f]{32}$/);
    expect(a.chainId).not.toBe(b.chainId);
    expect(nextCheckpoint(key, a, { id: '3', hash: h(3) }, [{ id: '4', hash: h(4) }], at).chainId).toBe(a.chainId);
    expect(resignCheckpoint(a, key, otherKey).chainId).toBe(a.chainId);
  });

  it('signs exactly what the fields say', () => {
    const fields = {
      chainId: '7b0c6a643f5e4a529a0e0f6e2c1d9b11',
      lastId: '9',
      lastHash: h(9),
      count: 9,
      at: at.toISOString(),
      intact: true,
      brokenReason: null,
      brokenAfterId: null,
    };
    expect(signCheckpoint(key, fields).mac).toBe(signCheckpoint(key, { ...fields }).mac);
    expect(signCheckpoint(key, fields).mac).not.toBe(signCheckpoint(key, { ...fields, count: 8 }).mac);
  });
});
