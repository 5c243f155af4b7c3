import { describe, expect, it } from 'vitest';
import { AFFECTED_SOURCES, affectedCountSql, affectedCte, affectedPageSql } from './affected-people';

describe('affected-people SQL', () => {
  it('reads each chosen source by the column that dates its records, and no other', () => {
    const sql = affectedCte(['leads', 'chat-messages']);
    expect(sql).toContain(`FROM "leads" WHERE "submitted_at" <= $2`);
    expect(sql).toContain(`FROM "chat_messages" WHERE "sent_at" <= $2`);
    expect(sql).not.toContain('consent_records');
    expect(sql).not.toContain('access_logs');
  });

  it('builds its text from the fixed table only: an unknown source is left out, none reads nothing', () => {
    expect(affectedCte(['leads"; DROP TABLE leads; --'])).toContain('WHERE false');
    expect(affectedCte([])).toContain('WHERE false');
    expect(affectedCte(['constructor', '__proto__'])).toContain('WHERE false');
  });

  it('knows every source of the catalogue', () => {
    expect(AFFECTED_SOURCES).toEqual([
      'leads',
      'chat-conversations',
      'chat-messages',
      'calendar-connections',
      'calendar-events',
      'consents',
      'access-logs',
    ]);
  });

  it('leaves the company’s own addresses out and pages with parameters', () => {
    expect(affectedCountSql(['leads'])).toContain(`split_part(si.value, '@', 2) = ANY($3::text[])`);
    expect(affectedPageSql(['leads'])).toContain('LIMIT $5 OFFSET $6');
  });
});
