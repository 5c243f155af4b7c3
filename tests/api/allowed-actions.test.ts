import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole, type TestConsole } from '../support/test-console';

/*
 * The request page shows a workflow button only when the request's `allowedActions` lists it
 * (admin/src/requests/RequestActions.tsx): each state's list must be exactly what the API then
 * accepts. The rules are Art. 12 GDPR's (identity, Art. 12(2) and (6); one extension, Art. 12(3);
 * a fee, Art. 12(5)) and Art. 8's "may be a minor" decision.
 */

type Body = Record<string, unknown>;
interface Request {
  id: string;
  status: string;
  allowedActions: string[];
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Every action the request page may offer, with a body the API takes when the state allows it. */
const ACTIONS: Record<string, Body> = {
  'identity-check': { text: 'Asked for a reply from the known address' },
  'identity-info-requested': {
    what: 'A copy of an identity document',
    how: 'email',
    askedAt: daysAgo(0),
    respondBy: inDays(14),
  },
  'identity-info-received': { receivedAt: daysAgo(0), what: 'A copy of the identity card' },
  'identity-documents': {
    fileName: 'carta.pdf',
    contentType: 'application/pdf',
    contentBase64: Buffer.from('%PDF-1.4\nCarta di identita\n%%EOF\n').toString('base64'),
  },
  verify: { method: 'email_from_known_address' },
  extend: { reason: 'Many sources to search', communicatedAt: daysAgo(0) },
  fee: { amount: 10, basis: 'excessive', justification: 'Fourth copy of the same data' },
  minor: { decision: 'dismissed', note: 'The date is the order date' },
  close: { outcome: 'Sent a copy of the data' },
  reject: { reason: 'manifestly_unfounded' },
  note: { text: 'Called the subject' },
};
/** The route of each action (a note is added at /notes). */
const routeOf = (action: string) => (action === 'note' ? 'notes' : action);

/** The states a request goes through, each reached from a new request by the actions listed. */
const STATES: Array<{ state: string; create?: Body; steps: string[] }> = [
  { state: 'just received', steps: [] },
  { state: 'identity check started', steps: ['identity-check'] },
  { state: 'identity information asked', steps: ['identity-info-requested'] },
  { state: 'identity information received', steps: ['identity-info-requested', 'identity-info-received'] },
  { state: 'identity verified', steps: ['verify'] },
  { state: 'extended', steps: ['verify', 'extend'] },
  { state: 'fee charged', steps: ['fee'] },
  {
    state: 'flagged as a possible minor',
    create: { description: 'Date of birth: 2012-04-03. My data please.' },
    steps: [],
  },
  {
    state: 'minor flag dismissed',
    create: { description: 'Date of birth: 2012-04-03. My data please.' },
    steps: ['minor'],
  },
  { state: 'past the first deadline', create: { receivedAt: daysAgo(45) }, steps: [] },
  { state: 'completed', steps: ['verify', 'close'] },
  { state: 'rejected', steps: ['reject'] },
];

describe("a request's allowedActions are what the API accepts (Art. 12 and Art. 8 GDPR)", () => {
  let c: TestConsole;
  let token: string;

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
  });
  afterAll(() => c?.close());

  const post = (path: string, body: Body) => c.api(path, { token, body });
  const get = async (id: string) => (await c.api(`/api/requests/${id}`, { token })).body as Request;

  async function requestIn(state: (typeof STATES)[number], subjectEmail: string): Promise<Request> {
    const created = await post('/api/requests', {
      type: 'access',
      channel: 'email',
      receivedAt: daysAgo(2),
      subjectName: 'Anna Verdi',
      subjectEmail,
      ...state.create,
    });
    expect(created.status).toBe(201);
    for (const step of state.steps) {
      const res = await post(`/api/requests/${created.body.id}/${routeOf(step)}`, ACTIONS[step]);
      expect(res.status, `${state.state}: ${step} → ${JSON.stringify(res.body)}`).toBeLessThan(300);
    }
    return get(created.body.id as string);
  }

  it('in every state, each action listed is accepted and each action not listed is refused with its reason; the other person’s request is untouched', async () => {
    const other = await requestIn(STATES[0], 'bruno.neri@example.it');
    const timelineOf = async (id: string) =>
      (
        await c.api(
          `/api/request-events?filter=${encodeURIComponent(JSON.stringify({ requestId: id }))}&range=[0,99]`,
          { token },
        )
      ).body as Array<{ kind: string }>;

    const seen = new Set<string>();
    for (const state of STATES) {
      const { allowedActions } = await requestIn(state, 'anna.verdi@example.it');
      for (const list of allowedActions) seen.add(list);
      for (const action of Object.keys(ACTIONS)) {
        // A new request in the same state for each action: an accepted one changes it.
        const request = await requestIn(state, 'anna.verdi@example.it');
        expect(request.allowedActions).toEqual(allowedActions);
        const res = await post(`/api/requests/${request.id}/${routeOf(action)}`, ACTIONS[action]);
        const what = `${state.state}: ${action} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
        if (allowedActions.includes(action)) {
          expect(res.status, what).toBeGreaterThanOrEqual(200);
          expect(res.status, what).toBeLessThan(300);
        } else {
          expect(res.status, what).toBe(409);
          // The workflow's refusals carry their reason, which the console says in the officer's language.
          if (action !== 'identity-documents') expect(res.body.reason, what).toEqual(expect.any(String));
          const after = await get(request.id);
          expect(after, `${what}: the refusal changed nothing`).toEqual(request);
        }
      }
    }
    // Every action is offered in some state, and taken away in another (but a note).
    expect([...seen].sort()).toEqual(Object.keys(ACTIONS).sort());

    expect(await get(other.id)).toEqual(other);
    expect((await timelineOf(other.id)).map((e) => e.kind)).toEqual(['received']);
  });
});
