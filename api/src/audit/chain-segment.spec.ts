import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashEvent, type ChainedFields } from './audit-chain';
import { checkSegment, VERIFY_BATCH, type StoredEvent } from './chain-segment';

/** A chain of `n` events with ids 1..n, as the console writes it. */
function chain(n: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const fields: ChainedFields = {
      id: String(i),
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      actorId: null,
      actorEmail: 'officer@example.com',
      action: 'record.viewed',
      entity: 'leads',
      entityId: `lead-${i % 7}`,
      details: { n: i },
      prevHash,
    };
    prevHash = hashEvent(fields);
    events.push({ ...fields, hash: prevHash });
  }
  return events;
}

/** The events after `after` up to `upTo`, `limit` at a time, as the verifier's statement reads them. */
const reader = (events: StoredEvent[]) => (after: string, upTo: string, limit: number) =>
  Promise.resolve(events.filter((e) => Number(e.id) > Number(after) && Number(e.id) <= Number(upTo)).slice(0, limit));

describe('a stretch of the audit chain, checked on its own', () => {
  const events = chain(VERIFY_BATCH + 1_200);
  const last = events.at(-1)!;

  it('counts every event of an intact stretch, across batches, and names its ends and the anchor', async () => {
    const whole = await checkSegment(reader(events), '0', last.id, '5100');
    expect(whole).toEqual({
      checked: events.length,
      broken: null,
      first: { id: '1', prevHash: GENESIS_HASH },
      last: { id: last.id, hash: last.hash },
      anchor: { hash: events[5099].hash, index: 5099 },
    });
    // A stretch starting inside the chain leaves its link to the event before it to the caller.
    const second = await checkSegment(reader(events), '3000', last.id, null);
    expect(second.checked).toBe(events.length - 3000);
    expect(second.first).toEqual({ id: '3001', prevHash: events[2999].hash });
  });

  it('stops at a changed event in a later batch, the events before it counted', async () => {
    const changed = events.map((e) => (e.id === '5600' ? { ...e, details: { n: -1 } } : e));
    const result = await checkSegment(reader(changed), '0', last.id, '5700');
    expect(result.broken).toEqual({ id: '5600', reason: 'hash_mismatch' });
    expect(result.checked).toBe(5599);
    // The anchor past the break is not vouched for.
    expect(result.anchor).toBeNull();
    // A removed event: the next one's link no longer matches.
    const removed = events.filter((e) => e.id !== '700');
    const gap = await checkSegment(reader(removed), '0', last.id, null);
    expect(gap.broken).toEqual({ id: '701', reason: 'prev_hash_mismatch' });
    expect(gap.checked).toBe(699);
  });
});
