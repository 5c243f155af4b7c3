import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { CHUNK_BYTES, openChunk, sealChunk } from './package-rules';
import { PortalPackageChunk } from './package.entity';

/**
 * Where a published package's ZIP is kept: in the database (every instance of the console
 * reaches it, a backup restores nothing a sweep already deleted), in sealed pieces of 1 MiB,
 * written as the export streams and read back as the download streams.
 */
export class PackageSink extends Writable {
  private pending: Buffer[] = [];
  private held = 0;
  private seq = 0;
  private readonly hash = createHash('sha256');
  size = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly key: Buffer,
    readonly packageId: string,
  ) {
    super();
  }

  /** The ZIP's SHA-256, once it is all written. */
  get sha256(): string {
    return this.hash.copy().digest('hex');
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    this.pending.push(chunk);
    this.held += chunk.length;
    if (this.held < CHUNK_BYTES) return done();
    this.flush().then(() => done(), done);
  }

  override _final(done: (error?: Error | null) => void): void {
    this.flush().then(() => done(), done);
  }

  private async flush(): Promise<void> {
    if (!this.held) return;
    const bytes = Buffer.concat(this.pending);
    this.pending = [];
    this.held = 0;
    const seq = this.seq++;
    await this.dataSource
      .getRepository(PortalPackageChunk)
      .insert({ packageId: this.packageId, seq, sealed: sealChunk(this.key, this.packageId, seq, bytes) });
  }
}

/** The stored ZIP, piece after piece, opened (a piece that fails to open ends the stream with an error). */
export function packageReadable(dataSource: DataSource, key: Buffer, packageId: string): Readable {
  return Readable.from(
    (async function* () {
      for (let seq = 0; ; seq++) {
        const piece = await dataSource.getRepository(PortalPackageChunk).findOne({ where: { packageId, seq } });
        if (!piece) return;
        yield openChunk(key, packageId, seq, piece.sealed);
      }
    })(),
    { objectMode: false },
  );
}
