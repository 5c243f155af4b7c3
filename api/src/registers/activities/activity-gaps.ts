/**
 * What a processing activity's entry lacks that the law asks for, shown as missing rather than
 * invented:
 * - `retention_missing`: no retention period recorded, where Art. 30(1)(f) GDPR asks for "the
 *   envisaged time limits for erasure" (and Art. 13(2)(a) for telling the data subject). The
 *   seed leaves it empty where no company document and no console setting states a period.
 */
export const ACTIVITY_GAPS = ['retention_missing'] as const;
export type ActivityGap = (typeof ACTIVITY_GAPS)[number];

export interface ActivityFacts {
  retentionPolicyId: string | null;
}

export function activityGaps(a: ActivityFacts): ActivityGap[] {
  return a.retentionPolicyId ? [] : ['retention_missing'];
}

/** The same rule as an SQL condition on `activities`, for the dashboard's count. */
export const ACTIVITY_GAP_SQL: Record<ActivityGap, string> = {
  retention_missing: `retention_policy_id IS NULL`,
};
