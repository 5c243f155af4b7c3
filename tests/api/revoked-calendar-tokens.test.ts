import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, postBatch } from '../support/ingest';
import { sql, startTestConsole, type TestConsole } from '../support/test-console';
import { readZip } from '../support/zip';

/**
 * A revoked calendar connection whose OAuth tokens are still held (issue 18). The calendar
 * notice (section 5) and the retention register say a revocation invalidates the token at once:
 * the sweep deletes a revoked connection's tokens, and until it does, the API, the pages and the
 * access package (Art. 15(1)(d): the period for which the data will be stored) say that they are
 * still held, encrypted and unused, and when the sweep deletes them; never "held" as if active.
 */
describe('revoked calendar connection: tokens told truthfully, then swept', () => {
  let c: TestConsole;
  let token: string;
  const connections = async () =>
    Object.fromEntries(
      ((await c.api('/api/calendar-connections', { token })).body as Array<Record<string, any>>).map((r) => [
        r.accountEmail,
        r,
      ]),
    );
  const tokensOf = async (email: string) =>
    (
      await sql(
        c,
        `SELECT access_token_encrypted IS NOT NULL AS access, refresh_token_encrypted IS NOT NULL AS refresh FROM calendar_connections WHERE account_email = $1`,
        [email],
      )
    )[0];

  beforeAll(async () => {
    // The sweep runs every day at 03:00, Rome time.
    c = await startTestConsole({
      env: { RETENTION_SWEEP_CRON: '0 3 * * *', RETENTION_SWEEP_TIME_ZONE: 'Europe/Rome' },
    });
    token = await c.login();
    const key = await createApiKey(c, token);
    const res = await postBatch(c, key, 'calendar-connections', [
      {
        externalId: 'lucia-cal',
        accountEmail: 'lucia.conti@example.it',
        accessToken: 'ya29.LUCIA-ACCESS',
        refreshToken: '1//LUCIA-REFRESH',
        scopes: ['calendar'],
        connectedAt: '2026-09-01T08:00:00Z',
        revokedAt: '2026-11-20T10:30:00Z',
      },
      {
        externalId: 'marco-cal',
        accountEmail: 'marco.neri@example.it',
        accessToken: 'ya29.MARCO-ACCESS',
        refreshToken: '1//MARCO-REFRESH',
        scopes: ['calendar'],
        connectedAt: '2026-09-01T08:00:00Z',
      },
    ]);
    expect(res.status).toBeLessThan(300);
  });
  afterAll(() => c?.close());

  it('the API says a revoked connection still holds its tokens, unused, until the next sweep', async () => {
    const before = Date.now();
    const { 'lucia.conti@example.it': lucia, 'marco.neri@example.it': marco } = await connections();
    expect(lucia).toMatchObject({
      revokedAt: '2026-11-20T10:30:00.000Z',
      holdsTokens: true,
      tokens: 'held_after_revocation',
    });
    const deletedAt = new Date(lucia.tokensDeletedAt);
    // The next 03:00 in Rome, within a day.
    expect(deletedAt.getTime()).toBeGreaterThan(before);
    expect(deletedAt.getTime() - before).toBeLessThanOrEqual(24 * 3600 * 1000);
    expect(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit' }).format(
        deletedAt,
      ),
    ).toBe('03:00');
    // The other person, still connected: in use, no deletion date.
    expect(marco).toMatchObject({ revokedAt: null, tokens: 'in_use', tokensDeletedAt: null });
    expect(JSON.stringify([lucia, marco])).not.toMatch(/LUCIA-|MARCO-/);
  });

  it('her access package, in Italian, says the same and never that they keep her calendar synchronised', async () => {
    const request = await c.api('/api/requests', {
      token,
      body: {
        type: 'access',
        channel: 'email',
        language: 'it',
        receivedAt: new Date().toISOString(),
        subjectEmail: 'lucia.conti@example.it',
      },
    });
    await c.api(`/api/requests/${request.body.id}/verify`, { token, body: { method: 'email_from_known_address' } });
    const res = await fetch(`${c.url}/api/requests/${request.body.id}/export.zip?kind=access`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const zip = await readZip(Buffer.from(await res.arrayBuffer()));
    const [row] = JSON.parse(zip.get('data/calendar-connections.json')!.toString());
    const { 'lucia.conti@example.it': lucia } = await connections();
    expect(row).toMatchObject({
      revokedAt: '2026-11-20T10:30:00.000Z',
      tokens: 'held_after_revocation',
      tokensDeletedAt: lucia.tokensDeletedAt,
    });
    const page = zip.get('README.html')!.toString();
    expect(page).toContain('non più utilizzate da quando ha scollegato il calendario');
    expect(page).toContain('Quando la nostra procedura di conservazione li cancella');
    expect(page).not.toContain('per mantenere sincronizzato il suo calendario');
    expect(page).not.toContain('marco.neri');
  });

  it('the sweep deletes the revoked connection’s tokens, audited, and leaves the connected one’s', async () => {
    // A dry run changes nothing, and counts the one revoked connection whose tokens would go
    // (Marco's, connected, is not counted), on the calendar policy and in its audit event.
    const dry = await c.api('/api/retention/sweep?dryRun=true', { token, body: {} });
    expect(dry.status).toBe(200);
    const calendarOf = (results: Array<{ source: string | null; revokedTokens?: number }>) =>
      results.find((r) => r.source === 'calendar-connections');
    expect(calendarOf(dry.body.results)?.revokedTokens).toBe(1);
    expect(await tokensOf('lucia.conti@example.it')).toEqual({ access: true, refresh: true });
    const previewed = await c.api(
      `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ action: 'retention.sweep_previewed' }))}`,
      { token },
    );
    expect(previewed.body[0].details.revokedTokens).toBe(1);

    const sweep = await c.api('/api/retention/sweep', { token, body: {} });
    expect(sweep.status).toBe(200);
    // The real sweep says how many it deleted; a dry run after it counts none.
    expect(calendarOf(sweep.body.results)?.revokedTokens).toBe(1);
    const after = await c.api('/api/retention/sweep?dryRun=true', { token, body: {} });
    expect(calendarOf(after.body.results)?.revokedTokens).toBe(0);
    expect(await tokensOf('lucia.conti@example.it')).toEqual({ access: false, refresh: false });
    expect(await tokensOf('marco.neri@example.it')).toEqual({ access: true, refresh: true });

    const { 'lucia.conti@example.it': lucia, 'marco.neri@example.it': marco } = await connections();
    // The connection itself stays (the policy sets it no period); it now holds no token.
    expect(lucia).toMatchObject({ revokedAt: '2026-11-20T10:30:00.000Z', tokens: 'none', tokensDeletedAt: null });
    expect(marco.tokens).toBe('in_use');

    const audit = await c.api(
      `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ action: 'retention.revoked_tokens_deleted' }))}`,
      { token },
    );
    expect(audit.body).toHaveLength(1);
    expect(audit.body[0].details).toEqual({ connections: [lucia.id] });

    // A second sweep has nothing left to delete.
    await c.api('/api/retention/sweep', { token, body: {} });
    const again = await c.api(
      `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ action: 'retention.revoked_tokens_deleted' }))}`,
      { token },
    );
    expect(again.body).toHaveLength(1);
  });
});
