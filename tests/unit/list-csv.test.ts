// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the admin's declaration, outside the root tsconfig
/// <reference path="../../admin/src/ra-language-italian.d.ts" />
import { describe, expect, it } from 'vitest';
import { listCsv } from '../../admin/src/common/csvCells';
import en from '../../admin/src/i18n/en';
import it_ from '../../admin/src/i18n/it';
import { SOURCES } from '../../api/src/sources/source-registry';

/**
 * The lists' Export button (issue 18): the CSV holds what the list shows (an access log's IP
 * address), headed in the console's language, each cell safe from formula injection.
 */
describe('the CSV of a list', () => {
  const log = {
    id: 7,
    ip: '203.0.113.7',
    method: 'GET',
    path: '/contatti',
    status: 200,
    userAgent: '=HYPERLINK("https://evil.example","x")',
    at: '2026-11-20T10:30:00.000Z',
    restrictedAt: null,
  };

  it('has a column for every field, headed by its label, the IP address included', () => {
    const labels: Record<string, string> = { ip: 'Indirizzo IP', userAgent: 'Browser' };
    const [header, row] = listCsv([log], (f) => labels[f] ?? f).split('\n');
    expect(header).toBe('"id","Indirizzo IP","method","path","status","Browser","at","restrictedAt"');
    expect(row).toContain('"203.0.113.7"');
  });

  it('neutralises formulas, quotes every cell, and writes lists and objects as text', () => {
    const csv = listCsv(
      [log, { id: 8, ip: '198.51.100.1', tags: ['a', '+1'], who: { name: 'Anna "A"', email: null } }],
      (f) => f,
    );
    const [header, first, second] = csv.split('\n');
    expect(header).toBe('"id","ip","method","path","status","userAgent","at","restrictedAt","tags","who"');
    expect(first).toContain('"\'=HYPERLINK(""https://evil.example"",""x"")"');
    expect(first.endsWith('"",""')).toBe(true);
    expect(second).toBe('"8","198.51.100.1","","","","","","","a; +1","name: Anna ""A"""');
  });

  // Every field a source's list answers has its label in both languages: no raw field name in a header.
  const label = (messages: any, resource: string, field: string) =>
    messages.resources?.[resource]?.fields?.[field] ?? messages.app?.csv?.fields?.[field];
  for (const source of SOURCES) {
    it(`labels every field of ${source.resource} in English and Italian`, () => {
      const fields = Object.keys(source.present({}));
      const languages: Array<[string, unknown]> = [
        ['en', en],
        ['it', it_],
      ];
      const missing = fields.flatMap((f) =>
        languages.filter(([, m]) => !label(m, source.resource, f)).map(([lang]) => `${lang}:${f}`),
      );
      expect(missing).toEqual([]);
    });
  }
});
