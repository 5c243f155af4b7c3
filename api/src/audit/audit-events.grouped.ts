import type { Repository } from 'typeorm';
import { InvalidQueryError } from '../common/errors/domain.error';
import { toWhere } from '../common/rest/find-page';
import type { ListQuery } from '../common/rest/list-query';
import type { Page } from '../common/rest/content-range';
import { queryRows } from '../common/sql-rows';
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

const SORTABLE = ['id', 'at', 'actorEmail', 'action', 'entity', 'entityId'];

/**
 * One page of lines: the events the filters keep, runs of reads made one line each (its newest
 * event, with the run's count, span and ids), sorted by the newest event's column and paged as
 * lines, with the number of lines as the total.
 */
export async function findGroupedPage(
  repository: Repository<AuditEvent>,
  query: ListQuery,
  searchable: readonly string[],
  baseWhere: Parameters<typeof toWhere<AuditEvent>>[2],
): Promise<Page<GroupedRow>> {
  const skip = query.range?.skip ?? 0;
  const { text, parameters } = groupedPageSql(repository, query, searchable, baseWhere);
  const rows = await queryRows<{ lastId: string; ids: string[]; firstAt: Date; lastAt: Date; total: number }>(
    repository,
    text,
    parameters,
  );
  const events = rows.length
    ? await repository
        .createQueryBuilder('event')
        .whereInIds(rows.map((row) => row.lastId))
        .getMany()
    : [];
  const byId = new Map(events.map((event) => [event.id, event]));
  // Past the last page no row tells the total: count the lines again without the range.
  const total = rows[0]?.total ?? (skip > 0 ? await countLines(repository, query, searchable, baseWhere) : 0);
  return {
    rows: rows.map((row) => ({
      event: byId.get(row.lastId)!,
      group: {
        count: row.ids.length,
        firstAt: new Date(row.firstAt).toISOString(),
        lastAt: new Date(row.lastAt).toISOString(),
        ids: row.ids,
      },
    })),
    total,
    skip,
  };
}

/**
 * The statement of one page of lines and its parameters. The newest event of each line is looked
 * up by its id, one line at a time (a LATERAL subquery with LIMIT, which PostgreSQL cannot turn
 * into a join): as a plain join, with the page's LIMIT, the planner could choose to walk the
 * whole log in the sort's order and compare each event with every line, which at 80,000 events
 * ran for minutes (`tests/api/growing-tables.test.ts`, docs/performance.md).
 */
export function groupedPageSql(
  repository: Repository<AuditEvent>,
  query: ListQuery,
  searchable: readonly string[],
  baseWhere: Parameters<typeof toWhere<AuditEvent>>[2],
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
  const skip = query.range?.skip ?? 0;
  const take = query.range?.take ?? null;
  const text = `WITH kept AS (
       SELECT e.id, e.at, COALESCE(CAST(e.actor_id AS text), e.actor_email, '') AS actor, e.action, e.entity,
              e.entity_id, e.details->>'requestId' AS request_id, e.action = ANY($${n + 1}::text[]) AS is_read
         FROM audit_events e WHERE e.id IN (${matching})
     ), marked AS (
       SELECT *, CASE WHEN is_read
                   AND lag(action) OVER actor_order = action
                   AND lag(entity) OVER actor_order = entity
                   AND lag(entity_id) OVER actor_order IS NOT DISTINCT FROM entity_id
                   AND lag(request_id) OVER actor_order IS NOT DISTINCT FROM request_id
                   AND at - lag(at) OVER actor_order <= make_interval(mins => $${n + 2})
                 THEN 0 ELSE 1 END AS starts
         FROM kept WINDOW actor_order AS (PARTITION BY actor ORDER BY id)
     ), runs AS (
       SELECT *, sum(starts) OVER (PARTITION BY actor ORDER BY id) AS run FROM marked
     ), lines AS (
       SELECT actor, run, (row_number() OVER (PARTITION BY actor, run ORDER BY id) - 1) / $${n + 3} AS part, id, at
         FROM runs
     ), grouped AS (
       SELECT max(id) AS last_id, array_agg(CAST(id AS text) ORDER BY id) AS ids, min(at) AS first_at, max(at) AS last_at
         FROM lines GROUP BY actor, run, part
     )
     SELECT CAST(g.last_id AS text) AS "lastId", g.ids, g.first_at AS "firstAt", g.last_at AS "lastAt",
            CAST(count(*) OVER () AS int) AS total
       FROM grouped g
       CROSS JOIN LATERAL (SELECT s.${column} AS sort_value FROM audit_events s WHERE s.id = g.last_id LIMIT 1) shown
      ORDER BY shown.sort_value ${order} NULLS LAST, g.last_id ${order}
      OFFSET $${n + 4}${take === null ? '' : ` LIMIT $${n + 5}`}`;
  const values = [
    ...(parameters as unknown[]),
    [...READ_ACTIONS],
    READ_GROUP_GAP_MINUTES,
    READ_GROUP_MAX,
    skip,
    ...(take === null ? [] : [take]),
  ];
  return { text, parameters: values };
}

async function countLines(
  repository: Repository<AuditEvent>,
  query: ListQuery,
  searchable: readonly string[],
  baseWhere: Parameters<typeof toWhere<AuditEvent>>[2],
): Promise<number> {
  const first = await findGroupedPage(repository, { ...query, range: { skip: 0, take: 1 } }, searchable, baseWhere);
  return first.total;
}
