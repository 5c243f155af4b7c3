import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { createApiKey, ingestAccepted } from '../support/ingest';
import { AddNewsletterSignups1900000000000 } from '../support/sample-source/newsletter-signups.migration';
import { newsletterSignupsSource } from '../support/sample-source/newsletter-signups.source';
import { startTestConsole, type TestConsole } from '../support/test-console';
import { readZip } from '../support/zip';

/**
 * Adding a source is one folder, one registration line and its migration: a source that exists
 * only in the tests is ingested, found by the search, given in the access package, erased and
 * swept without any other file of the console naming it.
 */
describe('a source added as docs/architecture.md says', () => {
  let c: TestConsole;
  let token: string;
  let key: string;

  beforeAll(async () => {
    c = await startTestConsole({ extraSources: [newsletterSignupsSource] });
    // Its migration, as the console runs its own at start.
    const runner = c.running.app.get(DataSource).createQueryRunner();
    try {
      await new AddNewsletterSignups1900000000000().up(runner);
    } finally {
      await runner.release();
    }
    token = await c.login();
    key = await createApiKey(c, token);
  });
  afterAll(() => c?.close());

  it('is ingested through its own route, idempotent by externalId', async () => {
    const first = await ingestAccepted(c, key, 'newsletter-signups', [
      { externalId: 'n1', email: 'Elena.Conti@Example.it', signedUpAt: '2026-11-20T08:00:00Z' },
    ]);
    expect(first).toMatchObject({ source: 'newsletter-signups', created: 1, duplicates: 0 });
    const again = await ingestAccepted(c, key, 'newsletter-signups', {
      externalId: 'n1',
      email: 'elena.conti@example.it',
      signedUpAt: '2026-11-20T08:00:00Z',
    });
    expect(again).toMatchObject({ created: 0, duplicates: 1 });
    const refused = await c.api('/api/ingest/newsletter-signups', {
      body: { email: 'not an e-mail', signedUpAt: '2026-11-20T08:00:00Z' },
      headers: { 'x-api-key': key },
    });
    expect(refused.status).toBe(400);
  });

  it('is a read-only resource with its list contract', async () => {
    const list = await c.api('/api/newsletter-signups?sort=["signedUpAt","DESC"]&range=[0,9]', { token });
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      expect.objectContaining({
        externalId: 'n1',
        email: 'elena.conti@example.it',
        signedUpAt: '2026-11-20T08:00:00.000Z',
      }),
    ]);
  });

  it('is found by the search from the e-mail it holds', async () => {
    const found = await c.api(`/api/subjects/search?q=${encodeURIComponent('elena.conti@example.it')}`, { token });
    expect(found.status).toBe(200);
    const source = (
      found.body.sources as Array<{ source: string; records: Array<{ record: { email: string } }> }>
    ).find((s) => s.source === 'newsletter-signups');
    expect(source?.records.map((r) => r.record.email)).toEqual(['elena.conti@example.it']);
  });

  it('is given in the access package as its own JSON and CSV files', async () => {
    const request = await c.api('/api/requests', {
      token,
      body: {
        type: 'access',
        channel: 'email',
        language: 'it',
        receivedAt: new Date().toISOString(),
        subjectName: 'Elena Conti',
        subjectEmail: 'elena.conti@example.it',
      },
    });
    const id = request.body.id as string;
    await c.api(`/api/requests/${id}/verify`, { token, body: { method: 'email_from_known_address' } });
    const res = await fetch(`${c.url}/api/requests/${id}/export.zip?kind=access`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const zip = await readZip(Buffer.from(await res.arrayBuffer()));
    expect(JSON.parse(zip.get('data/newsletter-signups.json')!.toString())).toEqual([
      { email: 'elena.conti@example.it', signedUpAt: '2026-11-20T08:00:00.000Z' },
    ]);
    expect(zip.get('data/newsletter-signups.csv')!.toString()).toContain('elena.conti@example.it');
    expect(zip.get('README.txt')!.toString()).toContain('Iscrizioni alla newsletter');
    const manifest = JSON.parse(zip.get('manifest.json')!.toString()) as {
      files: Array<{ path: string; records: number }>;
    };
    expect(manifest.files).toContainEqual(
      expect.objectContaining({ path: 'data/newsletter-signups.json', records: 1 }),
    );
  });

  it('is erased with the person, as its erasure declares', async () => {
    await ingestAccepted(c, key, 'newsletter-signups', [
      { externalId: 'n2', email: 'paolo.neri@example.it', signedUpAt: '2026-11-21T08:00:00Z' },
    ]);
    const request = await c.api('/api/requests', {
      token,
      body: {
        type: 'erasure',
        channel: 'email',
        language: 'it',
        receivedAt: new Date().toISOString(),
        subjectName: 'Paolo Neri',
        subjectEmail: 'paolo.neri@example.it',
      },
    });
    const id = request.body.id as string;
    await c.api(`/api/requests/${id}/verify`, { token, body: { method: 'email_from_known_address' } });
    const signups = (body: { sources: Array<{ source: string }> }) =>
      body.sources.find((s) => s.source === 'newsletter-signups');
    const preview = await c.api(`/api/requests/${id}/erase?dryRun=true`, { token, body: {} });
    expect(preview.status).toBe(200);
    expect(signups(preview.body)).toMatchObject({ total: 1, records: [{ action: 'delete' }] });
    const run = await c.api(`/api/requests/${id}/erase`, { token, body: {} });
    expect(run.body).toMatchObject({ state: 'complete' });
    expect(signups(run.body)).toMatchObject({ status: 'done', recordsAffected: 1 });
    const list = await c.api('/api/newsletter-signups?range=[0,9]', { token });
    expect((list.body as Array<{ email: string }>).map((s) => s.email)).toEqual(['elena.conti@example.it']);
  });

  it('is swept by a retention policy that names it, as its retention declares', async () => {
    const policy = await c.api('/api/retention-policies', {
      token,
      body: {
        key: 'newsletter',
        name: 'Newsletter sign-ups',
        source: 'newsletter-signups',
        periodMonths: 24,
        periodText: '24 months from the sign-up',
        action: 'delete',
        basis: 'Consent, until withdrawn or 24 months',
      },
    });
    expect(policy.status).toBe(201);
    await ingestAccepted(c, key, 'newsletter-signups', [
      { externalId: 'n3', email: 'old.reader@example.it', signedUpAt: '2020-01-10T08:00:00Z' },
    ]);
    const report = await c.api('/api/retention/report', { token });
    const entry = (report.body as { entries: Array<{ policyKey: string }> }).entries.find(
      (e) => e.policyKey === 'newsletter',
    );
    expect(entry).toMatchObject({ state: 'applies', dateField: 'signedUpAt', past: 1 });
    const sweep = await c.api('/api/retention/sweep', { token, body: {} });
    expect(sweep.status).toBe(200);
    const result = (sweep.body as { results: Array<{ policyKey: string }> }).results.find(
      (r) => r.policyKey === 'newsletter',
    );
    expect(result).toMatchObject({ status: 'done', changed: 1 });
    const list = await c.api('/api/newsletter-signups?range=[0,9]', { token });
    expect((list.body as Array<{ email: string }>).map((s) => s.email)).toEqual(['elena.conti@example.it']);
  });
});
