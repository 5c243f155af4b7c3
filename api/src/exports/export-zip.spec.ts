import { createHash } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { crc32, deflateRawSync, gzipSync, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import {
  appendDeflated,
  createPackageArchive,
  DeflatedFile,
  deflatedAround,
  gzipBody,
  middleDeflate,
  ZIP_OPTIONS,
} from './export-zip';

interface Entry {
  data: Buffer;
  crc32: number;
  size: number;
  method: number;
}

/** Every entry with what the central directory says of it. */
function entriesOf(zip: Buffer): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) => {
      if (error || !file) return reject(error ?? new Error('yauzl opened no zip file'));
      const out = new Map<string, Entry>();
      file.on('entry', (entry: yauzl.Entry) =>
        file.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err ?? new Error('yauzl opened no entry stream'));
          void buffer(stream).then((data) => {
            out.set(entry.fileName, {
              data,
              crc32: entry.crc32,
              size: entry.uncompressedSize,
              method: entry.compressionMethod,
            });
            file.readEntry();
          }, reject);
        }),
      );
      file.on('end', () => resolve(out));
      file.on('error', reject);
      file.readEntry();
    });
  });
}

/** `middle` deflated in pieces of `piece` bytes, as the readable copy of the data is. */
async function deflatedMiddle(middle: Buffer, piece: number): Promise<Buffer> {
  const deflate = middleDeflate();
  const out = buffer(deflate);
  for (let at = 0; at < middle.length; at += piece) deflate.write(middle.subarray(at, at + piece));
  deflate.end();
  return out;
}

describe('the package archive format', () => {
  it('joins a head and a tail deflated at the end around a middle deflated as it was made (fast-check)', async () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 3000 }).map((t) => Buffer.from(t, 'utf8'));
    await fc.assert(
      fc.asyncProperty(text, text, text, fc.integer({ min: 1, max: 5000 }), async (head, middle, tail, piece) => {
        const joined = await buffer(deflatedAround(head, Readable.from([await deflatedMiddle(middle, piece)]), tail));
        expect(inflateRawSync(joined).equals(Buffer.concat([head, middle, tail]))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('writes README.html of three pieces as one entry, with the CRC-32 and size of the whole file', async () => {
    const archive = createPackageArchive();
    const sink = new PassThrough();
    archive.pipe(sink);
    const zipped = buffer(sink);
    const head = Buffer.from('<html><body><h1>I suoi dati</h1>\n');
    const middle = Buffer.from(
      Array.from({ length: 20000 }, (_, i) => `<div class="msg">messaggio ${i} è qui</div>\n`).join(''),
    );
    const tail = Buffer.from('</body></html>\n');
    const whole = Buffer.concat([head, middle, tail]);
    const entry = deflatedAround(head, Readable.from([await deflatedMiddle(middle, 64 * 1024)]), tail);
    appendDeflated(archive, entry, 'README.html', { crc32: crc32(whole), size: whole.length });
    await archive.finalize();
    const readme = (await entriesOf(await zipped)).get('README.html')!;
    expect(readme.method).toBe(8);
    expect(readme.data.equals(whole)).toBe(true);
    expect(readme.crc32).toBe(crc32(whole));
    expect(readme.size).toBe(whole.length);
  });

  it('copies entries the export deflated itself beside entries archiver deflates, each with its CRC-32 and size', async () => {
    const archive = createPackageArchive();
    const sink = new PassThrough();
    archive.pipe(sink);
    const zipped = buffer(sink);

    const json = new DeflatedFile();
    const csv = new DeflatedFile();
    appendDeflated(archive, json.output, 'data/chat.json', json);
    const jsonText = Buffer.from(
      JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ i, text: `messaggio ${i} è qui` }))),
    );
    const csvText = Buffer.from(
      '\ufeffi,text\n' + Array.from({ length: 5000 }, (_, i) => `${i},messaggio ${i}\n`).join(''),
    );
    // Written side by side in pieces, as the export writes pages.
    for (let at = 0; at < jsonText.length; at += 7000) json.write(jsonText.subarray(at, at + 7000));
    for (let at = 0; at < csvText.length; at += 5000) csv.write(csvText.subarray(at, at + 5000));
    json.end();
    csv.end();
    // The CSV waits (here in memory) and follows the JSON.
    const csvDeflated = await buffer(csv.output);
    appendDeflated(archive, new PassThrough().end(csvDeflated), 'data/chat.csv', csv);
    archive.append('README', { name: 'README.txt' });
    await archive.finalize();

    const entries = await entriesOf(await zipped);
    expect([...entries.keys()]).toEqual(['data/chat.json', 'data/chat.csv', 'README.txt']);
    for (const [name, text] of [
      ['data/chat.json', jsonText],
      ['data/chat.csv', csvText],
      ['README.txt', Buffer.from('README')],
    ] as const) {
      const entry = entries.get(name)!;
      expect(entry.data.equals(text), name).toBe(true);
      expect(entry.size, name).toBe(text.length);
      expect(entry.crc32, name).toBe(crc32(text));
      expect(entry.method, name).toBe(8); // deflated
    }
    expect(csvDeflated.length).toBeLessThan(csvText.length / 3);
    expect(json.size).toBe(jsonText.length);
    expect(json.sha256()).toBe(createHash('sha256').update(jsonText).digest('hex'));
    expect(csv.sha256()).toBe(createHash('sha256').update(csvText).digest('hex'));
  });
});

describe('the deflate stream inside gzip', () => {
  const text = Buffer.from(Array.from({ length: 3000 }, (_, i) => `riga ${i}: città, "vetrina"\n`).join(''));
  const gzipped = gzipSync(text, ZIP_OPTIONS.zlib);

  /** gzipBody's output and trailer for `gzipped` cut into pieces of `size` bytes. */
  async function throughBody(size: number): Promise<{ body: Buffer; trailer: Buffer | null }> {
    let trailer: Buffer | null = null;
    const body = gzipBody((t) => (trailer = Buffer.from(t)));
    const out = buffer(body);
    for (let at = 0; at < gzipped.length; at += size) body.write(gzipped.subarray(at, at + size));
    body.end();
    return { body: await out, trailer };
  }

  it('passes the raw deflate bytes and hands over the trailer, however zlib cuts its output', async () => {
    for (const size of [1, 3, 7, 8, 9, 10, 11, 17, 4096, gzipped.length]) {
      const { body, trailer } = await throughBody(size);
      expect(body.equals(deflateRawSync(text, ZIP_OPTIONS.zlib)), `pieces of ${size}`).toBe(true);
      expect(trailer?.readUInt32LE(0), `pieces of ${size}`).toBe(crc32(text));
      expect(trailer?.readUInt32LE(4), `pieces of ${size}`).toBe(text.length);
    }
  });

  it('fails a stream cut short rather than hand over a wrong trailer', async () => {
    const body = gzipBody(() => {});
    const out = buffer(body);
    body.end(gzipped.subarray(0, 15));
    await expect(out).rejects.toThrow(/trailer/);
  });

  it('DeflatedFile gives what createDeflateRaw gives, with the CRC-32 and size of what was written', async () => {
    const file = new DeflatedFile();
    const out = buffer(file.output);
    for (let at = 0; at < text.length; at += 1000) file.write(text.subarray(at, at + 1000));
    file.end();
    expect((await out).equals(deflateRawSync(text, ZIP_OPTIONS.zlib))).toBe(true);
    expect(file.crc32).toBe(crc32(text));
    expect(file.size).toBe(text.length);
    const empty = new DeflatedFile();
    const nothing = buffer(empty.output);
    empty.end();
    expect((await nothing).equals(deflateRawSync(Buffer.alloc(0), ZIP_OPTIONS.zlib))).toBe(true);
    expect(empty.crc32).toBe(0);
  });
});
