import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../../api/src/audit/audit-event.entity';
import { findGroupedPage, groupedPageSql, GROUPED_WINDOW } from '../../api/src/audit/audit-events.grouped';
import { AUDIT_EVENTS_LIST } from '../../api/src/audit/audit-events.list';
import { ledgerWhere } from '../../api/src/audit/audit-events.query';
import { AuditService } from '../../api/src/audit/audit.service';
import { affectedPageSql, AFFECTED_SOURCES } from '../../api/src/breaches/affected-people';
import { EXACT_COUNT_LIMIT, toWhere } from '../../api/src/common/rest/find-page';
import { parseListQuery } from '../../api/src/common/rest/list-query';
import { REQUEST_OF_THREAD_SQL, unfiledMessagesSql } from '../../api/src/mailbox/mailbox-lookups';
import { OTHER_REQUESTS_SQL } from '../../api/src/requests/other-requests';
import { subjectSearchParameters, subjectSearchStatement } from '../../api/src/subjects/search-statement';
import { sql, startTestConsole, uniqueEmail, type TestConsole } from '../support/test-console';
import { recordRequest } from '../support/requests';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Filter?: string;
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/**
 * How a statement reads `relation` where its conditions match `condition`: each scan's index
 * (a bitmap scan's indexes joined by +), or its node type ("Seq Scan").
 */
async function scansOf(
  c: TestConsole,
  text: string,
  params: unknown[],
  relation: string,
  condition?: RegExp,
): Promise<string[]> {
  const [row] = await sql(c, `EXPLAIN (FORMAT JSON) ${text}`, params);
  return nodesOf(row['QUERY PLAN'][0].Plan)
    .filter((n) => n['Relation Name'] === relation)
    .filter((n) => {
      const conditions = nodesOf(n).map((m) => [m.Filter, m['Index Cond'], m['Recheck Cond']].join(' '));
      return !condition || conditions.some((text) => condition.test(text));
    })
    .map((n) =>
      n['Node Type'] === 'Bitmap Heap Scan'
        ? [...new Set(nodesOf(n).flatMap((m) => (m['Index Name'] ? [m['Index Name']] : [])))].join('+')
        : (n['Index Name'] ?? n['Node Type']),
    );
}

/**
 * The look-ups that run on every search, every request's file, every breach page and every
 * message filed, on the tables that grow with use (the requests register, the audit log, the
 * mailbox): each must find its rows through an index, or its cost grows with the table (a
 * register of 10,000 requests made every search 5 ms slower; docs/performance.md). The tables
 * are grown to a few thousand rows, enough that reading them whole is never the cheaper plan,
 * and each statement is planned as the console sends it.
 */
describe('look-ups on the tables that grow with use', () => {
  let c: TestConsole;
  let token: string;
  let dataSource: DataSource;
  const anna = uniqueEmail('anna');
  const bruno = uniqueEmail('bruno');
  let annas: { id: string; reference: string };
  let brunos: { id: string; reference: string };
  let annasAgain: { id: string; reference: string };
  const fileQuery = (id: string) => ({
    filter: JSON.stringify({ entityId: id }),
    sort: JSON.stringify(['id', 'ASC']),
    range: JSON.stringify([0, 999]),
  });

  beforeAll(async () => {
    c = await startTestConsole();
    token = await c.login();
    dataSource = c.running.app.get(DataSource);
    annas = await recordRequest(c, token, 'access', { name: 'Anna Conti', email: anna });
    brunos = await recordRequest(c, token, 'erasure', { name: 'Bruno Riva', email: bruno });
    // Anna again, her address written as she wrote it: another request of the same person.
    annasAgain = await recordRequest(c, token, 'erasure', { name: 'Anna Conti', email: ` ${anna.toUpperCase()}` });
    // A register of a few years: other people's requests, each made from an e-mail.
    const [model] = await sql(c, 'SELECT * FROM requests WHERE id = $1', [annas.id]);
    await sql(
      c,
      `INSERT INTO requests (id, reference, type, type_guessed, status, channel, language, received_at, subject_name,
         subject_email, subject_phone, email_message_id, due_date, sla_due_date, working_due_date, created_at,
         updated_at, version, answered_late, identity_pause_days, minor_suspected)
       SELECT gen_random_uuid(), 'DSR-1990-' || i, 'access', false, 'closed', 'email', 'it', $1, 'Someone Else',
         'someone.' || i || '@example.org', '+39 347 ' || lpad(i::text, 7, '0'), '<letter.' || i || '@example.org>',
         $2, $2, $2, $1, $1, 1, false, 0, false
       FROM generate_series(1, 3000) AS i`,
      [model.received_at, model.due_date],
    );
    // A mailbox of some months: filed messages, most on a request; two not filed yet.
    await sql(
      c,
      `INSERT INTO mailbox_messages (id, mailbox, uid_validity, uid, dedupe_key, message_id, sha256, size, sealed,
         imported_at, request_id, filed_at)
       SELECT gen_random_uuid(), 'privacy@vimage.it/INBOX', 1, i, 'm' || i, '<m.' || i || '@example.org>', 'x', 1,
         '\\x00'::bytea, now(), CASE WHEN i % 4 = 0 THEN NULL ELSE $1::uuid END, CASE WHEN i > 2 THEN now() END
       FROM generate_series(1, 3000) AS i`,
      [brunos.id],
    );
    // A log of some months: reads of other records, chained as the console chains them.
    const audit = c.running.app.get(AuditService);
    await dataSource.transaction(async (manager) => {
      audit.hold(manager);
      for (let i = 0; i < 3000; i++)
        await audit.record(manager, null, { action: 'record.viewed', entity: 'leads', entityId: randomUUID() });
      // And pages of lists read, each naming the records it showed.
      for (let i = 0; i < 1000; i++)
        await audit.record(manager, null, {
          action: 'records.listed',
          entity: 'leads',
          details: { ids: [randomUUID(), randomUUID()], range: '[0,1]' },
        });
      await audit.appendHeld(manager);
    });
    await sql(c, 'ANALYZE requests');
    await sql(c, 'ANALYZE mailbox_messages');
    await sql(c, 'ANALYZE audit_events');
  });
  afterAll(() => c?.close());

  describe("a person's requests, by e-mail", () => {
    it("a search shows the searched person's requests and no one else's", async () => {
      const search = async (q: string) => {
        const res = await c.api(`/api/subjects/search?q=${encodeURIComponent(q)}`, { token });
        expect(res.status).toBe(200);
        return (res.body.requests as Array<{ reference: string }>).map((r) => r.reference);
      };
      expect(await search(anna.toUpperCase())).toEqual([annasAgain.reference, annas.reference]);
      expect(await search(bruno)).toEqual([brunos.reference]);
    });

    it('the search statement reads them through the index on lower(subject_email)', async () => {
      const params = subjectSearchParameters(
        [
          ['email', anna],
          ['account', anna],
        ],
        ['vimage.it'],
        { suppressionHash: 'f'.repeat(64), email: anna, recordsPerSource: 400 },
      );
      expect(await scansOf(c, subjectSearchStatement(dataSource).text, params, 'requests', /subject_email/)).toEqual([
        'IDX_requests_subject_email',
      ]);
    });

    it("a breach's page of affected people looks up each one's language through it", async () => {
      const page = [new Date(Date.now() - 86_400_000), new Date(), ['vimage.it'], randomUUID(), 25, 0];
      expect(await scansOf(c, affectedPageSql(AFFECTED_SOURCES), page, 'requests', /subject_email/)).toEqual([
        'IDX_requests_subject_email',
      ]);
    });
  });

  describe("a request's other requests, on every request opened", () => {
    it('finds them by the e-mail or the phone through their indexes, and only the same person', async () => {
      const res = await c.api(`/api/requests/${annas.id}/other-requests`, { token });
      expect(res.status).toBe(200);
      expect(res.body.requests.map((r: { reference: string }) => r.reference)).toEqual([annasAgain.reference]);
      expect(await scansOf(c, OTHER_REQUESTS_SQL, [annas.id, anna, '70000042'], 'requests')).toEqual([
        'IDX_requests_subject_email_trimmed+IDX_requests_subject_phone_tail',
      ]);
    });
  });

  describe("a request's file: the audit events about it", () => {
    it("lists the request's own events and not another's, and the chain still verifies", async () => {
      const list = async (id: string) => {
        const q = fileQuery(id);
        const res = await c.api(
          `/api/audit-events?filter=${encodeURIComponent(q.filter)}&sort=${encodeURIComponent(q.sort)}&range=${q.range}`,
          { token },
        );
        expect(res.status).toBe(200);
        return res.body as Array<{ action: string; entityId: string }>;
      };
      for (const request of [annas, brunos]) {
        const events = await list(request.id);
        expect(events.map((e) => e.action)).toContain('request.created');
        expect(events.every((e) => e.entityId === request.id)).toBe(true);
      }
      const verified = await c.api('/api/audit/verify', { token });
      expect(verified.body).toMatchObject({ valid: true });
      expect(verified.body.checked).toBeGreaterThan(3000);
    });

    it('verifies the chain in slices, and a change deep in it is found and counted from its start', async () => {
      // Past the first slices hashed between two turns of the event loop (AuditService.verify).
      const [victim] = await sql(
        c,
        'SELECT e.id::text AS id, e.details FROM audit_events e ORDER BY e.id OFFSET 1700 LIMIT 1',
      );
      await sql(c, 'ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      try {
        await sql(c, `UPDATE audit_events SET details = '{"ids":[]}' WHERE id = $1`, [victim.id]);
        const changed = await c.api('/api/audit/verify', { token });
        expect(changed.body).toMatchObject({ valid: false, firstBrokenId: victim.id, reason: 'hash_mismatch' });
        expect(changed.body.checked).toBe(1700);
      } finally {
        await sql(c, `UPDATE audit_events SET details = $2 WHERE id = $1`, [victim.id, JSON.stringify(victim.details)]);
        await sql(c, 'ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
      }
      expect((await c.api('/api/audit/verify', { token })).body.valid).toBe(true);
    });

    it('answers two files opened together with one verification, and the next file with a new one', async () => {
      const [first, second] = await Promise.all([
        c.api('/api/audit/verify', { token }),
        c.api('/api/audit/verify', { token }),
      ]);
      expect(first.body).toMatchObject({ valid: true });
      expect(second.body.verifiedAt).toBe(first.body.verifiedAt);
      expect(second.body.checked).toBe(first.body.checked);
      const later = await c.api('/api/audit/verify', { token });
      expect(later.body.valid).toBe(true);
      expect(later.body.verifiedAt > first.body.verifiedAt).toBe(true);
    });

    it('the list finds them through the index on entity_id', async () => {
      const repository = dataSource.getRepository(AuditEvent);
      const parsed = parseListQuery(AUDIT_EVENTS_LIST, fileQuery(annas.id));
      const [text, params] = repository
        .createQueryBuilder(repository.metadata.name)
        .setFindOptions({
          where: toWhere(parsed, AUDIT_EVENTS_LIST.searchable),
          order: { id: 'ASC' },
          skip: parsed.range?.skip,
          take: parsed.range?.take,
        })
        .getQueryAndParameters();
      expect(await scansOf(c, text, params, 'audit_events', /entity_id/)).toEqual(['IDX_audit_events_entity_id']);
    });
  });

  describe('the audit log of a person: everything about Anna', () => {
    it('asks for her records once for the whole log, not once for every page read in it', async () => {
      const parsed = parseListQuery(AUDIT_EVENTS_LIST, { range: JSON.stringify([0, 24]) });
      const where = toWhere(parsed, AUDIT_EVENTS_LIST.searchable, ledgerWhere({ person: anna }));
      const [text, params] = dataSource
        .getRepository(AuditEvent)
        .createQueryBuilder('row')
        .setFindOptions({ where, order: { id: 'DESC' }, take: 25 })
        .getQueryAndParameters();
      const [row] = await sql(c, `EXPLAIN (ANALYZE, FORMAT JSON) ${text}`, params);
      const lookups = nodesOf(row['QUERY PLAN'][0].Plan).filter((n) => n['Relation Name'] === 'subject_identifiers');
      expect(lookups.length).toBeGreaterThan(0);
      // Built again for each of the 1,000 pages read, the look-up ran 1,000 times.
      for (const lookup of lookups) expect(lookup['Actual Loops']).toBeLessThanOrEqual(1);
      // Her requests' events, none of Bruno's request and none of the pages that showed other records.
      const res = await c.api(
        `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ person: anna, reads: true }))}&range=[0,99]`,
        { token },
      );
      expect(res.status).toBe(200);
      const events = res.body as Array<{ requestId: string | null; action: string }>;
      // (A search for her names no request.)
      expect(new Set(events.map((event) => event.requestId).filter(Boolean))).toEqual(
        new Set([annas.id, annasAgain.id]),
      );
      expect(events.some((event) => event.action === 'records.listed')).toBe(false);
    });
  });

  describe('the audit log as the officer first sees it: reads grouped', () => {
    const newestFirst = () => parseListQuery(AUDIT_EVENTS_LIST, { range: JSON.stringify([0, 24]) });

    it('groups a window of the newest events found by the primary key, and looks past its edge by actor', async () => {
      const repository = dataSource.getRepository(AuditEvent);
      const { text, parameters } = groupedPageSql(
        repository,
        newestFirst(),
        AUDIT_EVENTS_LIST.searchable,
        {},
        {
          window: 1000,
        },
      );
      // As `id IN (the window)` the planner hashed the window's ids and read the whole log.
      expect(await scansOf(c, text, parameters, 'audit_events', /= ANY/)).toEqual([expect.stringMatching(/^PK_/)]);
      expect(await scansOf(c, text, parameters, 'audit_events', /COALESCE/)).toEqual(['IDX_audit_events_actor_order']);
      expect(await scansOf(c, text, parameters, 'audit_events')).not.toContain('Seq Scan');
      // The page from a window of 1,000 events is the page from the whole log, with an estimated total.
      const window = await findGroupedPage(
        repository,
        newestFirst(),
        AUDIT_EVENTS_LIST.searchable,
        {},
        { window: 1000 },
      );
      const whole = await findGroupedPage(
        repository,
        newestFirst(),
        AUDIT_EVENTS_LIST.searchable,
        {},
        {
          window: 100_000,
        },
      );
      expect(window.rows.map((row) => row.group)).toEqual(whole.rows.map((row) => row.group));
      expect(window.total).toBeGreaterThan(1000);
      expect(whole.total).toBeGreaterThan(3000);
      // As the console asks for it: a log of a few thousand events is grouped whole, its lines
      // counted exactly (past EXACT_COUNT_LIMIT events, from a window with an estimate).
      const screen = await findGroupedPage(repository, newestFirst(), AUDIT_EVENTS_LIST.searchable, {});
      expect(screen.rows.map((row) => row.group)).toEqual(whole.rows.map((row) => row.group));
      expect(screen.total).toBe(whole.total);
    });

    it("reads a person's events once for a page of lines, as the console sends it", async () => {
      const repository = dataSource.getRepository(AuditEvent);
      const { text, parameters } = groupedPageSql(
        repository,
        newestFirst(),
        AUDIT_EVENTS_LIST.searchable,
        ledgerWhere({ person: anna }),
        { window: GROUPED_WINDOW, wholeUpTo: EXACT_COUNT_LIMIT },
      );
      const [row] = await sql(c, `EXPLAIN (ANALYZE, FORMAT JSON) ${text}`, parameters);
      const reads = nodesOf(row['QUERY PLAN'][0].Plan).filter(
        (n) =>
          n['Relation Name'] === 'audit_events' &&
          Number(n['Actual Loops']) > 0 &&
          /subject\.searched/.test(String(n.Filter ?? '')),
      );
      // Inlined, the ids' read was made once for each use of them: six reads of the log.
      expect(reads).toHaveLength(1);
      // Her events, grouped whole (a few), counted exactly; none of Bruno's request.
      const page = await findGroupedPage(
        repository,
        newestFirst(),
        AUDIT_EVENTS_LIST.searchable,
        ledgerWhere({ person: anna }),
      );
      expect(page.rows.length).toBeGreaterThan(0);
      expect(page.total).toBe(page.rows.length);
      const requestOf = (event: AuditEvent) => (event.entity === 'request' ? event.entityId : event.details.requestId);
      expect(page.rows.map((line) => requestOf(line.event))).not.toContain(brunos.id);
    });

    it.skipIf(process.env.TEST_DATABASE === 'embedded')(
      "runs the console's server sessions without JIT, which compiled longer than such a page ran",
      async () => {
        expect(await dataSource.query('SHOW jit')).toEqual([{ jit: 'off' }]);
      },
    );

    it('sorted by another column, looks up the newest event of each line by its id, never joining the log to every line', async () => {
      const repository = dataSource.getRepository(AuditEvent);
      const parsed = parseListQuery(AUDIT_EVENTS_LIST, {
        range: JSON.stringify([0, 24]),
        sort: JSON.stringify(['actorEmail', 'ASC']),
      });
      const { text, parameters } = groupedPageSql(
        repository,
        parsed,
        AUDIT_EVENTS_LIST.searchable,
        {},
        { window: null },
      );
      // As a plain join the planner may walk the log in the page's order and compare each event
      // with every line: at 80,000 events that ran for minutes.
      // The look-up's condition names the line's newest id (PostgreSQL writes it max(lines.id)).
      expect(await scansOf(c, text, parameters, 'audit_events', /last_id|max\(\w+\.id\)/)).toEqual([
        expect.stringMatching(/^PK_/),
      ]);
      const res = await c.api(
        `/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ reads: 'grouped' }))}&range=[0,24]`,
        { token },
      );
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(25);
      expect(Number(/\/(\d+)$/.exec(res.headers.get('content-range') ?? '')![1])).toBeGreaterThan(3000);
    });
  });

  describe('the mailbox, for every message filed and every reading', () => {
    const thread = [
      ['<m.17@example.org>', '<letter.9@example.org>'],
      ['m.17@example.org', 'letter.9@example.org'],
    ];

    it("finds the request a reply's thread names by the Message-IDs held", async () => {
      expect(await scansOf(c, REQUEST_OF_THREAD_SQL, thread, 'mailbox_messages')).toEqual([
        'IDX_mailbox_messages_message_id',
      ]);
      expect(await scansOf(c, REQUEST_OF_THREAD_SQL, thread, 'requests')).toEqual(['IDX_requests_email_message_id']);
      const [hit] = await sql(c, REQUEST_OF_THREAD_SQL, thread);
      expect(hit.request_id).toBe(brunos.id);
    });

    it('finds the messages not filed yet without reading the filed ones', async () => {
      expect(await scansOf(c, unfiledMessagesSql('except'), [[]], 'mailbox_messages')).toEqual([
        'IDX_mailbox_messages_unfiled',
      ]);
      const unfiled = await sql(c, unfiledMessagesSql('except'), [[]]);
      expect(unfiled).toHaveLength(2);
    });
  });
});
