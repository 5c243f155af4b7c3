import { describe, expect, it } from 'vitest';
import {
  detailsForRole,
  maskIdentifier,
  phoneDigits,
  requestIdOf,
  seesSearchedIdentifiers,
  splitLedgerFilter,
  withCanonicalIds,
} from './audit-ledger';

const A = '0b8a1c4e-2f3d-4a5b-8c6d-7e8f9a0b1c2d';
const B = '1c9b2d5f-3a4e-4b6c-9d7e-8f9a0b1c2d3e';

describe('the ledger filter', () => {
  it('takes requestId, person and reads out, and leaves the rest to the list parser', () => {
    const { rest, ledger } = splitLedgerFilter(
      JSON.stringify({ requestId: A.toUpperCase(), person: ' anna@example.org ', reads: false, action: 'x.y' }),
    );
    expect(ledger).toEqual({ requestId: A, person: 'anna@example.org', reads: false });
    expect(JSON.parse(rest as string)).toEqual({ action: 'x.y' });
    expect(splitLedgerFilter(JSON.stringify({ reads: 'true' })).ledger).toEqual({ reads: true });
    expect(splitLedgerFilter(JSON.stringify({ reads: 'grouped' })).ledger).toEqual({ reads: 'grouped' });
  });

  it('passes a filter that is not a JSON object on unchanged (the parser refuses it)', () => {
    for (const raw of [undefined, '', '{nope', '[1]', 'null', 42])
      expect(splitLedgerFilter(raw)).toEqual({ rest: raw, ledger: {} });
  });

  it('refuses a request that is not a UUID, an empty or overlong person, reads that are not a yes or no', () => {
    expect(() => splitLedgerFilter(JSON.stringify({ requestId: 'DSR-2026-0001' }))).toThrow(/filter.requestId/);
    expect(() => splitLedgerFilter(JSON.stringify({ person: '  ' }))).toThrow(/filter.person/);
    expect(() => splitLedgerFilter(JSON.stringify({ person: 'x'.repeat(255) }))).toThrow(/filter.person/);
    expect(() => splitLedgerFilter(JSON.stringify({ reads: 1 }))).toThrow(/filter.reads/);
    expect(() => splitLedgerFilter(JSON.stringify({ reads: 'Grouped' }))).toThrow(/filter.reads/);
  });
});

describe('the request an event is about', () => {
  it("is a request's own event, or the request an event names as its reason", () => {
    expect(requestIdOf({ entity: 'request', entityId: A, details: { requestId: B } })).toBe(A);
    expect(requestIdOf({ entity: 'leads', entityId: null, details: { requestId: B.toUpperCase() } })).toBe(B);
    expect(requestIdOf({ entity: 'subject', entityId: null, details: { requestId: null } })).toBeNull();
    expect(requestIdOf({ entity: 'user', entityId: A, details: {} })).toBeNull();
    expect(requestIdOf({ entity: 'leads', entityId: null, details: { requestId: 'not a uuid' } })).toBeNull();
  });
});

describe('the ids an event is recorded with', () => {
  it('are UUIDs in lower case, however the reader typed them, so that the ledger finds the event', () => {
    const read = {
      action: 'records.listed',
      entity: 'leads',
      entityId: null,
      details: { requestId: A.toUpperCase(), returned: 2 },
    };
    expect(withCanonicalIds(read)).toEqual({ ...read, details: { requestId: A, returned: 2 } });
    const viewed = { action: 'request.viewed', entity: 'request', entityId: B.toUpperCase(), details: {} };
    expect(withCanonicalIds(viewed)).toEqual({ ...viewed, entityId: B });
  });

  it('leaves what is not a UUID as it is, and adds no key an event did not have', () => {
    const key = {
      action: 'api_key.created',
      entity: 'api_key',
      entityId: 'KEY-Upper',
      details: { requestId: 'DSR-2026-0001' },
    };
    expect(withCanonicalIds(key)).toBe(key);
    const bare = { action: 'auth.login', entity: 'session', entityId: A.toUpperCase() };
    expect(withCanonicalIds(bare)).toEqual({ action: 'auth.login', entity: 'session', entityId: A });
    expect(Object.keys(withCanonicalIds({ ...bare, details: { x: 1 } }).details)).toEqual(['x']);
  });
});

describe('a searched identifier, by role (Art. 5(1)(c) minimisation, Art. 5(2) accountability)', () => {
  it('is masked enough to tell people apart, not to read them', () => {
    expect(maskIdentifier('giulia.bianchi@example.it')).toBe('g•••@example.it');
    expect(maskIdentifier('+39 347 123 4567')).toBe('•••567');
    expect(maskIdentifier('Giulia Bianchi')).toBe('G••• B•••');
    expect(maskIdentifier('93.44.12.7')).toBe('•••127');
  });

  it('reads digits as a phone only when the text is a phone', () => {
    expect(phoneDigits('347-5550101')).toBe('3475550101');
    expect(phoneDigits('+39 (347) 555 0101')).toBe('393475550101');
    expect(phoneDigits('giulia123456')).toBeNull();
    expect(phoneDigits('12345')).toBeNull();
  });

  it('is shown in full to officers and admins, masked to an auditor, in a search and in a read of the log', () => {
    expect(['admin', 'officer', 'auditor'].filter((r) => seesSearchedIdentifiers(r as never))).toEqual([
      'admin',
      'officer',
    ]);
    const search = { query: 'anna@example.org', understoodAs: 'email', requestId: A };
    expect(detailsForRole('subject.searched', search, 'officer')).toBe(search);
    expect(detailsForRole('subject.searched', search, 'auditor')).toEqual({ ...search, query: 'a•••@example.org' });
    const read = { filter: JSON.stringify({ person: 'anna@example.org', reads: false }), returned: 1 };
    expect(JSON.parse(detailsForRole('audit-events.listed', read, 'auditor').filter as string)).toEqual({
      person: 'a•••@example.org',
      reads: false,
    });
    expect(detailsForRole('audit-events.listed', read, 'admin')).toBe(read);
    // Another person's event is not touched: only the identifier searched is personal here.
    const created = { reference: 'DSR-2026-0001' };
    expect(detailsForRole('request.created', created, 'auditor')).toBe(created);
  });
});
