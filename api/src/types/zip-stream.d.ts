/** The part of zip-stream (archiver's ZIP engine, no types of its own) that export-zip.ts extends. */
declare module 'zip-stream' {
  import { Transform } from 'node:stream';

  class ZipStream extends Transform {
    constructor(options?: object);
    entry(source: unknown, data: object, callback?: (error: Error | null) => void): this;
    finalize(): void;
    protected _smartStream(
      entry: ZipArchiveEntry,
      callback: (error: Error | null, entry: ZipArchiveEntry) => void,
    ): Transform;
    protected _afterAppend(entry: ZipArchiveEntry): void;
  }

  /** The part of an entry (compress-commons' ZipArchiveEntry) a stream that deflates it itself sets. */
  interface ZipArchiveEntry {
    setCrc(crc: number): void;
    setSize(size: number): void;
    setCompressedSize(size: number): void;
  }
  export = ZipStream;
}
