import { describe, expect, it } from 'vitest';
import { detailRows } from '../../admin/src/audit-events/details';

const A = '0b8a1c4e-2f3d-4a5b-8c6d-7e8f9a0b1c2d';

/** An audit event's details as the console lays them out: labelled rows of words, not JSON. */
describe("an audit event's details as labelled words", () => {
  it('reads a search: what was searched first, understood as, found in which sources', () => {
    const rows = detailRows({
      action: 'subject.searched',
      entity: 'subject',
      requestId: A,
      requestReference: 'DSR-2026-0003',
      details: { found: { leads: 1, consents: 2 }, query: 'anna@example.org', requestId: A, understoodAs: 'email' },
    });
    expect(rows.map((r) => r.key)).toEqual(['query', 'understoodAs', 'found']);
    expect(rows[0]).toEqual({
      key: 'query',
      labels: ['resources.audit-events.details.query'],
      value: { kind: 'text', text: 'anna@example.org' },
    });
    expect(rows[1].value).toEqual({ kind: 'word', key: 'app.find_person.kinds.email', fallback: 'email' });
    expect(rows[2].value).toMatchObject({
      kind: 'rows',
      rows: [
        { key: 'leads', labels: ['app.menu.sources.leads'], value: { kind: 'number', value: 1 } },
        { key: 'consents', labels: ['app.menu.sources.consents'], value: { kind: 'number', value: 2 } },
      ],
    });
  });

  it('reads a page read as its range, its records and its filter in the source’s own field names', () => {
    const rows = detailRows({
      action: 'records.listed',
      entity: 'leads',
      requestId: A,
      requestReference: 'DSR-2026-0003',
      details: {
        filter: JSON.stringify({ email: 'anna@example.org' }),
        range: '[0,24]',
        returned: 2,
        total: 2,
        ids: ['7', '9'],
        requestId: A,
      },
    });
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(byKey.requestId).toBeUndefined();
    expect(byKey.range.value).toEqual({ kind: 'page', from: 1, to: 25, total: 2 });
    expect(byKey.ids.value).toEqual({ kind: 'records', ids: ['7', '9'] });
    expect(byKey.filter.value).toEqual({
      kind: 'rows',
      rows: [
        {
          key: 'email',
          labels: ['resources.audit-events.details.email', 'resources.leads.fields.email'],
          value: { kind: 'text', text: 'anna@example.org' },
        },
      ],
    });
  });

  it('gives rights, statuses, outcomes, dates and yes/no their words; ids stay as codes', () => {
    const rows = detailRows({
      action: 'request.closed',
      entity: 'request',
      requestId: A,
      requestReference: 'DSR-2026-0003',
      details: {
        reference: 'DSR-2026-0003',
        type: 'erasure',
        fromStatus: 'in_progress',
        toStatus: 'completed',
        outcome: 'processing_stopped',
        receivedAt: '2026-11-02T09:00:00.000Z',
        legalDueDate: '2026-12-02',
        typeGuessed: false,
        consentRecordId: A,
        activities: ['Newsletter', 'Profiling'],
      },
    });
    const value = (key: string) => rows.find((r) => r.key === key)?.value;
    expect(value('reference')).toBeUndefined();
    expect(value('type')).toEqual({ kind: 'word', key: 'resources.requests.types.erasure', fallback: 'erasure' });
    expect(value('toStatus')).toMatchObject({ key: 'resources.requests.statuses.completed' });
    expect(value('outcome')).toMatchObject({ key: 'resources.audit-events.values.processing_stopped' });
    // A reason the API writes in English has words; one an officer typed falls back to itself.
    expect(detailRows({ action: 'auth.login_failed', entity: 'user', details: { reason: 'wrong password' } })).toEqual([
      {
        key: 'reason',
        labels: ['resources.audit-events.details.reason'],
        value: { kind: 'word', key: 'resources.audit-events.values.wrong_password', fallback: 'wrong password' },
      },
    ]);
    expect(value('receivedAt')).toEqual({ kind: 'date', value: '2026-11-02T09:00:00.000Z', dateOnly: false });
    expect(value('legalDueDate')).toEqual({ kind: 'date', value: '2026-12-02', dateOnly: true });
    expect(value('typeGuessed')).toEqual({ kind: 'yesno', value: false });
    expect(value('consentRecordId')).toEqual({ kind: 'code', text: A });
    expect(value('activities')).toEqual({
      kind: 'list',
      items: [
        { kind: 'text', text: 'Newsletter' },
        { kind: 'text', text: 'Profiling' },
      ],
    });
  });

  it("names a rectified field by the source's label for it", () => {
    const [changes] = detailRows({
      action: 'subject.rectified',
      entity: 'request',
      requestId: A,
      requestReference: 'DSR-2026-0003',
      details: { changes: [{ source: 'leads', recordId: '7', field: 'phone', before: '347', after: '348' }] },
    });
    expect(changes.value).toMatchObject({
      kind: 'list',
      items: [
        {
          kind: 'rows',
          rows: [
            { key: 'source', value: { kind: 'word', key: 'app.menu.sources.leads' } },
            { key: 'recordId', value: { kind: 'text', text: '7' } },
            { key: 'field', value: { kind: 'word', key: 'resources.leads.fields.phone', fallback: 'phone' } },
            { key: 'before', value: { kind: 'text', text: '347' } },
            { key: 'after', value: { kind: 'text', text: '348' } },
          ],
        },
      ],
    });
  });
});
