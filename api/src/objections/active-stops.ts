import type { StopReason } from './stop-rules';

/** A stop still in force, as the person's search answers it. */
export interface ActiveStop {
  reason: StopReason;
  activityId: string | null;
  activity: string | null;
  sourceSystem: string | null;
  consentCategory: string | null;
  requestId: string;
  reference: string | null;
  since: string;
  /** Records ingestion stored flagged because of it. */
  flaggedRecords: number;
}

/** The stops in force for the keyed hash in parameter `hash` (e.g. `$1`), with their requests. */
export function activeStopsQuery(hash: string): string {
  return `SELECT s.reason, s.activity_id AS "activityId", s.activity_name AS activity, s.source_system AS "sourceSystem",
            s.consent_category AS "consentCategory", s.request_id AS "requestId", r.reference, s.created_at AS since,
            (SELECT count(*)::int FROM processing_stop_flags f WHERE f.stop_id = s.id) AS "flaggedRecords"
     FROM processing_stops s LEFT JOIN requests r ON r.id = s.request_id
     WHERE s.hash = ${hash} AND s.lifted_at IS NULL ORDER BY s.created_at, s.activity_name`;
}

/** The stops as answered, from rows of `activeStopsQuery` (read as rows or as JSON). */
export function presentStops(rows: Array<ActiveStop & { since: Date | string }>): ActiveStop[] {
  return rows.map((r) => ({ ...r, since: new Date(r.since).toISOString() }));
}
