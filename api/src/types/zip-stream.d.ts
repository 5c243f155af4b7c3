/** The part of zip-stream (archiver's ZIP engine, no types of its own) that export-zip.ts extends. */
declare module 'zip-stream' {
  import { Transform } from 'node:stream';

  class ZipStream extends Transform {
    constructor(options?: object);
    entry(source: unknown, data: object, callback?: (error: Error | null) => void): this;
    finalize(): void;
    protected _smartStream(entry: any, callback: (error: Error | null, entry: any) => void): Transform;
    protected _afterAppend(entry: any): void;
  }
  export = ZipStream;
}
