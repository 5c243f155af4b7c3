/**
 * The UTF-8 bytes of one page of a data file, written record by record. Concatenating a page's
 * text into one string and then encoding it (`Buffer.from`) cost more than twice as much, most of
 * it flattening the long concatenated string, as each record encoded straight into the page's
 * buffer (figures: docs/performance.md). Each page gets its own buffer: it is handed to
 * zlib, which reads it later on its own thread.
 */
export class PageBytes {
  private buffer: Buffer;
  private length = 0;

  /** `expected`: about how many bytes the page will take (the size of the previous page). */
  constructor(expected = 16 * 1024) {
    this.buffer = Buffer.allocUnsafeSlow(Math.max(1024, Math.ceil(expected * 1.1)));
  }

  write(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    const room = text.length * 3;
    if (this.length + room > this.buffer.length) {
      const larger = Buffer.allocUnsafeSlow(Math.max(this.buffer.length * 2, this.length + room));
      this.buffer.copy(larger, 0, 0, this.length);
      this.buffer = larger;
    }
    this.length += this.buffer.write(text, this.length, 'utf8');
  }

  /** The bytes written; the page is not written to afterwards. */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  get size(): number {
    return this.length;
  }
}
