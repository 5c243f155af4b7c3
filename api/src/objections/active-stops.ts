import type { EntityManager } from 'typeorm';
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

/** The stops in force for one identifier's keyed hash, with their requests (the person's search). */
export async function activeStops(manager: EntityManager, hash: string): Promise<ActiveStop[]> {
  const rows: Array<ActiveStop & { since: Date | string }> = await manager.query(
    `SELECT s.reason, s.activity_id AS "activityId", s.activity_name AS activity, s.source_system AS "sourceSystem",
            s.consent_category AS "consentCategory", s.request_id AS "requestId", r.reference, s.created_at AS since,
            (SELECT count(*)::int FROM processing_stop_flags f WHERE f.stop_id = s.id) AS "flaggedRecords"
     FROM processing_stops s LEFT JOIN requests r ON r.id = s.request_id
     WHERE s.hash = $1 AND s.lifted_at IS NULL ORDER BY s.created_at, s.activity_name`,
    [hash],
  );
  return rows.map((r) => ({ ...r, since: new Date(r.since).toISOString() }));
}
