import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseFormulas, startsLikeFormula as browserRule } from '../../admin/src/common/csvCells';
import { csvCell, startsLikeFormula as apiRule } from '../../api/src/exports/export-csv';

/** The lists' Export button (in the browser) and the API's CSVs neutralise the same cells. */
describe("the browser's CSV export follows the API's formula rule", () => {
  it('agrees with the API on any text (fast-check)', () => {
    const start = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '', 'a', '1', "'", ' ');
    fc.assert(
      fc.property(
        fc.tuple(start, fc.oneof(fc.string(), fc.stringMatching(/^\d+(\.\d+)?$/))),
        ([a, b]) => browserRule(a + b) === apiRule(a + b),
      ),
      { numRuns: 2_000 },
    );
  });

  it('neutralises every string of a record, nested ones too, and leaves numbers alone', () => {
    const record = {
      id: 7,
      reference: 'DSR-2026-0001',
      description: '=HYPERLINK("https://evil.example","x")',
      amount: -5,
      balance: '-12.5',
      subject: { name: '@SUM(1)' },
      tags: ['ok', '+1'],
      at: null,
    };
    expect(neutraliseFormulas(record)).toEqual({
      id: 7,
      reference: 'DSR-2026-0001',
      description: '\'=HYPERLINK("https://evil.example","x")',
      amount: -5,
      balance: '-12.5',
      subject: { name: "'@SUM(1)" },
      tags: ['ok', "'+1"],
      at: null,
    });
    expect(csvCell(record.description)).toBe(
      `"${(neutraliseFormulas(record.description) as string).replaceAll('"', '""')}"`,
    );
  });
});
