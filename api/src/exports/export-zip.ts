import type { ArchiverOptions } from 'archiver';

/**
 * How the packages are compressed, shared with the benchmark's floor (`bench/export.ts`) so that
 * both compress alike: deflate at level 6 (zlib's default). zlib's output buffer is 256 KB
 * rather than 16 KB: the compressed bytes are the same, but a page of records (about 600 KB of
 * JSON) goes through the thread pool in a few passes instead of dozens, each of which waited
 * for the event loop to be free of the next page (about 15 % of the heavy export's time).
 */
export const ZIP_OPTIONS: ArchiverOptions = { zlib: { level: 6, chunkSize: 256 * 1024 } };
