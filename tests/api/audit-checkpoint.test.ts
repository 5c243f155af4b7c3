import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashEvent } from '../../api/src/audit/audit-chain';
import { anchorFileName, checkpointSignedBy, deriveAuditKey } from '../../api/src/audit/audit-checkpoint';
import { AuditService } from '../../api/src/audit/audit.service';
import { sql, startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';
import { readZip } from '../support/zip';

/**
 * Someone who can write the audit table (a database superuser, a restored backup) but does not
 * hold the audit key must not be able to cut the chain's tail, rewrite it, or extend it unseen.
 */
describe('audit chain: the signed checkpoint of its head', () => {
  let c: TestConsole | undefined;
  afterEach(async () => {
    await c?.close();
    c = undefined;
  });

  async function consoleWithEvents(n: number) {
    c = await startTestConsole();
    const token = await c.login();
    for (let i = 0; i < n; i++) {
      const res = await c.api('/api/users', {
        token,
        body: { email: uniqueEmail('chain'), fullName: `Chain ${i}`, role: 'auditor', password: 'chain password 1' },
      });
      expect(res.status).toBe(201);
    }
    return { c, token, verify: async () => (await c!.api('/api/audit/verify', { token })).body };
  }
  const tamper = async (db: TestConsole, statements: Array<[string, unknown[]?]>) => {
    await sql(db, 'ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
    for (const [text, params] of statements) await sql(db, text, params ?? []);
    await sql(db, 'ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
  };
  const newestIds = async (db: TestConsole, n: number) =>
    (await sql(db, `SELECT id::text AS id FROM audit_events ORDER BY id DESC LIMIT $1`, [n])).map(
      (r) => r.id as string,
    );

  it('verifies intact with the checkpoint of its newest event, signed with the audit key, and keeps a copy in DATA_DIR', async () => {
    const { c, verify } = await consoleWithEvents(3);
    const answer = await verify();
    expect(answer).toMatchObject({ valid: true, reason: null });
    const [newest] = await newestIds(c, 1);
    const [{ count }] = await sql(c, 'SELECT count(*)::int AS count FROM audit_events');
    expect(answer.checkpoint).toMatchObject({ lastId: newest, count, intact: true });
    expect(answer.checked).toBe(count);
    const { auditKey, dataDir } = c.running.app.get<unknown, { config: { auditKey: Buffer; dataDir: string } }>(
      AuditService,
    ).config;
    expect(checkpointSignedBy(auditKey, answer.checkpoint)).toBe(true);
    // The copy outside the database follows a second after the appends.
    const file = join(dataDir, anchorFileName(answer.checkpoint.chainId));
    await expect
      .poll(() => existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).lastId, { timeout: 5000 })
      .toBe(newest);
    expect((await verify()).anchor).toMatchObject({ lastId: newest, holds: true });
  });

  it('detects the newest event removed, then the newest five, and the next append does not heal it', async () => {
    const { c, token, verify } = await consoleWithEvents(6);
    const [newest, second] = await newestIds(c, 2);
    await tamper(c, [[`DELETE FROM audit_events WHERE id = $1`, [newest]]]);
    expect(await verify()).toMatchObject({
      valid: false,
      reason: 'tail_cut',
      firstBrokenId: second,
      message: expect.stringMatching(/newest events were removed/),
    });

    const five = await newestIds(c, 5);
    await tamper(c, [[`DELETE FROM audit_events WHERE id = ANY($1::bigint[])`, [five]]]);
    const [remaining] = await newestIds(c, 1);
    expect(await verify()).toMatchObject({ valid: false, reason: 'tail_cut', firstBrokenId: remaining });

    // The console goes on appending; the break is carried forward, signed, not forgotten.
    await c.api('/api/users', {
      token,
      body: { email: uniqueEmail('after'), fullName: 'After the cut', role: 'auditor', password: 'chain password 1' },
    });
    expect(await verify()).toMatchObject({ valid: false, reason: 'tail_cut', firstBrokenId: remaining });
  });

  it('detects a chain rewritten and re-hashed after a change (plain SHA-256 can be recomputed, the signature cannot)', async () => {
    const { c, verify } = await consoleWithEvents(4);
    const events = await sql(
      c,
      `SELECT id::text AS id, at, actor_id AS "actorId", actor_email AS "actorEmail", action, entity, entity_id AS "entityId", details, prev_hash AS "prevHash", hash FROM audit_events ORDER BY id`,
    );
    const victim = 2;
    events[victim].details = { ...events[victim].details, forged: true };
    const statements: Array<[string, unknown[]]> = [];
    for (let i = victim; i < events.length; i++) {
      if (i > victim) events[i].prevHash = events[i - 1].hash;
      events[i].hash = hashEvent(events[i]);
      statements.push([
        `UPDATE audit_events SET details = $2, prev_hash = $3, hash = $4 WHERE id = $1`,
        [events[i].id, JSON.stringify(events[i].details), events[i].prevHash, events[i].hash],
      ]);
    }
    await tamper(c, statements);
    expect(await verify()).toMatchObject({ valid: false, reason: 'chain_rewritten', firstBrokenId: events.at(-1).id });
    // Rewriting the checkpoint too needs the key: a guessed signature is a forgery.
    await sql(c, `UPDATE audit_checkpoint SET checkpoint = jsonb_set(checkpoint, '{lastHash}', to_jsonb($1::text))`, [
      events.at(-1).hash,
    ]);
    expect(await verify()).toMatchObject({ valid: false, reason: 'checkpoint_forged' });
  });

  it('tells an event removed mid-chain, the rest re-hashed, from a cut tail: the chain was rewritten', async () => {
    const { c, verify } = await consoleWithEvents(4);
    const events = await sql(
      c,
      `SELECT id::text AS id, at, actor_id AS "actorId", actor_email AS "actorEmail", action, entity, entity_id AS "entityId", details, prev_hash AS "prevHash", hash FROM audit_events ORDER BY id`,
    );
    const [victim] = events.splice(2, 1);
    const statements: Array<[string, unknown[]]> = [[`DELETE FROM audit_events WHERE id = $1`, [victim.id]]];
    for (let i = 2; i < events.length; i++) {
      events[i].prevHash = events[i - 1].hash;
      events[i].hash = hashEvent(events[i]);
      statements.push([
        `UPDATE audit_events SET prev_hash = $2, hash = $3 WHERE id = $1`,
        [events[i].id, events[i].prevHash, events[i].hash],
      ]);
    }
    await tamper(c, statements);
    const answer = await verify();
    expect(answer).toMatchObject({ valid: false, reason: 'chain_rewritten', firstBrokenId: events.at(-1).id });
    expect(answer.message).toMatch(/changed or removed/);
  });

  it('detects the checkpoint deleted, and does not create a new one at the next start', async () => {
    const { c, verify } = await consoleWithEvents(2);
    await sql(c, 'DELETE FROM audit_checkpoint');
    expect(await verify()).toMatchObject({ valid: false, reason: 'checkpoint_missing' });
    // What a restart does: the chain has a start event, so a missing checkpoint stays missing.
    await c.running.app.get(AuditService).onModuleInit();
    expect(await sql(c, 'SELECT * FROM audit_checkpoint')).toEqual([]);
    expect(await verify()).toMatchObject({ valid: false, reason: 'checkpoint_missing' });
  });

  it('detects events added to the table without the console', async () => {
    const { c, verify } = await consoleWithEvents(2);
    const [tail] = await sql(c, `SELECT id::text AS id, hash FROM audit_events ORDER BY id DESC LIMIT 1`);
    const forged = {
      id: String(BigInt(tail.id) + 1n),
      at: new Date(),
      actorId: null,
      actorEmail: null,
      action: 'user.created',
      entity: 'user',
      entityId: null,
      details: {},
      prevHash: tail.hash,
    };
    await sql(
      c,
      `INSERT INTO audit_events (id, at, action, entity, details, prev_hash, hash) VALUES ($1, $2, $3, $4, '{}', $5, $6)`,
      [forged.id, forged.at, forged.action, forged.entity, forged.prevHash, hashEvent(forged)],
    );
    expect(await verify()).toMatchObject({ valid: false, reason: 'events_without_checkpoint', firstBrokenId: tail.id });
  });

  it('detects a tail cut back to an older checkpoint put back in place, through the copy in DATA_DIR', async () => {
    const { c, token, verify } = await consoleWithEvents(2);
    const [{ checkpoint: older }] = await sql(c, 'SELECT checkpoint FROM audit_checkpoint');
    for (let i = 0; i < 3; i++)
      await c.api('/api/users', {
        token,
        body: { email: uniqueEmail('later'), fullName: `Later ${i}`, role: 'auditor', password: 'chain password 1' },
      });
    const [newest] = await newestIds(c, 1);
    const { dataDir } = c.running.app.get<unknown, { config: { dataDir: string } }>(AuditService).config;
    const file = join(dataDir, anchorFileName(older.chainId));
    await expect
      .poll(() => existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).lastId, { timeout: 5000 })
      .toBe(newest);

    await tamper(c, [[`DELETE FROM audit_events WHERE id > $1`, [older.lastId]]]);
    await sql(c, 'UPDATE audit_checkpoint SET checkpoint = $1', [JSON.stringify(older)]);
    const answer = await verify();
    expect(answer).toMatchObject({
      valid: false,
      reason: 'anchor_ahead',
      firstBrokenId: older.lastId,
      anchor: { lastId: newest, holds: false },
    });

    // The console goes on working: new events are signed over the cut tail, but the copy that
    // names the removed event is not replaced by them, and verification keeps saying so.
    await c.api('/api/users', {
      token,
      body: { email: uniqueEmail('after'), fullName: 'After the cut', role: 'auditor', password: 'chain password 1' },
    });
    await c.running.app.get(AuditService).writeAnchor();
    expect(JSON.parse(readFileSync(file, 'utf8')).lastId).toBe(newest);
    expect(await verify()).toMatchObject({
      valid: false,
      reason: 'anchor_ahead',
      anchor: { lastId: newest, holds: false },
    });
  });

  it('starts no new chain over a log whose checkpoint and first event were removed, while DATA_DIR keeps its copy', async () => {
    const { c, verify } = await consoleWithEvents(2);
    const { dataDir } = c.running.app.get<unknown, { config: { dataDir: string } }>(AuditService).config;
    const [{ checkpoint }] = await sql(c, 'SELECT checkpoint FROM audit_checkpoint');
    const file = join(dataDir, anchorFileName(checkpoint.chainId));
    await c.running.app.get(AuditService).writeAnchor();
    expect(existsSync(file)).toBe(true);
    // Everything an insider can do without the key: the start event and the checkpoint gone, and
    // the events left re-hashed into a chain that holds on its own.
    const events = await sql(
      c,
      `SELECT id::text AS id, at, actor_id AS "actorId", actor_email AS "actorEmail", action, entity, entity_id AS "entityId", details, prev_hash AS "prevHash", hash
         FROM audit_events WHERE action <> 'audit.checkpoint_started' ORDER BY id`,
    );
    const statements: Array<[string, unknown[]?]> = [
      [`DELETE FROM audit_events WHERE action = 'audit.checkpoint_started'`],
    ];
    events.forEach((event, i) => {
      event.prevHash = i === 0 ? GENESIS_HASH : events[i - 1].hash;
      event.hash = hashEvent(event);
      statements.push([
        `UPDATE audit_events SET prev_hash = $2, hash = $3 WHERE id = $1`,
        [event.id, event.prevHash, event.hash],
      ]);
    });
    await tamper(c, statements);
    await sql(c, 'DELETE FROM audit_checkpoint');
    // What a restart does: no fresh chain over it, so the next checkpoint is signed as broken.
    await c.running.app.get(AuditService).onModuleInit();
    expect(await sql(c, 'SELECT * FROM audit_checkpoint')).toEqual([]);
    expect(await verify()).toMatchObject({ valid: false, reason: 'checkpoint_missing' });
  });

  it('writes the checkpoint into the access package manifest, one the chain holds', async () => {
    const { c, token, verify } = await consoleWithEvents(0);
    const email = uniqueEmail('subject');
    const other = uniqueEmail('other');
    const request = await c.api('/api/requests', {
      token,
      body: {
        type: 'access',
        channel: 'email',
        language: 'en',
        receivedAt: new Date().toISOString(),
        subjectName: 'Anna Subject',
        subjectEmail: email,
      },
    });
    await c.api('/api/requests', {
      token,
      body: {
        type: 'access',
        channel: 'email',
        language: 'en',
        receivedAt: new Date().toISOString(),
        subjectName: 'Other Person',
        subjectEmail: other,
      },
    });
    expect(request.status, JSON.stringify(request.body)).toBe(201);
    const verified = await c.api(`/api/requests/${request.body.id}/verify`, {
      token,
      body: { method: 'email_from_known_address' },
    });
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    const res = await fetch(`${c.url}/api/requests/${request.body.id}/export.zip?kind=access`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const manifest = JSON.parse((await readZip(Buffer.from(await res.arrayBuffer()))).get('manifest.json')!.toString());
    const { auditKey } = c.running.app.get<unknown, { config: { auditKey: Buffer } }>(AuditService).config;
    expect(checkpointSignedBy(auditKey, manifest.auditCheckpoint)).toBe(true);
    const [held] = await sql(c, 'SELECT hash FROM audit_events WHERE id = $1', [manifest.auditCheckpoint.lastId]);
    expect(held.hash).toBe(manifest.auditCheckpoint.lastHash);
    expect(JSON.stringify(manifest)).not.toContain(other);
    expect((await verify()).valid).toBe(true);
  });

  it('derives the audit key from ENCRYPTION_KEY unless AUDIT_KEY is set, and a console started with another key reports the checkpoint as forged', async () => {
    const { c, verify } = await consoleWithEvents(1);
    const { auditKey } = c.running.app.get<unknown, { config: { auditKey: Buffer } }>(AuditService).config;
    const encryptionKey = c.running.app.get<unknown, { config: { encryptionKey: Buffer } }>(AuditService).config
      .encryptionKey;
    expect(auditKey.equals(deriveAuditKey(encryptionKey))).toBe(true);
    expect((await verify()).valid).toBe(true);
    const [{ checkpoint }] = await sql(c, 'SELECT checkpoint FROM audit_checkpoint');
    expect(checkpointSignedBy(Buffer.alloc(32, 7), checkpoint)).toBe(false);
  });
});
