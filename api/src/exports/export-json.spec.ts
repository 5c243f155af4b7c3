import { describe, expect, it } from 'vitest';
import { jsonRecord } from './export-json';

describe('JSON records of the packages', () => {
  it('writes what JSON.stringify writes, hostile text included', () => {
    const records: Array<Record<string, unknown>> = [
      {
        plain: 'text',
        quote: 'say "hi"',
        backslash: 'C:\\dir',
        lines: 'a\nb\r\nc\td',
        control: '\u0000\u001f\u007f',
        slash: '</script>',
      },
      {
        unicode: 'é ü 中文 🙂',
        lone: '\ud800 and \udfff',
        pair: '\ud83d\ude42',
        bom: '\ufeff',
        separators: '\u2028\u2029',
      },
      { zero: 0, negative: -1.5, big: 1e21, nan: NaN, infinite: Infinity, yes: true, no: false, nothing: null },
      { skipped: undefined, fn: () => 1, kept: 'after skipped' },
      {
        list: ['calendar', 'calendar.readonly'],
        nested: { a: [1, { b: 'c"' }] },
        date: new Date('2026-11-22T10:15:00.123Z'),
        empty: '',
      },
      { 'key "quoted"': 1, 'key\nline': 2, é: 3 },
      {},
      { onlySkipped: undefined },
    ];
    for (const record of records) expect(jsonRecord(record)).toBe(JSON.stringify(record));
  });

  it('writes random text as JSON.stringify does', () => {
    const alphabet = ['a', 'Z', ' ', '"', '\\', '\n', '\u0001', 'è', '\ud83d', '\ude42', '/', '{', '}', ','];
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const text = () =>
      Array.from({ length: Math.floor(random() * 10) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(
        '',
      );
    for (let i = 0; i < 300; i++) {
      const record = { [text()]: text(), role: text(), content: text() };
      expect(jsonRecord(record)).toBe(JSON.stringify(record));
    }
  });
});
