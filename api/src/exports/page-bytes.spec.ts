import { describe, expect, it } from 'vitest';
import { PageBytes } from './page-bytes';

describe('PageBytes', () => {
  it('holds the UTF-8 of what was written, growing as needed', () => {
    const texts = ['[\n', '  {"a":"é ü 中文 🙂"}', ',\n', 'x'.repeat(5000), '\ud800 lone', ''];
    const page = new PageBytes(10);
    for (const text of texts) page.write(text);
    const expected = Buffer.from(texts.join(''), 'utf8');
    expect(page.bytes().equals(expected)).toBe(true);
    expect(page.size).toBe(expected.length);
  });

  it('writes a page of many records as Buffer.from writes their text', () => {
    const records = Array.from({ length: 3000 }, (_, i) => `${i > 0 ? ',\n' : ''}  {"n":${i},"t":"città ${i}"}`);
    const page = new PageBytes(1024);
    for (const record of records) page.write(record);
    expect(page.bytes().equals(Buffer.from(records.join(''), 'utf8'))).toBe(true);
  });
});
