import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';

/**
 * Every entry of a ZIP held in memory (test-sized archives only). Each entry's bytes are checked
 * against the CRC-32 its header records, as `unzip -t` does (yauzl does not).
 */
export function readZip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('not a ZIP'));
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err ?? new Error(`cannot read ${entry.fileName}`));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            const data = Buffer.concat(chunks);
            if (crc32(data) !== entry.crc32 >>> 0)
              return reject(
                new Error(`${entry.fileName}: CRC-32 ${crc32(data)} of its bytes, ${entry.crc32} recorded`),
              );
            entries.set(entry.fileName, data);
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
