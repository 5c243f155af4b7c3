import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashEvent, verifyChainSegment, type ChainedFields } from './audit-chain';

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
