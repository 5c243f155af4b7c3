import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './export-csv';

/** What the packages wrote before, with csv-stringify: each cell as text first, then quoted by it. */
const reference = (rows: unknown[][]) =>
  stringify(rows.map((row) => row.map((v) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : String(v)))));

describe('CSV of the packages', () => {
  it('writes what csv-stringify writes, hostile text included', () => {
    const rows: unknown[][] = [
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
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const rows = Array.from({ length: 200 }, () =>
      Array.from({ length: 5 }, () => Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')),
    );
    expect(rows.map(csvLine).join('')).toBe(reference(rows));
  });

  it('leaves nothing for a missing value and joins lists', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(['a', 'b'])).toBe('a; b');
    expect(csvLine(['x', null, 'y, z'])).toBe('x,,"y, z"\n');
  });
});
