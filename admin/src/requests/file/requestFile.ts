import type { AuditEvent } from '../../api';
import type { RequestEvent } from '../../api';

/**
 * What the request's file (docs/requests.md § The request's file) takes from the timeline and the
 * audit log: plain rules, so that what counts as a decision is one list with its unit test.
 */

/** The timeline's kinds that record a decision of the controller on the request (Art. 12 to 22). */
export const DECISION_KINDS: readonly string[] = [
  'verified',
  'subject_changed',
  'identity_info_requested',
  'identity_info_received',
  'receipt_changed',
  'extended',
  'fee_charged',
  'minor_decided',
  'rejected',
  'review_decided',
  'erasure_started',
  'erasure_waived',
  'erasure_completed',
  'legal_hold_placed',
  'legal_hold_lifted',
  'rectified',
  'restricted',
  'restriction_lifted',
  'consent_withdrawn',
  'withdrawal_lifted',
  'objection_recorded',
  'objection_decided',
  'closed',
];

export const decisionsOf = (events: readonly RequestEvent[]): RequestEvent[] =>
  events.filter((event) => DECISION_KINDS.includes(event.kind));

/** A package handed over: each download is a timeline line with the archive's own checksum. */
export interface HandedPackage {
  at: string;
  by: string | null;
  kind: string;
  size: number | null;
  sha256: string;
}

export const packagesOf = (events: readonly RequestEvent[]): HandedPackage[] =>
  events.flatMap((event) => {
    const details = event.details ?? {};
    if (event.kind !== 'exported' || typeof details.sha256 !== 'string') return [];
    return [
      {
        at: event.at,
        by: event.actorEmail,
        kind: typeof details.kind === 'string' ? details.kind : 'access',
        size: typeof details.size === 'number' ? details.size : null,
        sha256: details.sha256,
      },
    ];
  });

/** A read of the request (its page, its timeline): counted, not listed, so the file stays readable. */
export const isRead = (event: Pick<AuditEvent, 'action'>) => /[._](viewed|listed)$/.test(event.action);

/** The audit events about the request, oldest first, with its reads counted apart. */
export const auditTrailOf = (events: readonly AuditEvent[]) => {
  const sorted = [...events].sort((a, b) => Number(a.id) - Number(b.id));
  return { changes: sorted.filter((e) => !isRead(e)), reads: sorted.filter(isRead).length };
};
