import type { Repository } from 'typeorm';
import { InvalidQueryError } from '../common/errors/domain.error';
import { EXACT_COUNT_LIMIT, toWhere, totalPastLimit } from '../common/rest/find-page';
import type { ListQuery } from '../common/rest/list-query';
import type { Page } from '../common/rest/content-range';
import { queryRow } from '../common/sql-rows';
import { READ_ACTIONS } from './audit-actions';
import { AuditEvent } from './audit-event.entity';

/**
 * Reads grouped (issue 23): an officer paging through a source, or opening its records one by
 * one, leaves one event per page or record in the chain, and the ledger shows them as one line.
 * A read continues the line of the same actor's previous event (among those the filters keep)
 * when it is the same action on the same list or record, for the same request, at most
 * READ_GROUP_GAP_MINUTES after it. Anything else the actor does starts a new line. The chain is
 * untouched: the grouping is done when the log is read, and each line opens to its events.
 */
export const READ_GROUP_GAP_MINUTES = 10;
/** A line holds at most this many events, so that it opens to them in one page. */
export const READ_GROUP_MAX = 500;
/**
 * Sorted by id, the lines of a page of a large log are found among the newest (or oldest)
 * events the filters keep: this many first, four times more whenever a line of the page may
 * reach past them, and the total is estimated. A log no larger than EXACT_COUNT_LIMIT events
 * is grouped whole and its lines counted exactly, as a list counts its rows (docs/audit.md).
 * Which of the two it is, the page's one statement finds as it reads the ids (no count first).
 */
export const GROUPED_WINDOW = 2_000;

export interface ReadGroup {
  /** Events on the line: 1 for anything but a run of reads. */
  count: number;
  firstAt: string;
  lastAt: string;
  /** The events of the line, oldest first (the line itself is its newest). */
  ids: string[];
}

export interface GroupedRow {
  event: AuditEvent;
  group: ReadGroup;
}

/** How the lines are cut: the defaults, or smaller ones for a test to reach a window's edge. */
export interface GroupingLimits {
  window?: number;
  lineMax?: number;
  /** A log of at most this many kept events is grouped whole: EXACT_COUNT_LIMIT, or 0 with a test's window. */
  wholeUpTo?: number;
}

interface GroupedAnswer {
  /** Lines among the events read. */
  lines: number;
  /** The window was filled: the filters keep more events than were read. */
  windowFull: boolean;
  /** The lines, from the first in the sort's order, whose places are known: those past them may move. */
  exact: number;
  rows: Array<{ lastId: string; ids: string[]; firstAt: string; lastAt: string }>;
}

const SORTABLE = ['id', 'at', 'actorEmail', 'action', 'entity', 'entityId'];

/**
 * One page of lines: the events the filters keep, runs of reads made one line each (its newest
 * event, with the run's count, span and ids), sorted by the newest event's column and paged as
 * lines, with the number of lines as the total.
 *
 * Sorted by id (the log's own order, and the screen's), a large log is grouped from a window of
 * events at the sort's end: a line whose events may reach past the window is "uncertain", and the
 * window grows until the lines up to the page's end are all in their known places. Any other sort
 * groups every event the filters keep.
 */
export async function findGroupedPage(
  repository: Repository<AuditEvent>,
  query: ListQuery,
  searchable: readonly string[],
  baseWhere: Parameters<typeof toWhere<AuditEvent>>[2],
  limits: GroupingLimits = {},
): Promise<Page<GroupedRow>> {
  const skip = query.range?.skip ?? 0;
  const take = query.range?.take;
  let window: number | null = null;
  if (query.sort.field === 'id' && take !== undefined) window = Math.max(limits.window ?? GROUPED_WINDOW, skip + take);
  // A test's own window applies to a small log too.
  const wholeUpTo = limits.wholeUpTo ?? (limits.window === undefined ? EXACT_COUNT_LIMIT : 0);
  let answer: GroupedAnswer;
  for (;;) {
    const { text, parameters } = groupedPageSql(repository, query, searchable, baseWhere, {
      window,
      lineMax: limits.lineMax,
      wholeUpTo,
    });
    answer = (await queryRow<GroupedAnswer>(repository, text, parameters))!;
    if (!answer.windowFull || skip + take! <= answer.exact) break;
    window = window! * 4;
  }
  const shown = answer.rows.length
    ? await repository
        .createQueryBuilder('event')
        .whereInIds(answer.rows.map((row) => row.lastId))
        .getMany()
    : [];
  const byId = new Map(shown.map((event) => [event.id, event]));
  return {
    rows: answer.rows.map((row) => ({
      event: byId.get(row.lastId)!,
      group: {
        count: row.ids.length,
        firstAt: new Date(row.firstAt).toISOString(),
        lastAt: new Date(row.lastAt).toISOString(),
        ids: row.ids,
      },
    })),
    // A log larger than the window (so than EXACT_COUNT_LIMIT events): as many lines per event as
    // among the events read, times PostgreSQL's estimate of the events the filters keep; never
    // fewer than were read.
    total: answer.windowFull
      ? Math.max(
          answer.lines,
          Math.round(
            (answer.lines * (await totalPastLimit(repository, toWhere<AuditEvent>(query, searchable, baseWhere)))) /
              window!,
          ),
        )
      : answer.lines,
    skip,
  };
}

/** The actor whose line an event is on: the account, else the address (a portal caller), else the system. */
const ACTOR = (alias: string) => `COALESCE(CAST(${alias}.actor_id AS text), ${alias}.actor_email, '')`;

/**
 * Whether the event `later` continues the line of `earlier`, the same actor's previous event
 * among those kept: a read, of the same list or record, for the same request, soon after. Each
 * side names its columns (the SQL of `action`, `entity`, `entity_id`, `request_id`, `at`).
 */
function continuesSql(earlier: (column: string) => string, later: (column: string) => string, gap: string): string {
  return `(${later('is_read')}
          AND ${earlier('action')} = ${later('action')}
          AND ${earlier('entity')} = ${later('entity')}
          AND ${earlier('entity_id')} IS NOT DISTINCT FROM ${later('entity_id')}
          AND ${earlier('request_id')} IS NOT DISTINCT FROM ${later('request_id')}
          AND ${later('at')} - ${earlier('at')} <= make_interval(mins => ${gap}))`;
}

/**
 * The statement of one page of lines and its parameters; it answers one row (`GroupedAnswer`).
 *
 * With a window, the ids the filters keep are read from the sort's end, `max(window, wholeUpTo)
 * + 1` at most: if there are no more than `wholeUpTo`, all are grouped (exactly), else only the
 * `window` at the sort's end. Each actor's line at the window's far edge may reach past it: the
 * actor's next event beyond the edge (found by `IDX_audit_events_actor_order`) tells. If that
 * event continues the line, the line is marked uncertain (newest first, the whole of the actor's
 * oldest run: a run is cut into parts from its start).
 *
 * Sorted by another column, the newest event of each line is looked up by its id, one line at a
 * time (a LATERAL subquery with LIMIT, which PostgreSQL cannot turn into a join): as a plain
 * join, with the page's LIMIT, the planner could choose to walk the whole log in the sort's order
 * and compare each event with every line, which at 80,000 events ran for minutes
 * (`tests/api/growing-tables.test.ts`, docs/performance.md).
 */
export function groupedPageSql(
  repository: Repository<AuditEvent>,
  query: ListQuery,
  searchable: readonly string[],
  baseWhere: Parameters<typeof toWhere<AuditEvent>>[2],
  limits: { window: number | null; lineMax?: number; wholeUpTo?: number },
): { text: string; parameters: unknown[] } {
  if (!SORTABLE.includes(query.sort.field))
    throw new InvalidQueryError('sort', `grouped reads sort by ${SORTABLE.join(', ')}`);
  const where = toWhere<AuditEvent>(query, searchable, baseWhere);
  const [matching, parameters] = repository
    .createQueryBuilder('row')
    .setFindOptions({ where })
    .select('row.id', 'id')
    .getQueryAndParameters();
  const column = repository.metadata.findColumnWithPropertyPath(query.sort.field)!.databaseName;
  const order = query.sort.order === 'ASC' ? 'ASC' : 'DESC';
  const n = parameters.length;
  const [reads, gap, lineMax, offset, limit, windowSize, reach, wholeUpTo] = [1, 2, 3, 4, 5, 6, 7, 8].map(
    (i) => `$${n + i}`,
  );
  const skip = query.range?.skip ?? 0;
  const take = query.range?.take ?? null;
  const { window } = limits;
  const newestFirst = order === 'DESC';
  // Newest first, a run straddling the edge is cut into parts from a start not yet read: all of
  // it may change. Oldest first, only its last line, and not when that line is already full.
  const farEdge = newestFirst
    ? 'run = 1'
    : `run = max(run) OVER (PARTITION BY actor) AND part = max(part) OVER (PARTITION BY actor, run)
       AND count(*) < ${lineMax}`;
  // The lines whose place is known, from the first: newest first, those newer than every
  // uncertain line; oldest first, the certain ones (an uncertain line ends past the window, so
  // after all of them: it is sorted last).
  const exact =
    window === null
      ? 'count(*)'
      : newestFirst
        ? 'count(*) FILTER (WHERE last_id > COALESCE((SELECT max(last_id) FROM grouped WHERE uncertain), 0))'
        : 'count(*) FILTER (WHERE NOT uncertain)';
  const sortValue = column === 'id' ? 'g.last_id' : 'shown.sort_value';
  // The page's order, for the page and again for its rows as one JSON array: by the value of
  // each line's newest event, oldest first with the uncertain lines last.
  const pageOrder = (line: string, value: string) =>
    `${window !== null && !newestFirst ? `${line}.uncertain, ` : ''}${value} ${order} NULLS LAST, ${line}.last_id ${order}`;
  const lookup =
    column === 'id'
      ? ''
      : `CROSS JOIN LATERAL (SELECT s.${column} AS sort_value FROM audit_events s WHERE s.id = g.last_id LIMIT 1) shown`;
  const kept = (alias: string) =>
    `SELECT ${alias}.id, ${alias}.at, ${ACTOR(alias)} AS actor, ${alias}.action, ${alias}.entity, ${alias}.entity_id,
            ${alias}.details->>'requestId' AS request_id, ${alias}.action = ANY(${reads}::text[]) AS is_read
       FROM audit_events ${alias}`;
  const beyond =
    window === null
      ? ''
      : `, edges AS (
       SELECT DISTINCT ON (actor) * FROM kept
        WHERE (SELECT overflowing FROM framed)
        ORDER BY actor, id ${newestFirst ? 'ASC' : 'DESC'}
     ), beyond AS (
       -- The event next to (actor, id) in the index's order, then checked to be the actor's: as
       -- "actor = … AND id < …" the planner could walk the whole log by id for a rare actor.
       SELECT edges.actor FROM edges CROSS JOIN LATERAL (
         ${kept('o')}
          WHERE o.id IN (${matching}) AND (${ACTOR('o')}, o.id) ${newestFirst ? '<' : '>'} (edges.actor, edges.id)
          ORDER BY ${ACTOR('o')} ${order}, o.id ${order} LIMIT 1
       ) next
        WHERE next.actor = edges.actor AND ${
          newestFirst
            ? continuesSql(
                (c) => `next.${c}`,
                (c) => `edges.${c}`,
                gap,
              )
            : continuesSql(
                (c) => `edges.${c}`,
                (c) => `next.${c}`,
                gap,
              )
        }
     )`;
  // With a window: the ids the filters keep at the sort's end, one more than a window or than a
  // log grouped whole may hold, read once (for a rare filter, such as a person, a read of the
  // whole log); a log of at most `wholeUpTo` events is grouped whole, a larger one from the window.
  // MATERIALIZED: inlined, the read was made once for each use of `ids` below (six reads).
  const framed =
    window === null
      ? ''
      : `candidates AS MATERIALIZED (
       SELECT ARRAY(${matching} ORDER BY 1 ${order} LIMIT ${reach}) AS ids
     ), framed AS (
       SELECT ids[1:reading] AS ids, cardinality(ids) > reading AS overflowing
         FROM (SELECT ids, CASE WHEN cardinality(ids) <= ${wholeUpTo} THEN cardinality(ids) ELSE ${windowSize} END AS reading
                 FROM candidates) c
     ), `;
  const text = `WITH ${framed}kept AS (
       ${kept('e')}
        WHERE ${
          window === null
            ? `e.id IN (${matching})`
            : // The window's ids as one array, looked up by the primary key: as IN (...) the
              // planner hashed them and read the whole log to find them.
              `e.id = ANY(CAST((SELECT ids FROM framed) AS bigint[]))`
        }
     )${beyond}, marked AS (
       SELECT *, CASE WHEN ${continuesSql(
         (c) => `lag(${c}) OVER actor_order`,
         (c) => c,
         gap,
       )} THEN 0 ELSE 1 END AS starts
         FROM kept WINDOW actor_order AS (PARTITION BY actor ORDER BY id)
     ), runs AS (
       SELECT *, sum(starts) OVER (PARTITION BY actor ORDER BY id) AS run FROM marked
     ), lines AS (
       SELECT actor, run, (row_number() OVER (PARTITION BY actor, run ORDER BY id) - 1) / ${lineMax} AS part, id, at
         FROM runs
     ), grouped AS (
       SELECT max(id) AS last_id, array_agg(CAST(id AS text) ORDER BY id) AS ids, min(at) AS first_at,
              max(at) AS last_at,
              ${window === null ? 'false' : `actor IN (SELECT actor FROM beyond) AND ${farEdge}`} AS uncertain
         FROM lines GROUP BY actor, run, part
     ), page AS (
       SELECT g.*, ${sortValue} AS sort_value
         FROM grouped g ${lookup}
        ORDER BY ${pageOrder('g', sortValue)}
       OFFSET ${offset}${take === null ? '' : ` LIMIT ${limit}`}
     )
     SELECT (SELECT CAST(count(*) AS int) FROM grouped) AS lines,
            (SELECT CAST(${exact} AS int) FROM grouped) AS exact,
            ${window === null ? 'false' : '(SELECT overflowing FROM framed)'} AS "windowFull",
            COALESCE((SELECT json_agg(json_build_object('lastId', CAST(p.last_id AS text), 'ids', p.ids,
                        'firstAt', p.first_at, 'lastAt', p.last_at)
                        ORDER BY ${pageOrder('p', 'p.sort_value')}) FROM page p), '[]') AS rows`;
  const values = [
    ...(parameters as unknown[]),
    [...READ_ACTIONS],
    READ_GROUP_GAP_MINUTES,
    limits.lineMax ?? READ_GROUP_MAX,
    skip,
    // A window is only read for a page (take is set), so the two are numbered in this order.
    ...(take === null ? [] : [take]),
    ...(window === null ? [] : [window, Math.max(window, limits.wholeUpTo ?? 0) + 1, limits.wholeUpTo ?? 0]),
  ];
  return { text, parameters: values };
}
