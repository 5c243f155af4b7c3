import { createHash } from 'node:crypto';
import fc from 'fast-check';
import stableStringify from 'json-stable-stringify';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashedFields, hashEvent, verifyChainSegment, type ChainedFields } from './audit-chain';

function chain(n: number) {
  const events: Array<ChainedFields & { hash: string }> = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const fields: ChainedFields = {
      id: String(i),
      at: new Date(Date.UTC(2026, 10, 22, 10, 0, i)),
      actorId: null,
      actorEmail: 'officer@example.com',
      action: 'user.updated',
      entity: 'user',
      entityId: `u${i}`,
      details: { after: { role: 'officer', n: i }, before: { role: 'auditor' } },
      prevHash,
    };
    const hash = hashEvent(fields);
    events.push({ ...fields, hash });
    prevHash = hash;
  }
  return events;
}

describe('audit hash chain', () => {
  it('hashes the SHA-256 of the fields as json-stable-stringify wrote them, for any event', () => {
    const keys = Object.keys(hashedFields(chain(1)[0]));
    expect(keys).toEqual([...keys].sort());
    const nullable = (text: fc.Arbitrary<string>) => fc.oneof(text, fc.constantFrom(null, undefined));
    const event = fc.record({
      id: fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }).map(String),
      at: fc.date({ noInvalidDate: true }),
      actorId: nullable(fc.uuid()),
      actorEmail: nullable(fc.string({ unit: 'binary' })),
      action: fc.string({ unit: 'binary' }),
      entity: fc.string({ unit: 'binary' }),
      entityId: nullable(fc.string({ unit: 'binary' })),
      details: fc.oneof(fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue()), fc.constant(undefined)),
      prevHash: fc.string({ unit: 'binary' }),
    });
    fc.assert(
      fc.property(event, (e) => {
        const before = stableStringify({
          id: String(e.id),
          at: e.at.toISOString(),
          actorId: e.actorId,
          actorEmail: e.actorEmail,
          action: e.action,
          entity: e.entity,
          entityId: e.entityId,
          details: e.details ?? {},
          prevHash: e.prevHash,
        });
        const expected = createHash('sha256').update(before!).digest('hex');
        expect(hashEvent(e as ChainedFields)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('hashes an event as it always has: the chains already stored keep verifying', () => {
    // Computed with json-stable-stringify 1.3, the canonical form before canonicalJson.
    const event: ChainedFields = {
      id: '41',
      at: new Date(Date.UTC(2026, 11, 4, 9, 30, 0, 123)),
      actorId: '7b0c5a8e-4f59-4c1e-9d7e-3a1f2b6c8d90',
      actorEmail: 'dpo@vimage.it',
      action: 'subject.searched',
      entity: 'subject',
      entityId: null,
      details: {
        query: 'Giulia.Bianchi@example.it',
        understoodAs: 'email',
        requestId: null,
        found: { leads: 2, 'chat-conversations': 1 },
        note: 'città «Roma» \u2028 \u0000',
        n: -0,
        x: [1.5e300, null, true],
      },
      prevHash: 'a'.repeat(64),
    };
    expect(hashEvent(event)).toBe('60749758cb3020571328de30bcdc65d406c443857e161accdf262f9570514c89');
  });

  it('hashes to 64 hex characters, independent of key order in details', () => {
    const [event] = chain(1);
    expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
    const reordered = { ...event, details: { before: { role: 'auditor' }, after: { n: 1, role: 'officer' } } };
    expect(hashEvent(reordered)).toBe(event.hash);
  });

  it('accepts an intact chain and answers its last hash', () => {
    const events = chain(5);
    expect(verifyChainSegment(events, GENESIS_HASH)).toEqual({ broken: null, lastHash: events[4].hash });
  });

  it('finds a changed event', () => {
    const events = chain(5);
    events[2] = { ...events[2], details: { after: { role: 'admin' } } };
    expect(verifyChainSegment(events, GENESIS_HASH).broken).toEqual({ id: '3', reason: 'hash_mismatch' });
  });

  it('finds a removed event at the one after it', () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(verifyChainSegment(events, GENESIS_HASH).broken).toEqual({ id: '3', reason: 'prev_hash_mismatch' });
  });

  it('finds a changed id or time', () => {
    const events = chain(3);
    expect(verifyChainSegment([events[0], { ...events[1], id: '9' }], GENESIS_HASH).broken?.id).toBe('9');
    expect(verifyChainSegment([{ ...events[0], at: new Date(0) }], GENESIS_HASH).broken?.id).toBe('1');
  });

  it('continues from a previous segment', () => {
    const events = chain(6);
    const first = verifyChainSegment(events.slice(0, 3), GENESIS_HASH);
    expect(verifyChainSegment(events.slice(3), first.lastHash).broken).toBeNull();
    expect(verifyChainSegment(events.slice(3), GENESIS_HASH).broken?.id).toBe('4');
  });
});
