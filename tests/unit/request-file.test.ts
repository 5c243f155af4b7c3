import { describe, expect, it } from 'vitest';
import { requestsEnglish } from '../../admin/src/requests/messages.en';
import { requestsItalian } from '../../admin/src/requests/messages.it';
import { rightsEnglish } from '../../admin/src/requests/rights/messages.en';
import { rightsItalian } from '../../admin/src/requests/rights/messages.it';
import { auditTrailOf, DECISION_KINDS, decisionsOf, packagesOf } from '../../admin/src/requests/file/requestFile';
import type { AuditEvent, RequestEvent } from '../../admin/src/api';

/** Timeline lines that record the work, not a decision on the request. */
const NOT_DECISIONS = [
  'received',
  'note',
  'identity_check',
  'updated',
  'exported',
  'export_interrupted',
  'export_failed',
  'identity_document_added',
  'identity_documents_destroyed',
  'identity_evidence',
  'letter_sent',
  'letter_failed',
  'email_received',
  'subject_message',
  'subject_attachment',
  'erasure_resumed',
  'erasure_source_done',
  'erasure_source_failed',
  'held_records_erased',
];

const event = (kind: string, details: Record<string, unknown> = {}, at = '2026-11-02T10:00:00.000Z') =>
  ({
    id: `${kind}-${at}`,
    requestId: 'r1',
    at,
    kind,
    actorId: null,
    actorEmail: 'dpo@vimage.it',
    message: null,
    details,
  }) as RequestEvent;

describe("the request's file (Art. 5(2): the controller shall be able to demonstrate)", () => {
  const kinds = [
    ...Object.keys(requestsEnglish.resources.requests.events),
    ...Object.keys(rightsEnglish.resources.requests.events),
  ];

  it('classifies every kind of timeline line the console knows as a decision or not, never both', () => {
    for (const kind of kinds) {
      expect(DECISION_KINDS.includes(kind) !== NOT_DECISIONS.includes(kind), kind).toBe(true);
    }
    for (const kind of DECISION_KINDS) expect(kinds, kind).toContain(kind);
  });

  it('names every decision in English and in Italian', () => {
    const italian = { ...requestsItalian.resources.requests.events, ...rightsItalian.resources.requests.events };
    for (const kind of DECISION_KINDS) expect(italian[kind as keyof typeof italian], kind).toBeTruthy();
  });

  it('takes the decisions in their order, and leaves the work out', () => {
    const timeline = [
      event('received'),
      event('verified', {}, '2026-11-03T10:00:00.000Z'),
      event('letter_sent', {}, '2026-11-04T10:00:00.000Z'),
      event('rejected', {}, '2026-11-05T10:00:00.000Z'),
    ];
    expect(decisionsOf(timeline).map((e) => e.kind)).toEqual(['verified', 'rejected']);
  });

  it('lists each downloaded package with its checksum, and not an interrupted one', () => {
    const sha256 = 'a'.repeat(64);
    const packages = packagesOf([
      event('exported', { kind: 'portability', sha256, size: 2048 }),
      event('export_interrupted', { kind: 'access', bytesSent: 10 }),
      event('exported', { kind: 'access' }),
    ]);
    expect(packages).toEqual([
      { at: '2026-11-02T10:00:00.000Z', by: 'dpo@vimage.it', kind: 'portability', size: 2048, sha256 },
    ]);
  });

  it('lists the audit events that change something in chain order, and counts the reads apart', () => {
    const audit = (id: string, action: string) => ({ id, action }) as AuditEvent;
    const trail = auditTrailOf([
      audit('12', 'request.verified'),
      audit('9', 'request.viewed'),
      audit('3', 'request.created'),
      audit('14', 'request-events.listed'),
      audit('15', 'request.review_viewed'),
    ]);
    expect(trail.changes.map((e) => e.id)).toEqual(['3', '12']);
    expect(trail.reads).toBe(3);
  });
});
