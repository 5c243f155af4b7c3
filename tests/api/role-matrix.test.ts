import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';

/**
 * Who may call what: every operation of the OpenAPI document, called as each identity, against
 * the rule declared here. An operation missing from this table fails the test: a new endpoint
 * needs a decision, written down.
 */
type Rule = 'public' | 'any' | 'staff' | 'admin' | 'ingest';
type Identity = 'anonymous' | 'auditor' | 'officer' | 'admin' | 'ingestion key';

const RULES: Record<string, Rule> = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'any',
  'GET /api/auth/me': 'any',
  'GET /api/users': 'admin',
  'POST /api/users': 'admin',
  'GET /api/users/{id}': 'admin',
  'PUT /api/users/{id}': 'admin',
  'DELETE /api/users/{id}': 'admin',
  'POST /api/users/{id}/revoke-sessions': 'admin',
  'GET /api/users/{id}/sessions': 'admin',
  'DELETE /api/users/{id}/sessions/{sessionId}': 'admin',
  'GET /api/api-keys': 'admin',
  'POST /api/api-keys': 'admin',
  'GET /api/api-keys/{id}': 'admin',
  'DELETE /api/api-keys/{id}': 'admin',
  'GET /api/audit-events': 'any',
  'GET /api/audit-events/{id}': 'any',
  'GET /api/audit/verify': 'any',
  'GET /api/audit/actors': 'any',
  'GET /api/subjects/search': 'any',
  'PATCH /api/subjects/identifiers/{entryId}': 'staff',
  'POST /api/subjects/reindex': 'admin',
  'GET /api/requests/{id}/review': 'any',
  'POST /api/requests/{id}/review': 'staff',
  'POST /api/intake/email': 'staff',
  'GET /api/requests': 'any',
  'POST /api/requests': 'staff',
  'GET /api/requests/stats': 'any',
  'GET /api/requests/{id}': 'any',
  'PUT /api/requests/{id}': 'staff',
  'GET /api/request-events': 'any',
  'POST /api/requests/{id}/identity-check': 'staff',
  'POST /api/requests/{id}/verify': 'staff',
  'POST /api/requests/{id}/extend': 'staff',
  'POST /api/requests/{id}/close': 'staff',
  'POST /api/requests/{id}/reject': 'staff',
  'POST /api/requests/{id}/notes': 'staff',
  'POST /api/requests/{id}/fee': 'staff',
  'POST /api/requests/{id}/identity-info-requested': 'staff',
  'POST /api/requests/{id}/identity-info-received': 'staff',
  'POST /api/requests/{id}/minor': 'staff',
  'POST /api/requests/{id}/identity-documents': 'staff',
  'GET /api/requests/{id}/identity-documents/{documentId}': 'staff',
  'GET /api/requests/{id}/attachments/{attachmentId}': 'staff',
  'GET /api/requests/{id}/export.zip': 'staff',
  'POST /api/requests/{id}/erase': 'staff',
  'GET /api/requests/{id}/erasure': 'any',
  'POST /api/requests/{id}/erasure/waive': 'staff',
  'GET /api/requests/{id}/holds': 'any',
  'GET /api/requests/{id}/other-requests': 'any',
  'POST /api/requests/{id}/holds': 'staff',
  'POST /api/requests/{id}/holds/{holdId}/lift': 'staff',
  'POST /api/requests/{id}/rectify': 'staff',
  'POST /api/requests/{id}/restrict': 'staff',
  'GET /api/requests/{id}/letters': 'any',
  'POST /api/requests/{id}/letters/preview': 'staff',
  'POST /api/requests/{id}/letters': 'staff',
  'POST /api/requests/{id}/letters/{letterId}/retry': 'staff',
  'GET /api/requests/{id}/portal-packages': 'any',
  'POST /api/requests/{id}/portal-packages': 'staff',
  'POST /api/requests/{id}/portal-packages/{packageId}/withdraw': 'staff',
  'GET /api/letter-templates': 'any',
  'GET /api/mailbox/status': 'any',
  'POST /api/mailbox/read': 'staff',
  'GET /api/mailbox/other-mail': 'any',
  'GET /api/mailbox/other-mail/{id}': 'any',
  'POST /api/mailbox/other-mail/{id}/make-request': 'staff',
  'GET /api/mailbox/messages/{id}/raw': 'staff',
  'GET /api/letter-templates/{key}/{language}': 'any',
  'PUT /api/letter-templates/{key}/{language}': 'admin',
  'POST /api/requests/{id}/lift-restriction': 'staff',
  'POST /api/requests/{id}/withdraw': 'staff',
  'POST /api/requests/{id}/objection-decision': 'staff',
  'GET /api/requests/{id}/recipients': 'any',
  'GET /api/activities/record.html': 'any',
  'GET /api/retention/report': 'any',
  'POST /api/retention/sweep': 'staff',
  'GET /api/retention/sweeps': 'any',
  'GET /api/retention/sweeps/{id}': 'any',
  'GET /api/reminders/schedule': 'admin',
  'POST /api/reminders/send-now': 'admin',
  'GET /api/breaches': 'any',
  'GET /api/breaches/export.csv': 'any',
  'GET /api/breaches/register.html': 'any',
  'GET /api/breaches/{id}': 'any',
  'POST /api/breaches': 'staff',
  'PUT /api/breaches/{id}': 'staff',
  'POST /api/breaches/{id}/notifications': 'staff',
  'POST /api/breaches/{id}/decisions': 'staff',
  'GET /api/breaches/{id}/affected/count': 'any',
  'GET /api/breaches/{id}/affected': 'any',
  'GET /api/breaches/{id}/communication': 'any',
  'GET /api/breaches/{id}/communication/recipients.csv': 'staff',
  'POST /api/breaches/{id}/communications': 'staff',
};
// The personal-data sources: read by every role, written only by ingestion.
for (const source of [
  'leads',
  'chat-conversations',
  'chat-messages',
  'calendar-connections',
  'calendar-events',
  'consents',
  'access-logs',
]) {
  RULES[`GET /api/${source}`] = 'any';
  RULES[`GET /api/${source}/{id}`] = 'any';
  RULES[`POST /api/ingest/${source}`] = 'ingest';
}
// The registers: read by every role, kept by officers and admins.
for (const register of ['processors', 'activities', 'cookies', 'retention-policies']) {
  RULES[`GET /api/${register}`] = 'any';
  RULES[`GET /api/${register}/export.csv`] = 'any';
  RULES[`GET /api/${register}/{id}`] = 'any';
  RULES[`POST /api/${register}`] = 'staff';
  RULES[`PUT /api/${register}/{id}`] = 'staff';
  RULES[`DELETE /api/${register}/{id}`] = 'staff';
}

const ALLOWED: Record<Rule, Identity[]> = {
  public: ['anonymous', 'auditor', 'officer', 'admin', 'ingestion key'],
  any: ['auditor', 'officer', 'admin'],
  staff: ['officer', 'admin'],
  admin: ['admin'],
  ingest: ['ingestion key'],
};

/** What a refused identity gets: no session (or a key where a session is needed) is 401, a role too low 403. */
function refusal(rule: Rule, identity: Identity): number {
  if (identity === 'anonymous' || identity === 'ingestion key' || rule === 'ingest') return 401;
  return 403;
}

describe('the role matrix over the OpenAPI document', () => {
  let c: TestConsole;
  const tokens: Partial<Record<Identity, string>> = {};
  const credentials: Partial<Record<Identity, [string, string]>> = { admin: [ADMIN.email, ADMIN.password] };
  let apiKey: string;
  let operations: Array<{ method: string; path: string }>;

  beforeAll(async () => {
    c = await startTestConsole();
    tokens.admin = await c.login();
    for (const role of ['auditor', 'officer'] as const) {
      const user = { email: uniqueEmail(role), password: `${role} passphrase 2026` };
      expect((await c.api('/api/users', { token: tokens.admin, body: { ...user, fullName: role, role } })).status).toBe(
        201,
      );
      credentials[role] = [user.email, user.password];
      tokens[role] = await c.login(user.email, user.password);
    }
    apiKey = (await c.api('/api/api-keys', { token: tokens.admin, body: { name: 'Matrix' } })).body.key;
    const doc = (await c.api('/api/docs-json', { token: tokens.admin })).body;
    operations = Object.entries<Record<string, unknown>>(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => ['get', 'post', 'put', 'delete', 'patch'].includes(m))
        .map((m) => ({ method: m.toUpperCase(), path })),
    );
  });
  afterAll(() => c?.close());

  it('has a declared rule for every operation of the document', () => {
    expect(operations.length).toBeGreaterThan(80);
    const undeclared = operations.map((o) => `${o.method} ${o.path}`).filter((op) => !(op in RULES));
    expect(undeclared, 'operations without a rule in tests/api/role-matrix.test.ts').toEqual([]);
  });

  it('answers each identity as its rule says: 401 without a session, 403 for a role too low, through otherwise', async () => {
    const mismatches: string[] = [];
    for (const { method, path } of operations) {
      const rule = RULES[`${method} ${path}`];
      if (!rule) continue;
      // Ids that exist nowhere: a permitted call gets as far as a 400 or 404, and changes nothing.
      const url = path
        .replace('{id}', /access-logs|audit-events/.test(path) ? '987654321' : '00000000-0000-4000-8000-000000000000')
        .replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
      for (const identity of ['anonymous', 'auditor', 'officer', 'admin', 'ingestion key'] as Identity[]) {
        const headers: Record<string, string> = {};
        if (identity === 'ingestion key') headers['x-api-key'] = apiKey;
        let token = identity === 'anonymous' || identity === 'ingestion key' ? undefined : tokens[identity];
        // Signing out ends the session: use one made for the call.
        if (path === '/api/auth/logout' && token) token = await c.login(...credentials[identity]!);
        const res = await c.api(url, {
          method,
          token,
          headers,
          body: method === 'GET' || method === 'DELETE' ? undefined : {},
        });
        const allowed = ALLOWED[rule].includes(identity);
        const ok = allowed
          ? res.status !== 401 && res.status !== 403 && res.status < 500
          : res.status === refusal(rule, identity);
        if (!ok) mismatches.push(`${method} ${path} as ${identity}: ${res.status} (${rule})`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('serves the privacy portal to everyone alike: public pages, forms that need their CSRF token whatever the session', async () => {
    // The portal is outside /api and its OpenAPI document: its pages are listed here.
    expect(operations.some((o) => o.path.startsWith('/privacy'))).toBe(false);
    const id = '00000000-0000-4000-8000-000000000000';
    const token = 'A'.repeat(43);
    const PORTAL: Record<string, number> = {
      'GET /privacy': 200,
      'GET /privacy/portal.css': 200,
      [`GET /privacy/verify/${id}`]: 200,
      // A token that opens nothing: not found, for every identity.
      [`GET /privacy/status/${token}`]: 404,
      // Posted without the portal's CSRF token: refused whatever session or key comes with it.
      'POST /privacy': 403,
      [`POST /privacy/verify/${id}`]: 403,
      [`POST /privacy/status/${token}/messages`]: 403,
      // Withdrawal of consent and objection to direct marketing (docs/portal.md).
      'GET /privacy/choices': 200,
      [`GET /privacy/choices/verify/${id}`]: 200,
      'POST /privacy/choices': 403,
      [`POST /privacy/choices/verify/${id}`]: 403,
      // A published package's page: a token that opens nothing, and its forms without CSRF.
      [`GET /privacy/package/${token}`]: 404,
      [`POST /privacy/package/${token}/code`]: 403,
      [`POST /privacy/package/${token}`]: 403,
    };
    const mismatches: string[] = [];
    for (const [operation, expected] of Object.entries(PORTAL)) {
      const [method, path] = operation.split(' ');
      for (const identity of ['anonymous', 'auditor', 'officer', 'admin', 'ingestion key'] as Identity[]) {
        const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
        if (identity === 'ingestion key') headers['x-api-key'] = apiKey;
        const token = identity === 'anonymous' || identity === 'ingestion key' ? undefined : tokens[identity];
        const res = await c.api(path, { method, token, headers, body: method === 'POST' ? 'name=x' : undefined });
        if (res.status !== expected)
          mismatches.push(`${operation} as ${identity}: ${res.status} (expected ${expected})`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
