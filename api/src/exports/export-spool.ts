import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { open, unlink, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

/**
 * One file of a package held while another is written: a ZIP is written one entry at a time,
 * and a source's JSON and CSV are made from the same rows, read from the database once. The
 * CSV (already deflated) waits here while the JSON goes into the archive, then follows it.
 *
 * Up to `memoryLimit` bytes stay in memory (every ordinary subject, and a CSV of about 20 MB
 * once deflated). Beyond, the bytes go to a
 * temporary file that is removed from its directory as soon as it is opened, so that it goes
 * with the process whatever happens, and that is encrypted (AES-256-CTR) with a key that exists
 * only in this object: what reaches the disk is personal data nobody can read once the export
 * is over. Writes are sequential; each one waits for the previous one (one write of lookahead).
 */
export class ExportSpool {
  private chunks: Buffer[] = [];
  private held = 0;
  private file: FileHandle | null = null;
  private readonly key = randomBytes(32);
  private readonly iv = randomBytes(16);
  private cipher = createCipheriv('aes-256-ctr', this.key, this.iv);
  private pending: Promise<unknown> = Promise.resolve();
  private reading: Readable | null = null;
  /** Bytes written so far (plain text). */
  size = 0;

  constructor(private readonly memoryLimit = 4 * 1024 * 1024) {}

  /** True once the bytes went to the temporary file. */
  get onDisk(): boolean {
    return this.file !== null;
  }

  /** Takes `chunk` (which must not be changed afterwards); resolves when the previous write is done. */
  async write(chunk: Buffer): Promise<void> {
    await this.pending;
    this.size += chunk.length;
    if (!this.file && this.held + chunk.length <= this.memoryLimit) {
      this.chunks.push(chunk);
      this.held += chunk.length;
      return;
    }
    if (!this.file) {
      const path = join(tmpdir(), `privacy-console-export-${randomUUID()}.part`);
      this.file = await open(path, 'wx+', 0o600);
      await unlink(path);
      const held = Buffer.concat(this.chunks);
      this.chunks = [];
      this.held = 0;
      await writeAll(this.file, this.cipher.update(held));
    }
    this.pending = writeAll(this.file, this.cipher.update(chunk));
    this.pending.catch(() => {}); // awaited by the next write, readable() or dispose()
  }

  /** Everything written, from the start, as a stream; call once, after the last write. */
  async readable(): Promise<Readable> {
    await this.pending;
    if (!this.file) {
      const chunks = this.chunks;
      this.chunks = [];
      this.reading = Readable.from(chunks, { objectMode: false });
    } else {
      const decipher = createDecipheriv('aes-256-ctr', this.key, this.iv);
      const source = this.file.createReadStream({ start: 0, autoClose: true, highWaterMark: 256 * 1024 });
      this.file = null; // the stream closes it
      source.on('error', (error) => decipher.destroy(error));
      decipher.on('close', () => source.destroy());
      this.reading = source.pipe(decipher);
    }
    return this.reading;
  }

  /** Frees what is held: the memory, the file (if it was never read or the read stopped). */
  async dispose(): Promise<void> {
    this.chunks = [];
    this.held = 0;
    this.reading?.destroy();
    await this.pending.catch(() => {});
    const file = this.file;
    this.file = null;
    await file?.close();
  }
}

/** A write to a file may take fewer bytes than given (a full disk): the rest is written, or it fails. */
async function writeAll(file: FileHandle, buffer: Buffer): Promise<void> {
  for (let offset = 0; offset < buffer.length;) {
    const { bytesWritten } = await file.write(buffer, offset, buffer.length - offset);
    if (bytesWritten === 0) throw new Error('Could not write the export spool file');
    offset += bytesWritten;
  }
}
