import archiver, { type ArchiverOptions } from 'archiver';
import { createHash } from 'node:crypto';
import { Readable, Transform, type TransformCallback, type Writable } from 'node:stream';
import { constants, createDeflateRaw, createGzip, deflateRawSync, type DeflateRaw, type Gzip } from 'node:zlib';
import ZipStream from 'zip-stream';

/**
 * How the packages are compressed, shared with the benchmark's floor (`bench/export.ts`) so that
 * both compress alike: deflate at level 6 (zlib's default). zlib's output buffer is 256 KB
 * rather than 16 KB: the compressed bytes are the same, but a page of records (about 600 KB of
 * JSON) goes through the thread pool in a few passes instead of dozens, each of which waited
 * for the event loop to be free of the next page (about 15 % of the heavy export's time).
 */
export const ZIP_OPTIONS: ArchiverOptions = { zlib: { level: 6, chunkSize: 256 * 1024 } };

/**
 * The archiver format the packages are written in: archiver's ZIP, plus entries whose bytes the
 * export has already deflated itself (`DeflatedFile`). A ZIP is written one entry at a time and
 * archiver deflates each entry as it writes it, on one zlib stream; a source's JSON and CSV are
 * made together from one read of the database, so deflating each on its own zlib stream lets the
 * two be compressed side by side on libuv's thread pool, and the CSV waits in the spool already
 * compressed (a fifth of its size). The entry is still a plain deflated ZIP entry.
 */
export const PACKAGE_FORMAT = 'zip-with-deflated-entries';

/** What zlib's gzip format puts around the deflate stream: a 10-byte header (zlib writes no name or extra fields) and CRC-32 and size, 8 bytes. */
const GZIP_HEADER = 10;
const GZIP_TRAILER = 8;

/**
 * The deflate stream inside gzip's bytes, passed on as it comes: the header is cut, and the last
 * 8 bytes seen are held back until the end, where they are the trailer, handed to `onTrailer`
 * (which may throw to fail the stream).
 */
export function gzipBody(onTrailer: (trailer: Buffer) => void): Transform {
  let header = GZIP_HEADER;
  let held = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (header > 0) {
        const cut = Math.min(header, chunk.length);
        header -= cut;
        chunk = chunk.subarray(cut);
      }
      if (held.length + chunk.length <= GZIP_TRAILER) {
        held = Buffer.concat([held, chunk]);
      } else if (chunk.length >= GZIP_TRAILER) {
        if (held.length > 0) this.push(held);
        this.push(chunk.subarray(0, chunk.length - GZIP_TRAILER));
        held = Buffer.from(chunk.subarray(chunk.length - GZIP_TRAILER)); // a copy: the chunk is not kept
      } else {
        const both = Buffer.concat([held, chunk]);
        this.push(both.subarray(0, both.length - GZIP_TRAILER));
        held = both.subarray(both.length - GZIP_TRAILER);
      }
      done();
    },
    flush(done) {
      if (header > 0 || held.length !== GZIP_TRAILER)
        return done(new Error('zlib ended without a complete gzip trailer'));
      try {
        onTrailer(held);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

/**
 * A file the export deflates itself, to be appended with `appendDeflated`; it also measures what
 * was written: size and CRC-32 for the ZIP entry, SHA-256 for the package's manifest.
 *
 * zlib deflates it in the gzip format and the gzip header and trailer are cut off: what is left
 * is the raw deflate stream a ZIP entry holds (the same bytes `createDeflateRaw` gives), and the
 * trailer carries the CRC-32, which zlib computes on its own thread as it copies the input into
 * its window, instead of the main thread's `zlib.crc32` (the cost: docs/performance.md).
 */
export class DeflatedFile {
  private readonly gzip: Gzip = createGzip(ZIP_OPTIONS.zlib);
  /** The deflated bytes: the source of the ZIP entry (or of the spool it waits in). */
  readonly output: Transform;
  private trailer: Buffer | null = null;
  private written = 0;
  private readonly hash = createHash('sha256');

  constructor() {
    this.output = gzipBody((trailer) => {
      // The trailer's size is the input's modulo 2^32: a check that nothing was lost on the way.
      if (trailer.readUInt32LE(4) !== this.written % 2 ** 32)
        throw new Error('zlib compressed a different number of bytes than were written');
      this.trailer = trailer;
    });
    this.gzip.on('error', (error) => this.output.destroy(error));
    this.output.on('close', () => this.gzip.destroy());
    this.gzip.pipe(this.output);
  }

  /** Like a stream's write: false asks the writer to wait for `drained()`. */
  write(chunk: Buffer): boolean {
    this.written += chunk.length;
    this.hash.update(chunk);
    return this.gzip.write(chunk);
  }

  /** Resolves when zlib can take more, or when the file was stopped. */
  drained(): Promise<void> {
    return drained(this.gzip);
  }

  /** True once stopped (`destroy`, or the entry it feeds was given up): writes go nowhere. */
  get destroyed(): boolean {
    return this.gzip.destroyed || this.output.destroyed;
  }

  /** SHA-256 (hex) of the bytes before compression; once, after the last write. */
  sha256(): string {
    return this.hash.digest('hex');
  }

  end(): void {
    this.gzip.end();
  }

  destroy(): void {
    this.gzip.destroy();
    this.output.destroy();
  }

  /** CRC-32 of the bytes before compression, as the ZIP entry records it; known once `output` has ended. */
  get crc32(): number {
    if (!this.trailer) throw new Error('The CRC-32 is known once all the deflated bytes have passed');
    return this.trailer.readUInt32LE(0);
  }

  /** Bytes before compression. */
  get size(): number {
    return this.written;
  }
}

/** Resolves when `stream` (a zlib stream the export writes to) can take more, or was stopped. */
export function drained(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/** What the archive records of an entry deflated before it: its bytes' CRC-32 and size before compression, known once they have passed. */
export interface DeflatedEntry {
  readonly crc32: number;
  readonly size: number;
}

/** Appends `deflated` (the bytes of `file.output`, possibly after a wait in a spool) as the entry `name`. */
export function appendDeflated(
  archive: archiver.Archiver,
  deflated: Readable,
  name: string,
  file: DeflatedEntry,
): void {
  archive.append(deflated, { name, deflatedFile: file } as archiver.EntryData);
}

/**
 * zlib's options for a piece of an entry that more deflated bytes follow: it ends with a sync
 * flush instead of a last block. Inflating such a piece alone takes the same.
 */
export const UNFINISHED_PIECE = { ...ZIP_OPTIONS.zlib, finishFlush: constants.Z_SYNC_FLUSH };

/**
 * A raw deflate stream for the middle of an entry (`deflatedAround`): it ends with a sync flush
 * instead of a last block, so that more deflated bytes may follow it (as pigz joins its pieces).
 * README.html's readable copy of the data is deflated with it as it is made, beside the data
 * files; the head and tail around it are only known at the end.
 */
export function middleDeflate(): DeflateRaw {
  return createDeflateRaw(UNFINISHED_PIECE);
}

/**
 * One entry's raw deflate bytes: `head` and `tail` deflated here, around `middle` (from
 * `middleDeflate`). Each piece starts a deflate stream of its own (no reference reaches into the
 * piece before) and all but the last end on a byte boundary without a last block: a decoder
 * reads them as one stream of the three texts in turn.
 */
export function deflatedAround(head: Buffer, middle: Readable, tail: Buffer): Readable {
  return Readable.from(
    (async function* () {
      yield deflateRawSync(head, UNFINISHED_PIECE);
      for await (const chunk of middle) yield chunk as Buffer;
      yield deflateRawSync(tail, ZIP_OPTIONS.zlib);
    })(),
  );
}

/**
 * zip-stream (archiver's ZIP engine) with one change: an entry that comes with a `deflatedFile`
 * is copied into the archive as it is, its CRC-32 and size taken from the file once its bytes
 * have all passed; every other entry is deflated by zip-stream as usual.
 */
class PackageZipStream extends ZipStream {
  private deflatedFile: DeflatedEntry | null = null;

  entry(source: unknown, data: { deflatedFile?: DeflatedEntry }, callback?: (error: Error | null) => void): this {
    // zip-stream calls _smartStream synchronously from here.
    this.deflatedFile = data?.deflatedFile ?? null;
    try {
      return super.entry(source, data, callback);
    } finally {
      this.deflatedFile = null;
    }
  }

  _smartStream(entry: ZipEntry, callback: (error: Error | null, entry: ZipEntry) => void): Transform {
    const file = this.deflatedFile;
    if (!file) return super._smartStream(entry, callback);
    let compressed = 0;
    let error: Error | null = null;
    const passing = new Transform({
      transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
        compressed += chunk.length;
        done(null, chunk);
      },
    });
    passing.once('end', () => {
      entry.setCrc(file.crc32 >>> 0);
      entry.setSize(file.size);
      entry.setCompressedSize(compressed);
      this._afterAppend(entry);
      callback(error, entry);
    });
    passing.once('error', (e: Error) => {
      error = e;
    });
    passing.pipe(this, { end: false });
    return passing;
  }
}

interface ZipEntry {
  setCrc(crc: number): void;
  setSize(size: number): void;
  setCompressedSize(size: number): void;
}

/** The format module archiver asks for: archiver's own ZIP plugin, on PackageZipStream. */
class PackageZip {
  readonly supports = { directory: true, symlink: true };
  private readonly engine: PackageZipStream;

  constructor(options: ArchiverOptions) {
    this.engine = new PackageZipStream({
      comment: '',
      forceUTC: false,
      namePrependSlash: false,
      store: false,
      ...options,
    });
  }

  append(source: unknown, data: { deflatedFile?: DeflatedEntry }, callback: (error: Error | null) => void): void {
    this.engine.entry(source, data, callback);
  }

  finalize(): void {
    this.engine.finalize();
  }

  on(...args: Parameters<PackageZipStream['on']>) {
    return this.engine.on(...args);
  }

  pipe(...args: Parameters<PackageZipStream['pipe']>) {
    return this.engine.pipe(...args);
  }

  unpipe(...args: Parameters<PackageZipStream['unpipe']>) {
    return this.engine.unpipe(...args);
  }
}

/** A new package archive: archiver, ZIP_OPTIONS, in PACKAGE_FORMAT. */
export function createPackageArchive(): archiver.Archiver {
  if (!archiver.isRegisteredFormat(PACKAGE_FORMAT)) archiver.registerFormat(PACKAGE_FORMAT, PackageZip);
  return archiver(PACKAGE_FORMAT as archiver.Format, ZIP_OPTIONS);
}
