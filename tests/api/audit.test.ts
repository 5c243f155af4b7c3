import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';

describe('audit log: append-only hash chain', () => {
  let c: TestConsole;
  let token: string;

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
    for (let i = 0; i < 5; i++) {
      await c.api('/api/users', {
        token,
        body: { email: uniqueEmail('chain'), fullName: `Chain ${i}`, role: 'auditor', password: 'chain password 1' },
      });
    }
  });
  afterAll(() => c?.close());

  it('keeps one event per read and an intact chain when many reads arrive at once (the audit inbox)', async () => {
    const before = (await sql(c, `SELECT count(*)::int AS n FROM audit_events WHERE action = 'subject.searched'`))[0]
      .n as number;
    const queries = Array.from({ length: 60 }, (_, i) => `person${i}@example.org`);
    const answers = await Promise.all(
      queries.map((q) => c.api(`/api/subjects/search?q=${encodeURIComponent(q)}`, { token })),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const logged = await sql(
      c,
      `SELECT details->>'query' AS q FROM audit_events WHERE action = 'subject.searched' ORDER BY id`,
    );
    expect(logged.length - before).toBe(60);
    expect(new Set(logged.map((r) => r.q))).toEqual(new Set([...queries, ...logged.slice(0, before).map((r) => r.q)]));
    expect((await c.api('/api/audit/verify', { token })).body).toMatchObject({ valid: true });
  });

  it('links every event to the one before it, and verifies intact', async () => {
    const events = (await c.api('/api/audit-events?sort=["id","ASC"]&range=[0,999]', { token })).body;
    expect(events.length).toBeGreaterThanOrEqual(7);
    expect(events[0].prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < events.length; i++) expect(events[i].prevHash).toBe(events[i - 1].hash);
    const verify = await c.api('/api/audit/verify', { token });
    expect(verify.status).toBe(200);
    // One more than the page: the read of the log itself, appended after the page (audit-events.listed).
    expect(verify.body).toMatchObject({
      valid: true,
      checked: events.length + 1,
      firstBrokenId: null,
      reason: null,
      message: null,
    });
    const [latest] = (await c.api('/api/audit-events?range=[0,0]', { token })).body;
    expect(latest).toMatchObject({
      action: 'audit-events.listed',
      prevHash: events[events.length - 1].hash,
      details: { ids: events.map((e: { id: string }) => e.id) },
    });
  });

  it('is a read-only resource: no create, update or delete', async () => {
    const [event] = (await c.api('/api/audit-events?range=[0,0]', { token })).body;
    expect((await c.api(`/api/audit-events/${event.id}`, { token })).body).toEqual(event);
    for (const [method, path] of [
      ['POST', '/api/audit-events'],
      ['PUT', `/api/audit-events/${event.id}`],
      ['DELETE', `/api/audit-events/${event.id}`],
    ]) {
      const res = await c.api(path, { token, method, body: method === 'DELETE' ? undefined : { action: 'forged' } });
      expect(res.status).toBe(404);
    }
    expect((await c.api('/api/audit-events/abc', { token })).status).toBe(400);
    expect((await c.api('/api/audit-events/999999999', { token })).status).toBe(404);
  });

  it('refuses UPDATE and DELETE in the database itself', async () => {
    await expect(
      sql(c, `UPDATE audit_events SET action = 'x' WHERE id = (SELECT min(id) FROM audit_events)`),
    ).rejects.toThrow(/append-only/);
    await expect(sql(c, `DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
  });

  it('reports the first broken link when a row is changed or removed behind its back', async () => {
    const events = (await c.api('/api/audit-events?sort=["id","ASC"]&range=[0,999]', { token })).body;
    const victim = events[3];
    // Only someone who can disable the trigger can do this; the chain still tells.
    await sql(c, 'ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
    await sql(c, `UPDATE audit_events SET details = '{"after":{"role":"admin"}}' WHERE id = $1`, [victim.id]);
    const changed = await c.api('/api/audit/verify', { token });
    expect(changed.body).toMatchObject({
      valid: false,
      firstBrokenId: victim.id,
      checked: 3,
      reason: 'hash_mismatch',
      message: expect.stringMatching(/content does not match/),
    });

    await sql(c, `UPDATE audit_events SET details = $2 WHERE id = $1`, [victim.id, JSON.stringify(victim.details)]);
    expect((await c.api('/api/audit/verify', { token })).body.valid).toBe(true);

    await sql(c, 'DELETE FROM audit_events WHERE id = $1', [victim.id]);
    const removed = await c.api('/api/audit/verify', { token });
    expect(removed.body).toMatchObject({
      valid: false,
      firstBrokenId: events[4].id,
      reason: 'prev_hash_mismatch',
      message: expect.stringMatching(/previous event/),
    });
    await sql(c, 'ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
  });
});
