import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../../api/src/audit/audit-event.entity';
import { findGroupedPage, READ_GROUP_GAP_MINUTES } from '../../api/src/audit/audit-events.grouped';
import { AUDIT_EVENTS_LIST } from '../../api/src/audit/audit-events.list';
import { ledgerWhere } from '../../api/src/audit/audit-events.query';
import { AuditService } from '../../api/src/audit/audit.service';
import { parseListQuery } from '../../api/src/common/rest/list-query';
import { sql, startTestConsole, type TestConsole } from '../support/test-console';

/** Who acts: two staff accounts, a caller known only by address (the portal), and the system. */
const ACTORS = [
  { id: randomUUID(), email: 'anna.officer@example.com' },
  { id: randomUUID(), email: 'bruno.officer@example.com' },
  { id: null, email: 'subject@example.org' },
  { id: null, email: null },
];

/** What they do: page through two lists, open two records, decide (not a read). */
const DOINGS = [
  { action: 'records.listed', entity: 'leads', entityId: null },
  { action: 'records.listed', entity: 'chats', entityId: null },
  { action: 'record.viewed', entity: 'leads', entityId: 'lead-1' },
  { action: 'record.viewed', entity: 'leads', entityId: 'lead-2' },
  { action: 'request.verified', entity: 'request', entityId: null },
] as const;

interface Step {
  actor: number;
  doing: number;
  /** Minutes after the step before: around the gap that ends a run of reads. */
  after: number;
}

const step: fc.Arbitrary<Step> = fc.record({
  actor: fc.integer({ min: 0, max: ACTORS.length - 1 }),
  // Mostly pages of the first list, so that runs grow long enough to be cut into parts.
  doing: fc.oneof(
    { weight: 3, arbitrary: fc.constant(0) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: DOINGS.length - 1 }) },
  ),
  after: fc.constantFrom(0, 1, READ_GROUP_GAP_MINUTES, READ_GROUP_GAP_MINUTES + 1),
});

/**
 * The audit log screen groups runs of reads into lines (issue 23). Sorted by id, the console
 * groups only a window of events at the sort's end and looks one event past its edge for each
 * actor (issue 24): a line that reaches past the window makes the window grow. Whatever the log,
 * every page cut that way must be the page that grouping the whole log gives, line for line.
 */
describe('audit log, reads grouped from a window of the newest (or oldest) events', () => {
  let c: TestConsole;
  let dataSource: DataSource;
  let audit: AuditService;
  let day = 0;

  beforeAll(async () => {
    c = await startTestConsole();
    dataSource = c.running.app.get(DataSource);
    audit = c.running.app.get(AuditService);
  });
  afterAll(() => c?.close());

  /**
   * Appends the steps as reads recorded at their times (the inbox keeps a read's time) and
   * chains them as the console does; each log names its own request, so the filter isolates it.
   */
  async function appendLog(steps: Step[]): Promise<string> {
    const requestId = randomUUID();
    let at = Date.parse('2026-01-01T09:00:00Z') + day++ * 86_400_000;
    for (const { actor, doing, after } of steps) {
      at += after * 60_000;
      const what = DOINGS[doing];
      await sql(
        c,
        `INSERT INTO audit_inbox (at, actor_id, actor_email, action, entity, entity_id, details)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
        [
          new Date(at),
          ACTORS[actor].id,
          ACTORS[actor].email,
          what.action,
          what.entity,
          what.entity === 'request' ? requestId : what.entityId,
          JSON.stringify({ requestId }),
        ],
      );
    }
    await audit.chainInbox();
    return requestId;
  }

  const repository = () => dataSource.getRepository(AuditEvent);
  const page = async (
    requestId: string,
    order: 'ASC' | 'DESC',
    range: [number, number] | null,
    limits: { window?: number; lineMax: number; wholeUpTo?: number },
  ) => {
    const query = parseListQuery(AUDIT_EVENTS_LIST, {
      sort: JSON.stringify(['id', order]),
      ...(range ? { range: JSON.stringify(range) } : {}),
    });
    const found = await findGroupedPage(
      repository(),
      query,
      AUDIT_EVENTS_LIST.searchable,
      ledgerWhere({ requestId }),
      limits,
    );
    return {
      total: found.total,
      lines: found.rows.map(({ event, group }) => ({ id: event.id, actorEmail: event.actorEmail, ...group })),
    };
  };

  it('gives every page exactly as grouping the whole log does, both ways, with lines cut into parts (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 40 }),
        fc.constantFrom(2, 3, 500),
        async (steps, lineMax) => {
          const requestId = await appendLog(steps);
          for (const order of ['DESC', 'ASC'] as const) {
            const whole = await page(requestId, order, null, { lineMax });
            expect(whole.lines.flatMap((line) => line.ids)).toHaveLength(steps.length);
            for (const window of [1, 3, 8])
              for (const take of [1, 4])
                for (let skip = 0; skip <= whole.lines.length; skip += take) {
                  const cut = await page(requestId, order, [skip, skip + take - 1], { window, lineMax });
                  const label = `${order} window ${window} lines ${skip}-${skip + take - 1}`;
                  expect(cut.lines, label).toEqual(whole.lines.slice(skip, skip + take));
                  // Counted exactly when the window held the whole log, estimated past it.
                  if (window >= steps.length) expect(cut.total, label).toBe(whole.lines.length);
                  else expect(cut.total, label).toBeGreaterThanOrEqual(skip + cut.lines.length);
                }
          }
        },
      ),
      { numRuns: 25 },
    );
    // The logs went in through the chain: it verifies.
    expect((await audit.verify()).valid).toBe(true);
  });

  it("looks past the window's edge: a run straddling it is read whole, a second actor's lines his own", async () => {
    // Anna pages the leads 7 times, a minute apart; Bruno opens one record after her third page
    // and another after her last.
    const steps: Step[] = Array.from({ length: 7 }, (_, i): Step => ({ actor: 0, doing: 0, after: i === 0 ? 0 : 1 }));
    steps.splice(3, 0, { actor: 1, doing: 3, after: 0 });
    steps.push({ actor: 1, doing: 2, after: 0 });
    const requestId = await appendLog(steps);
    const who = (lines: Array<{ actorEmail: string | null; count: number }>) =>
      lines.map((line) => `${line.actorEmail?.split('.')[0]} ${line.count}`);
    // Newest first from a window of two events (Bruno's second record, Anna's last page): her run
    // reaches past it, so the window grows until her run is whole, one line of her 7 pages.
    const newest = await page(requestId, 'DESC', [0, 2], { window: 2, lineMax: 500 });
    expect(who(newest.lines)).toEqual(['bruno 1', 'anna 7', 'bruno 1']);
    expect(newest.total).toBe(3);
    // Cut into parts of three from the run's start (3, 3, then 1), the newest part first.
    const parts = await page(requestId, 'DESC', [0, 4], { window: 2, lineMax: 3 });
    expect(who(parts.lines)).toEqual(['bruno 1', 'anna 1', 'anna 3', 'bruno 1', 'anna 3']);
    // Oldest first from a window of two: her first line of three reaches past it.
    const oldest = await page(requestId, 'ASC', [0, 1], { window: 2, lineMax: 3 });
    expect(who(oldest.lines)).toEqual(['anna 3', 'bruno 1']);
  });

  it('groups a log of up to EXACT_COUNT_LIMIT kept events whole, counted exactly; one more from the window', async () => {
    // Nine events, Anna's pages and Bruno's records in turn, ten minutes apart: one line each.
    const steps: Step[] = Array.from({ length: 9 }, (_, i): Step => ({
      actor: i % 2,
      doing: i % 2 ? 2 : 0,
      after: 11,
    }));
    const requestId = await appendLog(steps);
    const whole = await page(requestId, 'DESC', null, { lineMax: 500 });
    expect(whole.lines).toHaveLength(9);
    // The limit at 9 (as EXACT_COUNT_LIMIT is at 10,000): read whole from a window of 2, exact.
    const atLimit = await page(requestId, 'DESC', [0, 1], { window: 2, lineMax: 500, wholeUpTo: 9 });
    expect(atLimit.lines).toEqual(whole.lines.slice(0, 2));
    expect(atLimit.total).toBe(9);
    // The limit at 8: one event more than it, so the window of 2 is read and the total estimated
    // (PostgreSQL's estimate of the kept events, never below EXACT_COUNT_LIMIT).
    const pastLimit = await page(requestId, 'DESC', [0, 1], { window: 2, lineMax: 500, wholeUpTo: 8 });
    expect(pastLimit.lines).toEqual(whole.lines.slice(0, 2));
    expect(pastLimit.total).toBeGreaterThan(9);
  });
});
