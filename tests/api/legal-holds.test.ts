import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, postBatch } from '../support/ingest';
import { sql, startTestConsole, type TestConsole } from '../support/test-console';
import { readZip } from '../support/zip';
import { recordRequest } from '../support/requests';
import { signInAs } from '../support/staff';

/**
 * Legal holds (Art. 17(3)): Anna's lead is kept for a legal claim while her chat is erased; the
 * retention sweep leaves the held lead alone until the hold is lifted; the closing letter says what
 * is kept, why and until when. Bruno, who has no hold, is erased and swept as before.
 */
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const ahead = (days: number) => new Date(Date.now() + days * DAY).toISOString();

describe('legal holds', () => {
  let c: TestConsole;
  let token: string;
  let auditor: string;
  let key: string;
  let anna: { id: string; reference: string };
  let bruno: { id: string; reference: string };
  let holdId: string;

  const post = (path: string, body: unknown = {}, as = token) => c.api(path, { token: as, body });
  const one = async (text: string, params: unknown[] = []) => (await sql(c, text, params))[0];
  const leadOf = (email: string) => one(`SELECT id::text AS id, email, message FROM leads WHERE email = $1`, [email]);
  const holds = async () => Number((await one(`SELECT count(*)::int AS n FROM legal_holds`)).n);
  const events = async (id: string) =>
    (
      await c.api(
        `/api/request-events?filter=${encodeURIComponent(JSON.stringify({ requestId: id }))}&sort=${encodeURIComponent('["at","ASC"]')}`,
        { token },
      )
    ).body as Array<{ kind: string; message: string | null; details: any }>;
  const newErasure = (name: string, email: string) =>
    recordRequest(c, token, 'erasure', { name, email }, { language: 'it', verified: true });
  const chat = (externalId: string, name: string, email: string) => ({
    externalId,
    provider: 'anthropic',
    startedAt: ago(800),
    messages: [{ role: 'user', content: `Sono ${name}, scrivetemi a ${email}`, sentAt: ago(800) }],
  });

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
    key = await createApiKey(c, token);
    auditor = await signInAs(c, token, 'auditor');
    // Both leads are past the 24 months of the leads' retention policy.
    await postBatch(c, key, 'leads', [
      {
        externalId: 'anna-lead',
        firstName: 'Anna',
        lastName: 'Ferri',
        email: 'anna.ferri@example.it',
        message: 'Preventivo contestato',
        submittedAt: ago(900),
      },
      {
        externalId: 'bruno-lead',
        firstName: 'Bruno',
        lastName: 'Galli',
        email: 'bruno.galli@example.it',
        message: 'Preventivo',
        submittedAt: ago(900),
      },
    ]);
    await postBatch(c, key, 'chat-conversations', [
      chat('anna-chat', 'Anna Ferri', 'anna.ferri@example.it'),
      chat('bruno-chat', 'Bruno Galli', 'bruno.galli@example.it'),
    ]);
    anna = await newErasure('Anna Ferri', 'anna.ferri@example.it');
    bruno = await newErasure('Bruno Galli', 'bruno.galli@example.it');
  });
  afterAll(() => c?.close());

  it('refuses a hold without a ground, with an end date in the past, on an unknown record, or by an auditor: 4xx in JSON, nothing placed', async () => {
    const base = { source: 'leads', ground: 'legal_claims', reason: 'Diffida del 10 novembre', reviewAt: ahead(180) };
    const noGround = await post(`/api/requests/${anna.id}/holds`, { ...base, ground: undefined });
    expect(noGround.status).toBe(400);
    expect(noGround.body.errors).toHaveProperty('ground');
    const past = await post(`/api/requests/${anna.id}/holds`, { ...base, reviewAt: undefined, endsAt: ago(1) });
    expect(past.status).toBe(400);
    expect(past.body.errors).toHaveProperty('endsAt');
    const noLaw = await post(`/api/requests/${anna.id}/holds`, { ...base, ground: 'legal_obligation' });
    expect(noLaw.status).toBe(400);
    expect(noLaw.body.errors).toHaveProperty('legalReference');
    const unknown = await post(`/api/requests/${anna.id}/holds`, {
      ...base,
      recordId: (await leadOf('bruno.galli@example.it')).id,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toHaveProperty('recordId');
    const forbidden = await post(`/api/requests/${anna.id}/holds`, base, auditor);
    expect(forbidden.status).toBe(403);
    expect(await holds()).toBe(0);
  });

  it("places a hold on Anna's lead (legal claims, review date), audited and on the timeline", async () => {
    const res = await post(`/api/requests/${anna.id}/holds`, {
      source: 'leads',
      ground: 'legal_claims',
      reason: 'Contestazione del preventivo: diffida ricevuta il 10 novembre',
      reviewAt: ahead(180),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ source: 'leads', scope: 'source', ground: 'legal_claims', state: 'in_force' });
    expect(res.body.records).toEqual([(await leadOf('anna.ferri@example.it')).id]);
    holdId = res.body.id;
    const listed = await c.api(`/api/requests/${anna.id}/holds`, { token: auditor });
    expect(listed.status).toBe(200);
    expect(listed.body.holds.map((h: { id: string }) => h.id)).toEqual([holdId]);
    expect((await events(anna.id)).map((e) => e.kind)).toContain('legal_hold_placed');
    expect(await one(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'legal_hold.placed'`)).toEqual({
      n: 1,
    });
  });

  it('the dry run and the erasure keep the held lead whole, erase the chat, and complete', async () => {
    const preview = await post(`/api/requests/${anna.id}/erase?dryRun=true`);
    expect(preview.status).toBe(200);
    const leads = preview.body.sources.find((s: { source: string }) => s.source === 'leads');
    expect(leads).toMatchObject({ total: 0, kept: 1 });
    expect(leads.records[0]).toMatchObject({ action: 'kept', hold: { id: holdId, ground: 'legal_claims' } });

    const before = await leadOf('anna.ferri@example.it');
    const run = await post(`/api/requests/${anna.id}/erase`);
    expect(run.status).toBe(200);
    expect(run.body.state).toBe('complete');
    expect(run.body.sources.find((s: { source: string }) => s.source === 'leads')).toMatchObject({
      kept: 1,
      status: 'done',
      recordsAffected: 0,
    });
    expect(await leadOf('anna.ferri@example.it')).toEqual(before);
    const messages = await sql(
      c,
      `SELECT m.content FROM chat_messages m JOIN chat_conversations c ON c.id = m.conversation_id WHERE c.external_id = 'anna-chat'`,
    );
    expect(messages.map((m) => m.content).join(' ')).not.toContain('anna.ferri@example.it');
    const timeline = (await events(anna.id)).map((e) => e.kind);
    expect(timeline).toContain('erasure_completed');
    // Nothing left to erase while the hold is in force: the answer says why.
    const again = await post(`/api/requests/${anna.id}/erase`);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/legal holds in force/);
  });

  it('the closing letter says what is kept, why (with the article) and until when', async () => {
    const res = await post(`/api/requests/${anna.id}/letters/preview`, { kind: 'completion' });
    expect(res.status).toBe(200);
    expect(res.body.text).toContain('Richieste dal modulo di contatto (1)');
    expect(res.body.text).toContain('art. 17, par. 3, lett. e), GDPR');
    expect(res.body.text).toMatch(/con verifica entro il \d+ \w+ \d{4}/);
  });

  it('her access package says what is kept and why; Bruno’s says nothing of holds', async () => {
    const accessOf = async (name: string, email: string) => {
      const res = await post('/api/requests', {
        type: 'access',
        channel: 'email',
        language: 'it',
        receivedAt: new Date().toISOString(),
        subjectName: name,
        subjectEmail: email,
      });
      expect((await post(`/api/requests/${res.body.id}/verify`, { method: 'email_from_known_address' })).status).toBe(
        200,
      );
      const zip = await fetch(`${c.url}/api/requests/${res.body.id}/export.zip?kind=access`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(zip.status).toBe(200);
      return (await readZip(Buffer.from(await zip.arrayBuffer()))).get('README.txt')!.toString('utf8');
    };
    const hers = await accessOf('Anna Ferri', 'anna.ferri@example.it');
    expect(hers).toContain('== Cosa conserviamo e perché ==');
    expect(hers).toMatch(
      /Richieste dal modulo di contatto \(1\): per l'accertamento.*art\. 17, par\. 3, lett\. e\), GDPR\), con verifica entro il \d+ \w+ \d{4}\./,
    );
    expect(await accessOf('Bruno Galli', 'bruno.galli@example.it')).not.toContain('Cosa conserviamo');
  });

  it('Bruno, with no hold, is erased as before', async () => {
    const run = await post(`/api/requests/${bruno.id}/erase`);
    expect(run.body.state).toBe('complete');
    expect(await leadOf('bruno.galli@example.it')).toBeUndefined();
    const letter = await post(`/api/requests/${bruno.id}/letters/preview`, { kind: 'completion' });
    expect(letter.body.text).toContain('Conserviamo soltanto la documentazione di questa richiesta');
  });

  it('the retention sweep leaves the held lead alone and counts it as held; after the hold is lifted it sweeps it', async () => {
    await postBatch(c, key, 'leads', [
      { externalId: 'carla-lead', firstName: 'Carla', email: 'carla@example.it', submittedAt: ago(900) },
    ]);
    const sweep = await post('/api/retention/sweep');
    expect(sweep.status).toBe(200);
    const leads = sweep.body.results.find((r: { policyKey: string }) => r.policyKey === 'leads');
    expect(leads).toMatchObject({ held: 1, changed: 1 });
    expect(await leadOf('carla@example.it')).toBeUndefined();
    expect(await leadOf('anna.ferri@example.it')).toBeDefined();

    const forbidden = await post(
      `/api/requests/${anna.id}/holds/${holdId}/lift`,
      { reason: 'Claim settled on 3 March' },
      auditor,
    );
    expect(forbidden.status).toBe(403);
    const lifted = await post(`/api/requests/${anna.id}/holds/${holdId}/lift`, { reason: 'Claim settled on 3 March' });
    expect(lifted.status).toBe(200);
    expect(lifted.body).toMatchObject({ state: 'lifted', freed: 1 });
    expect((await events(anna.id)).map((e) => e.kind)).toContain('legal_hold_lifted');

    const after = await post('/api/retention/sweep');
    expect(after.body.results.find((r: { policyKey: string }) => r.policyKey === 'leads')).toMatchObject({
      held: 0,
      changed: 1,
    });
    expect(await leadOf('anna.ferri@example.it')).toBeUndefined();
  });

  it('once the hold ended, the next erasure run takes what it kept, then the plan is gone', async () => {
    const run = await post(`/api/requests/${anna.id}/erase`);
    expect(run.status).toBe(200);
    expect(run.body.state).toBe('complete');
    expect((await events(anna.id)).map((e) => e.kind)).toContain('held_records_erased');
    expect((await c.api(`/api/requests/${anna.id}/holds`, { token })).body.holds[0]).toMatchObject({ freed: 0 });
    expect(await one(`SELECT sealed FROM erasure_plans WHERE request_id = $1`, [anna.id])).toEqual({ sealed: null });
    expect((await post(`/api/requests/${anna.id}/erase`)).status).toBe(409);
  });
});

/**
 * A hold on one event of a person's own calendar: the connection goes (erased, or swept once
 * disconnected long enough), its other events with it, and the held event stays, without its
 * connection, until the hold ends (Art. 17(3)(e)).
 */
describe('a legal hold on an event of a calendar connection that goes', () => {
  let c: TestConsole;
  let token: string;
  const eventsOf = async (prefix: string) =>
    (
      await sql(c, `SELECT external_id FROM calendar_events WHERE external_id LIKE $1 ORDER BY external_id`, [
        `${prefix}-%`,
      ])
    ).map((r) => r.external_id as string);
  const connected = async (externalId: string) =>
    (await sql(c, `SELECT 1 FROM calendar_connections WHERE external_id = $1`, [externalId])).length === 1;

  /** A calendar connection disconnected long ago, with a held event and a free one; the hold placed on a request. */
  const calendarWithHeldEvent = async (who: string, name: string) => {
    const key = await createApiKey(c, token);
    const email = `${who}@example.it`;
    await postBatch(c, key, 'calendar-connections', {
      externalId: `${who}-cal`,
      accountEmail: email,
      accessToken: 'ya29.REVOKED',
      scopes: ['calendar'],
      connectedAt: ago(1000),
      revokedAt: ago(900),
    });
    await postBatch(
      c,
      key,
      'calendar-events',
      ['held', 'free'].map((kind) => ({
        externalId: `${who}-${kind}`,
        connectionExternalId: `${who}-cal`,
        origin: 'manual',
        title: `Sopralluogo (${kind})`,
        startsAt: ago(950),
        endsAt: ago(950),
      })),
    );
    const request = await recordRequest(c, token, 'erasure', { name, email }, { language: 'it', verified: true });
    const [held] = await sql(c, `SELECT id::text AS id FROM calendar_events WHERE external_id = $1`, [`${who}-held`]);
    const hold = await c.api(`/api/requests/${request.id}/holds`, {
      token,
      body: {
        source: 'calendar-events',
        recordId: held.id,
        ground: 'legal_claims',
        reason: 'Sopralluogo contestato: diffida ricevuta il 2 dicembre',
        reviewAt: ahead(180),
      },
    });
    expect(hold.status).toBe(201);
    return request;
  };

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
  });
  afterAll(() => c?.close());

  it('erasure deletes the connection and its other event, and keeps the held one', async () => {
    const request = await calendarWithHeldEvent('dario.serra', 'Dario Serra');
    const run = await c.api(`/api/requests/${request.id}/erase`, { token, body: {} });
    expect(run.status).toBe(200);
    expect(run.body.state).toBe('complete');
    expect(await connected('dario.serra-cal')).toBe(false);
    expect(await eventsOf('dario.serra')).toEqual(['dario.serra-held']);
  });

  it('the retention sweep deletes the disconnected connection and its other event, and keeps the held one', async () => {
    await calendarWithHeldEvent('ester.villa', 'Ester Villa');
    // Kept until disconnected by default: here, a period after the disconnection (12 months).
    await sql(c, `UPDATE retention_policies SET period_months = 12 WHERE key = 'calendar'`);
    const sweep = await c.api('/api/retention/sweep', { token, body: {} });
    expect(sweep.status).toBe(200);
    expect(sweep.body.results.find((r: { policyKey: string }) => r.policyKey === 'calendar')).toMatchObject({
      status: 'done',
    });
    expect(await connected('ester.villa-cal')).toBe(false);
    expect(await eventsOf('ester.villa')).toEqual(['ester.villa-held']);
  });
});
